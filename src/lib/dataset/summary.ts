/** Figures for the dataset's title line: how many contacts, from how many articles, over which years. */
import type { Dataset } from './types.ts';

export interface DatasetSummary {
  contacts: number;
  articles: number;
  /** First and last year with a dated contact; null when nothing is dated. */
  years: [number, number] | null;
}

export function summarizeDataset(dataset: Pick<Dataset, 'events' | 'documents'>): DatasetSummary {
  let first = Infinity;
  let last = -Infinity;
  for (const event of dataset.events) {
    for (const d of [event.date.start, event.date.end]) {
      if (!d) continue;
      const year = Number(d.slice(0, 4));
      if (year < first) first = year;
      if (year > last) last = year;
    }
  }
  return {
    contacts: dataset.events.length,
    articles: dataset.documents.length,
    years: Number.isFinite(first) ? [first, last] : null,
  };
}
