/**
 * Bad and hostile seed-folder contents for the build's robustness tests and `scripts/fuzz/cli.ts`.
 *
 * Everything is deterministic from a seed (mulberry32, never Math.random), so a failing case can be replayed. Each
 * case is a set of entries (files, symlinks, FIFOs, unreadable files …) to put into a seeds folder beside the real
 * articles, and what the build should say about it.
 */
import { chmodSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import iconv from 'iconv-lite';
import type { Dataset } from '../../src/lib/dataset/types.ts';
import { mulberry32 } from '../../src/lib/random.ts';

export { mulberry32 };

// ---------------------------------------------------------------------------------------------------------
// Randomness

export type Rng = () => number;
export const randInt = (rng: Rng, n: number): number => Math.floor(rng() * n);
export const pick = <T>(rng: Rng, items: readonly T[]): T => items[randInt(rng, items.length)] as T;

export function randomBytes(rng: Rng, n: number): Uint8Array {
  const out = new Uint8Array(n);
  for (let i = 0; i < n; i++) out[i] = randInt(rng, 256);
  return out;
}

// ---------------------------------------------------------------------------------------------------------
// Case model

export interface BadEntry {
  /** Path inside the seeds folder (forward slashes). */
  path: string;
  bytes?: Uint8Array;
  /** Create a symbolic link to this target instead of a file (relative to the link's folder, or absolute). */
  symlink?: string;
  /** Create a named pipe (reading it would block forever). */
  fifo?: true;
  /** Create a folder. */
  dir?: true;
  /** chmod after writing (e.g. 0o000 for an unreadable file). */
  mode?: number;
  /** File name as raw bytes (not valid UTF-8), written with a Buffer path. */
  rawName?: Uint8Array;
}

export interface CaseOutcome {
  dataset: Dataset;
  /** Every message the build produced (problems, warnings, errors; or the CLI's stdout and stderr). */
  messages: string[];
}

export interface BadCase {
  id: string;
  category: string;
  entries: BadEntry[];
  /** Files to create next to (outside) the seeds folder, for symlinks pointing out of it. */
  outside?: { path: string; bytes: Uint8Array }[];
  /** A message must name this file (path as the build reports it) and say what to do; `line` for YAML errors. */
  message?: { file: string; line?: number };
  /** Extra assertion: returns what went wrong, or null. */
  check?: (outcome: CaseOutcome) => string | null;
  /** Reading it in-process could block the test runner (FIFO, device): run it only through the CLI with a timeout. */
  cliOnly?: boolean;
  /** Why the case cannot be tested here (set by `materialize`), e.g. chmod 000 as root. */
  skipped?: string;
}

// ---------------------------------------------------------------------------------------------------------
// Article texts (original prose written for these tests, not taken from any source)

/** German prose with umlauts, ß, typographic quotes, dashes and the euro sign: everything mojibake damages. */
export const GERMAN =
  'Die Außenministerin äußerte sich am Dienstag in München über die Gespräche. „Wir müssen überprüfen, ob die ' +
  'Maßnahmen greifen“, sagte sie – und fügte hinzu, dass die Kosten von 12 € je Einwohner gering seien. Die ' +
  'Bürgermeisterin von Köln begrüßte das Ergebnis; Österreichs Vertreter blieb zurückhaltend.\n' +
  'Später trafen sich die Delegationen zu einem Arbeitsessen. Über die Ergebnisse wurde Stillschweigen vereinbart.\n';

/** Latin-1-only variant (no „“ – €), for files saved as ISO-8859-1. */
export const GERMAN_LATIN1 =
  'Die Außenministerin äußerte sich am Dienstag in München über die Gespräche. "Wir müssen überprüfen, ob die ' +
  'Maßnahmen greifen", sagte sie und fügte hinzu, dass die Kosten gering seien. Die Bürgermeisterin von Köln ' +
  'begrüßte das Ergebnis; Österreichs Vertreter blieb zurückhaltend.\n';

export const RUSSIAN =
  'Министр иностранных дел провёл переговоры в столице. «Мы обсудили экономическое сотрудничество», — сказал он ' +
  'журналистам после встречи. Стороны договорились продолжить консультации в следующем месяце.\n';

export const POLISH =
  'Minister spraw zagranicznych spotkał się we wtorek z delegacją. „Rozmowy były bardzo owocne”, powiedział ' +
  'rzecznik. Żadnych szczegółów nie podano; więcej informacji będzie później. Příští jednání se uskuteční v Brně.\n';

export const CHINESE = '中华人民共和国外交部发言人表示，双方就双边关系和共同关心的国际问题交换了意见。\n';

const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);
const concat = (...parts: Uint8Array[]): Uint8Array => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
};

/** Windows-1252 as browsers decode it: its five undefined bytes become the C1 control with the same number. */
function decodeCp1252(bytes: Uint8Array): string {
  const high = iconv.decode(Uint8Array.from({ length: 128 }, (_, i) => 0x80 + i) as Buffer, 'windows-1252');
  return Array.from(bytes, (b) =>
    b < 0x80 ? String.fromCharCode(b) : high[b - 0x80] === '\uFFFD' ? String.fromCharCode(b) : high[b - 0x80],
  ).join('');
}

/** UTF-8 text that was read through a legacy code page and saved again as UTF-8. */
export function mojibake(text: string, codePage: 'windows-1252' | 'latin1' | 'cp437' | 'cp850' | 'cp852' | 'cp866') {
  const bytes = utf8(text);
  if (codePage === 'windows-1252') return decodeCp1252(bytes);
  if (codePage === 'latin1') return Array.from(bytes, (b) => String.fromCharCode(b)).join('');
  return iconv.decode(Buffer.from(bytes), codePage);
}

/** Big article-like file, built by repetition so even 50 MB takes milliseconds to generate. */
export function bigArticle(bytes: number): Uint8Array {
  const unit = utf8(GERMAN + RUSSIAN);
  const out = new Uint8Array(bytes);
  for (let at = 0; at < bytes; at += unit.length) out.set(unit.subarray(0, Math.min(unit.length, bytes - at)), at);
  // Don't end inside a multi-byte character: that would be a different case (invalid UTF-8).
  let end = bytes;
  while (end > 0 && (out[end - 1]! & 0xc0) === 0x80) end--;
  if (end > 0 && out[end - 1]! >= 0xc0) end--;
  out.fill(0x20, end);
  return out;
}

// ---------------------------------------------------------------------------------------------------------
// The catalogue

export interface InputOptions {
  seed?: number;
  /** Size of the "huge file" case in bytes (50 MB in deep runs; CI uses less). */
  bigBytes?: number;
}

export const FIFTY_MB = 50 * 1024 * 1024;

const textCase = (
  id: string,
  category: string,
  content: string | Uint8Array,
  expectMessage: boolean,
  check?: BadCase['check'],
  file = `${id}.txt`,
): BadCase => ({
  id,
  category,
  entries: [{ path: file, bytes: typeof content === 'string' ? utf8(content) : content }],
  ...(expectMessage ? { message: { file } } : {}),
  ...(check ? { check } : {}),
});

const docOf = (o: CaseOutcome, file: string) => o.dataset.documents.find((d) => d.file === file);

/** The bad inputs, in a fixed order; the same seed gives byte-identical cases. */
export function badInputs(options: InputOptions = {}): BadCase[] {
  const rng = mulberry32(options.seed ?? 1);
  const bigBytes = options.bigBytes ?? 1024 * 1024;
  const cases: BadCase[] = [];
  const add = (c: BadCase) => cases.push(c);

  // Empty and blank
  add(textCase('empty', 'empty', new Uint8Array(0), true));
  add(textCase('whitespace', 'empty', ' \n\t\r\n   \n\u00A0\u2003\n', true));
  add(textCase('bom-only', 'empty', Uint8Array.of(0xef, 0xbb, 0xbf), true));

  // Binary
  const magic = (head: number[]) => concat(Uint8Array.from(head), randomBytes(rng, 2048));
  add(textCase('png', 'binary', magic([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), true));
  add(textCase('pdf', 'binary', concat(utf8('%PDF-1.7\n%âãÏÓ\n1 0 obj\n'), randomBytes(rng, 2048)), true));
  add(textCase('zip', 'binary', magic([0x50, 0x4b, 0x03, 0x04]), true));
  add(textCase('docx-named-txt', 'binary', magic([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), true));
  add(textCase('random-bytes', 'binary', randomBytes(rng, 4096), true));
  add(textCase('random-bytes-short', 'binary', randomBytes(rng, 7), false));
  add(textCase('nul-bytes', 'binary', new Uint8Array(1024), true));
  add(textCase('text-with-nul', 'binary', concat(utf8(GERMAN), Uint8Array.of(0), utf8(GERMAN)), true));
  add(textCase('control-chars', 'binary', utf8('\x01\x02\x03\x04\x05\x06\x07\x08\x0e\x0f'.repeat(50)), true));

  // Huge and long
  add(textCase('huge-file', 'size', bigArticle(bigBytes), false));
  add(textCase('long-line', 'size', GERMAN.replace(/\n/g, ' ').repeat(2000), false));
  add(textCase('long-word', 'size', 'a'.repeat(1_000_000), false));
  add(textCase('long-umlaut-word', 'size', 'äöü'.repeat(200_000), false));
  add(textCase('tiny-sentences', 'size', 'Ja. '.repeat(10_000), false));
  add(textCase('tiny-lines', 'size', 'Nein!\n'.repeat(10_000), false));
  add(textCase('many-question-marks', 'size', 'Wirklich?Ja?'.repeat(20_000), false));

  // Encodings
  add(textCase('latin1', 'encoding', iconv.encode(GERMAN_LATIN1, 'latin1'), true));
  add(textCase('windows-1252', 'encoding', iconv.encode(GERMAN, 'windows-1252'), true));
  const lines = GERMAN.split('\n').filter(Boolean);
  add(
    textCase(
      'mixed-utf8-cp1252',
      'encoding',
      concat(...lines.map((l, i) => concat(i % 2 ? iconv.encode(l, 'windows-1252') : utf8(l), utf8('\n')))),
      true,
    ),
  );
  add(textCase('utf16le-bom', 'encoding', concat(Uint8Array.of(0xff, 0xfe), iconv.encode(GERMAN, 'utf16le')), false));
  add(textCase('utf16be-bom', 'encoding', concat(Uint8Array.of(0xfe, 0xff), iconv.encode(GERMAN, 'utf16be')), false));
  add(textCase('utf16le-no-bom', 'encoding', iconv.encode(GERMAN, 'utf16le'), false));
  add(textCase('utf16-odd-length', 'encoding', concat(Uint8Array.of(0xff, 0xfe), utf8('abc')), false));
  add(textCase('overlong-utf8', 'encoding', concat(utf8(GERMAN), Uint8Array.of(0xc0, 0xaf, 0xe0, 0x80, 0xaf)), true));
  add(
    textCase(
      'cesu-surrogates',
      'encoding',
      concat(utf8(GERMAN), Uint8Array.of(0xed, 0xa0, 0x80, 0xed, 0xb0, 0x80)),
      true,
    ),
  );
  add(textCase('truncated-utf8', 'encoding', utf8(GERMAN).subarray(0, utf8(GERMAN).indexOf(0xc3) + 1), true));
  add(
    textCase('double-bom', 'encoding', concat(Uint8Array.of(0xef, 0xbb, 0xbf, 0xef, 0xbb, 0xbf), utf8(GERMAN)), false),
  );
  add(textCase('crlf-and-cr', 'encoding', GERMAN.replace(/\n/g, '\r\n') + GERMAN.replace(/\n/g, '\r'), false));

  // Mojibake (UTF-8 read through a code page and saved again)
  add(textCase('mojibake-cp1252', 'mojibake', mojibake(GERMAN, 'windows-1252'), true));
  add(textCase('mojibake-latin1', 'mojibake', mojibake(GERMAN, 'latin1'), true));
  add(textCase('mojibake-cp437', 'mojibake', mojibake(GERMAN, 'cp437'), true));
  add(textCase('mojibake-cp850', 'mojibake', mojibake(GERMAN, 'cp850'), true));
  add(textCase('mojibake-cp852', 'mojibake', mojibake(POLISH, 'cp852'), true));
  add(textCase('mojibake-cp866', 'mojibake', mojibake(RUSSIAN, 'cp866'), true));
  add(textCase('mojibake-chinese-cp1252', 'mojibake', mojibake(CHINESE, 'windows-1252'), true));
  add(textCase('mojibake-double', 'mojibake', mojibake(mojibake(GERMAN, 'windows-1252'), 'windows-1252'), true));
  add(textCase('mojibake-partial', 'mojibake', GERMAN + mojibake(GERMAN, 'windows-1252'), true));
  add(textCase('umlauts-lost', 'mojibake', GERMAN.replace(/[äöüÄÖÜß„“–€]/g, '?'), true));

  // Headers
  const header = (id: string, line: string, check?: BadCase['check']) =>
    add(textCase(id, 'header', `${line}\n\n${GERMAN}`, true, check));
  header('header-month-13', ' date 2021-13');
  header('header-yesterday', ' date yesterday');
  header('header-feb-30', ' date 2021-02-30');
  header('header-year-0', ' date 0000-00-00');
  const noUrl = (file: string) => (o: CaseOutcome) => {
    const doc = docOf(o, file);
    return doc?.url || doc?.publisher ? `unsafe header URL kept: ${doc.url} / ${doc.publisher}` : null;
  };
  header(
    'header-javascript-url',
    ' date 2021-07 von javascript:alert(document.cookie)',
    noUrl('header-javascript-url.txt'),
  );
  header(
    'header-data-url',
    ' date 2021-07 from data:text/html,<script>alert(1)</script>',
    noUrl('header-data-url.txt'),
  );
  add(textCase('header-only', 'header', ' date 2021-07 von https://example.org/a', false));
  add(
    textCase(
      'header-huge-url',
      'header',
      ` date 2021-07 von https://example.org/${'a'.repeat(100_000)}\n${GERMAN}`,
      false,
    ),
  );

  // Odd but valid text
  add(textCase('only-punctuation', 'text', '.,;:!?-–—…«»„“"\'()[]{}'.repeat(2000), false));
  add(
    textCase('nested-quotes', 'text', `${'„'.repeat(5000)}Lawrow${'“'.repeat(5000)} sagte. ${'«'.repeat(3000)}`, false),
  );
  add(textCase('unbalanced-quotes', 'text', `„${GERMAN}`.repeat(50) + '"'.repeat(10_001), false));
  add(textCase('nested-parentheses', 'text', `${'('.repeat(20_000)}x${')'.repeat(19_999)}`, false));
  add(
    textCase(
      'bidi-controls',
      'text',
      GERMAN.replace(/ /g, () => pick(rng, [' ', ' \u202E', '\u2066 ', ' \u200F', '\u202B ', ' \u2069'])),
      false,
    ),
  );
  add(
    textCase(
      'zero-width',
      'text',
      GERMAN.replace(/(\p{L})(\p{L})/gu, '$1\u200B$2\u200D').replace(/ /g, '\uFEFF '),
      false,
    ),
  );
  add(textCase('emoji', 'text', `${GERMAN} 🇷🇺🤝🇨🇳 👨‍👩‍👧‍👦 🏳️‍🌈 ${'😀'.repeat(5000)}\n`, false));
  add(
    textCase('combining-marks', 'text', `Z${'\u0301\u0308\u0327'.repeat(3000)}algo ${GERMAN.normalize('NFD')}`, false),
  );
  const xss = (id: string, payload: string) =>
    add(
      textCase(id, 'text', `${GERMAN}${payload}\n${GERMAN}`, false, (o) =>
        docOf(o, `${id}.txt`)?.text.includes(payload) ? null : 'the text was altered instead of kept verbatim',
      ),
    );
  xss('xss-script', '<script>alert(1)</script>');
  xss('xss-img', '<img src=x onerror=alert(1)>');
  xss('xss-json-breaker', '</script><!--"\\u2028\u2028\u2029 ${alert(1)} {{constructor.constructor("alert(1)")()}}');

  // Sidecars (beside a bad article of their own, so the real articles keep theirs)
  const sidecar = (id: string, yaml: string | Uint8Array, line?: number, check?: BadCase['check'], article = GERMAN) =>
    add({
      id,
      category: 'sidecar',
      entries: [
        { path: `${id}.txt`, bytes: utf8(article) },
        { path: `${id}.meta.yaml`, bytes: typeof yaml === 'string' ? utf8(yaml) : yaml },
      ],
      ...(line !== undefined ? { message: { file: `${id}.meta.yaml`, line } } : {}),
      ...(check ? { check } : {}),
    });
  sidecar('sidecar-tabs', 'date: 2021-07-01\n\tlanguage: de\n', 2);
  sidecar('sidecar-unclosed-bracket', 'language: de\nreported:\n  participants: [lavrov, wang-yi\n', 3);
  sidecar('sidecar-unclosed-quote', 'date: 2021-07-01\nreason: "never closed\n', 2);
  sidecar('sidecar-duplicate-keys', 'date: 2021-07-01\nlanguage: de\ndate: 2022-01-01\n', 3);
  sidecar('sidecar-not-a-map', '- date\n- 2021\n', 1);
  sidecar('sidecar-scalar', 'just a sentence\n', 1);
  sidecar('sidecar-unknown-keys', 'date: 2021-07-01\ncolour: blue\nreported:\n  mood: happy\n', 2);
  sidecar('sidecar-bad-values', 'date: yesterday\nurl: javascript:alert(1)\nrelevant: maybe\nlanguage: [de]\n', 1);
  const laughs = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
  for (let i = 1; i < 10; i++) {
    const [k, prev] = [String.fromCharCode(97 + i), String.fromCharCode(96 + i)];
    laughs.push(`${k}: &${k} [${Array(9).fill(`*${prev}`).join(', ')}]`);
  }
  sidecar('sidecar-billion-laughs', `${laughs.join('\n')}\n`, 1);
  sidecar(
    'sidecar-billion-laughs-in-known-keys',
    `${laughs.join('\n')}\nreported:\n  participants: *j\n  topics: *i\ndate: *h\nreason: *g\n`,
    11,
  );
  sidecar('sidecar-alias-cycle', 'reported: &r\n  topics: *r\n', undefined);
  sidecar('sidecar-1mb', `reason: "${'Begründung '.repeat(95_000)}"\ndate: 2021-07-01\n`, 1);
  sidecar('sidecar-1mb-unknown-keys', Array.from({ length: 60_000 }, (_, i) => `k${i}: v\n`).join(''), 1);
  sidecar('sidecar-binary', concat(Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 0, 0, 0), randomBytes(rng, 512)), 1);
  sidecar('sidecar-cp1252', iconv.encode('publisher: Süddeutsche\nreason: „Grüße“\n', 'windows-1252'));
  // Keys every JavaScript object "has": a sidecar must not smuggle them in as knowledge-base keys.
  sidecar(
    'sidecar-prototype-keys',
    'date: 2023-04-17\nreported:\n  place: constructor\n  participants: [__proto__, hasOwnProperty, shoigu]\n' +
      '  topics: [toString]\n  forum: valueOf\n__proto__: {relevant: true}\n',
    undefined,
    (o) => {
      const event = o.dataset.events.find((e) => e.participants.includes('shoigu'));
      if (!event) return "the article's own reported contact is missing";
      const bad = [event.place, event.forum, ...event.participants, ...event.topics].filter(
        (k) => k !== null && k in Object.prototype,
      );
      if (bad.length) return `prototype keys accepted as knowledge-base keys: ${bad.join(', ')}`;
      return o.messages.some((m) => m.includes('"constructor" is not in scripts/knowledge/places.yaml'))
        ? null
        : 'no message rejects the prototype key';
    },
    'Der russische Verteidigungsminister Sergej Schoigu hat sich am Montag in Peking mit dem chinesischen ' +
      'Ministerpräsidenten Li Qiang getroffen. Beide Seiten sprachen über die Zusammenarbeit.\n',
  );
  sidecar(
    'sidecar-xss',
    'publisher: "<script>alert(1)</script>"\nurl: "https://example.org/<img src=x onerror=alert(1)>"\n',
  );
  add({
    id: 'sidecar-orphan',
    category: 'sidecar',
    entries: [{ path: 'orphan.meta.yaml', bytes: utf8('date: 2021-07-01\n') }],
    message: { file: 'orphan.meta.yaml' },
  });
  add({
    id: 'sidecar-orphan-broken',
    category: 'sidecar',
    entries: [{ path: 'orphan2.meta.yaml', bytes: utf8('date: [\n\t') }],
    message: { file: 'orphan2.meta.yaml' },
  });

  // File system oddities
  add({
    id: 'symlink-to-file',
    category: 'filesystem',
    entries: [{ path: 'linked.txt', symlink: '../outside/article.txt' }],
    outside: [{ path: 'outside/article.txt', bytes: utf8(GERMAN) }],
  });
  add({
    id: 'symlink-missing',
    category: 'filesystem',
    entries: [{ path: 'dangling.txt', symlink: 'does-not-exist.txt' }],
    message: { file: 'dangling.txt' },
  });
  add({
    id: 'symlink-loop-dir',
    category: 'filesystem',
    entries: [
      { path: 'loop', symlink: '.' },
      { path: 'nested/up', symlink: '..' },
      { path: 'nested/inner.txt', bytes: utf8(GERMAN) },
    ],
  });
  add({
    id: 'symlink-loop-files',
    category: 'filesystem',
    entries: [
      { path: 'ping.txt', symlink: 'pong.txt' },
      { path: 'pong.txt', symlink: 'ping.txt' },
    ],
    message: { file: 'ping.txt' },
  });
  add({
    id: 'unreadable-file',
    category: 'filesystem',
    entries: [{ path: 'secret.txt', bytes: utf8(GERMAN), mode: 0o000 }],
    message: { file: 'secret.txt' },
  });
  add({
    id: 'unreadable-folder',
    category: 'filesystem',
    entries: [
      { path: 'locked/inside.txt', bytes: utf8(GERMAN) },
      { path: 'locked', dir: true, mode: 0o000 },
    ],
    message: { file: 'locked' },
  });
  add({
    id: 'folder-named-txt',
    category: 'filesystem',
    entries: [{ path: 'folder.txt', dir: true }],
  });
  add({
    id: 'fifo',
    category: 'filesystem',
    entries: [{ path: 'pipe.txt', fifo: true }],
    message: { file: 'pipe.txt' },
    cliOnly: true,
  });
  add({
    id: 'fifo-sidecar',
    category: 'filesystem',
    entries: [
      { path: 'piped.txt', bytes: utf8(GERMAN) },
      { path: 'piped.meta.yaml', fifo: true },
    ],
    message: { file: 'piped.meta.yaml' },
    cliOnly: true,
  });
  add({
    id: 'device-symlink',
    category: 'filesystem',
    entries: [{ path: 'zeros.txt', symlink: '/dev/zero' }],
    message: { file: 'zeros.txt' },
    cliOnly: true,
  });

  // File names
  const named = (id: string, file: string) =>
    add(textCase(id, 'names', GERMAN, false, (o) => (docOf(o, file) ? null : `no document for "${file}"`), file));
  named('name-spaces', 'Treffen in  Peking (Kopie) .txt');
  named('name-cyrillic', 'Пекин встреча.txt');
  named('name-chinese', '北京.txt');
  named('name-emoji', '🤝 Treffen 🇨🇳.txt');
  named('name-long-ascii', `${'a'.repeat(251)}.txt`);
  named('name-long-unicode', `${'Пекин'.repeat(25)}.txt`);
  named('name-decomposed', 'Gespra\u0308che.txt');
  named('name-html', '<img src=x onerror=alert(1)>.txt');
  named('name-dots', '...txt');
  named('name-id-clash', '000_6a64a41c4db9d813 .txt');
  add({
    id: 'name-invalid-utf8',
    category: 'names',
    entries: [
      {
        path: 'invalid-name.txt',
        rawName: Uint8Array.of(0x62, 0x61, 0x64, 0xff, 0xfe, 0x2e, 0x74, 0x78, 0x74),
        bytes: utf8(GERMAN),
      },
    ],
    message: { file: 'bad\uFFFD\uFFFD.txt' },
  });

  return cases;
}

// ---------------------------------------------------------------------------------------------------------
// Writing a case to disk

function canMkfifo(): boolean {
  return process.platform !== 'win32';
}

/**
 * Creates the case's entries in `seedsDir` (and its `outside` files in the folder above). Marks the case `skipped`
 * when the platform cannot express it.
 */
export function materialize(c: BadCase, seedsDir: string): BadCase {
  for (const o of c.outside ?? []) {
    const path = join(dirname(seedsDir), o.path);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, o.bytes);
  }
  const modes: [string, number][] = [];
  for (const e of c.entries) {
    const path = join(seedsDir, e.path);
    mkdirSync(dirname(path), { recursive: true });
    if (e.rawName) {
      const raw = Buffer.concat([Buffer.from(`${dirname(path)}/`), Buffer.from(e.rawName)]);
      writeFileSync(raw, e.bytes ?? new Uint8Array(0));
    } else if (e.symlink !== undefined) symlinkSync(e.symlink, path);
    else if (e.fifo) {
      if (!canMkfifo()) return { ...c, skipped: 'no named pipes on this platform' };
      const r = spawnSync('mkfifo', [path]);
      if (r.status !== 0) return { ...c, skipped: 'mkfifo is not available' };
    } else if (e.dir) mkdirSync(path, { recursive: true });
    else writeFileSync(path, e.bytes ?? new Uint8Array(0));
    if (e.mode !== undefined) modes.push([path, e.mode]);
  }
  for (const [path, mode] of modes) chmodSync(path, mode);
  // As root (CI containers), chmod 000 does not stop reading, so the "unreadable" case is just a readable file
  // there. Detect that instead of failing on it.
  if (modes.some(([, m]) => m === 0) && typeof process.getuid === 'function' && process.getuid() === 0)
    return { ...c, message: undefined, skipped: 'running as root, where chmod 000 files stay readable' };
  return c;
}

/** Undo chmod 000 so the temporary folder can be removed. */
export function restorePermissions(c: BadCase, seedsDir: string) {
  for (const e of c.entries)
    if (e.mode !== undefined)
      try {
        chmodSync(join(seedsDir, e.path), 0o755);
      } catch {
        // already gone
      }
}
