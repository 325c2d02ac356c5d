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
}

// A word is a run of letters/digits; '?' counts as a letter only between letters (lost umlauts: "Au?enminister").
// Apostrophes inside words ("Xi'an") stay part of the word.
const WORD = /[\p{L}\p{N}]+(?:(?:\?+|['’])[\p{L}\p{N}]+)*\??(?=[^\p{L}\p{N}]|$)|[\p{L}\p{N}]+/gu;

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
  w = w.replace(/ae/g, 'a').replace(/oe/g, 'o').replace(/ue/g, 'u');
  if (w.length >= 5 && /[^s]s$/.test(w) && !w.includes('?')) w = w.slice(0, -1);
  return w;
}

export function tokenize(text: string, offset = 0): Token[] {
  const tokens: Token[] = [];
  for (const m of text.matchAll(WORD)) {
    const raw = m[0].replace(/\?+$/, '');
    if (!raw) continue;
    const start = offset + m.index;
    const folded = foldText(raw);
    tokens.push({ key: stem(folded), folded, raw, start, end: start + raw.length, wildcard: raw.includes('?') });
  }
  return tokens;
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
