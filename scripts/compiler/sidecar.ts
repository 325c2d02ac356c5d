/**
 * Curator sidecars: `seeds/<name>.meta.yaml` beside `seeds/<name>.txt` corrects or adds metadata without editing the
 * article. Known keys:
 *
 *   date: 2025-07-13          # publication/reference date (YYYY, YYYY-MM or YYYY-MM-DD)
 *   url: https://…            # http(s) only
 *   publisher: RT DE
 *   language: de
 *   relevant: false           # override the relevance decision …
 *   reason: "…"               # … and say why
 *   reported:                 # per-field corrections of the reported contact
 *     kind: meeting
 *     date: 2025-07-13        # the contact's own date, when it differs from the publication date
 *     place: beijing          # keys of scripts/knowledge/*.yaml
 *     participants: [lavrov, wang-yi]
 *     forum: sco              # or null for bilateral
 *     topics: [ukraine]
 *
 * Problems never throw: they come back as messages with the YAML line, and the article is still compiled.
 */
import { isMap, parseDocument, LineCounter } from 'yaml';
import { EVENT_KINDS, type EventKind } from '../../src/lib/dataset/types.ts';
import { parseIsoPartial, type PartialDate } from './dates.ts';
import { safeHttpUrl } from './header.ts';

export interface ReportedCorrections {
  kind?: EventKind;
  date?: PartialDate;
  place?: string | null;
  participants?: string[];
  forum?: string | null;
  topics?: string[];
}

export interface Sidecar {
  date?: PartialDate;
  url?: string;
  publisher?: string;
  language?: string;
  relevant?: boolean;
  reason?: string;
  reported?: ReportedCorrections;
}

export interface SidecarResult {
  sidecar: Sidecar;
  /** The sidecar could not be used at all (invalid YAML): the article is compiled without it. */
  errors: string[];
  /** Parts of the sidecar were ignored (unknown key, bad value). */
  warnings: string[];
}

const TOP_KEYS = ['date', 'url', 'publisher', 'language', 'relevant', 'reason', 'reported'];
const REPORTED_KEYS = ['kind', 'date', 'place', 'participants', 'forum', 'topics'];

/** A sidecar is a few lines of metadata; YAML's duplicate-key check is quadratic, so huge files are refused. */
const MAX_SIDECAR_CHARS = 64 * 1024;

export function parseSidecar(source: string, file: string): SidecarResult {
  if (source.length > MAX_SIDECAR_CHARS)
    return {
      sidecar: {},
      errors: [
        `${file}:1: the sidecar is ${Math.round(source.length / 1024)} KB, far more than metadata needs (at most ${MAX_SIDECAR_CHARS / 1024} KB); fix it or delete it.`,
      ],
      warnings: [],
    };
  const simple = readSimpleLines(source);
  if (simple) {
    const sidecar: Sidecar = {};
    const warnings: string[] = [];
    for (const { key, line, value } of simple)
      applyKey(sidecar, key, value, (text) => warnings.push(`${file}:${line}: ${text}`));
    return { sidecar, errors: [], warnings };
  }
  const lineCounter = new LineCounter();
  const doc = parseDocument(source, { lineCounter, prettyErrors: false, uniqueKeys: true });
  // Errors at the end of the file (an unclosed bracket or quote) point at the last line with text, not past it.
  const lastText = Math.max(0, source.trimEnd().length - 1);
  const lineOf = (offset: number | undefined) =>
    offset === undefined ? 1 : lineCounter.linePos(Math.min(offset, lastText)).line;
  if (doc.errors.length > 0) {
    return {
      sidecar: {},
      errors: doc.errors.map(
        (e) =>
          `${file}:${lineOf(e.pos[0])}: invalid YAML (${e.message.split('\n')[0]}); fix the line or delete the sidecar.`,
      ),
      warnings: [],
    };
  }
  const sidecar: Sidecar = {};
  const warnings: string[] = [];
  if (doc.contents === null) return { sidecar, errors: [], warnings };
  if (!isMap(doc.contents))
    return {
      sidecar,
      errors: [`${file}:1: expected "key: value" lines (a YAML mapping); see the README for the keys.`],
      warnings,
    };

  const warn = (offset: number | undefined, text: string) => warnings.push(`${file}:${lineOf(offset)}: ${text}`);
  for (const pair of doc.contents.items) {
    const key = String((pair.key as { value?: unknown })?.value ?? pair.key);
    const keyOffset = (pair.key as { range?: [number, number, number] })?.range?.[0];
    const value = (pair.value as { toJSON?: () => unknown })?.toJSON?.() ?? null;
    applyKey(sidecar, key, value, (text) => warn(keyOffset, text));
  }
  return { sidecar, errors: [], warnings };
}

/** One top-level `key: value` of a sidecar, checked and taken into `sidecar` (or a warning). */
function applyKey(sidecar: Sidecar, key: string, value: unknown, warn: (text: string) => void) {
  switch (key) {
    case 'date': {
      const date = parseIsoPartial(String(value ?? ''));
      if (date) sidecar.date = date;
      else warn(`date "${value}" is not a date; write YYYY, YYYY-MM or YYYY-MM-DD.`);
      break;
    }
    case 'url': {
      const url = safeHttpUrl(String(value ?? ''));
      if (url) sidecar.url = url;
      else warn(`url "${value}" is not an http(s) address and was ignored.`);
      break;
    }
    case 'publisher':
    case 'language':
    case 'reason':
      if (typeof value === 'string' && value.trim()) sidecar[key] = value.trim();
      else warn(`${key} should be a text value.`);
      break;
    case 'relevant':
      if (typeof value === 'boolean') sidecar.relevant = value;
      else warn('relevant should be true or false.');
      break;
    case 'reported':
      sidecar.reported = parseReported(value, warn);
      break;
    default:
      warn(`unknown key "${key}" was ignored (known keys: ${TOP_KEYS.join(', ')}).`);
  }
}

/**
 * Most sidecars are a comment line and a few `key: value` lines with plain values (a date, a URL, a language code).
 * Those are read here without the YAML library, which takes about a millisecond per file; anything else (quotes,
 * spaces or '#' in a value, lists, nesting, indentation, CR line ends, a repeated key) returns null and goes to
 * the library. A value is taken as text only where YAML's core schema reads it as text: one that YAML would read as
 * a number, a boolean or null goes to the library too.
 */
function readSimpleLines(source: string): { key: string; line: number; value: string }[] | null {
  const entries: { key: string; line: number; value: string }[] = [];
  const lines = source.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const text = lines[i]!;
    if (text === '' || COMMENT_LINE.test(text)) continue;
    const m = SIMPLE_LINE.exec(text);
    if (!m || NOT_TEXT.test(m[1]!) || NOT_TEXT.test(m[2]!) || entries.some((e) => e.key === m[1])) return null;
    entries.push({ key: m[1]!, line: i + 1, value: m[2]! });
  }
  return entries.length > 0 ? entries : null;
}
/** A comment at the start of a line, printable characters only. */
const COMMENT_LINE = /^#(?:[ -~]|[\u00a0-\ud7ff\ue000-\ufffd])*$/;
/** `key: value` with a plain value that has no spaces and no ': ' and does not end in ':'. */
const SIMPLE_LINE = /^([a-z][a-z_]*): ([A-Za-z0-9][\w.~/?=&%+-]*(?::[\w.~/?=&%+-]+)*)$/;
/** Plain scalars YAML's core schema reads as null, a boolean or a number. */
const NOT_TEXT =
  /^(?:null|Null|NULL|true|True|TRUE|false|False|FALSE|[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+|[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?)$/;

function parseReported(value: unknown, warn: (text: string) => void): ReportedCorrections {
  const out: ReportedCorrections = {};
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    warn('reported should be a mapping of field: value.');
    return out;
  }
  for (const [key, v] of Object.entries(value as Record<string, unknown>)) {
    if (!REPORTED_KEYS.includes(key)) {
      warn(`unknown field reported.${key} was ignored (known: ${REPORTED_KEYS.join(', ')}).`);
      continue;
    }
    if (key === 'kind') {
      if (EVENT_KINDS.includes(v as EventKind)) out.kind = v as EventKind;
      else warn(`reported.kind "${v}" is not one of ${EVENT_KINDS.join(', ')}.`);
    } else if (key === 'date') {
      const date = parseIsoPartial(String(v ?? ''));
      if (date) out.date = date;
      else warn(`reported.date "${v}" is not a date.`);
    } else if (key === 'place' || key === 'forum') {
      if (v === null || typeof v === 'string') out[key] = v;
      else warn(`reported.${key} should be a knowledge-base key or null.`);
    } else if (Array.isArray(v) && v.every((x) => typeof x === 'string')) out[key as 'participants' | 'topics'] = v;
    else warn(`reported.${key} should be a list of knowledge-base keys.`);
  }
  return out;
}
