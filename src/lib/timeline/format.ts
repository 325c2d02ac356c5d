/**
 * Human-readable event dates for the detail panel and tooltips. Month names come from fixed tables, not Intl, so the
 * text is the same on every machine, whatever its locale or time zone (the dates are never turned into instants).
 */
import type { DateBasis, EventDate } from '../dataset/types.ts';
import { parseIsoDate } from './extent.ts';

type Lang = 'de' | 'en';

/** Month names in the nominative, by UI language (also used by the synthetic corpus generator). */
export const MONTHS: Record<Lang, readonly string[]> = {
  de: [
    'Januar',
    'Februar',
    'März',
    'April',
    'Mai',
    'Juni',
    'Juli',
    'August',
    'September',
    'Oktober',
    'November',
    'Dezember',
  ],
  en: [
    'January',
    'February',
    'March',
    'April',
    'May',
    'June',
    'July',
    'August',
    'September',
    'October',
    'November',
    'December',
  ],
};

const UNKNOWN: Record<Lang, string> = { de: 'Datum unbekannt', en: 'Date unknown' };

const BASIS: Record<DateBasis, Record<Lang, string>> = {
  text: { de: 'laut Artikeltext', en: 'from the article text' },
  header: { de: 'Datum der Veröffentlichung', en: 'publication date' },
  sidecar: { de: 'Kuratorenangabe', en: 'curator’s note' },
};

type Parsed = NonNullable<ReturnType<typeof parseIsoDate>>;

function dayMonth(p: Parsed, lang: Lang): string {
  return lang === 'de' ? `${p.day}. ${MONTHS.de[p.month]}` : `${p.day} ${MONTHS.en[p.month]}`;
}

/** One date at its own precision, optionally without the year (when the other end of a range carries it). */
function single(p: Parsed, lang: Lang, withYear = true): string {
  const year = withYear ? ` ${p.year}` : '';
  switch (p.unit) {
    case 'year':
      return String(p.year);
    case 'month':
      return `${MONTHS[lang][p.month]}${year}`;
    case 'day':
      return `${dayMonth(p, lang)}${year}`;
  }
}

/**
 * `13. Juli 2025` / `13 July 2025`, `Juli 2021`, `2001`. Ranges share what both ends have in common:
 * `20.–22. März 2023`, `28. Februar – 2. März 2023`, `30. Dezember 2023 – 2. Januar 2024`, `März – Mai 2022`,
 * `2001–2003`. Ends of different precision are written out in full on both sides.
 */
export function formatEventDate(date: EventDate, lang: Lang): string {
  const start = date.precision === 'unknown' || !date.start ? null : parseIsoDate(date.start);
  if (!start) return UNKNOWN[lang];
  const end = date.end ? parseIsoDate(date.end) : null;
  if (!end || date.end === date.start) return single(start, lang);
  if (end.unit !== start.unit) return `${single(start, lang)} – ${single(end, lang)}`;
  const sameYear = start.year === end.year;
  switch (start.unit) {
    case 'year':
      return `${start.year}–${end.year}`;
    case 'month':
      return `${single(start, lang, !sameYear)} – ${single(end, lang)}`;
    case 'day':
      if (sameYear && start.month === end.month) {
        const tail = `${MONTHS[lang][end.month]} ${end.year}`;
        return lang === 'de' ? `${start.day}.–${end.day}. ${tail}` : `${start.day}–${end.day} ${tail}`;
      }
      return `${single(start, lang, !sameYear)} – ${single(end, lang)}`;
  }
}

/** Where the date came from, as a short note next to it. */
export function formatBasis(basis: DateBasis, lang: Lang): string {
  return BASIS[basis][lang];
}
