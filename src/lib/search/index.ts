/**
 * Full-text search over events: documents are built ONCE per dataset (`buildSearchDocs`), a searcher once per
 * document list (`createSearcher`); a keystroke only runs `search`.
 *
 * Why not one keyed Fuse instance over the documents: Fuse runs its fuzzy (bitap) matcher over every string of
 * every record for every query — 1.0–2.5 s per keystroke at 10,000 events. Why not `indexOf` over the running
 * text (the previous design): at 10,000 events that is ~5.5 M characters per keystroke, 30–50 ms for a first
 * letter. Instead, the searcher is built around a DICTIONARY of the distinct words of all fields:
 *   - every field of every document (cell = document × field) is split into its words; each distinct word gets
 *     a posting list of the cells it occurs in (flat typed arrays, documents ascending). Real text repeats its
 *     words, so the dictionary is a small fraction of the text (≈ 20,000 words for 5.8 M characters);
 *   - a query word is looked up with ONE `indexOf` pass over the distinct words joined by spaces: a hit that
 *     is a whole word scores EXACT, one that starts a word PREFIX, one inside a word INSIDE_WORD (short words,
 *     ≤ 3 letters outside CJK, only match at a word start: "sco" must not find "moscow");
 *   - typo tolerance only on names (people, forums, places, topics): Fuse (string-list mode, bitap) over the
 *     distinct words of names, after a cheap letter filter, plus swapped-letter lookups (bitap counts a swap as
 *     two edits);
 *   - the matched words' postings are unioned into a dense per-cell score table (best quality per cell), then
 *     summed per document in field order with the field weights (people 3, forums 3, places 2, topics 2,
 *     title 2, quotes 1, summary 1): no Sets or Maps per document;
 *   - multi-word queries: every word must match somewhere (in any field); per-word hits (sorted documents and
 *     their relevance) stay in a small LRU, so typing the next word reuses the earlier ones, and the lists are
 *     intersected by merging, rarest first;
 *   - ranking: relevance is counted in integer units, so equal matches tie exactly; a stable radix sort of the
 *     totals orders them best first, ties in dataset order, in O(hits).
 * Results carry `indices` (positions in the document list = dataset order) besides `ids`; `scores` is built only
 * when read.
 *
 * Measured with `tsx scripts/bench/search-node.ts` (Node 20, 2-core machine shared with other jobs, so the
 * figures are high and noisy; "rich" synthetic events: ~580 characters of running text and ~50 name strings
 * each). Per keystroke at 10,000 events: p50 ≈ 0.5 ms, p95 ≈ 2 ms, a first letter ≈ 1.5–2 ms (previous design:
 * 6 / 22 / 20–30 ms); at 100,000 events: p50 ≈ 3 ms, p95 ≈ 15 ms, a first letter ≈ 15–20 ms (previous: 60 / 270
 * / 230–530 ms). Single outliers beyond that are GC pauses or other jobs. The price is the build, which splits
 * all text into words: ≈ 115 ms at 10,000 rich events, ≈ 25 ms at 10,000 plain `benchDataset` events, ≈ 1.5 s
 * at 100,000 rich ones (previous design: ≈ 45 ms / 25 ms / 0.8 s).
 *
 * Everything here is plain data in and out (SearchDoc is JSON-serializable; the searcher needs only the docs),
 * so it can run in a Web Worker.
 */
import Fuse from 'fuse.js';
import type { ContactEvent, Dataset, DatedRole, Entity, EntityTables } from '../dataset/types.ts';
import { normalizeForSearch, searchWords } from './normalize.ts';

export { normalizeForSearch } from './normalize.ts';
// Lives on its own so the page can highlight matches without loading the search code (it runs in a worker).
export { highlightRanges } from './highlight.ts';

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
   * one result. Every id gets 0 for an empty query. Built on first read (a Map of every hit costs more than the
   * search itself), so post `ids`/`indices` and `terms` from a worker rather than the whole result.
   */
  scores: Map<string, number>;
  /**
   * The same hits as positions in the document list (= `dataset.events` order), best first: cheaper to filter
   * events by than ids, and cheap to post from a worker (transferable buffer).
   */
  indices: Int32Array;
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

function normalizedUnique(values: Iterable<string>, normalize: (text: string) => string): string[] {
  const out = new Set<string>();
  for (const v of values) {
    const n = normalize(v);
    if (n) out.add(n);
  }
  return [...out];
}

/**
 * `normalize` (default: normalizeForSearch) lets buildSearchDocs share one memoized normalizer across events:
 * entity names and aliases repeat in thousands of events.
 */
export function buildSearchDoc(
  event: ContactEvent,
  entities: EntityTables,
  normalize: (text: string) => string = normalizeForSearch,
): SearchDoc {
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
    title: normalizedUnique([event.title, ...Object.values(event.titles ?? {})], normalizeForSearch),
    summary: normalizeForSearch(event.summary),
    quotes: event.quotes.map((q) => normalizeForSearch(q.text)).filter((t) => t.length > 0),
    people: normalizedUnique(people, normalize),
    places: normalizedUnique(event.place === null ? [] : entityStrings(entities.places[event.place]), normalize),
    forums: normalizedUnique(
      forumKeys.flatMap((k) => entityStrings(entities.forums[k])),
      normalize,
    ),
    topics: normalizedUnique(
      event.topics.flatMap((k) => entityStrings(entities.topics[k])),
      normalize,
    ),
  };
}

/**
 * One document per event, in dataset order. Names are normalized once per distinct string (not once per event
 * that mentions them), which also makes equal names the same string object — cheap to look up when indexing.
 */
export function buildSearchDocs(dataset: Dataset): SearchDoc[] {
  const memo = new Map<string, string>();
  const normalize = (text: string): string => {
    let n = memo.get(text);
    if (n === undefined) {
      n = normalizeForSearch(text);
      memo.set(text, n);
    }
    return n;
  };
  return dataset.events.map((e) => buildSearchDoc(e, dataset.entities, normalize));
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
/**
 * Per-field match quality (0 = best), the best over the field's words: the query word is a whole word, starts a
 * word, occurs inside a word; fuzzy matches (names only) rank below all three.
 */
const EXACT_SCORE = 0;
const PREFIX_SCORE = 0.1;
const INSIDE_WORD_SCORE = 0.2;
const FUZZY_BASE_SCORE = 0.4;
/** Words up to this length must start a word to match. */
const SHORT_WORD = 3;
const UNSPACED_SCRIPT = /[\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff]/u;
/** "No match" marker in the per-cell score table (real scores stay below 1). */
const NO_MATCH = 2;
const LRU_SIZE = 64;

/** Fields whose words get typo tolerance: names (people, forums, places, topics), not running text. */
const NAME_FIELDS: ReadonlySet<SearchField> = new Set(['people', 'forums', 'places', 'topics']);

/**
 * Short words match only at a word start: "sco" must not find "moscow", "и" not every Russian word. Scripts
 * written without spaces (Chinese, Japanese) have no word starts to anchor to.
 */
const anchored = (word: string) => word.length <= SHORT_WORD && !UNSPACED_SCRIPT.test(word);

/**
 * Relevance is counted in integer units: weight × (1 − quality) × RELEVANCE_UNIT, rounded per field. Integers add
 * up exactly in any order, so equal matches tie exactly (and keep dataset order) however they were reached.
 */
const RELEVANCE_UNIT = 1000;

/** What one query word matched, cached per word: matching documents (ascending) and their relevance. */
interface WordHits {
  docs: Int32Array;
  /** Relevance of docs[i] in RELEVANCE_UNITs (higher is better, always > 0). */
  relevance: Uint32Array;
}

/** Grows an Int32Array to at least `size` elements (doubling), keeping its contents. */
function grown(array: Int32Array<ArrayBuffer>, size: number, fill = 0): Int32Array<ArrayBuffer> {
  if (size <= array.length) return array;
  const next = new Int32Array(Math.max(size, array.length * 2));
  if (fill !== 0) next.fill(fill, array.length);
  next.set(array);
  return next;
}

/**
 * FNV-1a over one character, as used by the word table below (words are hashed character by character while
 * the text is scanned, so a word already seen costs neither a substring nor a Map lookup).
 */
const FNV_OFFSET = 0x811c9dc5 | 0;
const fnv = (hash: number, c: number) => Math.imul(hash ^ c, 0x01000193);

/** Every distinct word of the documents, and the distinct words of each cell (doc × fields + field). */
interface Dictionary {
  /** Distinct words in order of first appearance (word id = position). */
  words: string[];
  /** 1 for word ids occurring in a name field (people, forums, places, topics). */
  inName: Uint8Array;
  /** The word ids of cell c are cellWords[cellStart[c], cellStart[c + 1]). */
  cellWords: Int32Array;
  cellStart: Int32Array;
}

/**
 * Splits every field of every document into its words (fields are normalized: words separated by single
 * spaces). One tight loop with an open-addressing hash table keyed by the characters: this is most of the cost
 * of building a searcher (≈ 100 words per event), so it avoids substrings, Maps and calls per word.
 */
function buildDictionary(docs: readonly SearchDoc[], nameField: readonly boolean[]): Dictionary {
  const nFields = SEARCH_FIELDS.length;
  const words: string[] = [];
  let hashes = new Int32Array(1024);
  let lastCell = new Int32Array(1024).fill(-1);
  let inName = new Int32Array(1024);
  let slots = new Int32Array(4096);
  let cellWords = new Int32Array(1 << 16);
  let count = 0;
  const cellStart = new Int32Array(docs.length * nFields + 1);
  /** Names repeat across thousands of events: their word ids are looked up once per distinct string. */
  const nameWordIds = new Map<string, number[]>();
  /** Word ids of the current name cell, and the strings of the current cell still to be scanned. */
  const found: number[] = [];
  const toScan: string[] = [];

  for (let d = 0; d < docs.length; d++) {
    const doc = docs[d] as SearchDoc;
    for (let f = 0; f < nFields; f++) {
      const cell = d * nFields + f;
      const value = doc[SEARCH_FIELDS[f] as SearchField];
      const isName = nameField[f] === true;
      found.length = 0;
      toScan.length = 0;
      if (typeof value === 'string') toScan.push(value);
      else if (isName) {
        for (const s of value) {
          const ids = nameWordIds.get(s);
          if (ids) for (const id of ids) found.push(id);
          else toScan.push(s);
        }
      } else for (const s of value) toScan.push(s);

      // All state in locals of this one function: this loop runs once per word of the whole dataset.
      for (let t = 0; t < toScan.length; t++) {
        const text = toScan[t] as string;
        const before = found.length;
        const length = text.length;
        let i = 0;
        while (i < length) {
          const start = i;
          let hash = FNV_OFFSET;
          let c = text.charCodeAt(i);
          while (c !== 32) {
            hash = fnv(hash, c);
            if (++i === length) break;
            c = text.charCodeAt(i);
          }
          const size = i - start;
          i++;
          if (size === 0) continue;
          let mask = slots.length - 1;
          let slot = hash & mask;
          let id = -1;
          for (;;) {
            const entry = slots[slot] as number;
            if (entry === 0) break;
            if (hashes[entry - 1] === hash) {
              const word = words[entry - 1] as string;
              if (word.length === size && text.startsWith(word, start)) {
                id = entry - 1;
                break;
              }
            }
            slot = (slot + 1) & mask;
          }
          if (id < 0) {
            id = words.length;
            words.push(size === length ? text : text.slice(start, start + size));
            hashes = grown(hashes, id + 1);
            lastCell = grown(lastCell, id + 1, -1);
            inName = grown(inName, id + 1);
            hashes[id] = hash;
            if (words.length * 2 > slots.length) {
              slots = new Int32Array(slots.length * 2);
              mask = slots.length - 1;
              for (let w = 0; w < words.length; w++) {
                let s = (hashes[w] as number) & mask;
                while (slots[s] !== 0) s = (s + 1) & mask;
                slots[s] = w + 1;
              }
            } else {
              slots[slot] = id + 1;
            }
          }
          if (isName) found.push(id);
          else if (lastCell[id] !== cell) {
            lastCell[id] = cell;
            if (count === cellWords.length) cellWords = grown(cellWords, count + 1);
            cellWords[count++] = id;
          }
        }
        if (isName) {
          const ids = found.slice(before);
          for (const id of ids) inName[id] = 1;
          nameWordIds.set(text, ids);
        }
      }

      cellWords = grown(cellWords, count + found.length);
      for (let k = 0; k < found.length; k++) {
        const id = found[k] as number;
        if (lastCell[id] === cell) continue;
        lastCell[id] = cell;
        cellWords[count++] = id;
      }
      cellStart[cell + 1] = count;
    }
  }
  return { words, inName: Uint8Array.from(inName.subarray(0, words.length)), cellWords, cellStart };
}

/** Words joined as ' ' + words.join(' ') with each word's start, for one `indexOf` pass over all of them. */
interface WordText {
  text: string;
  /** Word i occupies text[starts[i], starts[i + 1] - 1); starts[words.length] = text.length + 1. */
  starts: Int32Array;
}

function wordText(words: readonly string[]): WordText {
  const starts = new Int32Array(words.length + 1);
  let offset = 1;
  words.forEach((w, i) => {
    starts[i] = offset;
    offset += w.length + 1;
  });
  starts[words.length] = offset;
  return { text: ' ' + words.join(' '), starts };
}

/** Index of the word containing character `pos` (largest i with starts[i] <= pos), searching from `lo`. */
function wordAt(starts: Int32Array, lo: number, pos: number): number {
  let hi = starts.length - 2;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((starts[mid] as number) <= pos) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/**
 * Calls `hit(i, score)` once per word i of `t` containing `word`: EXACT_SCORE when it is the word, PREFIX_SCORE
 * when it starts it, else INSIDE_WORD_SCORE. With `startOnly`, words that `word` does not start are skipped.
 */
function scanWords(t: WordText, word: string, startOnly: boolean, hit: (i: number, score: number) => void): void {
  const needle = startOnly ? ' ' + word : word;
  const skip = startOnly ? 1 : 0;
  let from = 0;
  let i = 0;
  for (;;) {
    const pos = t.text.indexOf(needle, from);
    if (pos < 0) return;
    const at = pos + skip;
    i = wordAt(t.starts, i, at);
    const start = t.starts[i] as number;
    const end = (t.starts[i + 1] as number) - 1;
    hit(i, at > start ? INSIDE_WORD_SCORE : end - start === word.length ? EXACT_SCORE : PREFIX_SCORE);
    from = end;
  }
}

/** A 32-bit set of the characters in a word (hashed, so collisions only make the filter below less strict). */
function charMask(word: string): number {
  let mask = 0;
  for (let i = 0; i < word.length; i++) mask |= 1 << (word.charCodeAt(i) % 32);
  return mask;
}

/**
 * Positions of `keys` (integers, 0 <= key < 2^32) from largest key to smallest, equal keys in their given order:
 * a stable LSD radix sort in 16-bit digits, one counting pass per digit in use (one for a query of up to four
 * words). O(hits), no comparisons.
 */
function orderByDescendingKey(keys: Uint32Array): Int32Array {
  const m = keys.length;
  let order = new Int32Array(m);
  for (let i = 0; i < m; i++) order[i] = i;
  let max = 0;
  for (let i = 0; i < m; i++) if ((keys[i] as number) > max) max = keys[i] as number;
  let next = new Int32Array(m);
  const counts = new Int32Array(1 << 16);
  for (let shift = 0; shift < 32 && max >>> shift > 0; shift += 16) {
    counts.fill(0);
    // Digits are counted as 65535 - digit, so that ascending buckets give descending keys.
    for (let i = 0; i < m; i++) {
      const b = 65535 - (((keys[i] as number) >>> shift) & 65535);
      counts[b] = (counts[b] as number) + 1;
    }
    let sum = 0;
    for (let b = 0; b < 65536; b++) {
      const c = counts[b] as number;
      counts[b] = sum;
      sum += c;
    }
    for (let i = 0; i < m; i++) {
      const k = order[i] as number;
      const b = 65535 - (((keys[k] as number) >>> shift) & 65535);
      const at = counts[b] as number;
      counts[b] = at + 1;
      next[at] = k;
    }
    [order, next] = [next, order];
  }
  return order;
}

export function createSearcher(docs: readonly SearchDoc[]): Searcher {
  const n = docs.length;
  const ids = docs.map((d) => d.id);
  const nFields = SEARCH_FIELDS.length;
  const weights = new Float64Array(SEARCH_FIELDS.map((f) => FIELD_WEIGHTS[f]));
  const isNameField = SEARCH_FIELDS.map((f) => NAME_FIELDS.has(f));

  // --- Dictionary: every distinct word of every field, with the (document, field) cells it occurs in. --------
  const dictionary = buildDictionary(docs, isNameField);
  const { words, cellWords, cellStart } = dictionary;
  const nWords = words.length;
  const nCells = n * nFields;
  // Postings, word by word in flat arrays: (document, field) in ascending order, read cell by cell.
  const postStart = new Int32Array(nWords + 1);
  const nPostings = cellStart[nCells] as number;
  for (let p = 0; p < nPostings; p++) {
    const w = (cellWords[p] as number) + 1;
    postStart[w] = (postStart[w] as number) + 1;
  }
  for (let i = 0; i < nWords; i++) postStart[i + 1] = (postStart[i + 1] as number) + (postStart[i] as number);
  const postDoc = new Int32Array(nPostings);
  const postField = new Uint8Array(nPostings);
  {
    const fill = postStart.slice(0, nWords);
    for (let cell = 0; cell < nCells; cell++) {
      const d = (cell / nFields) | 0;
      const f = cell % nFields;
      const end = cellStart[cell + 1] as number;
      for (let p = cellStart[cell] as number; p < end; p++) {
        const w = cellWords[p] as number;
        const at = fill[w] as number;
        fill[w] = at + 1;
        postDoc[at] = d;
        postField[at] = f;
      }
    }
  }
  const allWords = wordText(words);

  // Typo tolerance: the words (2+ letters) of names.
  const vocabulary: number[] = [];
  for (let i = 0; i < nWords; i++) {
    if (dictionary.inName[i] === 1 && (words[i] as string).length >= 2) vocabulary.push(i);
  }
  const vocabularyWords = vocabulary.map((i) => words[i] as string);
  const vocabularyMasks = new Int32Array(vocabularyWords.map(charMask));
  const vocabularyText = wordText(vocabularyWords);
  const fuseOptions = {
    includeScore: true,
    ignoreLocation: true,
    shouldSort: false,
    // Text is folded by normalizeForSearch already; Fuse must not fold it differently.
    isCaseSensitive: true,
  };

  /**
   * Fuzzy matches of `word` among the name vocabulary, as [index into `words`, score = typos / length]. Fuse
   * costs microseconds per string, so a cheap necessary condition runs first: a match with k errors keeps at
   * least L - k of the word's letters, all of which must occur in the candidate. Only the survivors go through
   * Fuse. Bitap counts a swapped pair ("Lavorv") as two edits, so swaps are looked up separately as one typo.
   */
  function fuzzyVocabulary(word: string): Map<number, number> {
    const typos = maxTypos(word.length);
    const found = new Map<number, number>();
    for (let i = 0; i + 1 < word.length; i++) {
      if (word[i] === word[i + 1]) continue;
      const swapped = word.slice(0, i) + (word[i + 1] as string) + (word[i] as string) + word.slice(i + 2);
      scanWords(vocabularyText, swapped, false, (v) => found.set(vocabulary[v] as number, 1 / word.length));
    }
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
    if (candidates.length === 0) return found;
    const threshold = (typos + 0.5) / word.length;
    const fuse = new Fuse(
      candidates.map((v) => vocabularyWords[v] as string),
      { ...fuseOptions, threshold },
    );
    for (const r of fuse.search(word)) {
      const w = vocabulary[candidates[r.refIndex] as number] as number;
      const score = r.score ?? threshold;
      if (score < (found.get(w) ?? Infinity)) found.set(w, score);
    }
    return found;
  }

  // Scratch space for matchWord, reset after every use: the best quality per cell, which documents were touched.
  const cellScore = new Float32Array(n * nFields).fill(NO_MATCH);
  const touched = new Uint8Array(n);
  const scratchDocs = new Int32Array(n);
  const scratchRelevance = new Uint32Array(n);

  /** Marks the cells of word `w` (index into `words`) with quality `score`; names only if `namesOnly`. */
  function mark(w: number, score: number, namesOnly: boolean): void {
    const end = postStart[w + 1] as number;
    for (let p = postStart[w] as number; p < end; p++) {
      const f = postField[p] as number;
      if (namesOnly && !isNameField[f]) continue;
      const d = postDoc[p] as number;
      const cell = d * nFields + f;
      if (score < (cellScore[cell] as number)) cellScore[cell] = score;
      touched[d] = 1;
    }
  }

  function matchWord(word: string): WordHits {
    // One pass over the distinct words (a small fraction of the text): whole words, word starts, and unless the
    // query word is short, occurrences inside words.
    scanWords(allWords, word, anchored(word), (w, score) => mark(w, score, false));
    if (maxTypos(word.length) > 0) {
      for (const [w, score] of fuzzyVocabulary(word)) mark(w, FUZZY_BASE_SCORE + score, true);
    }
    // One pass over the documents in order: relevance = sum over fields of weight × (1 − quality), in integer
    // units (see RELEVANCE_UNIT).
    let count = 0;
    for (let d = 0; d < n; d++) {
      if (touched[d] === 0) continue;
      touched[d] = 0;
      let relevance = 0;
      const base = d * nFields;
      for (let f = 0; f < nFields; f++) {
        const score = cellScore[base + f] as number;
        if (score === NO_MATCH) continue;
        cellScore[base + f] = NO_MATCH;
        relevance += Math.round((weights[f] as number) * (1 - score) * RELEVANCE_UNIT);
      }
      scratchDocs[count] = d;
      scratchRelevance[count] = relevance;
      count++;
    }
    return { docs: scratchDocs.slice(0, count), relevance: scratchRelevance.slice(0, count) };
  }

  const cache = new Map<string, WordHits>();
  function hitsFor(word: string): WordHits {
    let hits = cache.get(word);
    if (hits) {
      // Refresh recency: Map iteration order is insertion order, so the first key is the least recently used.
      cache.delete(word);
    } else {
      hits = matchWord(word);
      if (cache.size >= LRU_SIZE) cache.delete(cache.keys().next().value as string);
    }
    cache.set(word, hits);
    return hits;
  }

  const maxPerWord = weights.reduce((sum, w) => sum + w, 0);

  function result(indices: Int32Array, scoreOf: (i: number) => number, terms: string[]): SearchResult {
    const out = new Array<string>(indices.length);
    for (let i = 0; i < indices.length; i++) out[i] = ids[indices[i] as number] as string;
    let scores: Map<string, number> | null = null;
    return {
      ids: out,
      indices,
      // Built on first use: a Map of every hit costs more than the search (the app reads ids or indices).
      get scores(): Map<string, number> {
        if (!scores) {
          scores = new Map();
          for (let i = 0; i < out.length; i++) scores.set(out[i] as string, scoreOf(i));
        }
        return scores;
      },
      terms,
    };
  }

  return {
    search(query: string): SearchResult {
      const terms = [...new Set(searchWords(normalizeForSearch(query)))];
      if (terms.length === 0) {
        const all = new Int32Array(n);
        for (let i = 0; i < n; i++) all[i] = i;
        return result(all, () => 0, []);
      }
      // Intersect starting from the rarest word so the merges are as short as possible.
      const perWord = terms.map(hitsFor).sort((a, b) => a.docs.length - b.docs.length);
      const first = perWord[0] as WordHits;
      let docsIn = first.docs;
      let totals = first.relevance;
      for (let k = 1; k < perWord.length && docsIn.length > 0; k++) {
        const other = perWord[k] as WordHits;
        const keepDocs = new Int32Array(docsIn.length);
        const keepTotals = new Uint32Array(docsIn.length);
        let kept = 0;
        let j = 0;
        for (let i = 0; i < docsIn.length; i++) {
          const d = docsIn[i] as number;
          while (j < other.docs.length && (other.docs[j] as number) < d) j++;
          if (j === other.docs.length) break;
          if (other.docs[j] === d) {
            keepDocs[kept] = d;
            keepTotals[kept] = (totals[i] as number) + (other.relevance[j] as number);
            kept++;
          }
        }
        docsIn = keepDocs.subarray(0, kept);
        totals = keepTotals.subarray(0, kept);
      }
      const order = orderByDescendingKey(totals);
      const indices = new Int32Array(order.length);
      for (let i = 0; i < order.length; i++) indices[i] = docsIn[order[i] as number] as number;
      const scale = maxPerWord * RELEVANCE_UNIT * terms.length;
      return result(indices, (i) => Math.max(0, 1 - (totals[order[i] as number] as number) / scale), terms);
    },
  };
}
