/**
 * Deterministic SYNTHETIC corpus of news articles about Russia–China contacts, for benchmarks and load tests of the
 * compiler. Pure: the knowledge base comes in, texts come out; the only randomness is a seeded mulberry32, so the same
 * seed gives byte-identical files on every machine, time zone and locale (dates are computed in UTC, nothing reads
 * the clock or the locale).
 *
 * Every article is marked as synthetic by its file name (`synthetic_000001.txt`) and by the host of its URL
 * (`https://<outlet>.synthetic.example/…`); the header line itself keeps the real seeds' format. Each file carries its
 * `truth`: the contact it was written to report (people who really held the stated office on that date, a real place
 * and forum from the knowledge base), so the compiler's recovery can be measured.
 *
 * Mix (probabilities per article): ~80 % relevant reports, ~10 % irrelevant (no Russia–China contact), ~10 % second
 * reports of an earlier article's contact (other outlet, other wording), ~5 % damaged encodings; ~86 % German,
 * the rest English and Russian; ~70 % with a header line, ~10 % with a sidecar date, the rest dated in the text.
 */
import iconv from 'iconv-lite';
import type { EventKind } from '../../src/lib/dataset/types.ts';
import type { Knowledge, PersonEntry } from '../compiler/knowledge.ts';
import { mulberry32 } from '../../src/lib/random.ts';
import { MONTHS as UI_MONTHS } from '../../src/lib/timeline/format.ts';

export { mulberry32 };

// ------------------------------------------------------------------------------------------------ public types

export type Language = 'de' | 'en' | 'ru';
export type Damage = 'cp850' | 'question-marks' | 'windows-1252';

export interface Truth {
  /** Reports a contact between a Russian and a Chinese official. */
  relevant: boolean;
  kind: EventKind | null;
  /** The contact's own date, YYYY-MM-DD (null for articles without a contact, such as trade statistics). */
  date: string | null;
  /** Key of places.yaml, null for calls. */
  place: string | null;
  /** Keys of people.yaml, sorted. */
  participants: string[];
  /** Key of forums.yaml, null for bilateral contacts. */
  forum: string | null;
  language: Language;
  /** How the article is dated: header line, sidecar `date:`, or only in its text. */
  dating: 'header' | 'sidecar' | 'text';
  /** Publication date as written in the header or sidecar (month or day precision), or the text's date. */
  published: string;
  damage: Damage | null;
  /** For second reports: the file of the first report of the same contact. */
  duplicateOf?: string;
  /** Number of words of the article body. */
  words: number;
}

export interface GeneratedArticle {
  file: string;
  text: string | Uint8Array;
  sidecar?: string;
  truth: Truth;
}

export interface CorpusOptions {
  count: number;
  seed: number;
  knowledge: Knowledge;
}

// ------------------------------------------------------------------------------------------------ randomness

/** A per-article seed: articles do not depend on each other's random draws. */
function mix(seed: number, index: number, salt: number): number {
  let h = (seed ^ Math.imul(index + 1, 0x9e3779b1) ^ Math.imul(salt + 7, 0x85ebca6b)) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x7feb352d) >>> 0;
  h = Math.imul(h ^ (h >>> 15), 0x846ca68b) >>> 0;
  return (h ^ (h >>> 16)) >>> 0;
}

class Rng {
  constructor(private readonly next: () => number) {}
  float(): number {
    return this.next();
  }
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('pick from an empty list');
    return items[Math.floor(this.next() * items.length)]!;
  }
  weighted<T>(items: readonly (readonly [T, number])[]): T {
    const total = items.reduce((s, [, w]) => s + w, 0);
    let r = this.next() * total;
    for (const [item, w] of items) {
      r -= w;
      if (r < 0) return item;
    }
    return items[items.length - 1]![0];
  }
  /** k distinct items, in random order. */
  sample<T>(items: readonly T[], k: number): T[] {
    const pool = [...items];
    const out: T[] = [];
    while (out.length < k && pool.length > 0) out.push(pool.splice(Math.floor(this.next() * pool.length), 1)[0]!);
    return out;
  }
}

// ------------------------------------------------------------------------------------------------ dates (UTC only)

const pad = (n: number, w = 2) => String(n).padStart(w, '0');
const iso = (y: number, m: number, d: number) => `${pad(y, 4)}-${pad(m)}-${pad(d)}`;
const parts = (date: string) => date.split('-').map(Number) as [number, number, number];
const daysIn = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

function addDays(date: string, n: number): string {
  const [y, m, d] = parts(date);
  const t = new Date(Date.UTC(y, m - 1, d + n));
  return iso(t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate());
}
function addMonths(date: string, n: number): [number, number] {
  const [y, m] = parts(date);
  const total = y * 12 + (m - 1) + n;
  return [Math.floor(total / 12), (total % 12) + 1];
}
const weekday = (date: string) => {
  const [y, m, d] = parts(date);
  return new Date(Date.UTC(y, m - 1, d)).getUTCDay();
};

const FIRST_YEAR = 2001;
const LAST_DATE = '2026-06-30';

function randomDate(rng: Rng, minYear = FIRST_YEAR): string {
  for (;;) {
    const y = rng.int(minYear, 2026);
    const m = rng.int(1, 12);
    const date = iso(y, m, rng.int(1, daysIn(y, m)));
    if (date <= LAST_DATE) return date;
  }
}

const MONTHS = {
  ...UI_MONTHS,
  ru: [
    'января',
    'февраля',
    'марта',
    'апреля',
    'мая',
    'июня',
    'июля',
    'августа',
    'сентября',
    'октября',
    'ноября',
    'декабря',
  ],
};
const RU_MONTHS_PREP = [
  'январе',
  'феврале',
  'марте',
  'апреле',
  'мае',
  'июне',
  'июле',
  'августе',
  'сентябре',
  'октябре',
  'ноябре',
  'декабре',
];
const WEEKDAYS = {
  de: ['Sonntag', 'Montag', 'Dienstag', 'Mittwoch', 'Donnerstag', 'Freitag', 'Samstag'],
  en: ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'],
};

// ------------------------------------------------------------------------------------------------ knowledge look-ups

type Side = 'RU' | 'CN';
type Level = 'head-of-state' | 'head-of-government' | 'foreign-minister' | 'defence-minister';

interface Official {
  key: string;
  person: PersonEntry;
  role: string;
  country: string;
}

/** Whether a role covers a date, compared at the role's own precision (so "2009-07" covers 2009-07-15). */
function covers(role: { from?: unknown; to?: unknown }, date: string): boolean {
  const from = role.from ? String(role.from) : null;
  const to = role.to ? String(role.to) : null;
  return (from === null || from <= date.slice(0, from.length)) && (to === null || date.slice(0, to.length) <= to);
}

/** The one person holding `role` for `country` on `date` and throughout its month, or null (none, or a changeover). */
function holder(knowledge: Knowledge, role: string, country: string, date: string): Official | null {
  const [y, m] = parts(date);
  const days = [date, iso(y, m, 1), iso(y, m, daysIn(y, m))];
  const found = Object.keys(knowledge.people)
    .sort()
    .filter((key) =>
      days.every((d) =>
        knowledge.people[key]!.roles.some((r) => r.role === role && r.country === country && covers(r, d)),
      ),
    );
  const anyone = Object.keys(knowledge.people).filter((key) =>
    knowledge.people[key]!.roles.some((r) => r.role === role && r.country === country && covers(r, date)),
  );
  if (found.length !== 1 || anyone.length !== 1) return null;
  return { key: found[0]!, person: knowledge.people[found[0]!]!, role, country };
}

const label = (entry: { labels: Record<string, string>; name: string }, lang: Language) =>
  entry.labels[lang] ?? entry.name;

/** A shorter form the compiler knows (a surname among the aliases or short names), else the full name. */
function shortName(person: PersonEntry, lang: Language): string {
  const full = label(person, lang);
  const known = new Set([...person.aliases, ...(person.shortNames ?? [])].map(String));
  const words = full.split(' ');
  const candidates = person.country === 'CN' ? [words[0]!, words[words.length - 1]!] : [words[words.length - 1]!];
  return candidates.find((w) => w !== full && known.has(w)) ?? full;
}

function cityLabel(knowledge: Knowledge, key: string, lang: Language): string {
  return label(knowledge.places[key]!, lang);
}

/** Russian locative and accusative forms, only for the two capitals (other cities are not used in Russian texts). */
const RU_CITY = {
  moscow: { prep: 'Москве', acc: 'Москву' },
  beijing: { prep: 'Пекине', acc: 'Пекин' },
} as const;

// Cities where forums met (keys of places.yaml; missing keys are skipped).
const FORUM_CITIES: Record<string, string[]> = {
  sco: ['astana', 'tashkent', 'bishkek', 'dushanbe', 'samarkand', 'qingdao', 'ufa', 'shanghai', 'tianjin'],
  brics: ['kazan', 'johannesburg', 'durban', 'xiamen', 'goa', 'brasilia', 'fortaleza', 'ufa', 'rio-de-janeiro'],
  g20: ['osaka', 'hangzhou', 'hamburg', 'bali', 'buenos-aires', 'saint-petersburg', 'rio-de-janeiro'],
  apec: ['vladivostok', 'danang', 'lima', 'port-moresby', 'san-francisco', 'beijing'],
  eas: ['kuala-lumpur', 'vientiane', 'jakarta', 'phnom-penh'],
  cica: ['astana', 'shanghai', 'dushanbe'],
  eef: ['vladivostok'],
  spief: ['saint-petersburg'],
  'belt-and-road-forum': ['beijing'],
  un: ['new-york'],
};
// "am Rande des …" (German genitive), "on the sidelines of the …" (English).
const FORUM_PHRASE: Record<string, { de: string; en: string }> = {
  sco: { de: 'des SOZ-Gipfels', en: 'the SCO summit' },
  brics: { de: 'des BRICS-Gipfels', en: 'the BRICS summit' },
  g20: { de: 'des G20-Gipfels', en: 'the G20 summit' },
  apec: { de: 'des APEC-Gipfels', en: 'the APEC summit' },
  eas: { de: 'des Ostasiengipfels', en: 'the East Asia Summit' },
  cica: { de: 'des KSMA-Gipfels', en: 'the CICA summit' },
  eef: { de: 'des Östlichen Wirtschaftsforums', en: 'the Eastern Economic Forum' },
  spief: { de: 'des Petersburger Wirtschaftsforums', en: 'the St Petersburg International Economic Forum' },
  'belt-and-road-forum': { de: 'des Seidenstraßen-Forums', en: 'the Belt and Road Forum' },
  un: { de: 'der UN-Vollversammlung', en: 'the UN General Assembly' },
};

const RU_CITIES = ['moscow', 'saint-petersburg', 'sochi', 'vladivostok', 'kazan', 'novo-ogaryovo', 'yekaterinburg'];
const CN_CITIES = ['beijing', 'shanghai', 'harbin', 'tianjin', 'sanya', 'hangzhou', 'qingdao', 'dalian'];

// ------------------------------------------------------------------------------------------------ German vocabulary

const ROLE_WORDS: Record<Level, Record<Side, string[]>> = {
  'head-of-state': { RU: ['Präsident', 'Staatschef', 'Präsident'], CN: ['Staatschef', 'Präsident', 'Staatspräsident'] },
  'head-of-government': {
    RU: ['Ministerpräsident', 'Regierungschef', 'Premierminister'],
    CN: ['Ministerpräsident', 'Regierungschef', 'Premier'],
  },
  'foreign-minister': { RU: ['Außenminister', 'Außenminister', 'Chefdiplomat'], CN: ['Außenminister', 'Chefdiplomat'] },
  'defence-minister': { RU: ['Verteidigungsminister'], CN: ['Verteidigungsminister'] },
};
const ROLE_EN: Record<Level, string> = {
  'head-of-state': 'President',
  'head-of-government': 'Prime Minister',
  'foreign-minister': 'Foreign Minister',
  'defence-minister': 'Defence Minister',
};
const ROLE_RU: Record<Level, string> = {
  'head-of-state': 'президент',
  'head-of-government': 'премьер-министр',
  'foreign-minister': 'министр иностранных дел',
  'defence-minister': 'министр обороны',
};
const PLURAL_DE: Record<Level, string> = {
  'head-of-state': 'Staatschefs',
  'head-of-government': 'Regierungschefs',
  'foreign-minister': 'Außenminister',
  'defence-minister': 'Verteidigungsminister',
};
const ADJ = { RU: 'russische', CN: 'chinesische' } as const;
const GENITIVE = { RU: 'Russlands', CN: 'Chinas' } as const;

/** Topic phrases in German (accusative), keyed by topics.yaml; the year limits keep them plausible. */
const TOPIC_DE: { key: string; from?: number; text: string[] }[] = [
  { key: 'ukraine', from: 2014, text: ['die Lage in der Ukraine', 'den Konflikt in der Ukraine'] },
  { key: 'trade', text: ['den bilateralen Handel', 'den Ausbau des Warenaustauschs'] },
  { key: 'energy', text: ['die Zusammenarbeit im Energiesektor', 'Öl- und Gaslieferungen'] },
  { key: 'korean-peninsula', text: ['die Situation auf der Koreanischen Halbinsel'] },
  { key: 'afghanistan', text: ['die Entwicklung in Afghanistan'] },
  { key: 'united-states', text: ['die Beziehungen zu den Vereinigten Staaten'] },
  { key: 'syria', from: 2011, text: ['den Konflikt in Syrien'] },
  { key: 'taiwan', text: ['die Taiwan-Frage'] },
  { key: 'sanctions', from: 2014, text: ['die westlichen Sanktionen'] },
  { key: 'terrorism', text: ['den Kampf gegen den Terrorismus'] },
  { key: 'multilateralism', text: ['eine multipolare Weltordnung'] },
  { key: 'finance', from: 2010, text: ['Zahlungen in nationalen Währungen'] },
  { key: 'belt-and-road', from: 2014, text: ['die Initiative der Neuen Seidenstraße'] },
  { key: 'military-cooperation', text: ['die militärische Zusammenarbeit'] },
  { key: 'arctic', from: 2015, text: ['die Nördliche Seeroute in der Arktis'] },
  { key: 'space', text: ['gemeinsame Projekte in der Raumfahrt'] },
  { key: 'tourism', text: ['den Tourismus zwischen beiden Ländern'] },
  { key: 'agriculture', text: ['Agrarexporte und die Landwirtschaft'] },
];
const TOPIC_EN: Record<string, string> = {
  ukraine: 'the situation in Ukraine',
  trade: 'trade',
  energy: 'energy cooperation',
  'korean-peninsula': 'the Korean Peninsula',
  afghanistan: 'Afghanistan',
  'united-states': 'relations with the United States',
  syria: 'Syria',
  taiwan: 'Taiwan',
  sanctions: 'Western sanctions',
  terrorism: 'counter-terrorism',
  multilateralism: 'a multipolar world order',
  finance: 'settlements in national currencies',
  'belt-and-road': 'the Belt and Road Initiative',
  'military-cooperation': 'military cooperation',
  arctic: 'the Arctic',
  space: 'space cooperation',
  tourism: 'tourism',
  agriculture: 'agriculture',
};

// ------------------------------------------------------------------------------------------------ the contact plan

interface Plan {
  level: Level;
  kind: EventKind;
  date: string;
  ru: Official;
  cn: Official;
  place: string | null;
  forum: string | null;
  /** For visits: who travels. */
  visitor: Side;
  topics: string[];
}

const KIND_WEIGHTS: Record<Level, [EventKind, number][]> = {
  'head-of-state': [
    ['meeting', 25],
    ['phone-call', 20],
    ['video-call', 8],
    ['visit', 20],
    ['summit', 15],
    ['signing', 10],
  ],
  'head-of-government': [
    ['meeting', 35],
    ['phone-call', 8],
    ['video-call', 8],
    ['visit', 25],
    ['signing', 20],
  ],
  'foreign-minister': [
    ['meeting', 55],
    ['phone-call', 30],
    ['video-call', 4],
    ['visit', 10],
  ],
  'defence-minister': [
    ['meeting', 60],
    ['phone-call', 15],
    ['video-call', 8],
    ['visit', 15],
  ],
};

function planContact(rng: Rng, knowledge: Knowledge): Plan {
  for (;;) {
    const level = rng.weighted<Level>([
      ['head-of-state', 35],
      ['foreign-minister', 35],
      ['head-of-government', 18],
      ['defence-minister', 12],
    ]);
    const date = randomDate(rng);
    const ru = holder(knowledge, level, 'RU', date);
    const cn = holder(knowledge, level, 'CN', date);
    if (!ru || !cn) continue;
    let kind = rng.weighted(KIND_WEIGHTS[level]);
    if (kind === 'video-call' && date < '2020-03-01') kind = 'phone-call';
    const visitor: Side = rng.chance(0.5) ? 'RU' : 'CN';
    let place: string | null = null;
    let forum: string | null = null;
    const have = (keys: string[]) => keys.filter((k) => k in knowledge.places);
    if (kind === 'visit') {
      const host = visitor === 'RU' ? 'CN' : 'RU';
      place = rng.chance(0.7)
        ? host === 'RU'
          ? 'moscow'
          : 'beijing'
        : rng.pick(have(host === 'RU' ? RU_CITIES : CN_CITIES));
    } else if (kind === 'meeting' || kind === 'summit' || kind === 'signing') {
      const forums = Object.keys(FORUM_CITIES).filter(
        (f) =>
          f in knowledge.forums && have(FORUM_CITIES[f]!).length > 0 && (f !== 'un' || level === 'foreign-minister'),
      );
      if (kind === 'meeting' && level !== 'defence-minister' && rng.chance(0.3) && forums.length) {
        forum = rng.pick(forums);
        place = rng.pick(have(FORUM_CITIES[forum]!));
      } else if (rng.chance(0.65)) place = rng.chance(0.5) ? 'moscow' : 'beijing';
      else place = rng.pick(have(rng.chance(0.5) ? RU_CITIES : CN_CITIES));
    }
    const year = Number(date.slice(0, 4));
    const topicPool = TOPIC_DE.filter((t) => (t.from ?? 0) <= year && t.key in knowledge.topics).map((t) => t.key);
    const topics = rng.sample(topicPool, rng.int(1, 3));
    return { level, kind, date, ru, cn, place, forum, visitor, topics };
  }
}

// ------------------------------------------------------------------------------------------------ German articles

interface Dating {
  /** How the text names the contact's date ("am Dienstag", "am 14. März", "am 14. März 2019", ""). */
  phrase: string;
  mode: 'header' | 'sidecar' | 'text';
  published: string;
}

function chooseDating(rng: Rng, plan: { date: string }, lang: Language): Dating {
  const mode = rng.weighted<Dating['mode']>([
    ['header', 70],
    ['sidecar', 10],
    ['text', 20],
  ]);
  const [y, m, d] = parts(plan.date);
  const offset = rng.weighted([
    [0, 5],
    [1, 4],
    [2, 1],
  ]);
  const pub = addDays(plan.date, offset);
  const dayMonth =
    lang === 'de'
      ? `${d}. ${MONTHS.de[m - 1]}`
      : lang === 'en'
        ? `${MONTHS.en[m - 1]} ${d}`
        : `${d} ${MONTHS.ru[m - 1]}`;
  const full = lang === 'de' ? `${dayMonth} ${y}` : lang === 'en' ? `${dayMonth}, ${y}` : `${dayMonth} ${y} года`;
  const on = (s: string) => (lang === 'de' ? `am ${s}` : lang === 'en' ? `on ${s}` : s);
  if (mode === 'text') return { phrase: on(full), mode, published: plan.date };
  if (mode === 'header' && rng.chance(0.2)) return { phrase: on(dayMonth), mode, published: pub.slice(0, 7) };
  const wd = lang === 'ru' ? null : WEEKDAYS[lang][weekday(plan.date)]!;
  const phrase =
    offset === 0 && rng.chance(0.35) ? '' : wd && rng.chance(0.5) ? on(wd) : on(rng.chance(0.8) ? dayMonth : full);
  return { phrase, mode, published: pub };
}

const OUTLETS = ['nachrichten', 'agentur', 'kurier', 'rundschau', 'depesche', 'presse', 'welt', 'bote', 'echo'];
const SECTIONS = ['politik', 'ausland', 'international', 'welt', 'asien', 'russland'];

function url(rng: Rng, outlet: string, published: string, slug: string): string {
  return `https://${outlet}.synthetic.example/${rng.pick(SECTIONS)}/${published.slice(0, 4)}/${slug}`;
}

/** Sentence building blocks for one article. */
interface Voice {
  lang: Language;
  rng: Rng;
  knowledge: Knowledge;
  plan: Plan;
  dating: Dating;
}

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const join = (...xs: string[]) =>
  xs
    .filter(Boolean)
    .join(' ')
    .replace(/\s+([.,:;])/g, '$1');

type Case = 'nom' | 'dat' | 'acc';

/** Weak nouns take -en after an article in the dative and accusative ("dem russischen Präsidenten"). */
function inflect(role: string, c: Case): string {
  return c !== 'nom' && /(präsident|diplomat)$/i.test(role) ? `${role}en` : role;
}

function deRef(v: Voice, side: Side, style: number, c: Case = 'nom'): string {
  const o = side === 'RU' ? v.plan.ru : v.plan.cn;
  const role = v.rng.pick(ROLE_WORDS[v.plan.level][side]);
  const name = label(o.person, 'de');
  const article = { nom: 'der', dat: 'dem', acc: 'den' }[c];
  const adj = c === 'nom' ? ADJ[side] : `${ADJ[side]}n`;
  switch (style % 3) {
    case 0:
      return `${GENITIVE[side]} ${role} ${name}`;
    case 1:
      return `${article} ${adj} ${inflect(role, c)} ${name}`;
    default:
      return name;
  }
}

function dePlace(v: Voice): string {
  const p = v.plan;
  if (p.forum) {
    const city = p.place ? ` in ${cityLabel(v.knowledge, p.place, 'de')}` : '';
    return `am Rande ${FORUM_PHRASE[p.forum]!.de}${city}`;
  }
  if (!p.place) return '';
  if (p.place === 'novo-ogaryovo') return 'in der Residenz Nowo-Ogarjowo bei Moskau';
  return `in ${cityLabel(v.knowledge, p.place, 'de')}`;
}

function topicDe(v: Voice, key: string): string {
  return v.rng.pick(TOPIC_DE.find((t) => t.key === key)!.text);
}
function topicListDe(v: Voice): string {
  const xs = v.plan.topics.map((t) => topicDe(v, t));
  return xs.length === 1 ? xs[0]! : `${xs.slice(0, -1).join(', ')} und ${xs[xs.length - 1]}`;
}

/** The lead: one sentence naming both participants, the kind, the date phrase and the place. */
function leadDe(v: Voice): string {
  const p = v.plan;
  const D = v.dating.phrase;
  const P = dePlace(v);
  const s1 = v.rng.int(0, 2);
  const s2 = (s1 + 1 + v.rng.int(0, 1)) % 3;
  const R = deRef(v, 'RU', s1);
  const C = deRef(v, 'CN', s2);
  const Cdat = deRef(v, 'CN', s2, 'dat');
  const Rdat = deRef(v, 'RU', s1, 'dat');
  const rName = label(p.ru.person, 'de');
  const cName = label(p.cn.person, 'de');
  const counterpart = `seinem chinesischen Amtskollegen ${cName}`;
  const topics = topicListDe(v);
  const t: Record<EventKind, (() => string)[]> = {
    meeting: [
      () => join(cap(R), 'hat sich', D, P, 'mit', Cdat, 'getroffen.'),
      () => join(cap(R), 'traf sich', D, P, 'mit', counterpart + ', um', topics, 'zu erörtern.'),
      () => join('Bei einem Treffen', P, 'haben', R, 'und', C, D, 'über', topics, 'beraten.'),
      () => join(cap(D || 'Erneut'), D ? 'sind' : 'sind', R, 'und', C, P, 'zu Gesprächen zusammengekommen.'),
      () =>
        join(
          `Die ${PLURAL_DE[p.level]} Russlands und Chinas, ${rName} und ${cName}, haben`,
          D,
          P,
          'Gespräche geführt.',
        ),
      () =>
        join(
          cap(C),
          'hat',
          D,
          P,
          `den ${ADJ.RU}n ${inflect(v.rng.pick(ROLE_WORDS[p.level].RU), 'acc')}`,
          rName,
          'zu Gesprächen empfangen.',
        ),
      () => join(cap(R), 'und', C, 'haben', D, P, 'Verhandlungen über', topics, 'geführt.'),
    ],
    'phone-call': [
      () => join(cap(R), 'und', C, 'haben', D, 'miteinander telefoniert.'),
      () => join('In einem Telefonat haben', R, 'und', C, D, 'über', topics, 'gesprochen.'),
      () => join(cap(R), 'hat', D, 'mit', counterpart, 'telefoniert, wie das Außenministerium in Moskau mitteilte.'),
    ],
    'video-call': [
      () => join('Per Videokonferenz haben sich', R, 'und', C, D, 'über', topics, 'ausgetauscht.'),
      () => join(cap(R), 'und', C, 'haben', D, 'eine Videokonferenz abgehalten.'),
    ],
    visit: [
      () => {
        const [visitor, host] = p.visitor === 'RU' ? [R, Cdat] : [C, Rdat];
        const city = cityLabel(v.knowledge, p.place!, 'de');
        const visit = p.level === 'head-of-state' ? 'zu einem Staatsbesuch' : 'zu einem offiziellen Besuch';
        return join(cap(visitor), 'ist', D, visit, 'in', city, 'eingetroffen und wurde dort von', host, 'empfangen.');
      },
      () => {
        const [visitor, host] = p.visitor === 'RU' ? [R, Cdat] : [C, Rdat];
        const city = cityLabel(v.knowledge, p.place!, 'de');
        return join('Bei seinem Besuch in', city, 'ist', visitor, D, 'mit', host, 'zusammengetroffen.');
      },
    ],
    summit: [
      () => join(cap(R), 'und', C, 'sind', D, P, 'zu einem Gipfeltreffen zusammengekommen.'),
      () => join('Beim russisch-chinesischen Gipfel', P, 'haben', R, 'und', C, D, 'über', topics, 'beraten.'),
    ],
    signing: [
      () => join(cap(R), 'und', C, 'haben', D, P, 'eine gemeinsame Erklärung über', topics, 'unterzeichnet.'),
      () => join(cap(P), 'unterzeichneten', R, 'und', C, D, 'mehrere Abkommen zur Zusammenarbeit.'),
    ],
  };
  return v.rng.pick(t[p.kind])();
}

const QUOTES_DE = [
  'Die Beziehungen zwischen unseren Ländern haben ein beispielloses Niveau erreicht',
  'Wir werden die umfassende strategische Partnerschaft weiter vertiefen',
  'Beide Seiten lehnen die Einmischung externer Kräfte in ihre inneren Angelegenheiten entschieden ab',
  'Die praktische Zusammenarbeit entwickelt sich in allen Bereichen dynamisch',
  'Unsere Positionen zu den wichtigsten internationalen Fragen stimmen weitgehend überein',
  'Wir sind bereit, die Koordination in den internationalen Organisationen zu verstärken',
  'Die Freundschaft zwischen unseren Völkern ist ein wichtiger Stabilitätsfaktor in einer turbulenten Welt',
  'Der Austausch zwischen den Regionen beider Länder soll weiter ausgebaut werden',
  'Niemand sollte versuchen, einen Keil zwischen unsere Länder zu treiben',
  'Es gibt gute Aussichten für neue gemeinsame Projekte in Industrie und Infrastruktur',
  'Die Gespräche verliefen in einer Atmosphäre des gegenseitigen Vertrauens',
  'Wir haben uns auf konkrete nächste Schritte verständigt',
];

function quotesDe(v: Voice): string[] {
  const p = v.plan;
  const out: string[] = [];
  const texts = v.rng.sample(QUOTES_DE, v.rng.int(1, 3));
  texts.forEach((q, i) => {
    const who = v.rng.weighted<'RU' | 'CN' | 'MFA'>([
      ['RU', 4],
      ['CN', 4],
      ['MFA', 3],
    ]);
    if (who === 'MFA') {
      const adj = v.rng.pick(['russische', 'chinesische']);
      out.push(
        v.rng.pick([
          `„${q}“, teilte das ${adj} Außenministerium mit.`,
          `Das ${adj} Außenministerium erklärte anschließend: „${q}.“`,
          `„${q}“, hieß es in einer Mitteilung, die das Außenministerium veröffentlichte.`,
        ]),
      );
      return;
    }
    const o = who === 'RU' ? p.ru : p.cn;
    const name = i === 0 ? label(o.person, 'de') : shortName(o.person, 'de');
    out.push(
      v.rng.pick([
        `„${q}“, sagte ${name}.`,
        `${name} betonte: „${q}.“`,
        `„${q}“, erklärte ${name} im Anschluss vor Journalisten.`,
        `Nach Angaben von Beobachtern unterstrich ${name}: „${q}.“`,
      ]),
    );
  });
  return out;
}

function monthPhraseDe(date: string, y: number, m: number): string {
  return Number(date.slice(0, 4)) === y ? `im ${MONTHS.de[m - 1]}` : `im ${MONTHS.de[m - 1]} ${y}`;
}

/** Recalled and announced contacts (10 templates). */
function contextDe(v: Voice): string[] {
  const p = v.plan;
  const out: string[] = [];
  const rShort = shortName(p.ru.person, 'de');
  const cShort = shortName(p.cn.person, 'de');
  const cities = (side: Side) => (side === 'RU' ? 'Moskau' : 'Peking');
  if (v.rng.chance(0.5)) {
    const [y, m] = addMonths(p.date, -v.rng.int(2, 14));
    const when = monthPhraseDe(p.date, y, m);
    const city = v.rng.pick(['Moskau', 'Peking', 'Sankt Petersburg', 'Shanghai']);
    out.push(
      v.rng.pick([
        `Bereits ${when} hatten sich beide in ${city} getroffen.`,
        `Zuletzt hatten ${rShort} und ${cShort} ${when} miteinander telefoniert.`,
        `Schon ${when} war ${v.rng.chance(0.5) ? rShort : cShort} zu einem Besuch in ${city} gewesen.`,
        `${cap(when)} hatten die beiden bereits in ${city} Gespräche geführt.`,
        `Das vorige Treffen der beiden hatte ${when} in ${city} stattgefunden.`,
      ]),
    );
  }
  if (v.rng.chance(0.35)) {
    const [y, m] = addMonths(p.date, v.rng.int(1, 8));
    const when = monthPhraseDe(p.date, y, m);
    const traveller = v.rng.chance(0.5) ? 'RU' : 'CN';
    const dest = cities(traveller === 'RU' ? 'CN' : 'RU');
    const name = traveller === 'RU' ? rShort : cShort;
    out.push(
      v.rng.pick([
        `${name} soll ${when} nach ${dest} reisen.`,
        `Ein Gegenbesuch von ${name} in ${dest} ist für ${when.replace(/^im /, 'den ')} geplant.`,
        `Beide wollen sich ${when} in ${dest} erneut treffen.`,
        `${cap(when)} wird ${name} zu einem Staatsbesuch in ${dest} erwartet.`,
        `Für ${when.replace(/^im /, 'den ')} ist ein weiteres Treffen von ${rShort} und ${cShort} in ${dest} vorgesehen.`,
      ]),
    );
  }
  return out;
}

/** Background paragraphs without any contact of their own. */
function fillersDe(rng: Rng, year: number): string[] {
  const n = (a: number, b: number) => rng.int(a, b);
  const volume = Math.round((year - 2000) * 9 + n(5, 40));
  const pool: (string | false)[] = [
    `Der Warenaustausch zwischen Russland und China erreichte zuletzt nach chinesischen Zollangaben rund ${volume} Milliarden US-Dollar. Den größten Anteil an den russischen Ausfuhren haben Rohöl, Erdgas und Kohle, während China vor allem Maschinen, Elektronik und Fahrzeuge liefert.`,
    `Ökonomen weisen darauf hin, dass das Handelsvolumen in den vergangenen Jahren stark schwankte. Im Jahresvergleich stieg es um ${n(3, 29)} Prozent, wobei die Preise für Energieträger eine entscheidende Rolle spielten.`,
    `Russland gehört seit Jahren zu den wichtigsten Öllieferanten Chinas. Über Pipelines und auf dem Seeweg gelangen täglich mehr als ${n(12, 22)} hunderttausend Barrel in die Volksrepublik.`,
    year >= 2008 &&
      `Die Energiepartnerschaft gilt als Kern der wirtschaftlichen Beziehungen. Neben Öl spielen zunehmend Flüssigerdgas und Kernenergie eine Rolle; russische Unternehmen errichten in China mehrere Reaktorblöcke.`,
    `Beide Länder teilen eine mehr als 4200 Kilometer lange Grenze. Entlang des Amur entstanden in den vergangenen Jahren neue Brücken, die den Güterverkehr zwischen den Grenzregionen erleichtern sollen.`,
    year >= 2022 &&
      `Der Anteil der Zahlungen in Rubel und Yuan am bilateralen Handel ist nach offiziellen Angaben auf über ${n(60, 95)} Prozent gestiegen. Der Dollar verliert damit im Warenverkehr beider Länder an Bedeutung.`,
    year >= 2022 &&
      `Chinesische Autohersteller haben ihren Marktanteil in Russland deutlich ausgebaut. Branchenbeobachter schätzen, dass inzwischen mehr als jedes ${n(2, 4)}. neu zugelassene Auto aus chinesischer Produktion stammt.`,
    `Im Agrarsektor wächst die Zusammenarbeit ebenfalls: Russland liefert Weizen, Soja und Fleischprodukte, die Ausfuhren stiegen im vergangenen Jahr um ${n(5, 40)} Prozent.`,
    `Experten sehen in der engen Abstimmung beider Länder auch eine Reaktion auf die Politik westlicher Staaten. Beide Regierungen betonen jedoch, ihre Partnerschaft richte sich nicht gegen Dritte.`,
    year >= 2010 &&
      `Die Zahl der Touristen zwischen beiden Ländern nimmt zu; seit der Einführung visafreier Gruppenreisen reisten nach Branchenangaben rund ${n(200, 900)} tausend Menschen jährlich in das jeweils andere Land.`,
    `Auch im Bildungsbereich gibt es Fortschritte: An russischen Hochschulen studieren derzeit etwa ${n(30, 60)} tausend Studenten aus China, umgekehrt lernen immer mehr junge Russen Chinesisch.`,
  ];
  if (year >= 2022)
    pool.push(
      `Peking hat sich im Ukraine-Konflikt offiziell für neutral erklärt und einen politischen Ausgleich gefordert. Westliche Regierungen werfen China dennoch vor, Russland wirtschaftlich zu stützen.`,
    );
  if (year >= 2015)
    pool.push(
      `Seit den westlichen Sanktionen hat sich Moskau verstärkt nach Asien orientiert. Chinesische Banken agieren bei Geschäften mit russischen Partnern allerdings vorsichtig, um Sekundärsanktionen zu vermeiden.`,
      `Die Pipeline „Kraft Sibiriens“ verbindet ostsibirische Gasfelder mit dem Nordosten Chinas. Über eine zweite Leitung durch die Mongolei wird seit längerem verhandelt, ein endgültiger Liefervertrag steht noch aus.`,
    );
  const usable = pool.filter((p): p is string => typeof p === 'string');
  return rng.sample(usable, usable.length);
}

const CLOSINGS_DE = [
  'Die Gespräche verliefen nach Angaben beider Seiten in einer freundschaftlichen und konstruktiven Atmosphäre.',
  'Beobachter werten den Austausch als weiteres Zeichen der engen Abstimmung zwischen Moskau und Peking.',
  'Einzelheiten zu den vereinbarten Schritten wurden zunächst nicht bekannt.',
  'Beide Seiten kündigten an, die Abstimmung auf allen Ebenen fortzusetzen.',
  '',
];

function detailDe(v: Voice): string {
  const p = v.plan;
  const topics = topicListDe(v);
  const options = [
    `Im Mittelpunkt stand der Meinungsaustausch über ${topics}.`,
    `Dabei ging es nach offiziellen Angaben vor allem um ${topics}.`,
    `Auf der Tagesordnung stand unter anderem der Blick auf ${topics}.`,
    `Die Delegationen sprachen nach eigenen Angaben auch über ${topics}.`,
  ];
  let s = v.rng.pick(options);
  if (p.forum && v.rng.chance(0.6))
    s += ` Beide Seiten sprachen sich zudem für eine engere Abstimmung im Rahmen ${FORUM_PHRASE[p.forum]!.de.replace(/-Gipfels$/, '-Formats')} aus.`;
  return s;
}

function articleDe(v: Voice, target: number): string[] {
  const paragraphs: string[] = [];
  const lead = leadDe(v);
  paragraphs.push(v.rng.chance(0.5) ? `${lead} ${detailDe(v)}` : lead);
  if (paragraphs[0] === lead) paragraphs.push(detailDe(v));
  const quotes = quotesDe(v);
  paragraphs.push(...quotes);
  const context = contextDe(v);
  if (context.length) paragraphs.push(context.join(' '));
  const closing = v.rng.pick(CLOSINGS_DE);
  const fill = fillersDe(v.rng, Number(v.plan.date.slice(0, 4)));
  return fillUp(paragraphs, fill, target, closing);
}

function fillUp(paragraphs: string[], fill: string[], target: number, closing: string): string[] {
  const words = (ps: string[]) => ps.join(' ').split(/\s+/).filter(Boolean).length;
  const out = [...paragraphs];
  for (const f of fill) {
    if (words(out) >= target) break;
    out.push(f);
  }
  if (closing) out.push(closing);
  return out;
}

// ------------------------------------------------------------------------------------------------ English and Russian

function articleEn(v: Voice, target: number): string[] {
  const p = v.plan;
  const k = v.knowledge;
  const r = label(p.ru.person, 'en');
  const c = label(p.cn.person, 'en');
  const R = v.rng.chance(0.5) ? `Russian ${ROLE_EN[p.level]} ${r}` : r;
  const C = v.rng.chance(0.5) ? `Chinese ${ROLE_EN[p.level]} ${c}` : c;
  const D = v.dating.phrase;
  const place = p.place
    ? p.forum
      ? `on the sidelines of ${FORUM_PHRASE[p.forum]!.en} in ${cityLabel(k, p.place, 'en')}`
      : `in ${cityLabel(k, p.place, 'en')}`
    : '';
  const topics = p.topics.map((t) => TOPIC_EN[t] ?? t).join(' and ');
  const city = p.place ? cityLabel(k, p.place, 'en') : '';
  const leads: Record<EventKind, string[]> = {
    meeting: [
      join(R, 'met', C, place, D + ',', 'discussing', topics + '.'),
      join(R, 'and', C, 'held talks', place, D + '.'),
    ],
    'phone-call': [
      join(R, 'and', C, 'spoke by phone', D + ',', 'the foreign ministry said.'),
      join('In a phone call', D + ',', R, 'and', C, 'discussed', topics + '.'),
    ],
    'video-call': [join(R, 'and', C, 'held a video call', D, 'on', topics + '.')],
    visit: [
      p.visitor === 'RU'
        ? join(R, 'arrived in', city, D, 'on a state visit and was received by', C + '.')
        : join(C, 'arrived in', city, D, 'on a state visit and was received by', R + '.'),
    ],
    summit: [join(R, 'and', C, 'held a summit', place, D + ',', 'focusing on', topics + '.')],
    signing: [join(R, 'and', C, 'signed a joint statement on', topics, place, D + '.')],
  };
  const lead = v.rng.pick(leads[p.kind]).replace(/ ,/g, ',');
  const quotes = [
    'Our relations are at their highest level in history',
    'We will continue to deepen our comprehensive strategic partnership',
    'Both sides agreed to strengthen coordination at the United Nations',
    'Practical cooperation is developing in all areas',
  ];
  const who = v.rng.chance(0.5) ? shortName(p.ru.person, 'en') : shortName(p.cn.person, 'en');
  const paragraphs = [
    lead,
    `“${v.rng.pick(quotes)},” ${who} said afterwards.`,
    v.rng.chance(0.5) ? `“${v.rng.pick(quotes)},” the foreign ministry said in a statement.` : '',
  ].filter(Boolean);
  if (v.rng.chance(0.4)) {
    const [y, m] = addMonths(p.date, v.rng.int(1, 6));
    paragraphs.push(
      `${shortName(p.ru.person, 'en')} is expected to travel to Beijing in ${MONTHS.en[m - 1]}${y !== Number(p.date.slice(0, 4)) ? ` ${y}` : ''}.`,
    );
  }
  const n = (a: number, b: number) => v.rng.int(a, b);
  const fill = v.rng.sample(
    (
      [
        `Trade between Russia and China has grown strongly over the past decade, reaching roughly ${n(60, 240)} billion dollars according to Chinese customs data. Energy accounts for the bulk of Russian exports.`,
        `Both countries share a border of more than 4,200 kilometres and have settled all territorial disputes along it. New bridges across the Amur river now link the border regions.`,
        `Analysts say the partnership is driven by shared opposition to what both governments describe as a unipolar world order, although Beijing is careful to avoid secondary sanctions.`,
        `Russia has become one of the largest suppliers of crude oil to China, shipping more than ${n(12, 22)} hundred thousand barrels a day through pipelines and by sea.`,
        Number(p.date.slice(0, 4)) >= 2022 &&
          `Settlements in roubles and yuan now account for about ${n(60, 95)} percent of bilateral trade, officials say, reducing the role of the dollar.`,
        `Tourism between the two countries has also picked up, with several hundred thousand travellers crossing the border each year under visa-free group schemes.`,
        `Education links are expanding as well: tens of thousands of Chinese students are enrolled at Russian universities, and interest in learning Chinese is growing in Russia.`,
      ] as (string | false)[]
    ).filter((f): f is string => typeof f === 'string'),
    7,
  );
  return fillUp(paragraphs, fill, target, '');
}

function articleRu(v: Voice, target: number): string[] {
  const p = v.plan;
  const r = label(p.ru.person, 'ru');
  const c = label(p.cn.person, 'ru');
  const R = v.rng.chance(0.4) ? `${cap(ROLE_RU[p.level])} России ${r}` : r;
  const D = v.dating.phrase;
  const prep = p.place && p.place in RU_CITY ? `в ${RU_CITY[p.place as keyof typeof RU_CITY].prep}` : '';
  const leads: Record<EventKind, string> = {
    meeting: join(R, 'и', c, 'провели переговоры', prep, D + '.'),
    'phone-call': join(R, 'и', c, 'провели телефонный разговор', D + '.'),
    'video-call': join(R, 'и', c, 'провели переговоры по видеосвязи', D + '.'),
    visit:
      p.visitor === 'RU'
        ? join(R, D, 'прибыл с государственным визитом в', RU_CITY.beijing.acc + ', где его принял', c + '.')
        : join(c, D, 'прибыл с государственным визитом в', RU_CITY.moscow.acc + ', где его принял', R + '.'),
    summit: join(R, 'и', c, 'провели саммит', prep, D + '.'),
    signing: join(R, 'и', c, 'подписали совместное заявление', prep, D + '.'),
  };
  const paragraphs = [
    leads[p.kind].replace(/ ,/g, ','),
    `«Отношения между нашими странами находятся на самом высоком уровне за всю историю», — заявил ${r}.`,
    'Стороны обсудили торгово-экономическое сотрудничество, энергетику и ситуацию в мире.',
  ];
  if (v.rng.chance(0.4)) {
    const [, m] = addMonths(p.date, -v.rng.int(2, 9));
    paragraphs.push(`Ранее, в ${RU_MONTHS_PREP[m - 1]}, лидеры уже встречались в Москве.`);
  }
  const n = (a: number, b: number) => v.rng.int(a, b);
  const fill = v.rng.sample(
    (
      [
        `Товарооборот между Россией и Китаем за последние годы значительно вырос и, по данным китайской таможни, составил около ${n(60, 240)} миллиардов долларов.`,
        `Россия остается одним из крупнейших поставщиков нефти и газа в Китай. Основная часть поставок идет по трубопроводам и морским путем.`,
        Number(p.date.slice(0, 4)) >= 2022 &&
          `Доля расчетов в рублях и юанях во взаимной торговле, по официальным данным, превысила ${n(60, 95)} процентов.`,
        `Эксперты отмечают, что сотрудничество двух стран охватывает все больше областей: от сельского хозяйства до освоения космоса и Арктики.`,
        `Протяженность общей границы двух государств превышает 4200 километров; в последние годы через Амур были построены новые мосты.`,
        `Аналитики подчеркивают, что Москва и Пекин придерживаются близких позиций по большинству международных вопросов и выступают за многополярный мир.`,
        `Растет и число туристов: по оценкам отраслевых союзов, за год границу в обоих направлениях пересекли более ${n(200, 900)} тысяч человек.`,
        `В российских вузах сейчас обучаются около ${n(30, 60)} тысяч студентов из Китая, а интерес к изучению китайского языка в России продолжает расти.`,
      ] as (string | false)[]
    ).filter((f): f is string => typeof f === 'string'),
    8,
  );
  return fillUp(paragraphs, fill, target, '');
}

// ------------------------------------------------------------------------------------------------ irrelevant articles

interface Irrelevant {
  paragraphs: string[];
  truth: Pick<Truth, 'kind' | 'date' | 'place' | 'participants' | 'forum'>;
}

function irrelevantDe(rng: Rng, knowledge: Knowledge, dating: (date: string) => Dating): Irrelevant | null {
  const scenario = rng.weighted<'cn-de' | 'us-cn' | 'ru-other' | 'ru-us' | 'trade'>([
    ['cn-de', 3],
    ['us-cn', 2],
    ['ru-other', 2],
    ['ru-us', 1],
    ['trade', 2],
  ]);
  const date = randomDate(rng, 2005);
  const year = Number(date.slice(0, 4));
  const d = dating(date);
  const fill = fillersDe(rng, year);
  const person = (o: Official) => label(o.person, 'de');
  const title = (o: Official, word: string, female: string) => (o.person.gender === 'f' ? female : word);
  if (scenario === 'trade') {
    const q = rng.int(1, 4);
    return {
      paragraphs: fillUp(
        [
          `Der Handel zwischen Russland und China ist im ${q}. Quartal ${year} nach Angaben der chinesischen Zollbehörde um ${rng.int(2, 31)} Prozent gewachsen.`,
          `Die Ausfuhren Chinas nach Russland beliefen sich auf ${rng.int(8, 60)} Milliarden US-Dollar, die Einfuhren aus Russland auf ${rng.int(8, 70)} Milliarden. Größter Posten blieben Energieträger.`,
        ],
        fill,
        rng.int(150, 400),
        '',
      ),
      truth: { kind: null, date: null, place: null, participants: [], forum: null },
    };
  }
  if (scenario === 'cn-de') {
    const cn = holder(knowledge, 'foreign-minister', 'CN', date);
    const de = holder(knowledge, 'foreign-minister', 'DE', date) ?? holder(knowledge, 'head-of-government', 'DE', date);
    if (!cn || !de) return null;
    const city = rng.pick(['berlin', 'beijing', 'munich'].filter((k) => k in knowledge.places));
    const deWord =
      de.role === 'foreign-minister'
        ? title(de, 'Außenminister', 'Außenministerin')
        : title(de, 'Bundeskanzler', 'Bundeskanzlerin');
    return {
      paragraphs: fillUp(
        [
          join(
            `Chinas Außenminister ${person(cn)} hat sich`,
            d.phrase,
            `in ${cityLabel(knowledge, city, 'de')} mit ${de.person.gender === 'f' ? 'der deutschen' : 'dem deutschen'} ${deWord} ${person(de)} getroffen.`,
          ),
          `Im Mittelpunkt standen die Handelsbeziehungen zwischen Deutschland und China sowie der Marktzugang für europäische Unternehmen. „Wir wollen den Dialog fortsetzen“, sagte ${shortName(cn.person, 'de')}.`,
        ],
        fill,
        rng.int(150, 450),
        '',
      ),
      truth: { kind: 'meeting', date, place: city, participants: [cn.key, de.key].sort(), forum: null },
    };
  }
  if (scenario === 'us-cn') {
    const us = holder(knowledge, 'head-of-state', 'US', date);
    const cn = holder(knowledge, 'head-of-state', 'CN', date);
    if (!us || !cn) return null;
    return {
      paragraphs: fillUp(
        [
          join(
            `US-Präsident ${person(us)} und Chinas Staatschef ${person(cn)} haben`,
            d.phrase,
            'miteinander telefoniert.',
          ),
          `Nach Angaben des Weißen Hauses ging es um Zölle, die Taiwan-Frage und den Handel zwischen beiden Ländern. „Das Gespräch war offen und konstruktiv“, sagte ${shortName(us.person, 'de')}.`,
        ],
        fill,
        rng.int(150, 450),
        '',
      ),
      truth: { kind: 'phone-call', date, place: null, participants: [us.key, cn.key].sort(), forum: null },
    };
  }
  if (scenario === 'ru-us') {
    const ru = holder(knowledge, 'foreign-minister', 'RU', date);
    const us = holder(knowledge, 'foreign-minister', 'US', date);
    if (!ru || !us) return null;
    return {
      paragraphs: fillUp(
        [
          join(
            `Russlands Außenminister ${person(ru)} hat`,
            d.phrase,
            `mit US-Außenminister ${person(us)} telefoniert.`,
          ),
          `Beide Seiten erörterten nach Angaben aus Moskau die strategische Stabilität. „Der Dialog muss weitergehen“, sagte ${shortName(ru.person, 'de')}.`,
        ],
        fill,
        rng.int(150, 450),
        '',
      ),
      truth: { kind: 'phone-call', date, place: null, participants: [ru.key, us.key].sort(), forum: null },
    };
  }
  const ru = holder(knowledge, 'head-of-state', 'RU', date);
  const other = rng.pick([
    holder(knowledge, 'head-of-state', 'TR', date),
    holder(knowledge, 'head-of-government', 'IN', date),
    holder(knowledge, 'head-of-state', 'BY', date),
    holder(knowledge, 'head-of-state', 'KZ', date),
  ]);
  if (!ru || !other) return null;
  const country: Record<string, string> = {
    TR: 'türkischen',
    IN: 'indischen',
    BY: 'belarussischen',
    KZ: 'kasachischen',
  };
  const otherWord = other.role === 'head-of-government' ? 'Premierminister' : 'Präsidenten';
  const city = rng.pick(['moscow', 'sochi', 'saint-petersburg'].filter((k) => k in knowledge.places));
  return {
    paragraphs: fillUp(
      [
        join(
          `Russlands Präsident ${person(ru)} hat`,
          d.phrase,
          `in ${cityLabel(knowledge, city, 'de')} den ${country[other.country]} ${otherWord} ${person(other)} empfangen.`,
        ),
        `Themen waren Energielieferungen und regionale Sicherheitsfragen. „Unsere Zusammenarbeit ist stabil“, sagte ${shortName(ru.person, 'de')}.`,
      ],
      fill,
      rng.int(150, 450),
      '',
    ),
    truth: { kind: 'meeting', date, place: city, participants: [ru.key, other.key].sort(), forum: null },
  };
}

// ------------------------------------------------------------------------------------------------ assembly

function damage(rng: Rng, text: string, lang: Language): { text: string | Uint8Array; damage: Damage } {
  const kind = rng.weighted<Damage>(
    lang === 'ru'
      ? [
          ['cp850', 1],
          ['question-marks', 0],
          ['windows-1252', 0],
        ]
      : [
          ['cp850', 1],
          ['question-marks', 1],
          ['windows-1252', 1],
        ],
  );
  if (kind === 'cp850') return { text: iconv.decode(Buffer.from(text, 'utf8'), 'cp850'), damage: kind };
  if (kind === 'question-marks') return { text: text.replace(/[äöüÄÖÜß]/g, '?'), damage: kind };
  return { text: new Uint8Array(iconv.encode(text, 'win1252')), damage: kind };
}

function render(
  rng: Rng,
  lang: Language,
  paragraphs: string[],
  dating: Dating,
  outlet: string,
  slug: string,
): { text: string; sidecar?: string } {
  const body = paragraphs.filter(Boolean).join('\n\n') + '\n';
  if (dating.mode === 'header') {
    const word = lang === 'de' ? 'von' : lang === 'en' ? 'from' : 'от';
    return { text: ` date ${dating.published} ${word} ${url(rng, outlet, dating.published, slug)}\n\n${body}` };
  }
  if (dating.mode === 'sidecar')
    return {
      text: body,
      sidecar: `# synthetic article (scripts/corpus)\ndate: ${dating.published}\nurl: ${url(rng, outlet, dating.published, slug)}\n`,
    };
  return { text: body };
}

const wordCount = (s: string) => s.split(/\s+/).filter(Boolean).length;

export function generateCorpus(options: CorpusOptions): GeneratedArticle[] {
  const { count, seed, knowledge } = options;
  if (!Number.isInteger(count) || count < 0) throw new Error(`count must be a non-negative integer, got ${count}`);
  const out: GeneratedArticle[] = [];
  const originals: { file: string; plan: Plan; outlet: string }[] = [];
  for (let i = 0; i < count; i++) {
    const rng = new Rng(mulberry32(mix(seed, i, 1)));
    const file = `synthetic_${pad(i + 1, 6)}.txt`;
    const role = rng.float();
    const lang: Language = rng.weighted([
      ['de', 86],
      ['en', 8],
      ['ru', 6],
    ]);
    let outlet = rng.pick(OUTLETS);
    const target = rng.int(170, 560);
    let paragraphs: string[] = [];
    let truth: Omit<Truth, 'damage' | 'words'> | null = null;
    let dating: Dating | null = null;

    if (role < 0.1) {
      for (let tries = 0; tries < 20 && !truth; tries++) {
        const box: { dating?: Dating } = {};
        const irrelevant = irrelevantDe(rng, knowledge, (date) => (box.dating = chooseDating(rng, { date }, 'de')));
        if (!irrelevant || !box.dating) continue;
        dating = box.dating;
        paragraphs = irrelevant.paragraphs;
        truth = {
          relevant: false,
          ...irrelevant.truth,
          language: 'de',
          dating: dating.mode,
          published: dating.published,
        };
      }
    }
    if (!truth || !dating) {
      const duplicate = role >= 0.1 && role < 0.2 && originals.length > 0 ? rng.pick(originals) : null;
      if (duplicate) outlet = rng.pick(OUTLETS.filter((o) => o !== duplicate.outlet));
      const plan = duplicate ? duplicate.plan : planContact(rng, knowledge);
      const language = lang === 'ru' && (plan.forum || (plan.place && !(plan.place in RU_CITY))) ? 'de' : lang;
      dating = chooseDating(rng, plan, language);
      const voice: Voice = { lang: language, rng, knowledge, plan, dating };
      paragraphs =
        language === 'de'
          ? articleDe(voice, target)
          : language === 'en'
            ? articleEn(voice, target)
            : articleRu(voice, target);
      truth = {
        relevant: true,
        kind: plan.kind,
        date: plan.date,
        place: plan.place,
        participants: [plan.ru.key, plan.cn.key].sort(),
        forum: plan.forum,
        language,
        dating: dating.mode,
        published: dating.published,
        ...(duplicate ? { duplicateOf: duplicate.file } : {}),
      };
      if (!duplicate) originals.push({ file, plan, outlet });
    }
    const slug = `${truth.kind ?? 'bericht'}-${truth.participants.join('-') || 'handel'}-${pad(i + 1, 6)}`;
    const rendered = render(rng, truth.language, paragraphs, dating, outlet, slug);
    const words = wordCount(paragraphs.join(' '));
    const damaged = rng.chance(0.05) ? damage(rng, rendered.text, truth.language) : null;
    out.push({
      file,
      text: damaged ? damaged.text : rendered.text,
      ...(rendered.sidecar ? { sidecar: rendered.sidecar } : {}),
      truth: { ...truth, damage: damaged?.damage ?? null, words },
    });
  }
  return out;
}
