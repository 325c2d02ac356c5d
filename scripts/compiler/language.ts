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
    const word = lower.slice(start, end);
    if (GERMAN.has(word)) de++;
    if (ENGLISH.has(word)) en++;
  });
  return en > de ? 'en' : 'de';
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
