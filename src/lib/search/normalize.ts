/**
 * Text folding for search. The index and the query go through the SAME function, so anything folded here
 * (case, accents, ß, typed-out umlauts, punctuation) matches either way round. Spelling variants across
 * languages (Lawrow / Lavrov / Лавров) are deliberately NOT folded: they are joined through entity aliases.
 */

/** Apostrophes vanish instead of becoming spaces, so "Russia's" stays one word ("russias"). */
const APOSTROPHES = /['’ʼ`´]/gu;
const APOSTROPHE = /^['’ʼ`´]$/u;
const WORD_CHAR = /[\p{L}\p{N}]/u;
const MARKS = /\p{M}/gu;
const NON_WORD = /[^\p{L}\p{N}]+/gu;
/**
 * German users type "ae/oe/ue" for "ä/ö/ü". Once accents are stripped, "ä" is "a", so dropping the "e" after
 * a/o/u on both sides makes "Gespraeche" and "Gespräche" meet. Over-folding ("Israel" → "isral") is harmless
 * because it happens identically to index and query.
 */
const TYPED_UMLAUT = /([aou])e/g;

/** Per-code-point part of the folding, shared by the fast whole-string path and the offset-tracking path. */
function foldChar(lowered: string): string {
  return (
    lowered
      .normalize('NFKD')
      .replace(MARKS, '')
      // ß has no decomposition; ẞ lowercases to ß. Final sigma would depend on context in toLowerCase().
      .replace(/ß/g, 'ss')
      .replace(/ς/g, 'σ')
  );
}

/**
 * Lowercase, strip accents (ё → е, ä → a, й → и), ß → ss, typed umlauts folded, punctuation and whitespace
 * collapsed to single spaces, trimmed.
 */
export function normalizeForSearch(text: string): string {
  return foldChar(text.replace(APOSTROPHES, '').toLowerCase())
    .replace(NON_WORD, ' ')
    .trim()
    .replace(TYPED_UMLAUT, '$1');
}

/** Splits a normalized string into its words (no empty words). */
export function searchWords(normalized: string): string[] {
  return normalized.split(' ').filter((w) => w.length > 0);
}

/**
 * The normalized text together with, for each of its characters, the [start, end) range of code units in the
 * original text that produced it. Built code point by code point, which gives the same string as
 * `normalizeForSearch` (checked by tests) but lets highlighting map matches back to the original.
 */
export interface NormalizedWithOffsets {
  text: string;
  starts: number[];
  ends: number[];
}

export function normalizeWithOffsets(original: string): NormalizedWithOffsets {
  // Pass 1: per code point, fold and turn non-word characters into a single pending space.
  const chars: string[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
  let pendingSpace: [number, number] | null = null;
  let i = 0;
  for (const cp of original) {
    const from = i;
    i += cp.length;
    if (APOSTROPHE.test(cp)) continue;
    const folded = foldChar(cp.toLowerCase());
    for (const ch of folded) {
      if (WORD_CHAR.test(ch)) {
        if (pendingSpace && chars.length > 0) {
          chars.push(' ');
          starts.push(pendingSpace[0]);
          ends.push(pendingSpace[1]);
        }
        pendingSpace = null;
        chars.push(ch);
        starts.push(from);
        ends.push(i);
      } else if (pendingSpace) {
        pendingSpace[1] = i;
      } else {
        pendingSpace = [from, i];
      }
    }
  }
  // Pass 2: typed-umlaut folding, left to right and non-overlapping like the regex in normalizeForSearch.
  const out: NormalizedWithOffsets = { text: '', starts: [], ends: [] };
  const text: string[] = [];
  for (let k = 0; k < chars.length; k++) {
    const ch = chars[k] as string;
    const next = chars[k + 1];
    text.push(ch);
    out.starts.push(starts[k] as number);
    if ((ch === 'a' || ch === 'o' || ch === 'u') && next === 'e') {
      out.ends.push(ends[k + 1] as number);
      k++;
    } else {
      out.ends.push(ends[k] as number);
    }
  }
  out.text = text.join('');
  return out;
}
