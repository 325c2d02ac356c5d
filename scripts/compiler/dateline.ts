/**
 * Datelines: "MOSKAU (dpa) –", "ASTANA, July 3 (Xinhua) --", "BEIJING, Oct 15 (Reuters) -", "Москва. 3 декабря.
 * INTERFAX -". A dateline says where and when a report was filed: its date is the article's reference date (often
 * more precise than the header), never the date of a contact.
 */
import { findDates, parseIsoPartial, type Language, type PartialDate } from './dates.ts';

export interface Dateline {
  span: [number, number];
  date: PartialDate | null;
}

const LATIN =
  /^[ \t]*\p{Lu}[\p{L}'’.-]*(?:[ \t]+\p{Lu}[\p{L}'’.-]*){0,3}(?:,[ \t]*[^\n()–—]{1,30}?)?[ \t]*(?:\([^()\n]{1,40}\))?[ \t]*(?:--|–|—|-)[ \t]/u;
const RUSSIAN = /^[ \t]*\p{Lu}[\p{L}-]+\.[ \t]*\d{1,2}[ \t]+\p{L}+\.[ \t]*\p{Lu}[\p{L}-]*[ \t]*[-–—][ \t]/u;

export function findDatelineAt(
  text: string,
  bodyStart: number,
  reference: PartialDate | null,
  language: Language,
): Dateline | null {
  let start = bodyStart;
  while (start < text.length && /\s/.test(text[start]!)) start++;
  const head = text.slice(start, start + 120);
  const m = LATIN.exec(head) ?? RUSSIAN.exec(head);
  if (!m) return null;
  const span: [number, number] = [start, start + m[0].trimEnd().length];
  const found = findDates(m[0], reference, language).find((d) => d.value && d.value.precision === 'day');
  return { span, date: found?.value ? (parseIsoPartial(found.value.start) ?? null) : null };
}

/** Whether a dateline's date can refine the header's: same period, finer precision (or no header at all). */
export function refines(dateline: PartialDate, reference: PartialDate | null): boolean {
  if (!reference) return true;
  return dateline.start.startsWith(reference.start) && dateline.start.length > reference.start.length;
}
