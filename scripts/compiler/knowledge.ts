/**
 * The curated knowledge base (scripts/knowledge/*.yaml): people with dated roles, places, forums, topics,
 * institutions, role words and countries, each with aliases in German, English, Russian and Chinese.
 * This module only types, loads and checks it; matching lives in ./aliases.ts.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { parse } from 'yaml';
import type { DatedRole } from '../../src/lib/dataset/types.ts';

export interface KnowledgeEntry {
  name: string;
  labels: Record<string, string>;
  aliases: string[];
  /** Risky short forms (a bare surname): matched only after the full name appeared in the same article. */
  shortNames?: string[];
  /** Aliases that count only when the entity named in `context` appears in the same sentence ("Sicherheitsrat" after "UNO"). */
  contextAliases?: string[];
  context?: string;
  [k: string]: unknown;
}

export interface PersonEntry extends KnowledgeEntry {
  country: string;
  roles: DatedRole[];
}

export interface RoleEntry extends KnowledgeEntry {
  /** Lane level: head-of-state, head-of-government, foreign-minister, other. */
  level: string;
  /** A word that names a counterpart or a generic official ("Amtskollege", "Diplomat"), not a specific office. */
  generic?: boolean;
}

export interface CountryEntry extends KnowledgeEntry {
  adjectives?: string[];
  capital?: string;
  prefixes?: string[];
}

export interface ForumEntry extends KnowledgeEntry {
  lane?: string;
  kind?: string;
  place?: string;
  short?: Record<string, string>;
}

export interface PlaceEntry extends KnowledgeEntry {
  kind?: string;
  /** For venues: the city they are in. */
  city?: string;
  country?: string;
  coordinates?: [number, number];
}

export interface Knowledge {
  people: Record<string, PersonEntry>;
  places: Record<string, PlaceEntry>;
  forums: Record<string, ForumEntry>;
  topics: Record<string, KnowledgeEntry>;
  institutions: Record<string, KnowledgeEntry & { country?: string }>;
  roles: Record<string, RoleEntry>;
  countries: Record<string, CountryEntry>;
}

export const KNOWLEDGE_TABLES = ['people', 'places', 'forums', 'topics', 'institutions', 'roles', 'countries'] as const;
export type KnowledgeTable = (typeof KNOWLEDGE_TABLES)[number];

export const DEFAULT_KNOWLEDGE_DIR = new URL('../knowledge/', import.meta.url).pathname;

/** Reads every table; a broken knowledge file is a developer error, so this throws with the file named. */
export function loadKnowledge(dir = DEFAULT_KNOWLEDGE_DIR): Knowledge {
  const knowledge = {} as Record<KnowledgeTable, unknown>;
  for (const table of KNOWLEDGE_TABLES) {
    const file = join(dir, `${table}.yaml`);
    let data: unknown;
    try {
      data = parseYamlCached(readFileSync(file, 'utf8'), table);
    } catch (e) {
      throw new Error(`${file}: cannot read the knowledge table (${(e as Error).message})`, { cause: e });
    }
    const problems = checkTable(table, data);
    if (problems.length) throw new Error(`${file}: ${problems.slice(0, 5).join('; ')}`);
    knowledge[table] = data;
  }
  return knowledge as unknown as Knowledge;
}

// ------------------------------------------------------------------------------------------------ parse cache

/**
 * Parsing the knowledge YAML (200 KB) takes longer than compiling hundreds of articles, and it rarely changes, so
 * each table's parse result is kept as JSON in node_modules/.cache, named by a hash of the YAML text and the yaml
 * package's version: an edited table or an upgraded parser is simply a cache miss. A result is only cached when
 * JSON reproduces it exactly (same keys, order and values). Any problem with the cache (read-only folder, broken
 * file) falls back to parsing: the cache can make loading faster, never different.
 */
const CACHE_DIR = new URL('../../node_modules/.cache/contact-timeline/', import.meta.url).pathname;
const CACHE_FORMAT = 1;

let parserVersion: string | null | undefined;
function yamlVersion(): string | null {
  if (parserVersion === undefined) {
    try {
      const entry = createRequire(import.meta.url).resolve('yaml');
      const manifest = JSON.parse(readFileSync(join(dirname(entry), '..', 'package.json'), 'utf8')) as {
        version?: string;
      };
      parserVersion = manifest.version ?? null;
    } catch {
      parserVersion = null;
    }
  }
  return parserVersion;
}

export function parseYamlCached(text: string, name: string): unknown {
  const version = yamlVersion();
  if (version === null) return parse(text);
  const hash = createHash('sha256').update(`${CACHE_FORMAT}\0${version}\0${text}`).digest('hex').slice(0, 32);
  const prefix = `${name.replace(/[^A-Za-z0-9_-]/g, '_')}-`;
  const file = join(CACHE_DIR, `${prefix}${hash}.json`);
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    // not cached yet (or unreadable): parse below
  }
  const data: unknown = parse(text);
  try {
    const json = JSON.stringify(data);
    if (json !== undefined && isDeepStrictEqual(JSON.parse(json), data)) {
      mkdirSync(CACHE_DIR, { recursive: true });
      // The table's older versions are stale now.
      for (const old of readdirSync(CACHE_DIR))
        if (old.startsWith(prefix) && old.endsWith('.json')) rmSync(join(CACHE_DIR, old), { force: true });
      const temp = `${file}.${process.pid}.tmp`;
      writeFileSync(temp, json);
      renameSync(temp, file);
    }
  } catch {
    // a cache that cannot be written only costs speed
  }
  return data;
}

function checkTable(table: KnowledgeTable, data: unknown): string[] {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return ['expected a mapping of key → entry'];
  const problems: string[] = [];
  for (const [key, raw] of Object.entries(data)) {
    const e = raw as Partial<PersonEntry> | null;
    if (!e || typeof e !== 'object') problems.push(`${key}: expected a mapping`);
    else if (typeof e.name !== 'string') problems.push(`${key}: missing name`);
    else if (!Array.isArray(e.aliases)) problems.push(`${key}: missing aliases list`);
    else if (table === 'people' && !Array.isArray(e.roles)) problems.push(`${key}: missing roles list`);
    if (e && typeof e === 'object') e.labels ??= {};
  }
  return problems;
}

/** People who held `role` for `country` on `date` (ISO at any precision; a month or year counts if it overlaps). */
export function holdersOf(knowledge: Knowledge, role: string, country: string, date: string): string[] {
  const holders: string[] = [];
  for (const [key, person] of Object.entries(knowledge.people)) {
    if (person.roles.some((r) => r.role === role && r.country === country && overlaps(r, date))) holders.push(key);
  }
  return holders.sort();
}

/** Roles a person held on a date. */
export function rolesAt(person: Pick<PersonEntry, 'roles'>, date: string): DatedRole[] {
  return person.roles.filter((r) => overlaps(r, date));
}

function overlaps(role: DatedRole, date: string): boolean {
  // Compare as strings at the date's own precision: "2023-07" overlaps a role that ended 2023-07-25.
  const from = role.from ? String(role.from).slice(0, date.length) : null;
  const to = role.to ? String(role.to).slice(0, date.length) : null;
  return (from === null || from <= date) && (to === null || date <= to);
}
