/** Gathers what every export of the current view needs from the state, so each format reads the same view. */
import { filterSummary } from '../../lib/export/summary.ts';
import type { SvgExportInput } from '../../lib/export/svg.ts';
import type { TimelineState } from '../../lib/state/timeline.svelte.ts';

export const EXPORT_WIDTH = 1200;

export function exportInput(view: TimelineState): SvgExportInput {
  const title = view.dataset.titles?.[view.lang] ?? view.dataset.title;
  return {
    items: view.items,
    undated: view.undated,
    laneMode: view.laneMode,
    window: view.visibleWindow,
    width: EXPORT_WIDTH,
    lang: view.lang,
    t: view.t,
    title,
    filterSummary: filterSummary(view.filters, view.q, view.dataset.entities, view.lang, view.t),
    sourceLine: view.t.sourceLine(title, location.href),
    dataDate: view.dataset.dataDate,
  };
}

/** The events the view shows, in chronological order (dated first, undated last). */
export function shownEvents(view: TimelineState) {
  return [...view.items.map((i) => i.event), ...view.undated];
}
