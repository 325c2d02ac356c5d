/**
 * Word tokens with character offsets, and the folding that lets one alias match every spelling of a word:
 * case, diacritics (Außenminister = Aussenminister = Au?enminister), German and Russian inflection endings.
 * Pure functions; used for knowledge-base aliases and article text alike, so both sides fold the same way.
 */

export interface Token {
  /** Folded and stemmed form used for lookups. */
  key: string;
  /** Folded but not stemmed (for prefix aliases). */
  folded: string;
  /** The token exactly as written. */
  raw: string;
  start: number;
  end: number;
  /** True when the token contains '?' standing in for a lost letter. */
  wildcard: boolean;
  /** The record shared by every token spelled like this one (see WordForms), when the token came from `tokenize`. */
  word?: WordForms;
}

/** The folded forms of one spelling, shared by all its tokens, so lookups keyed by it (aliases.ts) need no hashing. */
export interface WordForms {
  folded: string;
  key: string;
  /** The spelling itself (every token of this spelling can share this one string instead of its own copy). */
  raw: string;
  /** Whether the spelling contains '?' (see Token.wildcard). */
  wildcard: boolean;
  /** What lookups keyed by the spelling found, kept with it (see WordMemo). */
  memo: unknown[];
}

/** Memos a process may keep on one record at a time; a further one shares a slot (and only misses more often). */
const MEMO_SLOTS = 8;
let memosMade = 0;

/**
 * A lookup's results per spelling, kept on the spelling's shared record: reading a field of the record is cheaper
 * than a map lookup per token, and the memo goes when the record does. A slot names its owner, so two memos that
 * share a slot can only displace each other's entries, never read them.
 */
export class WordMemo<T> {
  private readonly slot = (memosMade++ % MEMO_SLOTS) * 2;

  get(word: WordForms): T | undefined {
    return word.memo[this.slot] === this ? (word.memo[this.slot + 1] as T) : undefined;
  }

  set(word: WordForms, value: T): void {
    word.memo[this.slot] = this;
    word.memo[this.slot + 1] = value;
  }
}

const CYRILLIC = /[\u0400-\u04ff]/;
const RUSSIAN_ENDINGS = [
  'ами',
  'ями',
  'ого',
  'его',
  'ому',
  'ему',
  'ыми',
  'ими',
  'ом',
  'ем',
  'ым',
  'им',
  'ой',
  'ей',
  'ую',
  'юю',
  'ах',
  'ях',
  'ия',
  'ии',
  'ию',
  'а',
  'я',
  'у',
  'ю',
  'е',
  'ы',
  'и',
  'й',
];
/** Shorter stems are left alone: "Дели" must not become "дел" (affairs). */
const MIN_RUSSIAN_STEM = 4;

/** Lowercase, strip diacritics, ß → ss, ё → е; keeps '?' so wildcard matching can see it. */
export function foldText(s: string): string {
  const lower = s.toLowerCase();
  // Most words are plain ASCII: nothing to fold, and NFD normalisation is the expensive part.
  if (/^[ -~]*$/.test(lower)) return lower.includes("'") ? lower.replace(/'/g, '') : lower;
  return lower
    .replace(/ß/g, 'ss')
    .replace(/ё/g, 'е')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[’']/g, '');
}

/**
 * The lookup key of one word: folded, with the inflection ending that German genitives and Russian cases add
 * removed, so "Lawrows" = "Lawrow", "Pekings" = "Peking", "Лаврова" = "Лавров", "Пекине" = "Пекин".
 * Aliases go through the same function, so a stem can never match something its alias would not.
 */
export function wordKey(word: string): string {
  return stem(foldText(word));
}

function stem(folded: string): string {
  let w = folded;
  if (CYRILLIC.test(w)) {
    for (const ending of RUSSIAN_ENDINGS) {
      if (w.length - ending.length >= MIN_RUSSIAN_STEM && w.endsWith(ending)) {
        w = w.slice(0, -ending.length);
        break;
      }
    }
    return w;
  }
  // German umlaut transliterations (Muenchen) fold like the umlaut itself (München → munchen).
  if (w.includes('e')) w = w.replace(/ae/g, 'a').replace(/oe/g, 'o').replace(/ue/g, 'u');
  // A genitive 's' after another letter: /[^s]s$/.
  if (w.length >= 5 && w.endsWith('s') && w[w.length - 2] !== 's' && !w.includes('?')) w = w.slice(0, -1);
  return w;
}

/** Folded and stemmed forms of words already seen: articles repeat their words, and folding is the costly part. */
const wordForms = new Map<string, WordForms>();
/** The cache holds the vocabulary, not the text; past this many words it starts over, so memory stays bounded. */
const MAX_CACHED_WORDS = 200_000;

function formsOf(raw: string): WordForms {
  let forms = wordForms.get(raw);
  if (!forms) {
    if (wordForms.size >= MAX_CACHED_WORDS) wordForms.clear();
    const folded = foldText(raw);
    forms = { folded, key: stem(folded), raw, wildcard: raw.includes('?'), memo: [] };
    wordForms.set(raw, forms);
  }
  return forms;
}

/**
 * A word is a run of letters/digits; '?' counts as a letter only between letters (lost umlauts: "Au?enminister").
 * Apostrophes inside words ("Xi'an") stay part of the word; one '?' right after a word is punctuation ("Europa?").
 * This is the regex `[\p{L}\p{N}]+(?:(?:\?+|['’])[\p{L}\p{N}]+)*\??` run over the text, written as a scan over
 * character codes because it runs on every sentence (tokens.test.ts checks the two agree).
 */
export function tokenize(text: string, offset = 0): Token[] {
  const tokens: Token[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    // Most characters are ASCII: classified here without a call.
    const first = text.charCodeAt(i);
    let width: number;
    if (first < 0x80) {
      width = isAsciiWordChar(first) ? 1 : 0;
    } else width = wordCharWidth(text, i);
    if (width === 0) {
      i++;
      continue;
    }
    const start = i;
    let end = runEnd(text, i + width);
    for (;;) {
      const c = end < n ? text.charCodeAt(end) : -1;
      let next = end;
      if (c === QUESTION) while (next < n && text.charCodeAt(next) === QUESTION) next++;
      else if (c === APOSTROPHE || c === RIGHT_QUOTE) next++;
      else break;
      const after = wordCharWidth(text, next);
      if (after === 0) break;
      end = runEnd(text, next + after);
    }
    i = end < n && text.charCodeAt(end) === QUESTION ? end + 1 : end;
    const word = formsOf(text.slice(start, end));
    const at = offset + start;
    // The slice only finds the record: tokens share the record's copy of the spelling, so the slice dies young.
    tokens.push(new TextToken(at, at + (end - start), word));
  }
  return tokens;
}

/**
 * A token of `tokenize`: its position and its spelling's shared record, whose forms it reads through. Every article
 * makes hundreds of thousands of tokens that live until it is done; three fields instead of seven halve what the
 * garbage collector copies.
 */
class TextToken implements Token {
  constructor(
    readonly start: number,
    readonly end: number,
    readonly word: WordForms,
  ) {}

  get key(): string {
    return this.word.key;
  }

  get folded(): string {
    return this.word.folded;
  }

  get raw(): string {
    return this.word.raw;
  }

  get wildcard(): boolean {
    return this.word.wildcard;
  }
}

const QUESTION = 0x3f;
const APOSTROPHE = 0x27;
const RIGHT_QUOTE = 0x2019;
const WORD_CHAR = /[\p{L}\p{N}]/u;
/** `[\p{L}\p{N}]` for the Basic Multilingual Plane, each character classified once: 0 = not yet, 1 = yes, 2 = no. */
const bmpWordChars = new Uint8Array(0x10000);

/** Code units of the letter or digit at `i` (2 for a surrogate pair), or 0 when there is none. */
function wordCharWidth(text: string, i: number): number {
  if (i >= text.length) return 0;
  const c = text.charCodeAt(i);
  if (c < 0x80) return isAsciiWordChar(c) ? 1 : 0;
  if (c >= 0xd800 && c <= 0xdbff) {
    const cp = text.codePointAt(i)!;
    if (cp > 0xffff) return WORD_CHAR.test(String.fromCodePoint(cp)) ? 2 : 0;
  }
  if (bmpWordChars[c] === 0) bmpWordChars[c] = WORD_CHAR.test(String.fromCharCode(c)) ? 1 : 2;
  return bmpWordChars[c] === 1 ? 1 : 0;
}

/** `[A-Za-z0-9]` */
function isAsciiWordChar(c: number): boolean {
  return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39);
}

/** End of the run of letters and digits that continues at `i` (ASCII without a call: most words are). */
function runEnd(text: string, i: number): number {
  const n = text.length;
  let end = i;
  while (end < n) {
    const c = text.charCodeAt(end);
    if (c < 0x80) {
      if (!isAsciiWordChar(c)) break;
      end++;
      continue;
    }
    const w = wordCharWidth(text, end);
    if (w === 0) break;
    end += w;
  }
  return end;
}

/** Keys of a phrase (an alias), token by token. */
export function phraseKeys(phrase: string): string[] {
  return tokenize(phrase).map((t) => t.key);
}

/** A wildcard token ("au?enminister") as a pattern: each '?' stands for one lost letter (or "ss" for ß). */
export function wildcardPattern(key: string): RegExp {
  const body = key
    .split('?')
    .map((part) => part.replace(/[.*+^${}()|[\]\\]/g, '\\$&'))
    .join('(?:ss|.)');
  return new RegExp(`^${body}$`, 'u');
}
