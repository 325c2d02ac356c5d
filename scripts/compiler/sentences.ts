/**
 * Splits an article into sentences with character spans, and finds its quotations. A sentence never ends inside a
 * quotation (a quoted conference title like „… Interkonnektivität. Herausforderungen …“ stays in its sentence), never
 * after an ordinal ("am 16. Juli") or an abbreviation ("z. B.", "St. Petersburg"), and always at a paragraph break.
 */

export interface Sentence {
  index: number;
  start: number;
  end: number;
  text: string;
  /** Paragraph number, so attribution can look at the sentence before a quote in the same paragraph. */
  paragraph: number;
  /** "Mehr zum Thema – …" and similar links to other articles: kept in the text, never mined for facts. */
  boilerplate: boolean;
}

export interface Quotation {
  /** Span including the quotation marks. */
  start: number;
  end: number;
  /** The words inside the marks. */
  text: string;
  textStart: number;
}

const QUOTE_PAIRS: Record<string, string[]> = {
  '„': ['“', '”'],
  '“': ['”', '“'],
  '«': ['»'],
  '»': ['«'],
  '"': ['"'],
  '‚': ['‘', '’'],
};

const ABBREVIATIONS = new Set([
  'z',
  'b',
  'u',
  'a',
  'd',
  'h',
  'v',
  'bzw',
  'ca',
  'dr',
  'nr',
  'st',
  'prof',
  'mr',
  'mrs',
  'ms',
  'gen',
  'jan',
  'feb',
  'apr',
  'aug',
  'sep',
  'sept',
  'okt',
  'oct',
  'nov',
  'dez',
  'dec',
  'vgl',
  'inkl',
  'evtl',
  'usw',
  'etc',
  'sog',
  'bspw',
  'hr',
  'fr',
  'jr',
  'sen',
  'no',
  'vs',
  'gg',
  'г',
  'гг',
  'т',
  'д',
  'ул',
  'им',
]);

const BOILERPLATE =
  /^\s*(mehr zum thema|weiterführendes zum thema|weiterlesen|lesen sie auch|read more|related|see also|читайте также|подробнее|quelle|source)\b/iu;

/** QUOTE_PAIRS by character code: the scan below looks at every character of every article. */
const CLOSERS_BY_CODE = new Map(
  Object.entries(QUOTE_PAIRS).map(([open, close]) => [open.charCodeAt(0), close.map((c) => c.charCodeAt(0))]),
);
/** Opening marks by code, so most characters are ruled out without a lookup. */
const IS_OPENER = new Uint8Array(0x10000);
for (const code of CLOSERS_BY_CODE.keys()) IS_OPENER[code] = 1;
const NEWLINE = 0x0a;

export function findQuotations(text: string): Quotation[] {
  const quotes: Quotation[] = [];
  let i = 0;
  while (i < text.length) {
    const code = text.charCodeAt(i);
    const closers = IS_OPENER[code] ? CLOSERS_BY_CODE.get(code) : undefined;
    if (closers) {
      // A quotation ends at its closing mark within the same paragraph; an opener without one is just a character.
      let j = i + 1;
      for (; j < text.length; j++) {
        const c = text.charCodeAt(j);
        if (c === NEWLINE || closers.includes(c)) break;
      }
      if (j < text.length && text.charCodeAt(j) !== NEWLINE && j > i + 1) {
        quotes.push({ start: i, end: j + 1, text: text.slice(i + 1, j), textStart: i + 1 });
        i = j + 1;
        continue;
      }
    }
    i++;
  }
  return quotes;
}

/** `quotes` are the text's quotations (findQuotations), when the caller has them already. */
/** A character that needs two bytes: V8 then stores the whole string, and every slice of it, two bytes a character. */
const WIDE_CHAR = /[\u0100-\uffff]/;

/**
 * The same text, stored one byte a character when it can be. A sentence cut from an article with a single „quote“
 * or a dash would otherwise stay two-byte like the article, and the regexes every sentence goes through (the
 * case-insensitive Unicode date rules above all) run several times slower on two-byte strings. Latin-1 maps
 * U+0000–U+00FF to themselves, so the round trip changes nothing but the storage.
 */
function compact(sentence: string): string {
  return WIDE_CHAR.test(sentence) ? sentence : Buffer.from(sentence, 'latin1').toString('latin1');
}

export function splitSentences(text: string, from = 0, quotes = findQuotations(text)): Sentence[] {
  // Quotations are sorted and never overlap: a binary search keeps long texts linear-ish.
  const insideQuote = (pos: number) => {
    let lo = 0;
    let hi = quotes.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const q = quotes[mid]!;
      if (pos <= q.start) hi = mid - 1;
      else if (pos >= q.end - 1) lo = mid + 1;
      else return true;
    }
    return false;
  };
  const sentences: Sentence[] = [];
  let paragraph = 0;
  let start = from;
  const wide = WIDE_CHAR.test(text);

  const push = (end: number) => {
    // The span `text.slice(start, end).trim()` would cover, found without cutting out and trimming a copy.
    let s = start;
    while (s < end && isTrimmed(text.charCodeAt(s))) s++;
    let e = end;
    while (e > s && isTrimmed(text.charCodeAt(e - 1))) e--;
    if (e > s) {
      const sentenceText = wide ? compact(text.slice(s, e)) : text.slice(s, e);
      sentences.push({
        index: sentences.length,
        start: s,
        end: e,
        text: sentenceText,
        paragraph,
        boilerplate: BOILERPLATE.test(sentenceText),
      });
    }
    start = end;
  };

  for (let i = from; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === NEWLINE) {
      push(i);
      paragraph++; // articles put one paragraph per line
      continue;
    }
    // Only '.', '!', '?' and '…' can end a sentence (compared as codes: this loop sees every character).
    if (code !== 0x2e && code !== 0x21 && code !== 0x3f && code !== 0x2026) continue;
    const ch = text[i]!;
    // The end mark may be followed by closing quotes/brackets that belong to the sentence.
    let j = i + 1;
    while (j < text.length && isClosingMark(text.charCodeAt(j))) j++;
    if (j < text.length && !isBlank(text.charCodeAt(j))) continue;
    let k = j;
    while (k < text.length && isBlank(text.charCodeAt(k))) k++;
    const next = text[k];
    if (next === undefined || next === '\n') continue; // the line break splits anyway
    if (!/[\p{Lu}\p{N}„“"«»‚(–—-]/u.test(next)) continue;
    if (insideQuote(j)) continue; // j is past any closing mark, so a quote that ends the sentence still ends it
    if (ch === '.') {
      const word = wordBefore(text, Math.max(from, i - 20), i);
      if (/^\d{1,2}$/.test(word)) continue; // ordinal: "am 16. Juli"
      // An initial ("J. Biden", "С. Лавров") does not end a sentence, but a Cyrillic one-letter name after a name
      // does: "Ван И." is Wang Yi, and Russian puts initials before surnames, never after a name. (The name test
      // only matters for a one-letter capital, so it runs only then: this is every sentence end.)
      if (word.length === 1 && /\p{Lu}/u.test(word) && !nameBefore(text, Math.max(from, i - 30), i)) continue;
      if (ABBREVIATIONS.has(word.toLowerCase())) continue;
    }
    push(j);
  }
  push(text.length);
  return sentences;
}

/** Whether `text.slice(from, to)` ends in a Cyrillic name followed by a one-letter Cyrillic word ("Ван И"). */
function nameBefore(text: string, from: number, to: number): boolean {
  const before = text.slice(from, to);
  return /[\u0400-\u04ff][\u0400-\u04ff]+\s+[\u0400-\u04ff]$/u.test(before) && /(?:^|\s)\p{Lu}\S*\s+\S$/u.test(before);
}

/** `/["”“»«’)\]]/`: closing quotes and brackets that may follow a sentence's end mark. */
function isClosingMark(c: number): boolean {
  return (
    c === 0x22 || c === 0x201d || c === 0x201c || c === 0xbb || c === 0xab || c === 0x2019 || c === 0x29 || c === 0x5d
  );
}

/**
 * Whether `trim` removes the code unit: JavaScript's white space and line terminators, which are exactly what `\s`
 * matches (all in the Basic Multilingual Plane, none a surrogate). Each code unit is classified once.
 */
const SPACE = /\s/;
const trimmedUnits = new Uint8Array(0x10000);
function isTrimmed(c: number): boolean {
  if (trimmedUnits[c] === 0) trimmedUnits[c] = SPACE.test(String.fromCharCode(c)) ? 1 : 2;
  return trimmedUnits[c] === 1;
}

/** `/[ \t]/` */
function isBlank(c: number): boolean {
  return c === 0x20 || c === 0x09;
}

const WORD_CHAR = /[\p{L}\p{N}]/u;
/** `[\p{L}\p{N}]` for the Basic Multilingual Plane, each character classified once: 0 = not yet, 1 = yes, 2 = no. */
const bmpWordChars = new Uint8Array(0x10000);
function isWordCodePoint(cp: number): boolean {
  if (cp > 0xffff) return WORD_CHAR.test(String.fromCodePoint(cp));
  if (bmpWordChars[cp] === 0) bmpWordChars[cp] = WORD_CHAR.test(String.fromCharCode(cp)) ? 1 : 2;
  return bmpWordChars[cp] === 1;
}

/**
 * What `/([\p{L}\p{N}]+)$/u.exec(text.slice(from, to))?.[1] ?? ''` finds: the letters and digits that end the
 * slice, read backwards by code point (a surrogate pair counts only when both halves lie inside the slice).
 */
function wordBefore(text: string, from: number, to: number): string {
  let start = to;
  while (start > from) {
    const c = text.charCodeAt(start - 1);
    if (c >= 0xdc00 && c <= 0xdfff && start - 2 >= from) {
      const hi = text.charCodeAt(start - 2);
      if (hi >= 0xd800 && hi <= 0xdbff) {
        if (!isWordCodePoint((hi - 0xd800) * 0x400 + (c - 0xdc00) + 0x10000)) break;
        start -= 2;
        continue;
      }
    }
    if (c < 0x80) {
      if (!((c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39))) break;
    } else if (!isWordCodePoint(c)) break;
    start--;
  }
  return text.slice(start, to);
}
