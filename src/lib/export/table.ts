/**
 * The filtered events as flat rows (one per event, ISO dates, precision, names in the UI language, sources) for the
 * CSV export, the JSON export and the print table. Framework-free.
 */
import { csvFormat, csvParse } from 'd3-dsv';
import type { ContactEvent, Dataset, StoredEvent } from '../dataset/types.ts';
import { entityLabel, type Language } from '../i18n/messages.ts';

export const EXPORT_COLUMNS = [
  'id',
  'title',
  'kind',
  'status',
  'date_start',
  'date_end',
  'date_precision',
  'date_basis',
  'participants',
  'forum',
  'forums_mentioned',
  'place',
  'topics',
  'sources',
] as const;
export type ExportRow = Record<(typeof EXPORT_COLUMNS)[number], string>;

export function exportRows(events: readonly ContactEvent[], dataset: Dataset, lang: Language): ExportRow[] {
  const e = dataset.entities;
  const docs = new Map(dataset.documents.map((d) => [d.id, d]));
  const names = (table: 'people' | 'places' | 'forums' | 'topics', keys: readonly string[]) =>
    keys.map((k) => entityLabel(e[table][k], lang, k)).join('; ');
  return events.map((event) => ({
    id: event.id,
    title: event.titles?.[lang] ?? event.title,
    kind: event.kind,
    status: event.status,
    date_start: event.date.start ?? '',
    date_end: event.date.end ?? '',
    date_precision: event.date.precision,
    date_basis: event.date.basis,
    participants: names('people', event.participants),
    forum: event.forum ? names('forums', [event.forum]) : '',
    forums_mentioned: names('forums', event.forumsMentioned),
    place: event.place ? names('places', [event.place]) : '',
    topics: names('topics', event.topics),
    sources: event.sources
      .map((s) => {
        const d = docs.get(s.document);
        return [d?.publisher, d?.url, d?.file].filter(Boolean).join(' ');
      })
      .join('; '),
  }));
}

export function toCsv(rows: readonly ExportRow[]): string {
  return csvFormat(rows as ExportRow[], [...EXPORT_COLUMNS]);
}

/** Parses an exported CSV back (used by tests and by anyone re-importing). */
export function fromCsv(text: string): ExportRow[] {
  return csvParse(text) as unknown as ExportRow[];
}

/**
 * The filtered events themselves, with the dataset's metadata and the view that selected them. Sources carry their
 * document and status but no evidence: evidence is character ranges into article texts the export does not include
 * (and which the web edition keeps in chunk files), so every edition exports the same.
 */
export function toJson(
  events: readonly StoredEvent[],
  dataset: Dataset,
  view: { url: string; filterSummary: string },
): string {
  return `${JSON.stringify(
    {
      title: dataset.title,
      dataDate: dataset.dataDate,
      view: view.url,
      filters: view.filterSummary,
      count: events.length,
      events: events.map((e) => ({
        ...e,
        sources: e.sources.map(({ document, status }) => ({ document, status })),
      })),
    },
    null,
    2,
  )}\n`;
}
