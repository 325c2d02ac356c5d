/**
 * Date expressions in German, English and Russian news sentences, resolved against the article's
 * publication date at the precision the words actually carry.
 *
 * Design notes (why it looks like this):
 * - No `Date` objects at all: calendar arithmetic uses plain integers (days since 1970-01-01 via the
 *   civil-from-days algorithm), so results cannot depend on the process time zone.
 * - A small, ordered rule table per language. Every rule is a precompiled global, case-insensitive,
 *   Unicode regex plus a handler. All rules run, then overlapping candidates are resolved by
 *   "longest match wins" (earlier rule wins a tie). A handler may veto a match (e.g. "Agenda 2030").
 * - One cheap trigger regex per language runs first; sentences without digits and without any
 *   month/weekday/relative stem return immediately (this runs on every sentence of every article).
 * - Word boundaries are lookarounds over \p{L}\p{N} because JS `\b` is ASCII-only ("Maier", "Mail",
 *   "Augustin", "завтрак" must not match).
 * - Spans cover the date words plus modifiers that change their meaning ("Anfang Juli",
 *   "vergangenen Dienstag", "Jahr 2001", "2001 году"), but never a bare leading preposition
 *   ("am", "im", "vom", "on", "in", "в", "с", "на"): those are used only as context.
 * - Yearless expressions ("im Mai", "am 3. Januar", "Montag") resolve to the most recent match at or
 *   before the reference; explicit future words ("kommenden", "next") or a future marker in the same
 *   clause ("soll", "will", "is set to", "состоится") flip this to the next match at or after it.
 */

import { requiredLetters } from './prefilter.ts';
import { WordMemo, type Token } from './tokens.ts';

export type Precision = 'day' | 'month' | 'year' | 'unknown';
/** A calendar value written at its precision: '2021', '2021-07', '2021-07-13'. */
export interface PartialDate {
  start: string;
  end?: string;
  precision: Exclude<Precision, 'unknown'>;
}
export type Relation = 'absolute' | 'relative' | 'weekday' | 'anaphoric';
export type Direction = 'past' | 'future' | 'same' | 'unknown';
export interface DateMention {
  span: [number, number];
  text: string;
  value: PartialDate | null;
  relation: Relation;
  direction: Direction;
}
export type Language = 'de' | 'en' | 'ru';

// ---------------------------------------------------------------------------------------------
// Integer calendar arithmetic (proleptic Gregorian, no time zones involved).

const isLeap = (y: number): boolean => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
function daysInMonth(y: number, m: number): number {
  return m === 2 && isLeap(y) ? 29 : (DAYS_IN_MONTH[m - 1] ?? 0);
}
function validDay(y: number, m: number, d: number): boolean {
  return m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m);
}
/** Days since 1970-01-01 (H. Hinnant's days_from_civil). */
function dayNumber(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const mp = (m + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}
function civil(z: number): [number, number, number] {
  const zz = z + 719468;
  const era = Math.floor(zz / 146097);
  const doe = zz - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return [yoe + era * 400 + (m <= 2 ? 1 : 0), m, d];
}
/** ISO weekday, 1 = Monday … 7 = Sunday (1970-01-01 was a Thursday). */
const isoWeekday = (z: number): number => ((((z + 3) % 7) + 7) % 7) + 1;

const p2 = (n: number): string => String(n).padStart(2, '0');
const p4 = (n: number): string => String(n).padStart(4, '0');

/** Read-only: parsed values are shared (see splitIso). */
interface Parts {
  readonly y: number;
  readonly m?: number;
  readonly d?: number;
}
function fmt(p: Parts): string {
  if (p.m === undefined) return p4(p.y);
  if (p.d === undefined) return `${p4(p.y)}-${p2(p.m)}`;
  return `${p4(p.y)}-${p2(p.m)}-${p2(p.d)}`;
}
function precisionOf(p: Parts): PartialDate['precision'] {
  return p.d !== undefined ? 'day' : p.m !== undefined ? 'month' : 'year';
}
function single(p: Parts): PartialDate {
  return { start: fmt(p), precision: precisionOf(p) };
}
function range(a: Parts, b: Parts): PartialDate {
  return { start: fmt(a), end: fmt(b), precision: precisionOf(a) };
}
/**
 * Parsed ISO values: merging compares every candidate's dates many times over, and a corpus holds few distinct ones.
 * The parts are shared, so no caller may change them (none does: Parts are only read).
 */
const isoParts = new Map<string, Parts | null>();
const MAX_CACHED_ISO = 50_000;
function splitIso(s: string): Parts | null {
  let parts = isoParts.get(s);
  if (parts === undefined) {
    if (isoParts.size >= MAX_CACHED_ISO) isoParts.clear();
    parts = parseIso(s);
    isoParts.set(s, parts);
  }
  return parts;
}
function parseIso(s: string): Parts | null {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(s);
  if (!m) return null;
  const y = Number(m[1]);
  if (m[2] === undefined) return { y };
  const mo = Number(m[2]);
  if (mo < 1 || mo > 12) return null;
  if (m[3] === undefined) return { y, m: mo };
  const d = Number(m[3]);
  return validDay(y, mo, d) ? { y, m: mo, d } : null;
}
/** The parts of the reference date, which every sentence of an article shares: parsed once per distinct value. */
let lastReference: { iso: string; parts: Parts | null } | null = null;
function referenceParts(iso: string): Parts | null {
  if (lastReference?.iso !== iso) lastReference = { iso, parts: splitIso(iso) };
  return lastReference.parts;
}
function addMonths(y: number, m: number, n: number): Parts {
  const idx = y * 12 + (m - 1) + n;
  return { y: Math.floor(idx / 12), m: (((idx % 12) + 12) % 12) + 1 };
}

// ---------------------------------------------------------------------------------------------
// Public helpers on partial dates.

/** Parse a publication date 'YYYY', 'YYYY-MM', 'YYYY-MM-DD' (an ISO time part is ignored) or 'DD.MM.YYYY'. */
export function parseIsoPartial(s: string): PartialDate | null {
  const t = s.trim();
  // The date as written is kept even when a time/offset follows: the article's own calendar day.
  const iso = /^(\d{4}(?:-\d{2}(?:-\d{2})?)?)(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/.exec(t);
  if (iso) {
    const p = splitIso(iso[1] ?? '');
    if (p && iso[0] !== iso[1] && p.d === undefined) return null; // a time needs a full date
    return p ? single(p) : null;
  }
  const dot = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(t);
  if (dot) {
    const y = Number(dot[3]);
    const m = Number(dot[2]);
    const d = Number(dot[1]);
    return validDay(y, m, d) ? single({ y, m, d }) : null;
  }
  return null;
}

/** First and last day (as day numbers) covered by a partial date, including its `end`. */
function interval(p: PartialDate): [number, number] | null {
  const a = splitIso(p.start);
  const b = p.end !== undefined ? splitIso(p.end) : a;
  if (!a || !b) return null;
  const first = dayNumber(a.y, a.m ?? 1, a.d ?? 1);
  const bm = b.m ?? 12;
  const last = dayNumber(b.y, bm, b.d ?? daysInMonth(b.y, bm));
  return [first, last];
}

/**
 * Compatible = one date's interval contains the other's: '2021-07' ⊇ '2021-07-16', '2021' ⊇ '2021-07',
 * a range 16–17 July ⊇ 16 July. Partially overlapping or disjoint values are not compatible.
 */
export function compatible(a: PartialDate, b: PartialDate): boolean {
  const ia = interval(a);
  const ib = interval(b);
  if (!ia || !ib) return false;
  return (ia[0] <= ib[0] && ib[1] <= ia[1]) || (ib[0] <= ia[0] && ia[1] <= ib[1]);
}

/**
 * Months (counted as year × 12 + month − 1) of a partial date's first and last day, or null when it has no valid
 * interval (a malformed or inverted value). Two compatible dates always share one of these months; an index can
 * file dates under them.
 */
export function monthSpan(p: PartialDate): [number, number] | null {
  const iv = interval(p);
  if (!iv || iv[1] < iv[0]) return null;
  const [y0, m0] = civil(iv[0]);
  const [y1, m1] = civil(iv[1]);
  return [y0 * 12 + m0 - 1, y1 * 12 + m1 - 1];
}

const RANK: Record<PartialDate['precision'], number> = { year: 0, month: 1, day: 2 };

/** The more precise of two (compatible) dates: the narrower interval, then the finer precision; `a` on a tie. */
export function morePrecise(a: PartialDate, b: PartialDate): PartialDate {
  const ia = interval(a);
  const ib = interval(b);
  if (ia && ib) {
    const wa = ia[1] - ia[0];
    const wb = ib[1] - ib[0];
    if (wa !== wb) return wb < wa ? b : a;
  }
  return RANK[b.precision] > RANK[a.precision] ? b : a;
}

/**
 * 'YYYY-MM-DD|r|YYYY-MM-DD': first day, precision rank (coarser first on ties), last day.
 * Null values sort after everything.
 */
export function sortKey(d: PartialDate | null): string {
  const iv = d ? interval(d) : null;
  if (!d || !iv) return '9999-99-99|9|9999-99-99';
  return `${fmt(partsOf(iv[0]))}|${RANK[d.precision]}|${fmt(partsOf(iv[1]))}`;
}
function partsOf(z: number): Parts {
  const [y, m, d] = civil(z);
  return { y, m, d };
}

// ---------------------------------------------------------------------------------------------
// Vocabulary.

const S = String.raw;
/** Start/end boundaries that understand non-ASCII letters. */
const B = S`(?<![\p{L}\p{N}])`;
const E = S`(?![\p{L}\p{N}])`;
/** Before a day number: not glued to a word/number, not after "COVID-", "1/", "3,". */
const DB = S`(?<![\p{L}\p{N}.,]|[\p{L}\p{N}][-–—\/])`;
/** Before a bare 4-digit year: not part of a larger number, code ("G2020", "COVID-2019") or price. */
const YB = S`(?<![\p{L}\p{N}_.,\/$€£¥№]|[\p{L}\p{N}][-–—])`;

interface LangDef {
  monFull: string; // full month names (the only ones accepted without a day or a year)
  monAbbr: string;
  day: (g: string) => string;
  year: string; // contains (?<y>…)
  ysep: string; // between month and year
  of: string; // optional between day and month
  dconn: string; // day-range connector
  mconn: string; // month/cross-month range connector
  mod: string; // Anfang/Mitte/Ende
  adj: string; // next/last/this before a bare month or weekday
  relYear: string; // "Juli vergangenen Jahres"
  weekday: string;
  yearPrefix: string; // words kept in a year's span ("Jahr 2001", "Ende 2019")
  yearConn: string;
  yearSuffix: string;
  dotCue: string; // words that must precede a yearless "16.07."
  rel: RelWord[];
  future: string;
  boundary: string; // clause boundaries that stop a future marker's reach
  trigger: string;
}

type RelKind = 'day' | 'week' | 'month' | 'year';
interface RelWord {
  src: string; // may contain (?<adj>…) whose offset replaces `n`
  kind: RelKind;
  n: number;
  relation: 'relative' | 'anaphoric';
}

const DE_DAYPART = S`(?:\s+(?:früh|frueh|vormittag|mittag|nachmittag|abend|nacht|morgen))?`;
const DE_ADJ_END = S`(?:e|er|es|en|em)?`;
const DE_ADJ = S`letzt|vergangen|vorig|dies|nächst|naechst|nachst|kommend`;
// The stems share one `\p{L}{0,3}` ending: "(?:a|b)x" tries exactly what "ax|bx" tries, in the same order, but V8
// compiles each copy of a Unicode class separately (and a {0,3} into three), which made these rules the slowest to
// compile by far.
const RU_ADJ = S`(?:позапрошл|прошл|следующ|будущ|текущ|минувш|предыдущ|ближайш)\p{L}{0,3}|эт(?:ой|ом|ого|от|у|а|о)`;
const RU_YEAR_SUFFIX = S`(?:\s*(?:года|году|год|гг?\.?))?`;

const LANGS: Record<Language, LangDef> = {
  de: {
    monFull: S`januar|j(?:ä|ae|a|[?\uFFFD])nner|februar|feber|m(?:ä|ae|a|[?\uFFFD])rz|april|mai|juni|juli|august|september|oktober|november|dezember`,
    monAbbr: S`(?:jan|febr?|mär|mrz|apr|jun|jul|aug|sept?|okt|nov|dez)\.?`,
    day: (g) => S`(?<${g}>\d{1,2})\.?`,
    year: S`(?<y>\d{4})`,
    ysep: S`\s+`,
    of: '',
    dconn: S`\s*(?:[-–—]|bis(?:\s+(?:zum|einschließlich))?|und|u\.|sowie)\s*`,
    mconn: S`\s*(?:[-–—]|bis(?:\s+(?:zum|einschließlich))?)\s*`,
    mod: S`anfang|mitte|ende`,
    adj: S`kommenden|nächsten|naechsten|vergangenen|letzten|vorigen|diesen`,
    relYear: S`(?<ry>vergangenen|letzten|vorigen|dieses|diesen|nächsten|naechsten|kommenden)\s+jahres`,
    weekday: S`(?<wd>montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonnabend|sonntag)(?:früh|abend|morgen|vormittag|mittag|nachmittag|nacht)?`,
    yearPrefix: S`jahre?s?|anfang|mitte|ende|frühjahr|frühling|sommer|herbst|winter`,
    yearConn: S`\s*(?:[-–—]|bis)\s*`,
    yearSuffix: '',
    dotCue: S`am|vom|bis|zum|seit|ab|den|dem`,
    rel: [
      { src: S`heute${DE_DAYPART}`, kind: 'day', n: 0, relation: 'relative' },
      { src: S`gestern${DE_DAYPART}`, kind: 'day', n: -1, relation: 'relative' },
      { src: S`vorgestern${DE_DAYPART}`, kind: 'day', n: -2, relation: 'relative' },
      // "morgen" is also "Morgen" (morning): skip it after articles/adjectives that make it the noun.
      {
        src: S`(?<!(?:am|vom|zum|dem|den|der|des|jeden|eines|einem|guten|diesen|diesem|frühen|späten|nächsten|selben|gleichen|heute|gestern|vorgestern)\s+)morgen(?:\s+(?:früh|vormittag|mittag|nachmittag|abend))?`,
        kind: 'day',
        n: 1,
        relation: 'relative',
      },
      { src: S`(?:übermorgen|uebermorgen)`, kind: 'day', n: 2, relation: 'relative' },
      { src: S`(?<adj>${DE_ADJ})${DE_ADJ_END}\s+woche`, kind: 'week', n: 0, relation: 'relative' },
      { src: S`vorwoche`, kind: 'week', n: -1, relation: 'relative' },
      { src: S`(?<adj>${DE_ADJ})${DE_ADJ_END}\s+monat(?:s|es)?`, kind: 'month', n: 0, relation: 'relative' },
      { src: S`vormonat(?:s|es)?`, kind: 'month', n: -1, relation: 'relative' },
      { src: S`(?<adj>${DE_ADJ})${DE_ADJ_END}\s+jahr(?:s|es)?`, kind: 'year', n: 0, relation: 'relative' },
      { src: S`vorjahr(?:s|es)?`, kind: 'year', n: -1, relation: 'relative' },
      { src: S`heuer`, kind: 'year', n: 0, relation: 'relative' },
      { src: S`(?:vortag(?:s|es)?|vorabend)`, kind: 'day', n: -1, relation: 'anaphoric' },
      { src: S`tags\s+zuvor`, kind: 'day', n: -1, relation: 'anaphoric' },
      { src: S`(?:folgetag(?:s|es)?|tags\s+darauf)`, kind: 'day', n: 1, relation: 'anaphoric' },
      { src: S`(?<=(?:am|dem)\s+)(?:selben|gleichen|selbigen)\s+tag`, kind: 'day', n: 0, relation: 'anaphoric' },
      {
        src: S`(?<=(?:am|dem)\s+)(?:nächsten|naechsten|folgenden|darauffolgenden|darauf\s+folgenden)\s+tag`,
        kind: 'day',
        n: 1,
        relation: 'anaphoric',
      },
    ],
    // "will" is "wants to" in German: an intention, so it points forward just like "soll"/"wird".
    future: S`${B}(?:wird|werden|werde|soll|sollen|solle|will|wollen|plant|planen|geplant|beabsichtigt|beabsichtigen|vorgesehen|bevorstehend\p{L}*|anstehend\p{L}*|künftig\p{L}*)${E}`,
    boundary: S`dass|sagte|sagten|erklärte|erklärten|betonte|betonten|hieß|teilte|teilten|berichtete|berichteten`,
    trigger: S`\d|jan|j.nner|feb|m.r|maerz|mrz|apr|mai|jun|jul|aug|sep|okt|nov|dez|tag|mittwoch|sonnabend|heute|gestern|morgen|vorabend|woche|monat|jahr|heuer`,
  },
  en: {
    monFull: S`january|february|march|april|may|june|july|august|september|october|november|december`,
    monAbbr: S`(?:jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)\.?`,
    day: (g) => S`(?<${g}>\d{1,2})(?:st|nd|rd|th)?`,
    year: S`(?<y>\d{4})`,
    ysep: S`,?\s+`,
    of: S`(?:of\s+)?`,
    dconn: S`\s*(?:[-–—]|to|through|till|until|and)\s*`,
    mconn: S`\s*(?:[-–—]|to|through|till|until)\s*`,
    mod: S`early|mid|late`,
    adj: S`next|last|this|coming|past`,
    relYear: S`(?:of\s+)?(?<ry>last|this|next)\s+year`,
    weekday: S`(?<wd>monday|tuesday|wednesday|thursday|friday|saturday|sunday)`,
    yearPrefix: S`year|early|mid|late|spring|summer|autumn|fall|winter`,
    yearConn: S`\s*(?:[-–—]|to|until|through)\s*`,
    yearSuffix: '',
    dotCue: S`on|from|until|since`,
    rel: [
      { src: S`(?:today|tonight|this\s+(?:morning|afternoon|evening))`, kind: 'day', n: 0, relation: 'relative' },
      { src: S`yesterday`, kind: 'day', n: -1, relation: 'relative' },
      { src: S`the\s+day\s+before\s+yesterday`, kind: 'day', n: -2, relation: 'relative' },
      { src: S`tomorrow`, kind: 'day', n: 1, relation: 'relative' },
      { src: S`the\s+day\s+after\s+tomorrow`, kind: 'day', n: 2, relation: 'relative' },
      {
        src: S`(?<adj>last|this|next|coming|past|previous|following)\s+week`,
        kind: 'week',
        n: 0,
        relation: 'relative',
      },
      { src: S`(?<adj>last|this|next|coming|previous|following)\s+month`, kind: 'month', n: 0, relation: 'relative' },
      { src: S`(?<adj>last|this|next|coming|previous|following)\s+year`, kind: 'year', n: 0, relation: 'relative' },
      {
        src: S`(?:the\s+(?:day\s+before|previous\s+day|eve)|a\s+day\s+(?:earlier|before))`,
        kind: 'day',
        n: -1,
        relation: 'anaphoric',
      },
      { src: S`(?:the|that)\s+same\s+day`, kind: 'day', n: 0, relation: 'anaphoric' },
      { src: S`(?:the\s+(?:next|following)\s+day|a\s+day\s+later)`, kind: 'day', n: 1, relation: 'anaphoric' },
    ],
    // "will" as a noun ("political will") is not a future marker.
    future: S`${B}(?:(?<!(?:the|political|good|own|free|ill|his|her|their|its)\s+)will|shall|(?:is|are|was|were)\s+(?:set|scheduled|expected|due|going)\s+to|plans?\s+to|planned|scheduled|upcoming|intends?\s+to)${E}`,
    boundary: S`that|said|says|told|stated|added|reported`,
    trigger: S`\d|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|day|tomorrow|tonight|morning|afternoon|eve|week|month|year`,
  },
  ru: {
    monFull: S`январ[ьяею]|феврал[ьяею]|март[аеу]?|апрел[ьяею]|ма[йяею]|июн[ьяею]|июл[ьяею]|август[аеу]?|сентябр[ьяею]|октябр[ьяею]|ноябр[ьяею]|декабр[ьяею]`,
    monAbbr: S`(?:янв|февр?|мар|апр|авг|сент?|окт|нояб?|дек)\.`,
    day: (g) => S`(?<${g}>\d{1,2})(?:-?го)?`,
    year: S`(?<y>\d{4})${RU_YEAR_SUFFIX}`,
    ysep: S`\s+`,
    of: '',
    dconn: S`\s*(?:[-–—]|по|до|и)\s*`,
    mconn: S`\s*(?:[-–—]|по|до)\s*`,
    mod: S`начале|середине|конце`,
    adj: S`следующем|прошлом|этом|будущем|текущем|минувшем`,
    relYear: S`(?<ry>прошлого|этого|текущего|следующего|будущего|минувшего)\s+года`,
    // "среда" is also "environment"; only the accusative "(в) среду" is taken as the weekday.
    weekday: S`(?<wd>понедельник|вторник|среду|четверг|пятниц[ауы]|суббот[ауы]|воскресень[ея])`,
    yearPrefix: S`начале|середине|конце|весной|летом|осенью|зимой`,
    yearConn: S`\s*(?:[-–—]|по|до)\s*`,
    yearSuffix: RU_YEAR_SUFFIX,
    dotCue: S`с|по|до|от|на`,
    rel: [
      { src: S`сегодня`, kind: 'day', n: 0, relation: 'relative' },
      { src: S`вчера`, kind: 'day', n: -1, relation: 'relative' },
      { src: S`позавчера`, kind: 'day', n: -2, relation: 'relative' },
      { src: S`завтра`, kind: 'day', n: 1, relation: 'relative' },
      { src: S`послезавтра`, kind: 'day', n: 2, relation: 'relative' },
      { src: S`(?<adj>${RU_ADJ})\s+недел[еиюя]`, kind: 'week', n: 0, relation: 'relative' },
      { src: S`(?<adj>${RU_ADJ})\s+месяц[еау]?`, kind: 'month', n: 0, relation: 'relative' },
      { src: S`(?<adj>${RU_ADJ})\s+год[уа]?`, kind: 'year', n: 0, relation: 'relative' },
      { src: S`(?:накануне|дн[её]м\s+ранее|за\s+день\s+до)`, kind: 'day', n: -1, relation: 'anaphoric' },
      { src: S`(?:тот|этот)\s+же\s+день`, kind: 'day', n: 0, relation: 'anaphoric' },
      { src: S`(?:(?<=на\s+)(?:следующий|другой)\s+день|дн[её]м\s+позже)`, kind: 'day', n: 1, relation: 'anaphoric' },
    ],
    future: S`${B}(?:будет|будут|планирует|планируют|планируется|запланирован\p{L}*|состоится|состоятся|намерен\p{L}*|собирается|собираются|предстоящ\p{L}*|посетит|посетят|проведут|проведёт|проведет|пройдёт|пройдет|пройдут|встретится|встретятся|отправится)${E}`,
    boundary: S`что|сказал\p{L}*|заявил\p{L}*|сообщил\p{L}*|отметил\p{L}*|рассказал\p{L}*`,
    trigger: S`\d|янв|фев|мар|апр|ма[йяею]|июн|июл|авг|сен|окт|ноя|дек|понедельник|вторник|среду|четверг|пятниц|суббот|воскресень|сегодня|вчера|завтра|накануне|дн|недел|месяц|год`,
  },
};

const MONTH_PREFIX: Record<string, number> = {
  jan: 1,
  feb: 2,
  mar: 3,
  mrz: 3,
  apr: 4,
  mai: 5,
  may: 5,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  okt: 10,
  oct: 10,
  nov: 11,
  dez: 12,
  dec: 12,
  янв: 1,
  фев: 2,
  мар: 3,
  апр: 4,
  июн: 6,
  июл: 7,
  авг: 8,
  сен: 9,
  окт: 10,
  ноя: 11,
  дек: 12,
};
function monthOf(tok: string): number {
  const t = tok
    .toLowerCase()
    .replace(/\.$/, '')
    .replace(/ae|ä|[?\uFFFD]/gu, 'a');
  const known = MONTH_PREFIX[t.slice(0, 3)];
  if (known !== undefined) return known;
  return /^ма[йяею]$/u.test(t) ? 5 : 0;
}
function weekdayOf(tok: string): number {
  const t = tok.toLowerCase();
  if (t.startsWith('sonnabend')) return 6;
  const table: [string, number][] = [
    ['mo', 1],
    ['di', 2],
    ['tu', 2],
    ['mi', 3],
    ['we', 3],
    ['do', 4],
    ['th', 4],
    ['fr', 5],
    ['sa', 6],
    ['so', 7],
    ['su', 7],
    ['пон', 1],
    ['вт', 2],
    ['ср', 3],
    ['чет', 4],
    ['пят', 5],
    ['суб', 6],
    ['вос', 7],
  ];
  for (const [p, n] of table) if (t.startsWith(p)) return n;
  return 0;
}
/** -1 / 0 / +1 (or -2) from a "last/this/next" word in any of the three languages. */
function adjOffset(adj: string): number {
  const a = adj.toLowerCase();
  if (a.startsWith('позапрошл')) return -2;
  if (/^(?:letzt|vergangen|vorig|last|past|previous|прошл|минувш|предыдущ)/u.test(a)) return -1;
  if (/^(?:nächst|naechst|nachst|kommend|next|coming|following|следующ|будущ|ближайш)/u.test(a)) return 1;
  return 0;
}

// Words that may stand capitalised right before a year ("Seit 2019", "Jahr 2001", "In 2019"); any
// other capitalised word makes it a name ("Agenda 2030", "Vision 2035", "China 2025").
const YEAR_OK_BEFORE = new Set(
  (
    'im in seit bis ab von vom nach vor um zum zur bereits schon noch erst für ende anfang mitte jahr jahre jahres jahren frühjahr frühling sommer herbst winter ' +
    'since by until till from before after in during early mid late year spring summer autumn fall winter through of the ' +
    'в во с со до после к по от на за летом весной осенью зимой начале конце середине году'
  ).split(' '),
);
// Right before a number these mean an amount, not a year ("rund 2000 Soldaten", "about 1990 people").
const AMOUNT_BEFORE = new Set(
  'rund etwa über ueber knapp fast circa ca mehr about around over nearly almost some approximately около более свыше почти примерно порядка nr no nummer number номер'.split(
    ' ',
  ),
);
const UNIT_AFTER = new RegExp(
  S`^\s*(?:%|prozent|percent|процент\p{L}*|km|kilomet\p{L}*|км|menschen|personen|people|persons|soldaten|soldiers|troops|человек|euro|dollar\p{L}*|usd|rubel\p{L}*|rubles|roubles|руб\p{L}*|долл\p{L}*|yuan|юан\p{L}*|tonnen|tonnes|tons|тонн\p{L}*|mal|times|раз)(?![\p{L}\p{N}])`,
  'iu',
);
const PREV_WORD = /(\p{L}+)\.?[\s\u00a0]+$/u;

// ---------------------------------------------------------------------------------------------
// Resolution against the reference date.

interface Ctx {
  ref: Parts | null;
  sentence: string;
  lang: Language;
  /** Span of the match being resolved (set before each handler runs). */
  at: [number, number];
  /** Future markers in the sentence, found lazily on first need. */
  markers: [number, number][] | null;
}
interface Result {
  value: PartialDate | null;
  relation: Relation;
  direction: Direction;
}
type Mode = 'default' | 'past' | 'future' | 'futureIncl' | 'this';

function modeFor(adj: string | undefined, ctx: Ctx): { mode: Mode; direction: Direction } {
  if (adj) {
    const o = adjOffset(adj);
    if (o < 0) return { mode: 'past', direction: 'past' };
    if (o > 0) return { mode: 'future', direction: 'future' };
    return { mode: 'this', direction: 'unknown' };
  }
  return futureAt(ctx) ? { mode: 'futureIncl', direction: 'future' } : { mode: 'default', direction: 'unknown' };
}

/**
 * Is the current match governed by a future marker? A marker counts when no clause boundary
 * ("that"/"dass"/"что", a speech verb, ';') stands between it and the match, so that in
 * "Xi said on Monday that they will meet in March" only March is future, while the German
 * verb-second order "Im Oktober wird Putin reisen" still counts.
 */
function futureAt(ctx: Ctx): boolean {
  const c = compiled(ctx.lang);
  if (ctx.markers === null) {
    ctx.markers = [];
    for (const m of ctx.sentence.matchAll(c.future)) ctx.markers.push([m.index, m.index + m[0].length]);
  }
  const [s, e] = ctx.at;
  return ctx.markers.some(([ms, me]) => {
    const between = me <= s ? ctx.sentence.slice(me, s) : ms >= e ? ctx.sentence.slice(e, ms) : '';
    return !c.boundary.test(between);
  });
}

/** Year of a yearless month: most recent at/before the reference month, or next at/after it when the future is marked. */
function yearFor(ref: Parts, month: number, mode: Mode): number {
  // A year-only reference cannot tell before from after: the article's own year is the best guess.
  if (ref.m === undefined) return ref.y;
  switch (mode) {
    case 'past':
      return month < ref.m ? ref.y : ref.y - 1;
    case 'future':
      return month > ref.m ? ref.y : ref.y + 1;
    case 'futureIncl':
      return month >= ref.m ? ref.y : ref.y + 1;
    case 'this':
      return ref.y;
    default:
      return month <= ref.m ? ref.y : ref.y - 1;
  }
}

/** Reference value at its own precision (used when the words are finer than the reference). */
const refAsIs = (ref: Parts): PartialDate => single(ref);

function resolveRelative(kind: RelKind, n: number, ref: Parts | null): PartialDate | null {
  if (!ref) return null;
  switch (kind) {
    case 'day':
      if (ref.m === undefined || ref.d === undefined) return refAsIs(ref);
      return single(partsOf(dayNumber(ref.y, ref.m, ref.d) + n));
    case 'week': {
      if (ref.m === undefined || ref.d === undefined) return refAsIs(ref);
      // A week is reported at month precision: the month that holds the shifted reference day.
      const p = partsOf(dayNumber(ref.y, ref.m, ref.d) + 7 * n);
      return single({ y: p.y, m: p.m });
    }
    case 'month':
      return ref.m === undefined ? single({ y: ref.y }) : single(addMonths(ref.y, ref.m, n));
    case 'year':
      return single({ y: ref.y + n });
  }
}

function resolveWeekday(wd: number, mode: Mode, ref: Parts): PartialDate {
  if (ref.m === undefined || ref.d === undefined) return refAsIs(ref); // never invent a day
  const z = dayNumber(ref.y, ref.m, ref.d);
  const cur = isoWeekday(z);
  if (mode === 'future' || mode === 'futureIncl') {
    let delta = (wd - cur + 7) % 7;
    if (delta === 0 && mode === 'future') delta = 7; // "next Friday" said on a Friday
    return single(partsOf(z + delta));
  }
  let delta = (cur - wd + 7) % 7;
  if (delta === 0 && mode === 'past') delta = 7; // "last Tuesday" said on a Tuesday
  return single(partsOf(z - delta));
}

/** Day + month with or without a year. Returns null (veto) for impossible day numbers like 32. */
function dayMonth(ctx: Ctx, d: number, month: number, yTok: string | undefined, adj?: string): Result | null {
  if (!month || d < 1 || d > 31) return null;
  if (yTok !== undefined) {
    const y = Number(yTok);
    return {
      value: validDay(y, month, d) ? single({ y, m: month, d }) : null,
      relation: 'absolute',
      direction: 'unknown',
    };
  }
  const { mode, direction } = modeFor(adj, ctx);
  if (!ctx.ref) return { value: null, relation: 'relative', direction };
  const y = yearFor(ctx.ref, month, mode);
  return { value: validDay(y, month, d) ? single({ y, m: month, d }) : null, relation: 'relative', direction };
}

// ---------------------------------------------------------------------------------------------
// Rules.

type Groups = Partial<Record<string, string>>;
interface Rule {
  /** The rule's pattern (flags 'giu'; its leading lookbehind, if any, is `lead`), compiled on first use: compiling
   *  these Unicode patterns is costly, and a rule whose gates never open in a build (another language's, a rare
   *  form's) need not be compiled at all. */
  source: string;
  re: RegExp | null;
  /** The pattern's leading lookbehind, taken out of `source` and tested on its own where a match starts (see
   *  splitLeadingLookbehind), or null when the pattern starts otherwise. */
  lead: RegExp | null;
  run: (g: Groups, ctx: Ctx, m: RegExpExecArray) => Result | null;
  /** Digit patterns every match of `re` contains (see DigitGates); checked only in sentences with a digit. */
  digitGates: RegExp[];
  /** Words every match contains at least one of (see WordGates), or null when the rule has none. */
  words: RegExp | null;
}

/**
 * Gates: most sentences hold no month name, no weekday, no relative date word and no year, yet every rule would scan
 * them. A gate is a cheap test that every match of a rule must pass; a sentence that fails it cannot match the rule,
 * which is then skipped. Gates only ever skip work that would find nothing, so they never change what is found.
 *
 * Digit gates are patterns of digits written beside the rules that need them. Word gates are derived from each
 * rule's own pattern (./prefilter.ts: "Vorjahr(?:s|es)?" needs "vorjahr") and are looked up per word, see WordGates.
 */
interface DigitGates {
  /** Some digit. */
  digit: RegExp;
  /** A year: four digits. */
  year: RegExp;
  /** An ISO date or month: "2021-07". */
  iso: RegExp;
  /** A dotted date: "16.07.", "16. 7.". */
  dotted: RegExp;
}
const DIGIT_GATES: DigitGates = { digit: /\d/u, year: /\d{4}/u, iso: /\d{4}-\d{2}/u, dotted: /\d\.\s?\d/u };

const num = (s: string | undefined): number => (s === undefined ? NaN : Number(s));

function yearOk(ctx: Ctx, start: number, end: number, y: number, hasPrefix: boolean): boolean {
  if (y < 1950 || y > 2099) return false;
  if (UNIT_AFTER.test(ctx.sentence.slice(end))) return false;
  if (hasPrefix) return true;
  const prev = PREV_WORD.exec(ctx.sentence.slice(Math.max(0, start - 40), start));
  const w = prev?.[1];
  if (!w) return true;
  const lw = w.toLowerCase();
  if (AMOUNT_BEFORE.has(lw)) return false;
  // A capitalised noun right before a year names a programme ("Agenda 2030"), not a date.
  return !/^\p{Lu}/u.test(w) || YEAR_OK_BEFORE.has(lw);
}

function buildRules(lang: Language): Rule[] {
  const L = LANGS[lang];
  const fullRe = new RegExp(S`^(?:${L.monFull})$`, 'iu');
  const isAbbr = (tok: string | undefined): boolean => tok === undefined || !fullRe.test(tok);
  const mon = (g: string): string => S`(?<${g}>${L.monFull}|${L.monAbbr})${E}`;
  const yearOpt = S`(?:${L.ysep}${L.year})?`;
  const rules: Rule[] = [];
  const gate = DIGIT_GATES;
  const add = (digitGates: RegExp[], src: string, run: Rule['run']): void => {
    const [lead, rest] = splitLeadingLookbehind(src);
    rules.push({
      source: rest,
      re: null,
      lead: lead ? leadAssertion(lead) : null,
      run,
      digitGates,
      words: wordGate(src),
    });
  };
  // Rules with a day number or a year (their month words are word gates).
  const dayAndMonth = [gate.digit];
  const monthAndYear = [gate.year];

  // Cross-month day range: "30. Juni bis 2. Juli 2024", "30 июня – 2 июля".
  add(
    dayAndMonth,
    S`${DB}${L.day('d1')}\s*${L.of}${mon('m1')}${L.mconn}${L.day('d2')}\s*${L.of}${mon('m2')}${yearOpt}${E}`,
    (g, ctx) => crossRange(ctx, num(g.d1), monthOf(g.m1 ?? ''), num(g.d2), monthOf(g.m2 ?? ''), g.y),
  );
  // Same-month day range: "16. bis 17. September 2024", "16.–17. September", "20–22 March", "с 20 по 22 марта".
  add(dayAndMonth, S`${DB}${L.day('d1')}${L.dconn}${L.day('d2')}\s*${L.of}${mon('m1')}${yearOpt}${E}`, (g, ctx) => {
    const m = monthOf(g.m1 ?? '');
    return crossRange(ctx, num(g.d1), m, num(g.d2), m, g.y);
  });
  // Day + month (+ year): "16. Juli 2021", "16 July 2021", "16 июля 2021 года", "am 3. Januar".
  add(dayAndMonth, S`${DB}${L.day('d1')}\s*${L.of}${mon('m1')}${yearOpt}${E}`, (g, ctx) =>
    dayMonth(ctx, num(g.d1), monthOf(g.m1 ?? ''), g.y),
  );
  if (lang === 'en') {
    const yo = S`(?:,?\s+${L.year})?`;
    add(dayAndMonth, S`${B}${mon('m1')}\s+${L.day('d1')}${L.mconn}${mon('m2')}\s+${L.day('d2')}${yo}${E}`, (g, ctx) =>
      crossRange(ctx, num(g.d1), monthOf(g.m1 ?? ''), num(g.d2), monthOf(g.m2 ?? ''), g.y),
    );
    add(dayAndMonth, S`${B}${mon('m1')}\s+${L.day('d1')}${L.dconn}${L.day('d2')}${yo}${E}`, (g, ctx) => {
      const m = monthOf(g.m1 ?? '');
      return crossRange(ctx, num(g.d1), m, num(g.d2), m, g.y);
    });
    add(dayAndMonth, S`${B}${mon('m1')}\s+${L.day('d1')}${yo}${E}`, (g, ctx) =>
      dayMonth(ctx, num(g.d1), monthOf(g.m1 ?? ''), g.y),
    );
  }
  // Month range: "März bis Mai 2022", "March to May 2022", "с марта по май 2022 года".
  add([], S`${B}${mon('m1')}${L.mconn}${mon('m2')}${yearOpt}${E}`, (g, ctx) => {
    const m1 = monthOf(g.m1 ?? '');
    const m2 = monthOf(g.m2 ?? '');
    if (!m1 || !m2) return null;
    if (g.y !== undefined) {
      const y = Number(g.y);
      if (m2 <= m1) return null;
      return { value: range({ y, m: m1 }, { y, m: m2 }), relation: 'absolute', direction: 'unknown' };
    }
    if (isAbbr(g.m1) || isAbbr(g.m2) || m1 === m2) return null;
    const { mode, direction } = modeFor(undefined, ctx);
    if (!ctx.ref) return { value: null, relation: 'relative', direction };
    const y = yearFor(ctx.ref, m1, mode);
    return { value: range({ y, m: m1 }, { y: m2 < m1 ? y + 1 : y, m: m2 }), relation: 'relative', direction };
  });
  // Month + year: "Juli 2021", "Anfang Juli 2021", "mid-July 2021", "в начале июля 2021 года" (month precision, never a day).
  add(monthAndYear, S`${B}(?:(?<mod>${L.mod})[\s-]+)?${mon('m1')}${L.ysep}${L.of}${L.year}${E}`, (g) => {
    const m = monthOf(g.m1 ?? '');
    if (!m) return null;
    return { value: single({ y: Number(g.y), m }), relation: 'absolute', direction: 'unknown' };
  });
  // Month + relative year: "Juli vergangenen Jahres", "in May last year", "в мае прошлого года".
  add([], S`${B}(?:(?<mod>${L.mod})[\s-]+)?${mon('m1')}\s+${L.relYear}${E}`, (g, ctx) => {
    const m = monthOf(g.m1 ?? '');
    if (!m) return null;
    const o = adjOffset(g.ry ?? '');
    const direction: Direction = o < 0 ? 'past' : o > 0 ? 'future' : 'unknown';
    if (!ctx.ref) return { value: null, relation: 'relative', direction };
    return { value: single({ y: ctx.ref.y + o, m }), relation: 'relative', direction };
  });
  // Bare month: "im Mai", "Anfang Juli", "next May", "в мае" (full names only: "Jan" is also a first name).
  add([], S`${B}(?:(?<mod>${L.mod})[\s-]+|(?<adj>${L.adj})\s+)?(?<m1>${L.monFull})${E}`, (g, ctx, m) => {
    const tok = g.m1 ?? '';
    const month = monthOf(tok);
    if (!month) return null;
    if (lang === 'en' && /^(?:may|march)$/.test(tok)) return null; // the verbs "may"/"march"
    if (lang === 'en' && /^may$/i.test(tok) && !g.adj && !g.mod && !yearOk(ctx, m.index, m.index, 2000, false)) {
      return null; // "Theresa May"
    }
    const { mode, direction } = modeFor(g.adj, ctx);
    if (!ctx.ref) return { value: null, relation: 'relative', direction };
    return { value: single({ y: yearFor(ctx.ref, month, mode), m: month }), relation: 'relative', direction };
  });

  // ISO date and header-style month.
  add([gate.iso], S`${B}(?<y>\d{4})-(?<mo>\d{2})-(?<d>\d{2})(?![\p{N}]|[-–]\d)`, (g) => {
    const y = num(g.y);
    const m = num(g.mo);
    const d = num(g.d);
    if (m < 1 || m > 12 || d < 1 || d > 31) return null;
    return { value: validDay(y, m, d) ? single({ y, m, d }) : null, relation: 'absolute', direction: 'unknown' };
  });
  add([gate.iso], S`${B}(?<y>\d{4})-(?<mo>\d{2})(?![\p{N}]|[-–]\d)`, (g) => {
    const y = num(g.y);
    const m = num(g.mo);
    if (y < 1900 || y > 2099 || m < 1 || m > 12) return null;
    return { value: single({ y, m }), relation: 'absolute', direction: 'unknown' };
  });
  // Dotted numeric date: "16.07.2021", "16.7.21" (two-digit years: 00–49 → 20xx, 50–99 → 19xx).
  add(
    [gate.dotted],
    S`(?<![\p{L}\p{N}.,])(?<d>\d{1,2})\.\s?(?<mo>\d{1,2})\.\s?(?<y>\d{4}|\d{2})${L.yearSuffix}(?![\p{L}\p{N}]|[.,]\d)`,
    (g) => {
      const yy = g.y ?? '';
      const y = yy.length === 2 ? (Number(yy) < 50 ? 2000 : 1900) + Number(yy) : Number(yy);
      const m = num(g.mo);
      const d = num(g.d);
      if (m < 1 || m > 12 || d < 1 || d > 31) return null;
      return { value: validDay(y, m, d) ? single({ y, m, d }) : null, relation: 'absolute', direction: 'unknown' };
    },
  );
  // Yearless dotted date after a cue word: "am 16.07." (too ambiguous without the cue: "Artikel 3.2.").
  add([gate.dotted], S`(?<=${B}(?:${L.dotCue})\s+)(?<d>\d{1,2})\.(?<mo>\d{1,2})\.(?!\s?\d)`, (g, ctx) => {
    const m = num(g.mo);
    if (m < 1 || m > 12) return null;
    return dayMonth(ctx, num(g.d), m, undefined);
  });
  // Year range: "2019–2021", "2019 bis 2021", "2019-2021 гг.".
  add([gate.year], S`${YB}(?<y1>\d{4})${L.yearConn}(?<y2>\d{4})${L.yearSuffix}${E}`, (g, ctx, m) => {
    const y1 = num(g.y1);
    const y2 = num(g.y2);
    if (!(y1 < y2) || y2 > 2099 || y2 - y1 > 50) return null;
    if (!yearOk(ctx, m.index, m.index + m[0].length, y1, false)) return null;
    return { value: range({ y: y1 }, { y: y2 }), relation: 'absolute', direction: 'unknown' };
  });
  // Bare year: "2019", "Jahr 2001", "Ende 2019", "в 2001 году" — not "Agenda 2030", "G20", "2021-07".
  add(
    [gate.year],
    S`(?:${B}(?<yp>${L.yearPrefix})[\s-]+(?:of\s+)?|${YB})(?<y>\d{4})${L.yearSuffix}(?![\p{L}\p{N}]|[.,]\d|\s*[-–—]\s*\d|\/\d)`,
    (g, ctx, m) => {
      const y = num(g.y);
      if (!yearOk(ctx, m.index, m.index + m[0].length, y, g.yp !== undefined)) return null;
      return { value: single({ y }), relation: 'absolute', direction: 'unknown' };
    },
  );

  // Weekdays: "Montag", "am vergangenen Dienstag", "next Friday", "в прошлую среду".
  const wdAdj = lang === 'ru' ? RU_ADJ : L.adj;
  add([], S`${B}(?:(?<adj>${wdAdj})\s+)?${L.weekday}${E}`, (g, ctx) => {
    const wd = weekdayOf(g.wd ?? '');
    if (!wd) return null;
    const { mode, direction } = modeFor(g.adj, ctx);
    return { value: ctx.ref ? resolveWeekday(wd, mode, ctx.ref) : null, relation: 'weekday', direction };
  });

  // Relative and anaphoric words.
  for (const w of L.rel) {
    add([], S`${B}${w.src}${E}`, (g, ctx) => {
      const n = g.adj !== undefined ? adjOffset(g.adj) : w.n;
      const direction: Direction = n < 0 ? 'past' : n > 0 ? 'future' : 'same';
      return { value: resolveRelative(w.kind, n, ctx.ref), relation: w.relation, direction };
    });
  }
  return rules;
}

/** Day range d1.m1 – d2.m2 (same or consecutive months), with an optional year for the end. */
function crossRange(ctx: Ctx, d1: number, m1: number, d2: number, m2: number, yTok: string | undefined): Result | null {
  if (!m1 || !m2 || d1 < 1 || d1 > 31 || d2 < 1 || d2 > 31) return null;
  if (m1 === m2 ? d2 <= d1 : false) return null;
  const wraps = m2 < m1; // "30. Dezember bis 2. Januar 2024"
  let y1: number;
  let relation: Relation = 'absolute';
  let direction: Direction = 'unknown';
  if (yTok !== undefined) {
    y1 = Number(yTok) - (wraps ? 1 : 0);
  } else {
    relation = 'relative';
    const md = modeFor(undefined, ctx);
    direction = md.direction;
    if (!ctx.ref) return { value: null, relation, direction };
    y1 = yearFor(ctx.ref, m1, md.mode);
  }
  const y2 = wraps ? y1 + 1 : y1;
  const ok = validDay(y1, m1, d1) && validDay(y2, m2, d2);
  return { value: ok ? range({ y: y1, m: m1, d: d1 }, { y: y2, m: m2, d: d2 }) : null, relation, direction };
}

/**
 * A pattern's leading lookbehind and the rest: `(?<![\p{L}\p{N}])(?<m1>…)…` → [`(?<![\p{L}\p{N}])`, `(?<m1>…)…`],
 * or [null, pattern] when it does not start with one.
 *
 * Why: V8 compiles every copy of a Unicode class like `[\p{L}\p{N}]` anew (under `i`, with its case closure), several
 * times per pattern (interpreter, then native code, per string width), and the boundary lookbehinds were a third to a
 * half of all the class copies the rules hold. A lookbehind at the very start is zero-width and checked before
 * anything else at each start position, so the pattern without it, retried one position later wherever the
 * lookbehind fails, finds exactly the same matches (the lookbehind is then compiled once, not once per rule).
 */
function splitLeadingLookbehind(source: string): [string | null, string] {
  if (!source.startsWith('(?<!') && !source.startsWith('(?<=')) return [null, source];
  let depth = 0;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === '\\') i++;
    else if (c === '[') {
      // A class: up to its unescaped ']' (the rules' classes hold no nested classes).
      for (i++; i < source.length && source[i] !== ']'; i++) if (source[i] === '\\') i++;
    } else if (c === '(') depth++;
    else if (c === ')' && --depth === 0) return [source.slice(0, i + 1), source.slice(i + 1)];
  }
  return [null, source];
}

/** Lookbehinds as sticky patterns with the rules' own case and Unicode flags, one per distinct text. */
const LEAD_ASSERTIONS = new Map<string, RegExp>();
function leadAssertion(lookbehind: string): RegExp {
  let re = LEAD_ASSERTIONS.get(lookbehind);
  if (!re) LEAD_ASSERTIONS.set(lookbehind, (re = new RegExp(lookbehind, 'iuy')));
  return re;
}

/** Whether a leading lookbehind (see splitLeadingLookbehind) holds at `at`. */
function holdsAt(lead: RegExp, sentence: string, at: number): boolean {
  lead.lastIndex = at;
  return lead.test(sentence);
}

/**
 * A rule's word gate: its required words (./prefilter.ts) as one pattern with the rule's own flags. A word with a
 * letter that U+0345 (a combining mark, which case-folds to ι) would match is left out: WordGates relies on words
 * being matched by letters only.
 */
function wordGate(source: string): RegExp | null {
  const words = requiredLetters(source);
  if (!words || words.some((w) => [...w].some(matchesIotaMark))) return null;
  return new RegExp(words.map(escapeRegExp).join('|'), 'iu');
}

/** Letters that the combining mark U+0345 matches case-insensitively (it folds to ι): ι, Ι, ι. */
const IOTA_MARK = /\u0345/iu;
function matchesIotaMark(letter: string): boolean {
  return IOTA_MARK.test(letter);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Word gates, looked up per word instead of scanned per sentence. A required word consists of letters, and a
 * letter of a case-insensitive pattern only matches letters or combining marks, so it always lies inside one run of
 * letters and marks: the sentence passes a rule's word gate exactly when one of its runs does. What each distinct
 * run opens is found once (by the gates' own regexes) and remembered.
 */
class WordGates {
  private opened = new Map<string, number[]>();
  private byWord = new WordMemo<{ rules: number[]; digits: boolean }>();
  private gated: { rule: number; words: RegExp }[] = [];
  /** Any gate's word: most words have none, and one test tells (instead of one per gate). */
  private anyWord: RegExp;

  constructor(rules: Rule[]) {
    rules.forEach((r, rule) => {
      if (r.words) this.gated.push({ rule, words: r.words });
    });
    this.anyWord = new RegExp(this.gated.map((g) => g.words.source).join('|') || '(?!)', 'iu');
  }

  /** Marks in `open` (one slot per rule) the rules whose word gate `sentence` passes; returns whether it has digits. */
  scan(sentence: string, open: Uint8Array): boolean {
    let digits = false;
    let start = -1;
    for (let i = 0; i <= sentence.length; i++) {
      const c = i < sentence.length ? sentence.charCodeAt(i) : 0x20;
      let inRun: boolean;
      if (c < 0x80) {
        inRun = (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a);
        if (c >= 0x30 && c <= 0x39) digits = true;
      } else {
        const cp = sentence.codePointAt(i)!;
        inRun = isLetterOrMark(cp);
        if (inRun && cp > 0xffff) {
          if (start < 0) start = i;
          i++; // the second half of the pair
          continue;
        }
      }
      if (inRun) {
        if (start < 0) start = i;
      } else if (start >= 0) {
        for (const rule of this.rulesOpenedBy(sentence.slice(start, i))) open[rule] = 1;
        start = -1;
      }
    }
    return digits;
  }

  /**
   * Like `scan`, from the sentence's tokens (tokens.ts) when the caller has them: a required word's letters can only
   * be matched by letters (wordGate leaves out the one combining mark that case-folds to a letter), and every letter
   * and digit of a sentence lies inside one of its tokens. Tokens of one spelling share a record, so the lookup
   * needs no string hashing.
   */
  fromTokens(tokens: Token[], open: Uint8Array): boolean {
    let digits = false;
    for (const t of tokens) {
      let word = t.word ? this.byWord.get(t.word) : undefined;
      if (!word) {
        word = { rules: this.rulesOpenedBy(t.raw), digits: /[0-9]/.test(t.raw) };
        if (t.word) this.byWord.set(t.word, word);
      }
      for (const rule of word.rules) open[rule] = 1;
      if (word.digits) digits = true;
    }
    return digits;
  }

  private rulesOpenedBy(run: string): number[] {
    let rules = this.opened.get(run);
    if (!rules) {
      rules = this.anyWord.test(run) ? this.gated.filter((g) => g.words.test(run)).map((g) => g.rule) : NO_RULES;
      if (this.opened.size >= MAX_CACHED_RUNS) this.opened.clear();
      this.opened.set(run, rules);
    }
    return rules;
  }
}
const NO_RULES: number[] = [];
/** Distinct words remembered per language; past this the memo starts over, so memory stays bounded. */
const MAX_CACHED_RUNS = 100_000;

const LETTER_OR_MARK = /[\p{L}\p{M}]/u;
/** `[\p{L}\p{M}]` for the Basic Multilingual Plane, each character classified once: 0 = not yet, 1 = yes, 2 = no. */
const bmpLetterOrMark = new Uint8Array(0x10000);
function isLetterOrMark(cp: number): boolean {
  if (cp > 0xffff) return LETTER_OR_MARK.test(String.fromCodePoint(cp));
  if (bmpLetterOrMark[cp] === 0) bmpLetterOrMark[cp] = LETTER_OR_MARK.test(String.fromCharCode(cp)) ? 1 : 2;
  return bmpLetterOrMark[cp] === 1;
}

interface Compiled {
  trigger: RegExp;
  /** Whether the trigger is met by any digit (it has the alternative `\d`): a sentence with one needs no test. */
  digitTriggers: boolean;
  future: RegExp;
  boundary: RegExp;
  rules: Rule[];
  words: WordGates;
  /** Per rule, whether the sentence being read passes its word gate (reused: one sentence is read at a time). */
  open: Uint8Array;
}

/** Whether a rule may match, by its gates that are already known: the word gate, and "has a digit" for digit gates. */
function mayMatch(rule: Rule, wordGateOpen: boolean, digits: boolean): boolean {
  return (rule.words === null || wordGateOpen) && (rule.digitGates.length === 0 || digits);
}
const COMPILED: Partial<Record<Language, Compiled>> = {};
/** A language's rules, built on first use (most builds read one or two languages). */
function compiled(lang: Language): Compiled {
  return (COMPILED[lang] ??= compile(lang));
}
function compile(lang: Language): Compiled {
  const rules = buildRules(lang);
  return {
    trigger: new RegExp(LANGS[lang].trigger, 'iu'),
    // (A top-level alternative only: a trigger without groups.)
    digitTriggers: !/[()]/.test(LANGS[lang].trigger) && LANGS[lang].trigger.split('|').includes(S`\d`),
    future: new RegExp(LANGS[lang].future, 'giu'),
    boundary: new RegExp(S`;|${B}(?:${LANGS[lang].boundary})${E}`, 'iu'),
    rules,
    words: new WordGates(rules),
    open: new Uint8Array(rules.length),
  };
}

// ---------------------------------------------------------------------------------------------

interface Candidate extends Result {
  start: number;
  end: number;
  order: number;
}

/**
 * Find and resolve every date expression in `sentence`. `reference` is the article's date (any precision) or null.
 * `tokens`, the sentence's tokens when the caller has them, only save work.
 */
export function findDates(
  sentence: string,
  reference: PartialDate | null,
  language: Language,
  tokens?: Token[],
): DateMention[] {
  const c = compiled(language);
  // Which rules can match at all (see Gates): a sentence no rule can match needs no further look.
  const open = c.open.fill(0);
  const digits = tokens ? c.words.fromTokens(tokens, open) : c.words.scan(sentence, open);
  let any = false;
  for (let i = 0; i < c.rules.length && !any; i++) any = mayMatch(c.rules[i]!, open[i] === 1, digits);
  if (!any) return [];
  // `digits` is exactly "the sentence has a [0-9]", which is all `\d` matches even under the `iu` flags.
  if (!(digits && c.digitTriggers) && !c.trigger.test(sentence)) return [];
  const ref = reference ? referenceParts(reference.start) : null;
  const ctx: Ctx = { ref, sentence, lang: language, at: [0, 0], markers: null };
  const cands: Candidate[] = [];
  // Each digit gate is tested at most once per sentence.
  const gateResults = new Map<RegExp, boolean>();
  c.rules.forEach((rule, order) => {
    if (!mayMatch(rule, open[order] === 1, digits)) return;
    for (const gate of rule.digitGates) {
      let pass = gateResults.get(gate);
      if (pass === undefined) gateResults.set(gate, (pass = gate.test(sentence)));
      if (!pass) return;
    }
    const re = (rule.re ??= new RegExp(rule.source, 'giu'));
    re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = re.exec(sentence)) !== null) {
      if (rule.lead && !holdsAt(rule.lead, sentence, m.index)) {
        re.lastIndex = m.index + 1; // where the whole pattern would have gone on looking
        continue;
      }
      if (m[0].length === 0) {
        re.lastIndex = m.index + 1;
        continue;
      }
      ctx.at = [m.index, m.index + m[0].length];
      const r = rule.run(m.groups ?? {}, ctx, m);
      if (r) {
        cands.push({
          value: r.value,
          relation: r.relation,
          direction: r.direction,
          start: m.index,
          end: m.index + m[0].length,
          order,
        });
      } else {
        // A vetoed match may hide a valid one starting inside it ("COVID-19 and 25 May").
        re.lastIndex = m.index + 1;
      }
    }
  });
  // Longest match wins; an earlier (more specific) rule wins a tie.
  cands.sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start || a.order - b.order);
  const taken: Candidate[] = [];
  for (const k of cands) {
    if (taken.every((t) => k.end <= t.start || k.start >= t.end)) taken.push(k);
  }
  taken.sort((a, b) => a.start - b.start);
  return taken.map((k) => ({
    span: [k.start, k.end],
    text: sentence.slice(k.start, k.end),
    value: k.value,
    relation: k.relation,
    direction: k.direction,
  }));
}
