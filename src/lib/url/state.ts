/**
 * The URL query string is the source of truth for view state: links, reloads and embeds reproduce a view
 * exactly. Parsing is forgiving — a hand-edited or stale link must still open the app — so anything unknown or
 * malformed is dropped with a short notice instead of an exception. Values are checked syntactically only;
 * whether a forum or event key exists is for the app to decide once the dataset is loaded.
 */
import { EVENT_KINDS, EVENT_STATUSES } from '../dataset/types.ts';
import { EMPTY_FILTERS, type Filters } from '../filter/facets.ts';
import { isSafeDataPath, MAX_VALUE_LENGTH } from './data-param.ts';

export { isSafeDataPath };

export const LANE_OPTIONS = ['forum', 'kind', 'level'] as const;
export type Lanes = (typeof LANE_OPTIONS)[number];
export const LANG_OPTIONS = ['de', 'en'] as const;
export type Lang = (typeof LANG_OPTIONS)[number];

export interface ViewState {
  q: string;
  filters: Filters;
  /** Zoom window as 'YYYY-MM-DD' days, start <= end; null = whole timeline. */
  window: [string, string] | null;
  /** Selected event id. */
  event: string | null;
  lanes: Lanes;
  /** UI language; null = from the browser. */
  lang: Lang | null;
  embed: boolean;
  /** Embed option: show the filter/search controls. */
  controls: boolean;
  /** Alternative dataset path (same origin). */
  data: string | null;
}

export const DEFAULT_VIEW: Readonly<ViewState> = Object.freeze({
  q: '',
  filters: EMPTY_FILTERS,
  window: null,
  event: null,
  lanes: 'forum',
  lang: null,
  embed: false,
  controls: true,
  data: null,
});

/** Fixed order of the serialized parameters, so equal states give equal URLs. */
export const PARAM_ORDER = [
  'q',
  'forum',
  'mentioned',
  'kind',
  'person',
  'topic',
  'status',
  'from',
  'to',
  'view',
  'event',
  'lanes',
  'lang',
  'embed',
  'controls',
  'data',
] as const;
type Param = (typeof PARAM_ORDER)[number];

const KEY = /^[a-z0-9][a-z0-9-]{0,80}$/;
const EVENT_ID = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,200}$/;
const YEAR_MONTH = /^\d{4}(?:-(?:0[1-9]|1[0-2]))?$/;
const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** What a value of a parameter should have looked like; the UI words it in its language (src/lib/i18n). */
export type ExpectedValue =
  | { options: readonly string[] }
  | 'forum-keys'
  | 'person-keys'
  | 'topic-keys'
  | 'flag'
  | 'year-or-month'
  | 'day-range'
  | 'event-id';

/**
 * A part of the address that was ignored, and why: data, not a sentence, so that each interface language can say it.
 * `param` and `value` are shortened to what identifies them.
 */
export type UrlNotice =
  | { kind: 'unreadable' }
  | { kind: 'unknown-param'; param: string }
  | { kind: 'repeated'; param: string; value: string }
  | { kind: 'too-long'; param: string; max: number }
  | { kind: 'invalid'; param: string; value: string; expected: ExpectedValue }
  | { kind: 'reversed-range'; from: string; to: string }
  | { kind: 'reversed-window'; value: string }
  | { kind: 'foreign-data' };

/** Shown in notices: enough of the value to recognise it, never a wall of text. */
function shown(value: string): string {
  return value.length > 40 ? `${value.slice(0, 40)}…` : value;
}

function isDay(value: string): boolean {
  const m = DAY.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  // Round-trip through UTC to reject 2021-02-30 and friends.
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

/** First month of `from` vs last month of `to`, compared as strings: '2021' < '2021-01' sorts right. */
function fromAfterTo(from: string, to: string): boolean {
  const first = from.length === 4 ? `${from}-01` : from;
  const last = to.length === 4 ? `${to}-12` : to;
  return first > last;
}

function emptyState(): ViewState {
  return { ...DEFAULT_VIEW, filters: { ...EMPTY_FILTERS, forum: [], kind: [], person: [], topic: [], status: [] } };
}

export function parseViewState(search: string): { state: ViewState; notices: UrlNotice[] } {
  const state = emptyState();
  const notices: UrlNotice[] = [];
  const ignore = (param: string, value: string, expected: ExpectedValue) =>
    notices.push({ kind: 'invalid', param, value: shown(value), expected });

  let params: URLSearchParams;
  try {
    params = new URLSearchParams(search);
  } catch {
    return { state, notices: [{ kind: 'unreadable' }] };
  }

  const seen = new Set<string>();
  const values = new Map<Param, string>();
  for (const [name, value] of params) {
    if (!(PARAM_ORDER as readonly string[]).includes(name)) {
      notices.push({ kind: 'unknown-param', param: shown(name) });
      continue;
    }
    if (seen.has(name)) {
      notices.push({ kind: 'repeated', param: name, value: shown(value) });
      continue;
    }
    seen.add(name);
    if (value.length > MAX_VALUE_LENGTH) {
      notices.push({ kind: 'too-long', param: name, max: MAX_VALUE_LENGTH });
      continue;
    }
    // An empty value is the same as leaving the parameter out.
    if (value !== '') values.set(name as Param, value);
  }

  const list = (name: Param, valid: (item: string) => boolean, expected: ExpectedValue): string[] => {
    const raw = values.get(name);
    if (raw === undefined) return [];
    const items = raw.split(',').filter((item) => item !== '');
    const good = items.filter(valid);
    const bad = items.filter((item) => !valid(item));
    if (bad.length > 0) ignore(name, bad.join(','), expected);
    // Canonical: sorted and unique, so equal selections compare (and serialize) equal.
    return [...new Set(good)].sort();
  };
  const key = (item: string) => KEY.test(item);
  const oneOf = (options: readonly string[]) => (item: string) => options.includes(item);

  const q = values.get('q');
  if (q !== undefined) state.q = q;

  const f = state.filters;
  f.forum = list('forum', key, 'forum-keys');
  f.kind = list('kind', oneOf(EVENT_KINDS), { options: EVENT_KINDS });
  f.person = list('person', key, 'person-keys');
  f.topic = list('topic', key, 'topic-keys');
  f.status = list('status', oneOf(EVENT_STATUSES), { options: EVENT_STATUSES });

  const mentioned = values.get('mentioned');
  if (mentioned === '1') f.includeMentionedForums = true;
  else if (mentioned !== undefined && mentioned !== '0') ignore('mentioned', mentioned, 'flag');

  const from = values.get('from');
  const to = values.get('to');
  const goodFrom = from !== undefined && YEAR_MONTH.test(from) ? from : null;
  const goodTo = to !== undefined && YEAR_MONTH.test(to) ? to : null;
  if (from !== undefined && goodFrom === null) ignore('from', from, 'year-or-month');
  if (to !== undefined && goodTo === null) ignore('to', to, 'year-or-month');
  if (goodFrom !== null && goodTo !== null && fromAfterTo(goodFrom, goodTo)) {
    notices.push({ kind: 'reversed-range', from: goodFrom, to: goodTo });
  } else {
    f.from = goodFrom;
    f.to = goodTo;
  }

  const view = values.get('view');
  if (view !== undefined) {
    const [start, end, ...rest] = view.split('..');
    if (start === undefined || end === undefined || rest.length > 0 || !isDay(start) || !isDay(end)) {
      ignore('view', view, 'day-range');
    } else if (start > end) {
      notices.push({ kind: 'reversed-window', value: shown(view) });
    } else {
      state.window = [start, end];
    }
  }

  const event = values.get('event');
  if (event !== undefined) {
    if (EVENT_ID.test(event)) state.event = event;
    else ignore('event', event, 'event-id');
  }

  const lanes = values.get('lanes');
  if (lanes !== undefined) {
    if (oneOf(LANE_OPTIONS)(lanes)) state.lanes = lanes as Lanes;
    else ignore('lanes', lanes, { options: LANE_OPTIONS });
  }

  const lang = values.get('lang');
  if (lang !== undefined) {
    if (oneOf(LANG_OPTIONS)(lang)) state.lang = lang as Lang;
    else ignore('lang', lang, { options: LANG_OPTIONS });
  }

  const flag = (name: Param, fallback: boolean): boolean => {
    const v = values.get(name);
    if (v === undefined) return fallback;
    if (v === '1' || v === '0') return v === '1';
    ignore(name, v, 'flag');
    return fallback;
  };
  state.embed = flag('embed', false);
  state.controls = flag('controls', true);

  const data = values.get('data');
  if (data !== undefined) {
    if (isSafeDataPath(data)) state.data = data;
    else notices.push({ kind: 'foreign-data' });
  }

  return { state, notices };
}

/**
 * The canonical query string for a state: only non-default values, in PARAM_ORDER, lists sorted and
 * comma-joined. Returns '' for the default view, else '?…'.
 */
export function serializeViewState(state: ViewState): string {
  const params = new URLSearchParams();
  const f = state.filters;
  const set: Partial<Record<Param, string>> = {};
  const list = (values: readonly string[]) => [...new Set(values)].sort().join(',');
  if (state.q !== '') set.q = state.q;
  if (f.forum.length > 0) set.forum = list(f.forum);
  if (f.includeMentionedForums) set.mentioned = '1';
  if (f.kind.length > 0) set.kind = list(f.kind);
  if (f.person.length > 0) set.person = list(f.person);
  if (f.topic.length > 0) set.topic = list(f.topic);
  if (f.status.length > 0) set.status = list(f.status);
  if (f.from !== null) set.from = f.from;
  if (f.to !== null) set.to = f.to;
  if (state.window !== null) set.view = `${state.window[0]}..${state.window[1]}`;
  if (state.event !== null) set.event = state.event;
  if (state.lanes !== DEFAULT_VIEW.lanes) set.lanes = state.lanes;
  if (state.lang !== null) set.lang = state.lang;
  if (state.embed) set.embed = '1';
  if (!state.controls) set.controls = '0';
  if (state.data !== null) set.data = state.data;
  for (const name of PARAM_ORDER) {
    const value = set[name];
    if (value !== undefined) params.set(name, value);
  }
  // Commas are legal in a query string; leaving them unescaped keeps shared links readable (forum=brics,sco).
  const query = params.toString().replace(/%2C/g, ',');
  return query === '' ? '' : `?${query}`;
}
