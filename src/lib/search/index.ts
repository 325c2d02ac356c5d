/**
 * Full-text search over events: documents are built ONCE per dataset (`buildSearchDocs`), a searcher once per
 * document list (`createSearcher`); a keystroke only runs `search`.
 *
 * Why not one keyed Fuse instance over the documents: Fuse runs its fuzzy (bitap) matcher over every string of
 * every record for every query. Measured on 10,000 synthetic events (~550 characters of title/summary/quotes and
 * ~100 alias strings each) that took 1.0–2.5 s per keystroke (Node 20, 2-core machine) — far from a 16 ms frame.
 * So the work is split by what each part needs:
 *   - exact (normalized) substring matching: running text (title, quotes, summary) with `indexOf` over one
 *     concatenated string per field, skipping to the next document after the first hit; names (people, forums,
 *     places, topics), which repeat across thousands of events, once per DISTINCT string, mapped back to the
 *     events through posting lists (the real dataset carries up to ~7 kB of aliases per event);
 *   - typo tolerance only on names: Fuse (string-list mode, bitap) over the distinct words of all names, after a
 *     cheap letter filter, plus swapped-letter lookups (bitap counts a swap as two edits).
 * Field weights (people 3, forums 3, places 2, topics 2, title 2, quotes 1, summary 1) are applied when the
 * per-field hits are combined. Multi-word queries are split into words; every word must match somewhere (in any
 * field) and per-word results are kept in a small LRU, so typing the next letter recomputes only the last word,
 * and only inside the documents its prefix matched.
 *
 * Measured once with a throwaway script (Node 20, 2-core machine under load from other jobs; 10,000 synthetic
 * events, 5.5 M characters of running text, ~70 name strings each): building the searcher ≈ 85 ms; while
 * typing, median ≈ 4 ms and 90th percentile ≈ 11 ms per keystroke; a fresh 5+ letter word ≈ 5 ms median;
 * worst case ≈ 30–50 ms for a first letter that matches every event. Keyed Fuse: 1,000–2,500 ms.
 *
 * Everything here is plain data in and out (SearchDoc is JSON-serializable; the searcher needs only the docs),
 * so it can move into a Web Worker unchanged.
 */
import Fuse from 'fuse.js';
import type { ContactEvent, Dataset, DatedRole, Entity, EntityTables } from '../dataset/types.ts';
import { normalizeForSearch, normalizeWithOffsets, searchWords } from './normalize.ts';

export { normalizeForSearch } from './normalize.ts';

/** One event, flattened to normalized strings. Plain JSON so it can be posted to a worker. */
export interface SearchDoc {
  id: string;
  /** `title` and every value of `titles`, deduplicated. */
  title: string[];
  summary: string;
  /** One string per quote. */
  quotes: string[];
  /** Participants and quote speakers: name, labels, aliases, and the names of roles held at the event's date. */
  people: string[];
  places: string[];
  /** The venue and the mentioned forums: name, labels, short labels, aliases. */
  forums: string[];
  topics: string[];
}

export const SEARCH_FIELDS = ['people', 'forums', 'places', 'topics', 'title', 'quotes', 'summary'] as const;
export type SearchField = (typeof SEARCH_FIELDS)[number];

/** Names and forums first: a hit in who/where says more about an event than a word in its summary. */
export const FIELD_WEIGHTS: Readonly<Record<SearchField, number>> = {
  people: 3,
  forums: 3,
  places: 2,
  topics: 2,
  title: 2,
  quotes: 1,
  summary: 1,
};

export interface SearchResult {
  /** Matching event ids, best first; ties keep dataset (chronological) order. All ids for an empty query. */
  ids: string[];
  /**
   * Per id, a Fuse-style score in [0, 1]: 0 = best conceivable match, lower is better. Comparable only within
   * one result. Every id gets 0 for an empty query.
   */
  scores: Map<string, number>;
  /** The normalized query words, for `highlightRanges`. */
  terms: string[];
}

export interface Searcher {
  search(query: string): SearchResult;
}

// ---------------------------------------------------------------------------------------------------------------
// Documents

function entityStrings(entity: Entity | undefined): string[] {
  if (!entity) return [];
  const out = [entity.name, ...Object.values(entity.labels), ...entity.aliases];
  // Forums carry short labels per language (SCO / SOZ / ШОС); any entity may, so read them generically.
  const short = entity['short'];
  if (short && typeof short === 'object') {
    for (const v of Object.values(short as Record<string, unknown>)) if (typeof v === 'string') out.push(v);
  }
  return out;
}

/** Latest sortable key for an ISO date at any precision: '2021-07' covers every day of July. */
const endKey = (iso: string) => `${iso}~`;

function isRoleList(v: unknown): v is DatedRole[] {
  return Array.isArray(v) && v.every((r) => r && typeof r === 'object' && typeof (r as DatedRole).role === 'string');
}

/**
 * Role names ('foreign-minister' → 'foreign minister') of roles held during the event, or all of them when the
 * event is undated. 'other' says nothing searchable.
 */
function roleStrings(person: Entity | undefined, event: ContactEvent): string[] {
  const roles = person?.['roles'];
  if (!isRoleList(roles)) return [];
  const start = event.date.start;
  const end = event.date.end ?? start;
  return roles
    .filter((r) => r.role !== 'other')
    .filter(
      (r) =>
        start === null ||
        end === null ||
        ((r.from === null || r.from <= endKey(end)) && (r.to === null || endKey(r.to) >= start)),
    )
    .map((r) => r.role);
}

function normalizedUnique(values: Iterable<string>): string[] {
  const out = new Set<string>();
  for (const v of values) {
    const n = normalizeForSearch(v);
    if (n) out.add(n);
  }
  return [...out];
}

export function buildSearchDoc(event: ContactEvent, entities: EntityTables): SearchDoc {
  const people: string[] = [];
  for (const key of event.participants) {
    people.push(...entityStrings(entities.people[key]), ...roleStrings(entities.people[key], event));
  }
  // Quote speakers are people (or institutions such as a ministry) the event is searchable by, too.
  for (const q of event.quotes) {
    if (q.speaker === null) continue;
    people.push(...entityStrings(entities.people[q.speaker] ?? entities.institutions[q.speaker]));
  }
  const forumKeys = [event.forum, ...event.forumsMentioned].filter((k): k is string => k !== null);
  return {
    id: event.id,
    title: normalizedUnique([event.title, ...Object.values(event.titles ?? {})]),
    summary: normalizeForSearch(event.summary),
    quotes: event.quotes.map((q) => normalizeForSearch(q.text)).filter((t) => t.length > 0),
    people: normalizedUnique(people),
    places: normalizedUnique(event.place === null ? [] : entityStrings(entities.places[event.place])),
    forums: normalizedUnique(forumKeys.flatMap((k) => entityStrings(entities.forums[k]))),
    topics: normalizedUnique(event.topics.flatMap((k) => entityStrings(entities.topics[k]))),
  };
}

export function buildSearchDocs(dataset: Dataset): SearchDoc[] {
  return dataset.events.map((e) => buildSearchDoc(e, dataset.entities));
}

// ---------------------------------------------------------------------------------------------------------------
// Searcher

/**
 * Typos allowed per word length. Fuse's bitap scores errors / length and matches substrings, so a flat threshold
 * of ~0.3 would let a 6-letter word lose two letters ("peking" → "…ping" in "jinping"). Words under 5 letters
 * would fuzzy-match half the names ("wang" → "zhang"); they must match exactly.
 */
function maxTypos(length: number): number {
  return length < 5 ? 0 : length < 8 ? 1 : length < 12 ? 2 : 3;
}
/** Per-field match quality (0 = best): whole-word start, inside a word, and fuzzy matches ranked below both. */
const WORD_START_SCORE = 0;
const INSIDE_WORD_SCORE = 0.2;
const FUZZY_BASE_SCORE = 0.4;
/** Words up to this length must start a word to match. */
const SHORT_WORD = 3;
const UNSPACED_SCRIPT = /[\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff]/u;
/** "No match" marker in the per-cell score table (real scores stay below 1). */
const NO_MATCH = 2;
const LRU_SIZE = 64;

/** Running text, unique per document: searched in place. */
const TEXT_FIELDS: readonly SearchField[] = ['title', 'quotes', 'summary'];

/**
 * Segments (one per document, or one per distinct name) concatenated as ' ' + words, so that a query word —
 * which never contains a space — cannot run across two segments, and a preceding ' ' marks a word start.
 */
interface Haystack {
  text: string;
  /** Segment i occupies text[starts[i], starts[i + 1]). */
  starts: Int32Array;
}

/** What one query word matched, cached per word. */
interface WordHits {
  /** Matching document indices, ascending. */
  docs: Int32Array;
  /** Relevance per document index (dense, 0 = no match; higher is better). */
  relevance: Float32Array;
  /** Per haystack, the segments with an exact hit: a longer word typed next can only match inside these. */
  exact: Int32Array[];
}

function buildHaystack(segments: readonly string[]): Haystack {
  const starts = new Int32Array(segments.length + 1);
  let offset = 0;
  segments.forEach((segment, i) => {
    starts[i] = offset;
    offset += segment.length + 1;
  });
  starts[segments.length] = offset;
  return { text: ' ' + segments.join(' '), starts };
}

/** Index of the segment containing character `pos` (largest i with starts[i] <= pos). */
function segmentAt(starts: Int32Array, pos: number): number {
  let lo = 0;
  let hi = starts.length - 2;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((starts[mid] as number) <= pos) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Like segmentAt, walking forward from segment `i` (for hits close to the previous one). */
function stepTo(starts: Int32Array, i: number, pos: number): number {
  while ((starts[i + 1] as number) <= pos) i++;
  return i;
}

/** Short words match only at a word start (see scan). */
const anchored = (word: string) => word.length <= SHORT_WORD && !UNSPACED_SCRIPT.test(word);

/**
 * Calls `hit(segment, score)` once per segment containing `word`, with WORD_START_SCORE when some occurrence
 * starts a word. `narrow` (ascending segment indices) restricts the search to those segments.
 */
function scan(h: Haystack, word: string, narrow: Int32Array | null, hit: (segment: number, score: number) => void) {
  const spaced = ' ' + word;
  // Short words match only at a word start: "sco" must not find "moscow", "и" not every Russian word. Scripts
  // written without spaces (Chinese, Japanese) have no word starts to anchor to.
  const needle = anchored(word) ? spaced : word;
  const quality = (segment: number, pos: number): number => {
    if (needle === spaced || h.text.charCodeAt(pos - 1) === 32) return WORD_START_SCORE;
    // A later whole-word occurrence ranks higher; look only up to the segment's end (slices are O(1) in V8).
    return h.text.slice(pos, h.starts[segment + 1]).includes(spaced) ? WORD_START_SCORE : INSIDE_WORD_SCORE;
  };
  if (narrow) {
    for (const segment of narrow) {
      const from = h.starts[segment] as number;
      const at = h.text.slice(from, h.starts[segment + 1]).indexOf(needle);
      if (at >= 0) hit(segment, quality(segment, from + at));
    }
    return;
  }
  let from = 0;
  let segment = 0;
  for (;;) {
    const pos = h.text.indexOf(needle, from);
    if (pos < 0) return;
    // Hits come in order: step forward when the next segments are near, else binary-search.
    segment = pos < (h.starts[segment + 8] ?? Infinity) ? stepTo(h.starts, segment, pos) : segmentAt(h.starts, pos);
    hit(segment, quality(segment, pos));
    from = h.starts[segment + 1] as number;
  }
}

/** A 32-bit set of the characters in a word (hashed, so collisions only make the filter below less strict). */
function charMask(word: string): number {
  let mask = 0;
  for (let i = 0; i < word.length; i++) mask |= 1 << (word.charCodeAt(i) % 32);
  return mask;
}

export function createSearcher(docs: readonly SearchDoc[]): Searcher {
  const n = docs.length;
  const ids = docs.map((d) => d.id);
  const nFields = SEARCH_FIELDS.length;
  const weights = SEARCH_FIELDS.map((f) => FIELD_WEIGHTS[f]);

  // Running text: one haystack per field, one segment per document.
  const textFields = TEXT_FIELDS.map((f) => SEARCH_FIELDS.indexOf(f));
  const textHaystacks = TEXT_FIELDS.map((f) =>
    buildHaystack(docs.map((doc) => (typeof doc[f] === 'string' ? doc[f] : doc[f].join(' ')))),
  );

  // Names repeat across thousands of events (every Lavrov event carries all his aliases), so they are searched
  // once per DISTINCT string and mapped to (document, field) cells through posting lists.
  const nameIds = new Map<string, number>();
  const namePostings: number[][] = [];
  docs.forEach((doc, d) => {
    SEARCH_FIELDS.forEach((field, f) => {
      if (TEXT_FIELDS.includes(field)) return;
      for (const value of doc[field]) {
        let id = nameIds.get(value);
        if (id === undefined) {
          id = namePostings.length;
          nameIds.set(value, id);
          namePostings.push([]);
        }
        (namePostings[id] as number[]).push(d * nFields + f);
      }
    });
  });
  const names = [...nameIds.keys()];
  const nameCells = namePostings.map((cells) => new Int32Array(cells));
  const nameHaystack = buildHaystack(names);

  // Typo tolerance: the distinct words of all names, each with the names it occurs in.
  const wordNames = new Map<string, number[]>();
  names.forEach((name, id) => {
    for (const word of new Set(searchWords(name))) {
      if (word.length < 2) continue;
      const list = wordNames.get(word);
      if (list) list.push(id);
      else wordNames.set(word, [id]);
    }
  });
  const vocabulary = [...wordNames.keys()];
  const vocabularyNames = vocabulary.map((w) => wordNames.get(w) as number[]);
  const vocabularyMasks = new Int32Array(vocabulary.map(charMask));
  const vocabularyHaystack = buildHaystack(vocabulary);
  const fuseOptions = {
    includeScore: true,
    ignoreLocation: true,
    shouldSort: false,
    // Text is folded by normalizeForSearch already; Fuse must not fold it differently.
    isCaseSensitive: true,
  };

  /**
   * Fuzzy matches of `word` among the vocabulary, as [vocabulary index, score = typos / length]. Fuse costs
   * microseconds per string, so a cheap necessary condition runs first: a match with k errors keeps at least
   * L - k of the word's letters, all of which must occur in the candidate. Only the survivors go through Fuse.
   * Bitap counts a swapped pair ("Lavorv") as two edits, so swaps are looked up separately as one typo.
   */
  function fuzzyVocabulary(word: string): [number, number][] {
    const typos = maxTypos(word.length);
    const found = new Map<number, number>();
    for (let i = 0; i + 1 < word.length; i++) {
      if (word[i] === word[i + 1]) continue;
      const swapped = word.slice(0, i) + (word[i + 1] as string) + (word[i] as string) + word.slice(i + 2);
      scan(vocabularyHaystack, swapped, null, (v) => found.set(v, 1 / word.length));
    }
    for (const [v, score] of fuseVocabulary(word, typos)) {
      if (score < (found.get(v) ?? Infinity)) found.set(v, score);
    }
    return [...found];
  }

  function fuseVocabulary(word: string, typos: number): [number, number][] {
    const need = word.length - typos;
    const bits: number[] = [];
    for (let i = 0; i < word.length; i++) bits.push(1 << (word.charCodeAt(i) % 32));
    const candidates: number[] = [];
    for (let v = 0; v < vocabularyMasks.length; v++) {
      const mask = vocabularyMasks[v] as number;
      let present = 0;
      for (const bit of bits) if (mask & bit) present++;
      if (present >= need) candidates.push(v);
    }
    if (candidates.length === 0) return [];
    const threshold = (typos + 0.5) / word.length;
    const fuse = new Fuse(
      candidates.map((v) => vocabulary[v] as string),
      { ...fuseOptions, threshold },
    );
    return fuse.search(word).map((r) => [candidates[r.refIndex] as number, r.score ?? threshold]);
  }

  /** Best (lowest) quality score per cell (doc * fields + field); reused between calls, reset after each. */
  const cellScore = new Float32Array(n * nFields).fill(NO_MATCH);
  /** Best score per distinct name, same reuse. */
  const nameScore = new Float32Array(names.length).fill(NO_MATCH);

  function matchWord(word: string, narrow: Int32Array[] | null): WordHits {
    const touched: number[] = [];
    const mark = (cell: number, score: number) => {
      const prev = cellScore[cell] as number;
      if (prev === NO_MATCH) touched.push(cell);
      if (score < prev) cellScore[cell] = score;
    };
    const exact: Int32Array[] = [];
    textHaystacks.forEach((h, t) => {
      const f = textFields[t] as number;
      const segments: number[] = [];
      scan(h, word, narrow?.[t] ?? null, (d, score) => {
        segments.push(d);
        mark(d * nFields + f, score);
      });
      exact.push(new Int32Array(segments));
    });

    const touchedNames: number[] = [];
    const markName = (id: number, score: number) => {
      const prev = nameScore[id] as number;
      if (prev === NO_MATCH) touchedNames.push(id);
      if (score < prev) nameScore[id] = score;
    };
    const exactNames: number[] = [];
    scan(nameHaystack, word, narrow?.[textHaystacks.length] ?? null, (id, score) => {
      exactNames.push(id);
      markName(id, score);
    });
    exact.push(new Int32Array(exactNames));
    if (maxTypos(word.length) > 0) {
      for (const [v, score] of fuzzyVocabulary(word)) {
        for (const id of vocabularyNames[v] as number[]) markName(id, FUZZY_BASE_SCORE + score);
      }
    }
    // The hottest loop for short words (a single letter touches every posting): kept free of calls.
    for (const id of touchedNames) {
      const score = nameScore[id] as number;
      nameScore[id] = NO_MATCH;
      const cells = nameCells[id] as Int32Array;
      for (let i = 0; i < cells.length; i++) {
        const cell = cells[i] as number;
        const prev = cellScore[cell] as number;
        if (prev === NO_MATCH) touched.push(cell);
        if (score < prev) cellScore[cell] = score;
      }
    }

    const relevance = new Float32Array(n);
    const docList: number[] = [];
    for (const cell of touched) {
      const d = (cell / nFields) | 0;
      if (relevance[d] === 0) docList.push(d);
      relevance[d] = (relevance[d] as number) + (weights[cell % nFields] as number) * (1 - (cellScore[cell] as number));
      cellScore[cell] = NO_MATCH;
    }
    return { docs: new Int32Array(docList).sort(), relevance, exact };
  }

  const cache = new Map<string, WordHits>();
  function hitsFor(word: string): WordHits {
    const cached = cache.get(word);
    if (cached) {
      // Refresh recency: Map iteration order is insertion order, so the first key is the least recently used.
      cache.delete(word);
      cache.set(word, cached);
      return cached;
    }
    // The longest cached prefix of this word (typically the previous keystroke) narrows the exact scan —
    // unless it matched so much that scanning its segments one by one would be slower than one pass.
    let narrow: Int32Array[] | null = null;
    let best = 0;
    for (const [w, hits] of cache) {
      // An anchored prefix ("sco") says nothing about where an unanchored word ("scop") may occur.
      if (w.length > best && word.startsWith(w) && (!anchored(w) || anchored(word))) {
        best = w.length;
        narrow = hits.exact;
      }
    }
    if (narrow && narrow.reduce((sum, a) => sum + a.length, 0) > n / 2) narrow = null;
    const hits = matchWord(word, narrow);
    cache.set(word, hits);
    if (cache.size > LRU_SIZE) cache.delete(cache.keys().next().value as string);
    return hits;
  }

  const maxPerWord = weights.reduce((sum, w) => sum + w, 0);

  return {
    search(query: string): SearchResult {
      const terms = [...new Set(searchWords(normalizeForSearch(query)))];
      if (terms.length === 0) return { ids: [...ids], scores: new Map(ids.map((id) => [id, 0])), terms: [] };
      // Intersect starting from the rarest word so the loop is as short as possible.
      const perWord = terms.map(hitsFor).sort((a, b) => a.docs.length - b.docs.length);
      const [first, ...rest] = perWord as [WordHits, ...WordHits[]];
      const matched: [number, number][] = [];
      for (const d of first.docs) {
        let total = first.relevance[d] as number;
        for (const other of rest) {
          const r = other.relevance[d] as number;
          if (r === 0) {
            total = -1;
            break;
          }
          total += r;
        }
        if (total > 0) matched.push([d, total]);
      }
      matched.sort((a, b) => b[1] - a[1] || a[0] - b[0]);
      const scores = new Map<string, number>();
      const out: string[] = [];
      for (const [d, total] of matched) {
        const id = ids[d] as string;
        out.push(id);
        scores.set(id, Math.max(0, 1 - total / (maxPerWord * terms.length)));
      }
      return { ids: out, scores, terms };
    },
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Highlighting

/**
 * Character ranges [start, end) of the ORIGINAL text whose normalized form contains one of the (normalized)
 * terms, sorted and merged. "Außenminister" is highlighted whole for the term "aussenminister".
 */
export function highlightRanges(text: string, terms: readonly string[]): [number, number][] {
  const wanted = terms.map((t) => normalizeForSearch(t)).filter((t) => t.length > 0);
  if (wanted.length === 0 || text.length === 0) return [];
  const norm = normalizeWithOffsets(text);
  const ranges: [number, number][] = [];
  for (const term of wanted) {
    let from = 0;
    for (;;) {
      const pos = norm.text.indexOf(term, from);
      if (pos < 0) break;
      ranges.push([norm.starts[pos] as number, norm.ends[pos + term.length - 1] as number]);
      from = pos + 1;
    }
  }
  ranges.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const merged: [number, number][] = [];
  for (const r of ranges) {
    const last = merged[merged.length - 1];
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
    else merged.push([r[0], r[1]]);
  }
  return merged;
}
