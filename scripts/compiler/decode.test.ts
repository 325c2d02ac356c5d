import { describe, it, expect } from 'vitest';
import iconv from 'iconv-lite';
import { countLostLetters, decodeSeed, type DecodedText } from './decode.ts';

const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);
const bytes = (...b: number[]): Uint8Array => Uint8Array.from(b);
const concat = (...parts: Uint8Array[]): Uint8Array => Uint8Array.from(parts.flatMap((p) => [...p]));

/**
 * What a clean UTF-8 string looks like after being read through `codePage` and saved again as UTF-8.
 * Bytes the code page leaves undefined (Windows-1252's 0x81, 0x8D, …) become the C1 control with the same
 * number, as browsers and Windows do; iconv-lite alone would turn them into U+FFFD and lose them.
 */
const damage = (clean: string, codePage: string): string =>
  [...Buffer.from(clean, 'utf8')]
    .map((b) => {
      const c = iconv.decode(Buffer.from([b]), codePage);
      return c === '\uFFFD' ? String.fromCharCode(b) : c;
    })
    .join('');

const GERMAN =
  'Außenminister Wang Yi traf am Montag in Peking seinen russischen Amtskollegen. ' +
  '„Wir lassen uns nicht spalten“, sagte er – und lobte die Zusammenarbeit für Büro und Ämter in Österreich.';
const RUSSIAN = 'Министр иностранных дел России Сергей Лавров встретился с Ван И в Пекине — «важный визит».';
const CHINESE = '中国外交部长王毅在北京会见了俄罗斯外长拉夫罗夫。双方就“乌克兰危机”交换了意见。';
const ENGLISH = 'Foreign Minister Wang Yi met Sergey Lavrov in Beijing on Monday. Did they agree? Not entirely.';

interface Row {
  name: string;
  input: string | Uint8Array;
  /** Exact expected text. */
  text?: string;
  encoding?: DecodedText['encoding'];
  /** Exact expected repair tags (order matters: main culprit first). */
  repairs?: string[];
  lossy?: boolean;
  binary?: boolean;
  /** Every warning must be matched by one of these, and each pattern by some warning; [] = no warnings. */
  warnings?: RegExp[];
}

const rows: Row[] = [
  // --- clean text passes through untouched
  { name: 'clean German', input: GERMAN, text: GERMAN, encoding: 'utf-8', repairs: [], lossy: false, warnings: [] },
  { name: 'clean Russian', input: RUSSIAN, text: RUSSIAN, encoding: 'utf-8', repairs: [], warnings: [] },
  { name: 'clean Chinese', input: CHINESE, text: CHINESE, encoding: 'utf-8', repairs: [], warnings: [] },
  { name: 'clean English with a question', input: ENGLISH, text: ENGLISH, repairs: [], lossy: false, warnings: [] },
  {
    name: 'clean text whose letters happen to fit a mojibake pattern',
    input: '„Gruß“ aus Moskau… „Maß…“ ACCIÓ» ESPAÑA» «Café»',
    text: '„Gruß“ aus Moskau… „Maß…“ ACCIÓ» ESPAÑA» «Café»',
    repairs: [],
    warnings: [],
  },
  {
    name: 'clean French typography with no-break spaces',
    input: 'Il a dit\u00A0: «\u00A0Café\u00A0» — «\u00A0Été\u00A0»\u00A0!',
    text: 'Il a dit\u00A0: «\u00A0Café\u00A0» — «\u00A0Été\u00A0»\u00A0!',
    repairs: [],
  },
  {
    name: 'clean quoted single capital umlaut',
    input: 'Das „Ä“ und das „Ö“.',
    text: 'Das „Ä“ und das „Ö“.',
    repairs: [],
  },
  {
    name: 'clean Ukrainian/Russian words that fit cp866 3-byte patterns',
    input: 'Рівне, хапнуть, спасибо, тАР',
    text: 'Рівне, хапнуть, спасибо, тАР',
    repairs: [],
  },
  {
    name: 'decomposed umlauts are normalised to NFC',
    input: 'Bu\u0308ro',
    text: 'Büro',
    repairs: [],
    warnings: [],
  },
  {
    name: 'empty input',
    input: new Uint8Array(0),
    text: '',
    encoding: 'utf-8',
    repairs: [],
    lossy: false,
    binary: false,
    warnings: [],
  },

  // --- DOS code page mojibake
  {
    name: 'cp850 mojibake, generated (whole article)',
    input: damage(GERMAN, 'cp850'),
    text: GERMAN,
    repairs: ['mojibake:cp850'],
    lossy: false,
    warnings: [/UTF-8 read as DOS code page 850 \(e\.g\. 'Au├ƒenminister' → 'Außenminister'\); repaired \d+ words/],
  },
  { name: 'cp850 literal B├╝ro', input: 'Das B├╝ro ist zu.', text: 'Das Büro ist zu.', repairs: ['mojibake:cp850'] },
  { name: 'cp850 literal ├ä and ├ñ', input: '├ärger in der Kl├ñrung', text: 'Ärger in der Klärung' },
  {
    name: 'cp850 curly quotes and dash',
    input: 'ÔÇ×Wir lassen uns nicht spaltenÔÇ£ ÔÇô sagte er',
    text: '„Wir lassen uns nicht spalten“ – sagte er',
    repairs: ['mojibake:cp850'],
  },
  {
    // '├č' is what cp852 (not cp850) makes of 'ß' (0x9F is 'č' there, 'ƒ' in cp850).
    name: 'cp852 literal Au├čenminister',
    input: 'Au├čenminister Lawrow',
    text: 'Außenminister Lawrow',
    repairs: ['mojibake:cp852'],
    warnings: [/DOS code page 852 \(e\.g\. 'Au├čenminister' → 'Außenminister'\); repaired 1 word\./],
  },
  { name: 'cp852 mojibake, generated', input: damage(GERMAN, 'cp852'), text: GERMAN, repairs: ['mojibake:cp852'] },
  { name: 'cp437 mojibake, generated', input: damage(GERMAN, 'cp437'), text: GERMAN, repairs: ['mojibake:cp437'] },
  {
    name: 'cp437 curly quotes (ΓÇ£ rather than cp850 ÔÇ£)',
    input: 'ΓÇ₧Frieden ΓÇ₧ und ΓÇ£Dialog',
    text: '„Frieden „ und “Dialog',
    repairs: ['mojibake:cp437'],
  },
  {
    name: 'cp866 Cyrillic mojibake, generated',
    input: damage(RUSSIAN, 'cp866'),
    text: RUSSIAN,
    repairs: ['mojibake:cp866'],
  },

  // --- Windows-1252 / Latin-1 mojibake
  {
    name: 'windows-1252 literal AuÃŸenminister',
    input: 'Der AuÃŸenminister',
    text: 'Der Außenminister',
    repairs: ['mojibake:windows-1252'],
  },
  {
    name: 'windows-1252 literal quotes',
    input: 'eines â€žpolitischen Virusâ€œ',
    text: 'eines „politischen Virus“',
    repairs: ['mojibake:windows-1252'],
    warnings: [/UTF-8 read as Windows-1252\/Latin-1 \(e\.g\. 'â€žpolitischen' → '„politischen'\); repaired 2 words/],
  },
  { name: 'windows-1252 mojibake of Polish', input: 'wiÄ™cej sÄ… w Åodzi', text: 'więcej są w Åodzi' },
  {
    name: 'windows-1252 mojibake, generated Polish',
    input: damage('Więcej spotkań w Łodzi', 'windows-1252'),
    text: 'Więcej spotkań w Łodzi',
  },
  {
    name: 'windows-1252 mojibake, generated German',
    input: damage(GERMAN, 'windows-1252'),
    text: GERMAN,
    repairs: ['mojibake:windows-1252'],
  },
  {
    name: 'latin1 mojibake (C1 controls), generated',
    input: damage(GERMAN, 'latin1'),
    text: GERMAN,
    repairs: ['mojibake:windows-1252'],
  },
  {
    name: 'Cyrillic mojibake literal Ð›Ð°Ð²Ñ€Ð¾Ð²',
    input: 'Ð›Ð°Ð²Ñ€Ð¾Ð² Ð¸ Ð’Ð°Ð½ Ð˜',
    text: 'Лавров и Ван И',
    repairs: ['mojibake:windows-1252'],
  },
  {
    name: 'Cyrillic mojibake, generated',
    input: damage(RUSSIAN, 'windows-1252'),
    text: RUSSIAN,
    repairs: ['mojibake:windows-1252'],
  },
  {
    name: 'Chinese mojibake, generated',
    input: damage(CHINESE, 'windows-1252'),
    text: CHINESE,
    repairs: ['mojibake:windows-1252'],
  },
  {
    name: 'double mojibake (damaged twice)',
    input: damage(damage('Außenminister für Büro', 'windows-1252'), 'windows-1252'),
    text: 'Außenminister für Büro',
    repairs: ['mojibake:windows-1252'],
  },
  {
    name: 'line mixing clean and damaged words',
    input: 'Der Außenminister traf den AuÃŸenminister im B├╝ro in Österreich — „gut“.',
    text: 'Der Außenminister traf den Außenminister im Büro in Österreich — „gut“.',
    repairs: ['mojibake:windows-1252', 'mojibake:cp850'],
  },
  {
    name: 'clean and damaged letters in the same word',
    input: 'Grüße aus MÃ¼nchen und Größenwahn',
    text: 'Grüße aus München und Größenwahn',
  },

  // --- real legacy bytes (invalid UTF-8)
  {
    name: 'Windows-1252 bytes',
    input: Uint8Array.from(iconv.encode(GERMAN, 'windows-1252')),
    text: GERMAN,
    encoding: 'windows-1252',
    repairs: ['encoding:windows-1252'],
    warnings: [/not valid UTF-8; read it as Windows-1252.*re-save the file as UTF-8/],
  },
  {
    name: 'Latin-1 bytes',
    input: Uint8Array.from(iconv.encode('Äußerst grün: Öl für Ärzte', 'latin1')),
    text: 'Äußerst grün: Öl für Ärzte',
    encoding: 'windows-1252',
    repairs: ['encoding:windows-1252'],
  },
  {
    name: 'UTF-8 with stray Windows-1252 bytes',
    input: concat(utf8('Außenminister '), Uint8Array.from(iconv.encode('für Büro', 'windows-1252'))),
    text: 'Außenminister für Büro',
    encoding: 'windows-1252',
    repairs: ['encoding:windows-1252', 'mojibake:windows-1252'],
    warnings: [/mixes UTF-8 and Windows-1252/],
  },

  // --- BOMs, UTF-16, line endings
  {
    name: 'UTF-8 BOM',
    input: concat(bytes(0xef, 0xbb, 0xbf), utf8(GERMAN)),
    text: GERMAN,
    encoding: 'utf-8',
    repairs: ['bom'],
    warnings: [],
  },
  {
    name: 'UTF-8 BOM that was itself mojibaked',
    input: 'ï»¿AuÃŸenminister',
    text: 'Außenminister',
    repairs: ['bom', 'mojibake:windows-1252'],
  },
  {
    name: 'UTF-16LE with BOM',
    input: concat(bytes(0xff, 0xfe), Uint8Array.from(Buffer.from(`${RUSSIAN}\r\n${CHINESE}`, 'utf16le'))),
    text: `${RUSSIAN}\n${CHINESE}`,
    encoding: 'utf-16le',
    repairs: ['bom'],
    binary: false,
  },
  {
    name: 'UTF-16BE with BOM',
    input: concat(bytes(0xfe, 0xff), Uint8Array.from(Buffer.from(GERMAN, 'utf16le').swap16())),
    text: GERMAN,
    encoding: 'utf-16be',
    repairs: ['bom'],
  },
  {
    name: 'UTF-16LE without BOM (mostly ASCII)',
    input: Uint8Array.from(Buffer.from(ENGLISH, 'utf16le')),
    text: ENGLISH,
    encoding: 'utf-16le',
    binary: false,
  },
  {
    name: 'CRLF and lone CR',
    input: 'Zeile 1\r\nZeile 2\rZeile 3\n',
    text: 'Zeile 1\nZeile 2\nZeile 3\n',
    repairs: [],
    warnings: [],
  },

  // --- letters lost to '?'
  {
    name: "letters lost to '?'",
    input: 'Der Au?enminister traf ?ber f?r die Gespr?che ein.',
    text: 'Der Au?enminister traf ?ber f?r die Gespr?che ein.',
    lossy: true,
    warnings: [/replaced by '\?' in 4 places \(e\.g\. 'Au\?enminister'\).*wildcard/],
  },
  { name: "single '?' at sentence end", input: 'Was nun? Niemand weiß es?', lossy: false, warnings: [] },
  {
    name: "URLs with '?' are not lost letters",
    input: 'Quelle: https://example.org/a?id=1&b=2 und www.example.com/x?y=z sowie index.php?p=3',
    lossy: false,
  },
  {
    name: "a few '?' typos in an article full of umlauts",
    input: `${GERMAN} ${GERMAN} Echt?Ja. Wirklich?Nein. Warum?Darum.`,
    lossy: false,
  },
  {
    name: 'U+FFFD replacement characters',
    input: 'Au\uFFFDenminister',
    lossy: true,
    warnings: [/replacement character/],
  },

  // --- binary
  {
    name: 'PNG header',
    input: bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52),
    text: '',
    binary: true,
    warnings: [/PNG image, not an article; remove it or save the article as plain text \(\.txt, UTF-8\)\./],
  },
  {
    name: 'NUL bytes',
    input: concat(utf8('Hallo'), bytes(0, 0, 0), utf8('Welt')),
    text: '',
    binary: true,
    warnings: [/NUL bytes/],
  },
  {
    name: 'many control characters',
    input: Uint8Array.from({ length: 200 }, (_, i) => (i % 3 === 0 ? 0x01 : 0x41)),
    text: '',
    binary: true,
  },
  { name: 'PDF', input: '%PDF-1.7\n%âãÏÓ\n1 0 obj', text: '', binary: true, warnings: [/PDF document/] },
];

describe('decodeSeed', () => {
  for (const row of rows) {
    it(row.name, () => {
      const result = decodeSeed(typeof row.input === 'string' ? utf8(row.input) : row.input);
      if (row.text !== undefined) expect(result.text).toBe(row.text);
      if (row.encoding !== undefined) expect(result.encoding).toBe(row.encoding);
      if (row.repairs !== undefined) expect(result.repairs).toEqual(row.repairs);
      if (row.lossy !== undefined) expect(result.lossy).toBe(row.lossy);
      expect(result.binary).toBe(row.binary ?? false);
      if (row.warnings !== undefined) {
        expect(result.warnings).toHaveLength(row.warnings.length);
        for (const pattern of row.warnings) expect(result.warnings.some((w) => pattern.test(w))).toBe(true);
      }
    });
  }
});

const lostLetterRows: { input: string; expected: number }[] = [
  { input: '', expected: 0 },
  { input: 'Au?enminister', expected: 1 },
  { input: 'Au??enminister', expected: 1 },
  { input: '?ber f?r', expected: 2 },
  { input: '?sterreich', expected: 1 },
  { input: 'Was nun? Wer?', expected: 0 },
  { input: '? Frage', expected: 0 },
  { input: 'https://x.org/a?b=c index.php?id=5', expected: 0 },
  { input: '在????会见', expected: 1 },
  { input: 'Echt?Ja. Wirklich?Nein.', expected: 0 },
  { input: 'M?NCHEN', expected: 1 },
];

describe('countLostLetters', () => {
  for (const { input, expected } of lostLetterRows) {
    it(`${JSON.stringify(input)} → ${expected}`, () => expect(countLostLetters(input)).toBe(expected));
  }
});
