/**
 * Finds knowledge-base entities in tokenised text. Aliases are folded exactly like text tokens (./tokens.ts), then
 * indexed by their first token, so matching costs one map lookup per token however large the knowledge base grows.
 * A trailing `*` on an alias makes its last word a prefix ("Pandemie*" matches "Pandemiebekämpfung").
 * Tokens with '?' (lost umlauts) are compared against a wildcard pattern, the slow path only damaged files take.
 */
import type { Knowledge, KnowledgeEntry } from './knowledge.ts';
import { foldText, phraseKeys, WordMemo, type Token } from './tokens.ts';

/**
 * The name of a group of aliases whose matches may not overlap each other: a knowledge table (`people`, …),
 * `countryAdjectives` ("chinesische" → CN), or one cue of cues.yaml each.
 */
export type MatchTable = string;

/** One entity's spellings, as any table of the knowledge base provides them. */
export interface AliasSource {
  table: MatchTable;
  id: string;
  entry: Pick<KnowledgeEntry, 'aliases' | 'shortNames' | 'contextAliases' | 'labels' | 'name'>;
}

/** Every entity of the knowledge base as alias sources, plus country adjectives as a table of their own. */
export function knowledgeAliasSources(knowledge: Knowledge): AliasSource[] {
  const sources: AliasSource[] = [];
  for (const table of ['people', 'places', 'forums', 'topics', 'institutions', 'roles', 'countries'] as const)
    for (const [id, entry] of Object.entries(knowledge[table]) as [string, KnowledgeEntry][])
      sources.push({ table, id, entry });
  for (const [id, country] of Object.entries(knowledge.countries))
    sources.push({
      table: 'countryAdjectives',
      id,
      entry: { name: '', labels: {}, aliases: country.adjectives ?? [] },
    });
  return sources;
}

export interface EntityMatch {
  table: MatchTable;
  id: string;
  /** Token index range [first, last + 1). */
  tokenStart: number;
  tokenEnd: number;
  /** Character span in the document. */
  start: number;
  end: number;
  /** Matched through a short name or a context alias: the caller must confirm it. */
  weak?: 'short' | 'context';
}

interface AliasEntry {
  table: MatchTable;
  id: string;
  keys: string[];
  /** The alias's words lowercased but not folded: a '?' in damaged text may only stand where these have a non-ASCII letter. */
  raw: string[];
  /** The last key is a prefix of the word (folded, uninflected). */
  prefix: boolean;
  weak?: 'short' | 'context';
}

export class AliasIndex {
  private byFirst = new Map<string, AliasEntry[]>();
  private prefixByHead = new Map<string, AliasEntry[]>();
  private all: AliasEntry[] = [];
  /** Aliases by the first letter of their first word, for damaged words (whose first letter is rarely the lost one). */
  private byInitial = new Map<string, AliasEntry[]>();
  private signatures = new Set<string>();
  /** Candidate aliases per spelling (see `candidates`), kept on the shared record: no lookup by string. */
  private candidatesByWord = new WordMemo<AliasEntry[]>();
  /** The same for damaged spellings (see `wildcardCandidates`). */
  private wildcardsByWord = new WordMemo<AliasEntry[]>();

  constructor(sources: AliasSource[]) {
    // An entity names the same spelling several times (an alias that is also its label and its name). The entry an
    // alias makes depends on its text alone, and a second one with the same text is dropped by its signature, so a
    // text seen before for the entity is skipped before it is tokenised.
    const seen = new Set<string>();
    const add = (table: MatchTable, id: string, alias: string, weak?: 'short' | 'context') => {
      if (seen.has(alias)) return;
      seen.add(alias);
      this.add(table, id, alias, weak);
    };
    for (const { table, id, entry } of sources) {
      seen.clear();
      for (const alias of entry.aliases ?? []) add(table, id, String(alias));
      for (const alias of entry.shortNames ?? []) add(table, id, String(alias), 'short');
      for (const alias of entry.contextAliases ?? []) add(table, id, String(alias), 'context');
      // Display labels and the canonical name are spellings too.
      for (const label of Object.values(entry.labels ?? {})) add(table, id, String(label));
      if (entry.name) add(table, id, entry.name);
    }
    // Longest aliases first, so the first hit at a position is the best one.
    for (const list of [...this.byFirst.values(), ...this.prefixByHead.values()])
      list.sort((a, b) => b.keys.length - a.keys.length || (a.prefix ? 1 : 0) - (b.prefix ? 1 : 0));
  }

  private add(table: MatchTable, id: string, alias: string, weak?: 'short' | 'context') {
    const prefix = alias.trimEnd().endsWith('*');
    const text = prefix ? alias.trimEnd().slice(0, -1) : alias;
    let keys = phraseKeys(text);
    if (keys.length === 0) return;
    if (prefix) {
      // A prefix is compared against the folded word, not its stem (the stem would cut an 's' off "Pandemies").
      const words = text.match(WORDS) ?? [];
      keys = [...keys.slice(0, -1), foldText(words[words.length - 1] ?? '')];
      if (keys[keys.length - 1]!.length < 3) return;
    }
    const raw = (text.match(APOSTROPHE_WORDS) ?? []).map((w) => w.toLowerCase());
    const entry: AliasEntry = { table, id, keys, raw, prefix, weak };
    const signature = `${table}\u0000${id}\u0000${prefix}\u0000${keys.join(' ')}`;
    if (this.signatures.has(signature)) return;
    this.signatures.add(signature);
    this.all.push(entry);
    push(this.byInitial, raw[0]?.[0] ?? '', entry);
    if (prefix && keys.length === 1) push(this.prefixByHead, keys[0]!.slice(0, 3), entry);
    else push(this.byFirst, keys[0]!, entry);
  }

  /**
   * All matches; within a table they never overlap, and longer matches win over shorter ones even when the
   * shorter one starts first ("Konferenz „Zentral- und Südasien" loses to the conference's full quoted title).
   */
  match(tokens: Token[], tables?: ReadonlySet<MatchTable>): EntityMatch[] {
    const found: EntityMatch[] = [];
    for (let i = 0; i < tokens.length; i++) {
      const token = tokens[i]!;
      const candidates = token.wildcard ? this.wildcardCandidates(token) : this.candidates(token);
      for (let c = 0; c < candidates.length; c++) {
        const entry = candidates[c]!;
        if (tables && !tables.has(entry.table)) continue;
        // A candidate of a clean word already agrees with it on its first word (it was looked up by that word's key,
        // or its prefix was checked against the folded word): only the words after it are compared.
        const end = this.matchAt(entry, tokens, i, token.wildcard ? 0 : 1);
        if (end < 0) continue;
        const match: EntityMatch = {
          table: entry.table,
          id: entry.id,
          tokenStart: i,
          tokenEnd: end,
          start: token.start,
          end: tokens[end - 1]!.end,
        };
        // Added after the others, as a spread would: the key order is part of what callers may copy.
        if (entry.weak) match.weak = entry.weak;
        found.push(match);
      }
    }
    if (found.length < 2) return found;
    found.sort(
      (a, b) =>
        b.tokenEnd - b.tokenStart - (a.tokenEnd - a.tokenStart) ||
        a.tokenStart - b.tokenStart ||
        (a.weak ? 1 : 0) - (b.weak ? 1 : 0),
    );
    // A sentence has a handful of matches: the ones taken so far are scanned, not grouped into lists per table.
    const out: EntityMatch[] = [];
    for (const m of found) if (!overlapsSameTable(m, out)) out.push(m);
    return out.sort((a, b) => a.tokenStart - b.tokenStart || (a.table < b.table ? -1 : a.table > b.table ? 1 : 0));
  }

  private candidates(token: Token): AliasEntry[] {
    // The candidates depend on the word alone: found once per spelling and kept with its shared record.
    if (!token.word) return this.lookUp(token.key, token.folded);
    let list = this.candidatesByWord.get(token.word);
    if (!list) {
      list = this.lookUp(token.key, token.folded);
      this.candidatesByWord.set(token.word, list);
    }
    return list;
  }

  private lookUp(key: string, folded: string): AliasEntry[] {
    const exact = this.byFirst.get(key) ?? NONE;
    const prefixed = (this.prefixByHead.get(folded.slice(0, 3)) ?? NONE).filter((e) => folded.startsWith(e.keys[0]!));
    return prefixed.length ? [...exact, ...prefixed] : exact;
  }

  private wildcardCandidates(token: Token): AliasEntry[] {
    // Like `candidates`, these depend on the spelling alone (a damaged file repeats its damaged words).
    if (!token.word) return this.wildcardLookUp(token);
    let list = this.wildcardsByWord.get(token.word);
    if (!list) {
      list = this.wildcardLookUp(token);
      this.wildcardsByWord.set(token.word, list);
    }
    return list;
  }

  private wildcardLookUp(token: Token): AliasEntry[] {
    const initial = token.raw[0]!.toLowerCase();
    const pool = initial === '?' ? this.all : (this.byInitial.get(initial) ?? []);
    return pool.filter((e) => wildcardWordMatches(token.raw, e.raw[0] ?? '', e.prefix && e.keys.length === 1));
  }

  /** The end of `entry`'s match at token `i`, or -1; words before `from` are known to match. */
  private matchAt(entry: AliasEntry, tokens: Token[], i: number, from: number): number {
    const { keys } = entry;
    if (i + keys.length > tokens.length) return -1;
    for (let k = from; k < keys.length; k++) {
      const token = tokens[i + k]!;
      const want = keys[k]!;
      const last = k === keys.length - 1;
      if (token.wildcard) {
        if (!wildcardWordMatches(token.raw, entry.raw[k] ?? '', last && entry.prefix)) return -1;
      } else if (last && entry.prefix) {
        if (!token.folded.startsWith(want)) return -1;
      } else if (token.key !== want) return -1;
    }
    return i + keys.length;
  }
}

/** Whether a match of `taken` from the same table covers one of the tokens `m` covers. */
function overlapsSameTable(m: EntityMatch, taken: EntityMatch[]): boolean {
  for (const x of taken) if (x.table === m.table && m.tokenStart < x.tokenEnd && x.tokenStart < m.tokenEnd) return true;
  return false;
}

/**
 * Does a damaged word ("Au?enminister", "M?rz") spell `word`? Each '?' stands for exactly one letter that the damage
 * could not encode, i.e. a non-ASCII one: "M?rz" is "März", never "Merz". A German genitive ending may follow.
 */
function wildcardWordMatches(damaged: string, word: string, prefix: boolean): boolean {
  const d = damaged.toLowerCase();
  let i = 0;
  let j = 0;
  for (; i < d.length && j < word.length; i++, j++) {
    if (d[i] === '?') {
      if (word.charCodeAt(j) < 128) return false;
    } else if (d[i] !== word[j]) return false;
  }
  if (j < word.length) return false;
  return prefix || i === d.length || /^(?:e?s)$/.test(d.slice(i));
}

const NONE: AliasEntry[] = [];
/** Global patterns for `String.prototype.match`, which starts them from the beginning each time. */
const WORDS = /[\p{L}\p{N}]+/gu;
const APOSTROPHE_WORDS = /[\p{L}\p{N}]+(?:['’][\p{L}\p{N}]+)*/gu;

function push<K, V>(map: Map<K, V[]>, key: K, value: V) {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
