/** Guesses an article's language (ISO 639-1) from its script and its commonest words. */

const GERMAN = new Set(
  'der die das und ist nicht mit sich des den dem ein eine einer zu auf für von im am bei wurde sind hat hatte hatten auch als nach über sowie zwischen beide beiden seinem seinen wie dass'.split(
    ' ',
  ),
);
// Words both languages share ("in", "an") are in neither list.
const ENGLISH = new Set(
  'the and of to is that with for was on as by he his at from has have were said their met will which'.split(' '),
);
/** Longer words are in neither list: they need not be cut out of the text to be looked up. */
const LONGEST_COMMON_WORD = Math.max(...[...GERMAN, ...ENGLISH].map((w) => w.length));

const HAN = /\p{Script=Han}/u;
const LETTER = /\p{L}/u;
/** Every Han character is at or above U+2E80 (CJK Radicals Supplement). */
const FIRST_HAN = 0x2e80;

/**
 * Runs once per article, so it walks the sample's characters once instead of matching four regexes over it. It counts
 * exactly what `/[\u0400-\u04ff]/g`, `/\p{Script=Han}/gu` and `/[A-Za-zÀ-ž]/g` would match, and looks up exactly
 * the words `/\p{L}+/gu` would find in the lowercased sample (a surrogate pair is one character, as in those).
 */
export function detectLanguage(text: string): string {
  const sample = text.slice(0, 4000);
  // U+0130 (İ) is the one character whose lowercase is longer than itself (two code units): with it, words in the
  // lowercased sample no longer stand where they stand in the sample, which the single pass below relies on.
  if (sample.includes('\u0130')) return detectInPasses(sample);
  let cyrillic = 0;
  let han = 0;
  let latin = 0;
  let de = 0;
  let en = 0;
  // The word being read: where it started (-1: none) and its node in the common-word trie (-1: in no common word).
  // Lowercasing keeps every character a letter or not a letter and (but for U+0130) its length, so the words of
  // the lowercased sample are the letter runs of the sample itself, and each is looked up character by character.
  let start = -1;
  let node = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    let width = 1;
    let letter: boolean;
    if (c < 0x80) {
      letter = (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a);
      if (letter) latin++;
    } else {
      const cp = sample.codePointAt(i)!;
      if (cp > 0xffff) width = 2; // both halves of a surrogate pair: one character
      if (c >= 0xc0 && c <= 0x17e) latin++;
      else if (c >= 0x400 && c <= 0x4ff) cyrillic++;
      else if (c >= FIRST_HAN && HAN.test(String.fromCodePoint(cp))) han++;
      letter = isLetter(cp);
    }
    if (letter) {
      if (start < 0) {
        start = i;
        node = 0;
      }
      if (node >= 0) {
        // A letter outside the Basic Multilingual Plane lowercases to one outside it: in no common word.
        const lower = width === 1 ? lowerUnit(c) : TRIE_WIDTH;
        node = lower < TRIE_WIDTH ? TRIE[node * TRIE_WIDTH + lower]! : 0;
        if (node === 0) node = -1;
      }
    } else if (start >= 0) {
      if (node > 0 && i - start <= LONGEST_COMMON_WORD) {
        if (TRIE_LISTS[node]! & IN_GERMAN) de++;
        if (TRIE_LISTS[node]! & IN_ENGLISH) en++;
      }
      start = -1;
    }
    i += width - 1;
  }
  if (start >= 0 && node > 0 && sample.length - start <= LONGEST_COMMON_WORD) {
    if (TRIE_LISTS[node]! & IN_GERMAN) de++;
    if (TRIE_LISTS[node]! & IN_ENGLISH) en++;
  }
  if (cyrillic > latin && cyrillic >= han) return 'ru';
  if (han > latin) return 'zh';
  return en > de ? 'en' : 'de';
}

/** `detectLanguage` as two passes: the scripts first, then the words of the lowercased sample (see above). */
function detectInPasses(sample: string): string {
  let cyrillic = 0;
  let han = 0;
  let latin = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if ((c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || (c >= 0xc0 && c <= 0x17e)) latin++;
    else if (c >= 0x400 && c <= 0x4ff) cyrillic++;
    else if (c >= FIRST_HAN) {
      const cp = sample.codePointAt(i)!;
      if (cp > 0xffff) i++; // both halves of a surrogate pair: one character
      if (HAN.test(String.fromCodePoint(cp))) han++;
    }
  }
  if (cyrillic > latin && cyrillic >= han) return 'ru';
  if (han > latin) return 'zh';
  let de = 0;
  let en = 0;
  forEachWord(sample.toLowerCase(), (lower, start, end) => {
    if (end - start > LONGEST_COMMON_WORD) return;
    const list = commonWordLists(lower, start, end);
    if (list & IN_GERMAN) de++;
    if (list & IN_ENGLISH) en++;
  });
  return en > de ? 'en' : 'de';
}

/** A code unit lowercased (`toLowerCase`), for units that stay one unit (all but U+0130); each computed once. */
const lowerUnits = new Uint16Array(0x10000);
function lowerUnit(c: number): number {
  if (c < 0x80) return c >= 0x41 && c <= 0x5a ? c + 0x20 : c;
  if (lowerUnits[c] === 0) lowerUnits[c] = String.fromCharCode(c).toLowerCase().charCodeAt(0);
  return lowerUnits[c]!;
}

/**
 * The common words as a trie over character codes below 256 (they are all Latin-1), so a word of the sample is looked
 * up where it stands, without cutting it out and hashing it: most words leave the trie after a letter or two.
 * Node 0 is the root; a transition to 0 means "no common word goes on like this".
 */
const IN_GERMAN = 1;
const IN_ENGLISH = 2;
const TRIE_WIDTH = 256;
const trieNext: number[] = new Array<number>(TRIE_WIDTH).fill(0);
const trieLists: number[] = [0];
for (const [words, list] of [
  [GERMAN, IN_GERMAN],
  [ENGLISH, IN_ENGLISH],
] as const)
  for (const word of words) {
    let node = 0;
    for (let i = 0; i < word.length; i++) {
      const c = word.charCodeAt(i);
      if (c >= TRIE_WIDTH) throw new Error(`common word "${word}" is not Latin-1`);
      let next = trieNext[node * TRIE_WIDTH + c]!;
      if (next === 0) {
        next = trieLists.length;
        trieLists.push(0);
        for (let k = 0; k < TRIE_WIDTH; k++) trieNext.push(0);
        trieNext[node * TRIE_WIDTH + c] = next;
      }
      node = next;
    }
    trieLists[node]! |= list;
  }
const TRIE = Int32Array.from(trieNext);
const TRIE_LISTS = Uint8Array.from(trieLists);

/** Which lists (IN_GERMAN, IN_ENGLISH) hold `text.slice(start, end)`, as `GERMAN.has(…)` and `ENGLISH.has(…)` tell. */
function commonWordLists(text: string, start: number, end: number): number {
  let node = 0;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c >= TRIE_WIDTH) return 0;
    node = TRIE[node * TRIE_WIDTH + c]!;
    if (node === 0) return 0;
  }
  return TRIE_LISTS[node]!;
}

/** `\p{L}` for characters of the Basic Multilingual Plane, looked up once each: 0 = not yet, 1 = letter, 2 = not. */
const bmpLetters = new Uint8Array(0x10000);

function isLetter(cp: number): boolean {
  if (cp > 0xffff) return LETTER.test(String.fromCodePoint(cp));
  if (bmpLetters[cp] === 0) bmpLetters[cp] = LETTER.test(String.fromCharCode(cp)) ? 1 : 2;
  return bmpLetters[cp] === 1;
}

/** Calls `visit` with the span of every run of letters (`\p{L}+`, by code point). */
function forEachWord(text: string, visit: (text: string, start: number, end: number) => void) {
  let start = -1;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    let width = 1;
    let letter: boolean;
    if (c < 0x80) letter = (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a);
    else {
      const cp = text.codePointAt(i)!;
      if (cp > 0xffff) width = 2;
      letter = isLetter(cp);
    }
    if (letter) {
      if (start < 0) start = i;
    } else if (start >= 0) {
      visit(text, start, i);
      start = -1;
    }
    i += width - 1;
  }
  if (start >= 0) visit(text, start, text.length);
}
