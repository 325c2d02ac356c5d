/**
 * A period filter (from/to, by facet or URL) also becomes the visible window, so the chart shows what the filter
 * selects. Call from a view component (it uses $effect): it must work whether or not the facet panel is open.
 */
import type { TimelineState } from './timeline.svelte.ts';

export function syncPeriodWindow(state: TimelineState) {
  $effect(() => {
    const { from, to } = state.filters;
    if (!from && !to) return;
    const start = from ? Date.UTC(+from.slice(0, 4), from.length > 4 ? +from.slice(5, 7) - 1 : 0, 1) : state.full[0];
    const end = to
      ? Date.UTC(+to.slice(0, 4) + (to.length > 4 ? 0 : 1), to.length > 4 ? +to.slice(5, 7) : 0, 1)
      : state.full[1];
    if (end > start) state.window = [start, end];
  });
}
