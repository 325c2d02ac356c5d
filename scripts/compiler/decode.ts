/**
 * Turns a seed file's raw bytes into clean text: picks the encoding, undoes mojibake (UTF-8 that was read
 * through a legacy code page and saved again), flags text whose letters were already lost to '?', and
 * refuses files that are not text at all.
 *
 * Runs on every seed file, so the common case (clean UTF-8) must stay on a fast path: one validity check,
 * one table-driven scan for anything suspicious, NFC (~25 µs for a 3 KB article).
 */
import iconv from 'iconv-lite';

export interface DecodedText {
  /** Repaired, NFC-normalised text; CRLF/CR → LF; BOM removed. '' when `binary`. */
  text: string;
  /** How the bytes were read. */
  encoding: 'utf-8' | 'windows-1252' | 'utf-16le' | 'utf-16be';
  /** Machine-readable tags: 'bom', 'encoding:windows-1252', 'mojibake:<code page>'. */
  repairs: string[];
  /** True when characters were lost and cannot be restored (letters turned into '?' or U+FFFD). */
  lossy: boolean;
  /** Human-readable, actionable sentences. */
  warnings: string[];
  /** True when the bytes don't look like text at all; `text` is then ''. */
  binary: boolean;
}

type Encoding = DecodedText['encoding'];
type CodePage = 'windows-1252' | 'cp850' | 'cp437' | 'cp852' | 'cp866';

const CODE_PAGE_LABEL: Record<CodePage, string> = {
  'windows-1252': 'Windows-1252/Latin-1',
  cp850: 'DOS code page 850',
  cp437: 'DOS code page 437',
  cp852: 'DOS code page 852',
  cp866: 'DOS code page 866',
};

// ---------------------------------------------------------------------------------------------------------
// Code page tables

interface CodePageTable {
  name: CodePage;
  /** Inverse of the code page: which byte a character came from. */
  toByte: Map<string, number>;
  /** Matches one damaged UTF-8 sequence: a lead-byte character followed by the right number of
   *  continuation-byte characters. Anchoring on UTF-8's own structure keeps clean neighbours out of it. */
  pattern: RegExp;
  /** The part of `pattern` that is trusted on its own, without flags, for the combined detection test. */
  source: string;
  /** Whether 3- and 4-byte sequences need evidence from 2-byte ones in the same file (see cp866). */
  wideNeedsEvidence: boolean;
  /** Lead and continuation characters of `source`, for the cheap pre-filter. */
  leads: string[];
  conts: string[];
}

function charClass(chars: string[]): string {
  return `[${chars.map((c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`).join('')}]`;
}

function buildTable(name: CodePage, high: string, wideNeedsEvidence = false): CodePageTable {
  const toByte = new Map<string, number>();
  for (let i = 0; i < 128; i++) {
    const c = high[i];
    // U+FFFD marks a byte the code page leaves undefined; nothing can have been decoded to it.
    if (c !== undefined && c !== '\uFFFD' && !toByte.has(c)) toByte.set(c, 0x80 + i);
  }
  // Latin-1 readers turn 0x80–0x9F into C1 controls instead of Windows-1252's punctuation. Folding both
  // readings into one table lets one pass repair files damaged by either.
  if (name === 'windows-1252') {
    for (let b = 0x80; b <= 0x9f; b++) {
      const c = String.fromCharCode(b);
      if (!toByte.has(c)) toByte.set(c, b);
    }
  }
  const inRange = (lo: number, hi: number): string[] =>
    [...toByte].filter(([, b]) => b >= lo && b <= hi).map(([c]) => c);
  const conts = inRange(0x80, 0xbf);
  const cont = charClass(conts);
  const narrow = `${charClass(inRange(0xc2, 0xdf))}${cont}`;
  const wide = `${charClass(inRange(0xe0, 0xef))}${cont}{2}|${charClass(inRange(0xf0, 0xf4))}${cont}{3}`;
  const all = `${narrow}|${wide}`;
  return {
    name,
    toByte,
    pattern: new RegExp(all, 'g'),
    source: wideNeedsEvidence ? narrow : all,
    wideNeedsEvidence,
    leads: inRange(0xc2, wideNeedsEvidence ? 0xdf : 0xf4),
    conts,
  };
}

function highHalf(codePage: string): string {
  const bytes = new Uint8Array(128);
  for (let i = 0; i < 128; i++) bytes[i] = 0x80 + i;
  const high = iconv.decode(bytes, codePage);
  // iconv-lite leaves Windows-1252's five undefined bytes as U+FFFD; the WHATWG mapping (what browsers use, so
  // what produced most damaged files) turns them into the C1 control with the same number, which keeps them
  // reversible.
  return codePage === 'windows-1252'
    ? [...high].map((c, i) => (c === '\uFFFD' ? String.fromCharCode(0x80 + i) : c)).join('')
    : high;
}

const WINDOWS_1252_HIGH = highHalf('windows-1252');

/** Node's TextDecoder('windows-1252') actually decodes Latin-1 (0x80 → U+0080, not '€'), so decode by hand. */
function decodeWindows1252(bytes: Uint8Array): string {
  const chars = new Array<string>(bytes.length);
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i] as number;
    chars[i] = b < 0x80 ? String.fromCharCode(b) : (WINDOWS_1252_HIGH[b - 0x80] as string);
  }
  return chars.join('');
}

/** Priority order for ties: Windows-1252 mojibake is by far the most common in the wild. */
const TABLES: readonly CodePageTable[] = [
  buildTable('windows-1252', WINDOWS_1252_HIGH),
  buildTable('cp850', highHalf('cp850')),
  buildTable('cp437', highHalf('cp437')),
  buildTable('cp852', highHalf('cp852')),
  // cp866's 3-byte lead characters are lowercase Cyrillic (р…я) and its continuations are Cyrillic too, so
  // clean Russian like "хап" would read as a CJK character. Its 2-byte leads are box-drawing characters,
  // which no clean article contains; only once those prove the file is cp866 mojibake are 3-byte sequences
  // ("тАФ" for '—') repaired too.
  buildTable('cp866', highHalf('cp866'), true),
];

const ANY_MOJIBAKE = new RegExp(TABLES.map((t) => t.source).join('|'));
const ANY_MOJIBAKE_WIDE = new RegExp(TABLES.map((t) => t.pattern.source).join('|'));

// The exact test above costs ~40 µs on a 3 KB article (a dozen alternatives with large character classes
// tried at every position). Every file goes through the pre-filter below first: "some lead character directly
// followed by some continuation character", checked with a lookup table in a few µs.
const LEAD = 1;
const CONT = 2;
const CHAR_KIND = new Uint8Array(0x10000);
for (const table of TABLES) {
  for (const c of table.leads) CHAR_KIND[c.charCodeAt(0)]! |= LEAD;
  for (const c of table.conts) CHAR_KIND[c.charCodeAt(0)]! |= CONT;
}

/** Cheap necessary condition for any of the slow-path work: mojibake, CR, BOM, U+FFFD, or a '?' followed
 *  by something that could be a letter (a real question mark is followed by space or punctuation). */
function needsWork(text: string): boolean {
  let prev = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x0d || c === 0xfeff || c === 0xfffd) return true;
    if (prev === 0x3f && c > 0x40) return true;
    if ((CHAR_KIND[prev]! & LEAD) !== 0 && (CHAR_KIND[c]! & CONT) !== 0) return true;
    prev = c;
  }
  return false;
}

// ---------------------------------------------------------------------------------------------------------
// Mojibake repair

const UTF8_FATAL = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** Latin Extended letters that real European and pinyin text uses; the rest (Ġ, Ĳ, Ŋ, ſ …) mostly come out
 *  of clean text that happens to fit a pattern, like "Ä\u00A0" → 'Ġ'. */
// Windows-1252's own letters and accents outside Latin-1: the half-repaired middle of double mojibake
// ("ÃƒÅ¸" → "ÃŸ" → 'ß') is made of them.
const WINDOWS_1252_LETTERS = '\u0178\u0192\u02C6\u02DC';
const LATIN_EXTENDED = 'ĀāĂăĄąĆćČčĎďĐđĒēĖėĘęĚěĞğĪīİıĹĺĽľŁłŃńŇňŌōŐőŒœŔŕŘřŚśŞşŠšŢţŤťŪūŮůŰűŹźŻżŽžȘșȚțǍǎǏǐǑǒǓǔǕǖǗǘǙǚǛǜ';

/**
 * Characters a repair may produce. A byte sequence that is valid UTF-8 but decodes to NKo, Hebrew accents,
 * Myanmar … is far more likely clean text that happens to fit the pattern (e.g. "Gruß“" → ß + “ → U+07D3)
 * than a real article in those scripts.
 */
const PLAUSIBLE_REPAIR = new RegExp(
  `^[\\u00A0-\\u00FF${LATIN_EXTENDED}${WINDOWS_1252_LETTERS}\\u0386-\\u03CE\\u0400-\\u045F\\u0490\\u0491\\u2010-\\u2027\\u2030-\\u203A\\u20AC\\u2116\\u2122` +
    `\\u3000-\\u30FF\\u4E00-\\u9FFF\\uAC00-\\uD7A3\\uFF01-\\uFFEF\\u{1F300}-\\u{1FAFF}\\u{20000}-\\u{2A6DF}]+$`,
  'u',
);
/** Repairs into these scripts must not be glued to a clean Latin letter: "ACCIÓ»N" is not "ACCIӻN", and
 *  French "Café\u00A0»" is not "Caf頻". */
const NON_LATIN_SCRIPT = /[\u0386-\u03CE\u0400-\u045F\u0490\u0491\u3000-\u30FF\u4E00-\u9FFF\uAC00-\uD7A3\uFF01-\uFFEF]/;
const LATIN_LETTER = /\p{Script=Latin}/u;
const LETTER = /\p{L}/u;

function tryRepair(
  match: string,
  offset: number,
  whole: string,
  table: CodePageTable,
  allowWide: boolean,
): string | null {
  if (table.wideNeedsEvidence && !allowWide && match.length > 2) return null;
  const bytes = new Uint8Array(match.length);
  for (let i = 0; i < match.length; i++) {
    const b = table.toByte.get(match.charAt(i));
    if (b === undefined) return null;
    bytes[i] = b;
  }
  let repaired: string;
  try {
    repaired = UTF8_FATAL.decode(bytes);
  } catch {
    return null;
  }
  if (!PLAUSIBLE_REPAIR.test(repaired)) return null;
  if (LATIN_EXTENDED.includes(repaired)) {
    // "Ä…" inside "wiÄ™cej" is Polish mojibake; on its own it is far more likely a clean "Ä" before
    // punctuation, and no Polish or Czech word is a single letter from this set.
    const isLetter = (c: string): boolean => c !== '' && LETTER.test(c);
    if (!isLetter(whole.charAt(offset - 1)) && !isLetter(whole.charAt(offset + match.length))) return null;
  }
  if (NON_LATIN_SCRIPT.test(repaired)) {
    // A neighbour from the code page's own table may be the next damaged sequence ("ä¸­å›½"), so it doesn't count.
    const isCleanLatin = (c: string): boolean => c !== '' && LATIN_LETTER.test(c) && !table.toByte.has(c);
    if (isCleanLatin(whole.charAt(offset - 1)) || isCleanLatin(whole.charAt(offset + match.length))) return null;
  }
  return repaired;
}

/** Double mojibake (damaged twice) needs a second pass; a third would only chase noise. */
const MAX_PASSES = 2;

function repairWord(word: string, order: readonly CodePageTable[], allowWide: boolean, used: Set<CodePage>): string {
  let current = word;
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    let next = current;
    for (const table of order) {
      next = next.replace(table.pattern, (m: string, offset: number, whole: string) => {
        const r = tryRepair(m, offset, whole, table, allowWide);
        if (r === null) return m;
        used.add(table.name);
        return r;
      });
      // One code page per word and pass: a second page would only pick at the first one's leftovers.
      if (next !== current) break;
    }
    if (next === current) break;
    current = next;
  }
  return current;
}

interface MojibakeResult {
  text: string;
  used: CodePage[];
  words: number;
  example: [string, string] | null;
}

// Only ASCII whitespace splits words: U+00A0 is itself a continuation character (Windows-1252 "Ã\u00A0" is
// 'à'), so \s would cut damaged sequences in half.
const WORD = /[^ \t\n\f\v]+/g;

function repairMojibake(text: string): MojibakeResult {
  // A file can be partly damaged, and one damaged string can fit several code pages (e.g. "├╝" is 'ü' in
  // all DOS pages). Trying the page that repairs most of this file first keeps the tags honest.
  const score = new Map<CodePage, number>();
  for (const table of TABLES) {
    let n = 0;
    for (const m of text.matchAll(table.pattern)) {
      if (tryRepair(m[0], m.index, text, table, false) !== null) n++;
    }
    score.set(table.name, n);
  }
  const order = [...TABLES].sort((a, b) => (score.get(b.name) ?? 0) - (score.get(a.name) ?? 0));
  const allowWide = TABLES.some((t) => t.wideNeedsEvidence && (score.get(t.name) ?? 0) > 0);
  const candidate = allowWide ? ANY_MOJIBAKE_WIDE : ANY_MOJIBAKE;

  const used = new Set<CodePage>();
  let words = 0;
  let example: [string, string] | null = null;
  const repaired = text.replace(WORD, (word) => {
    if (!candidate.test(word)) return word;
    const r = repairWord(word, order, allowWide, used);
    if (r !== word) {
      words++;
      example ??= [word, r];
    }
    return r;
  });
  // Keep the order the pages were preferred in, so the first tag is the main culprit.
  return { text: repaired, used: order.map((t) => t.name).filter((n) => used.has(n)), words, example };
}

// ---------------------------------------------------------------------------------------------------------
// Lost letters

// URLs legitimately put '?' between letters ("index.php?id=5").
const URL_LIKE = /\b(?:[a-z][a-z0-9+.-]*:\/\/|www\.)\S+/gi;
// A run of '?' inside a word ("Au?enminister", "Au??enminister" for a 2-byte letter), or opening a word
// whose next letter is lowercase ("?ber", "?sterreich"). Lowercase-?-Uppercase is left out: that is a
// missing space after a real question ("Echt?Ja"), and a lost capital mid-word only occurs in ALL CAPS.
// A trailing "…=" marks a query string.
const LOST_LETTER =
  /(?:(?<=\p{L})\?+(?=[\p{Ll}\p{Lo}])|(?<=[\p{Lu}\p{Lo}])\?+(?=\p{L})|(?<![\p{L}\p{N}?])\?+(?=\p{Ll}))(?![\p{L}\p{N}_]*=)/gu;

/** Count of '?' that stand where a letter should be (between letters, e.g. "Au?enminister", "?ber", "f?r"),
 *  used for the lossy heuristic. A run of '?' counts once: one lost letter can leave two '?' behind. */
export function countLostLetters(text: string): number {
  if (!text.includes('?')) return 0;
  let n = 0;
  for (const _ of text.replace(URL_LIKE, ' ').matchAll(LOST_LETTER)) n++;
  return n;
}

function firstLostLetterWord(text: string): string {
  const masked = text.replace(URL_LIKE, (u) => ' '.repeat(u.length));
  LOST_LETTER.lastIndex = 0;
  const m = LOST_LETTER.exec(masked);
  LOST_LETTER.lastIndex = 0;
  if (!m) return '';
  let start = m.index;
  let end = m.index + m[0].length;
  while (start > 0 && /\S/.test(text.charAt(start - 1))) start--;
  while (end < text.length && /\S/.test(text.charAt(end))) end++;
  return clip(text.slice(start, end).replace(/^[^\p{L}?]+|[^\p{L}?]+$/gu, ''));
}

const NON_ASCII_LETTER = /(?!\p{ASCII})\p{L}/gu;

/** At least this share of non-ASCII letters must be '?' before a file counts as lossy, so a clean German
 *  article with a few "really?Yes" typos is not flagged. */
const LOST_SHARE = 0.2;
const MIN_LOST = 3;

// ---------------------------------------------------------------------------------------------------------
// Binary sniffing

const SNIFF_BYTES = 8192;
const MAX_CONTROL_SHARE = 0.1;

const MAGIC: readonly [string, readonly number[]][] = [
  ['a PNG image', [0x89, 0x50, 0x4e, 0x47]],
  ['a JPEG image', [0xff, 0xd8, 0xff]],
  ['a GIF image', [0x47, 0x49, 0x46, 0x38]],
  ['a PDF document', [0x25, 0x50, 0x44, 0x46, 0x2d]],
  ['a ZIP archive or Word/OpenDocument file', [0x50, 0x4b, 0x03, 0x04]],
  ['an old Word/Excel document', [0xd0, 0xcf, 0x11, 0xe0]],
];

function isControl(code: number): boolean {
  // Tab, LF, VT, FF, CR are ordinary in text files; everything else below space, and DEL, is not.
  return (code < 0x20 && (code < 0x09 || code > 0x0d)) || code === 0x7f;
}

/** Why the bytes are not text, or null. Only for byte streams read 8 bits at a time (not UTF-16). */
function sniffBinary(bytes: Uint8Array): string | null {
  for (const [what, magic] of MAGIC) {
    if (magic.every((b, i) => bytes[i] === b)) return `looks like ${what}`;
  }
  const n = Math.min(bytes.length, SNIFF_BYTES);
  let controls = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i] as number;
    if (b === 0) return 'contains NUL bytes, so it looks like a binary file';
    if (isControl(b)) controls++;
  }
  return controls > n * MAX_CONTROL_SHARE ? 'is full of control characters, so it looks like a binary file' : null;
}

function sniffBinaryText(text: string): string | null {
  const n = Math.min(text.length, SNIFF_BYTES / 2);
  let controls = 0;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 0) return 'contains NUL characters, so it looks like a binary file';
    if (isControl(c)) controls++;
  }
  return controls > n * MAX_CONTROL_SHARE ? 'is full of control characters, so it looks like a binary file' : null;
}

/** UTF-16 without a BOM: mostly-ASCII text leaves a NUL in every other byte, on one side only. */
function guessUtf16(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const n = Math.min(bytes.length, SNIFF_BYTES) & ~1;
  if (n < 4) return null;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZeros++;
    if (bytes[i + 1] === 0) oddZeros++;
  }
  const pairs = n / 2;
  if (oddZeros >= pairs * 0.3 && evenZeros <= pairs * 0.02) return 'utf-16le';
  if (evenZeros >= pairs * 0.3 && oddZeros <= pairs * 0.02) return 'utf-16be';
  return null;
}

// ---------------------------------------------------------------------------------------------------------
// Entry point

/** A UTF-8 BOM that was itself read through a legacy code page (Windows-1252, cp850/852, cp437). */
const DAMAGED_BOM = /^(?:\u00EF\u00BB\u00BF|\u00B4\u2557\u2510|\u2229\u2557\u2510)+/;

function clip(s: string, max = 40): string {
  return s.length > max ? `${s.slice(0, max - 1)}…` : s;
}

function binaryResult(reason: string, encoding: Encoding): DecodedText {
  return {
    text: '',
    encoding,
    repairs: [],
    lossy: false,
    warnings: [`File ${reason}, not an article; remove it or save the article as plain text (.txt, UTF-8).`],
    binary: true,
  };
}

export function decodeSeed(bytes: Uint8Array): DecodedText {
  const repairs: string[] = [];
  const warnings: string[] = [];
  if (bytes.length === 0) return { text: '', encoding: 'utf-8', repairs, lossy: false, warnings, binary: false };

  let encoding: Encoding;
  let body = bytes;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    encoding = 'utf-8';
    body = bytes.subarray(3);
    repairs.push('bom');
  } else if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    encoding = 'utf-16le';
    body = bytes.subarray(2);
    repairs.push('bom');
  } else if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    encoding = 'utf-16be';
    body = bytes.subarray(2);
    repairs.push('bom');
  } else {
    encoding = guessUtf16(bytes) ?? 'utf-8';
  }

  let text: string;
  if (encoding === 'utf-8') {
    const reason = sniffBinary(bytes);
    if (reason !== null) return binaryResult(reason, encoding);
    try {
      text = UTF8_FATAL.decode(body);
    } catch {
      encoding = 'windows-1252';
      text = decodeWindows1252(body);
    }
  } else {
    text = new TextDecoder(encoding, { ignoreBOM: true }).decode(body);
    const reason = sniffBinaryText(text);
    if (reason !== null) return binaryResult(reason, encoding);
  }

  if (encoding === 'utf-8' && !needsWork(text)) {
    return { text: text.normalize('NFC'), encoding, repairs, lossy: false, warnings, binary: false };
  }

  text = text.replace(/\r\n?/g, '\n');
  // A second BOM survives when a file with a BOM was pasted into another one that already had one.
  const bomless = text.replace(/^\uFEFF+/, '').replace(DAMAGED_BOM, '');
  if (bomless !== text) {
    text = bomless;
    if (!repairs.includes('bom')) repairs.push('bom');
  }

  const mojibake = ANY_MOJIBAKE.test(text) ? repairMojibake(text) : null;
  const mixed = encoding === 'windows-1252' && mojibake?.used.includes('windows-1252') === true;
  if (encoding === 'windows-1252') {
    repairs.push('encoding:windows-1252');
    warnings.push(
      mixed
        ? 'File mixes UTF-8 and Windows-1252 bytes (usually an article pasted together from several sources); ' +
            'read it as Windows-1252 and repaired the UTF-8 parts. Re-save the file as UTF-8 to silence this warning.'
        : 'File is not valid UTF-8; read it as Windows-1252 (Western European). Check that umlauts and quotes ' +
            'look right, then re-save the file as UTF-8 to silence this warning.',
    );
  }
  if (mojibake !== null && mojibake.used.length > 0) {
    text = mojibake.text;
    for (const name of mojibake.used) repairs.push(`mojibake:${name}`);
    if (!mixed) {
      const pages = mojibake.used.map((n) => CODE_PAGE_LABEL[n]).join(' and ');
      const eg = mojibake.example ? ` (e.g. '${clip(mojibake.example[0])}' → '${clip(mojibake.example[1])}')` : '';
      const w = mojibake.words === 1 ? 'word' : 'words';
      warnings.push(
        `Text was UTF-8 read as ${pages}${eg}; repaired ${mojibake.words} ${w}. ` +
          'Re-save the file as UTF-8 to silence this warning.',
      );
    }
  }

  text = text.normalize('NFC');

  let lossy = false;
  const lost = countLostLetters(text);
  if (lost >= MIN_LOST) {
    const kept = text.match(NON_ASCII_LETTER)?.length ?? 0;
    if (lost >= (lost + kept) * LOST_SHARE) {
      lossy = true;
      warnings.push(
        `Letters such as umlauts appear to have been replaced by '?' in ${lost} places ` +
          `(e.g. '${firstLostLetterWord(text)}'); names are matched with '?' as a wildcard but quotes keep ` +
          'the damage. Find a clean copy of the article if you can.',
      );
    }
  }
  const replacement = text.match(/\uFFFD/g)?.length ?? 0;
  if (replacement > 0) {
    lossy = true;
    warnings.push(
      `Text contains ${replacement} '\uFFFD' replacement character${replacement === 1 ? '' : 's'}: an earlier ` +
        'program could not read those letters and threw them away. Find a clean copy of the article if you can.',
    );
  }

  return { text, encoding, repairs, lossy, warnings, binary: false };
}
