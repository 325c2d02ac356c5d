/**
 * What the export buttons do, in one module the menu loads on first use: the SVG, PNG, CSV and JSON writers and
 * the citation are not needed for the first view, so they stay out of the initial bundle.
 */
import { citation } from '../../lib/export/citation.ts';
import { saveBlob, svgToPng } from '../../lib/export/download.ts';
import { exportFileName } from '../../lib/export/filename.ts';
import { timelineSvg } from '../../lib/export/svg.ts';
import { exportRows, toCsv, toJson } from '../../lib/export/table.ts';
import type { TimelineState } from '../../lib/state/timeline.svelte.ts';
import { exportInput, shownEvents } from './export-view.ts';

const fileName = (view: TimelineState, ext: string) => exportFileName(view.filters, view.visibleWindow, view.q, ext);

export function exportSvg(view: TimelineState) {
  const { svg } = timelineSvg(exportInput(view));
  saveBlob(fileName(view, 'svg'), new Blob([svg], { type: 'image/svg+xml' }));
}

export async function exportPng(view: TimelineState) {
  const { svg, width, height } = timelineSvg(exportInput(view));
  saveBlob(fileName(view, 'png'), await svgToPng(svg, width, height, 2));
}

export function exportCsv(view: TimelineState) {
  const csv = toCsv(exportRows(shownEvents(view), view.dataset, view.lang));
  saveBlob(fileName(view, 'csv'), new Blob([csv], { type: 'text/csv;charset=utf-8' }));
}

export function exportJson(view: TimelineState) {
  const input = exportInput(view);
  const json = toJson(shownEvents(view), view.dataset, { url: location.href, filterSummary: input.filterSummary });
  saveBlob(fileName(view, 'json'), new Blob([json], { type: 'application/json' }));
}

/** The citation of the current view (reads filters, query, selection and window, so a $derived follows them). */
export function citationOf(view: TimelineState): string {
  const input = exportInput(view);
  return citation(view.lang, {
    title: input.title,
    dataDate: view.dataset.dataDate,
    url: location.href,
    accessed: new Date().toISOString().slice(0, 10),
    filterSummary: input.filterSummary,
  });
}
