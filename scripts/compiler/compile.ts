/**
 * Seeds in, dataset out: decode → header and sidecar → extract per article → merge across articles → entities,
 * titles, ids → validated Dataset. Pure (bytes and texts in, data out) so it is tested without a disk; the CLI in
 * scripts/build-data.ts does the I/O. A broken article never stops the others: its problem becomes a message.
 */
import {
  SCHEMA_VERSION,
  type ContactEvent,
  type DatedRole,
  type Dataset,
  type Entity,
  type EntityTables,
  type SourceDocument,
} from '../../src/lib/dataset/types.ts';
import { validateDataset } from '../../src/lib/dataset/validate.ts';
import { AliasIndex, knowledgeAliasSources, type AliasSource } from './aliases.ts';
import type { PartialDate } from './dates.ts';
import { findDatelineAt, refines } from './dateline.ts';
import { decodeSeed } from './decode.ts';
import {
  extractArticle,
  slug,
  type AdHocForum,
  type ArticleExtraction,
  type CandidateEvent,
  type ExtractorContext,
} from './extract.ts';
import { parseHeader, publisherFromUrl } from './header.ts';
import type { Knowledge, KnowledgeEntry } from './knowledge.ts';
import { detectLanguage } from './language.ts';
import { cmp, dateKey, mergeCandidates } from './merge.ts';
import { parseSidecar, type Sidecar } from './sidecar.ts';
import { buildTitles } from './titles.ts';

export const DATASET_TITLE = 'Russia–China diplomatic contacts';
/** Longest article text analysed (characters); see compileOne. */
export const MAX_ARTICLE_CHARS = 1_000_000;
/** U+202A–U+202E: embeddings and overrides. */
const BIDI_CONTROLS = /[\u202a-\u202e]/g;
export const DATASET_TITLES = { de: 'Diplomatische Kontakte Russland–China', en: DATASET_TITLE };

export interface SeedFile {
  /** Path relative to the seeds folder, forward slashes. */
  file: string;
  bytes: Uint8Array;
  sidecar?: { file: string; text: string };
}

export interface FileReport {
  file: string;
  relevant: boolean;
  events: number;
  warnings: string[];
  errors: string[];
}

export interface CompileResult {
  dataset: Dataset;
  files: FileReport[];
  /** Problems a `--strict` build fails on (unreadable articles, invalid sidecars, schema violations). */
  errors: string[];
}

/** Builds the alias indexes once; reuse the context for every compile of a session. */
export function createContext(knowledge: Knowledge, cues: Record<string, KnowledgeEntry>): ExtractorContext {
  const cueSources: AliasSource[] = Object.entries(cues).map(([id, entry]) => ({
    table: id,
    id,
    entry: { ...entry, labels: {}, name: '' },
  }));
  return { knowledge, entities: new AliasIndex(knowledgeAliasSources(knowledge)), cues: new AliasIndex(cueSources) };
}

export interface CompileOptions {
  /** Called after each article, for a progress bar. */
  onProgress?: (done: number, total: number) => void;
}

export function compileSeeds(seeds: SeedFile[], ctx: ExtractorContext, options: CompileOptions = {}): CompileResult {
  const files = [...seeds].sort((a, b) => cmp(a.file, b.file));
  const documents: SourceDocument[] = [];
  const reports: FileReport[] = [];
  const candidates: CandidateEvent[] = [];
  const adHocForums: Record<string, AdHocForum> = {};
  const usedIds = new Set<string>();

  for (const seed of files) {
    const report: FileReport = { file: seed.file, relevant: false, events: 0, warnings: [], errors: [] };
    reports.push(report);
    const id = uniqueId(documentId(seed.file), usedIds);
    const doc: SourceDocument = {
      id,
      file: seed.file,
      language: 'und',
      relevant: false,
      events: [],
      warnings: report.warnings,
      text: '',
    };
    documents.push(doc);
    try {
      const extraction = compileOne(seed, doc, report, ctx);
      if (!extraction) continue;
      Object.assign(adHocForums, extraction.adHocForums);
      candidates.push(...extraction.events);
    } catch (e) {
      // A bug or a pathological input in one article must not cost the others.
      const message = `${seed.file}: could not be analysed (${(e as Error).message}); the article is listed without events. Please report this file.`;
      report.errors.push(message);
      doc.relevant = false;
      doc.reason = 'The article could not be analysed.';
    }
    options.onProgress?.(reports.length, files.length);
  }

  const groups = mergeCandidates(candidates, { countryOf: (p) => ctx.knowledge.people[p]?.country });
  const events = finishEvents(groups, ctx.knowledge, adHocForums);
  const documentById = firstBy(documents, (d) => d.id);
  for (const event of events)
    for (const source of event.sources) {
      const doc = documentById.get(source.document);
      if (doc && !doc.events.includes(event.id)) doc.events.push(event.id);
    }
  const reportByFile = firstBy(reports, (r) => r.file);
  for (const doc of documents) {
    const report = reportByFile.get(doc.file)!;
    report.relevant = doc.relevant;
    report.events = doc.events.length;
  }

  const dataset: Dataset = {
    schemaVersion: SCHEMA_VERSION,
    title: DATASET_TITLE,
    titles: DATASET_TITLES,
    dataDate: documents.map((d) => d.date ?? '').reduce((a, b) => (b > a ? b : a), '') || null,
    events,
    documents,
    entities: collectEntities(events, ctx.knowledge, adHocForums),
  };
  const { errors } = validateDataset(dataset);
  return {
    dataset,
    files: reports,
    errors: [
      ...reports.flatMap((r) => r.errors),
      ...errors.map((e) => `dataset: ${e} (a compiler bug: please report it)`),
    ],
  };
}

function compileOne(
  seed: SeedFile,
  doc: SourceDocument,
  report: FileReport,
  ctx: ExtractorContext,
): ArticleExtraction | null {
  const decoded = decodeSeed(seed.bytes);
  report.warnings.push(...decoded.warnings.map((w) => `${seed.file}: ${w}`));
  // Bidi override and embedding controls can make published text read differently from what it says; isolates and
  // marks (which only fix display) are kept. Removed before anything else, so every span points into this text.
  const bidi = decoded.text.match(BIDI_CONTROLS)?.length ?? 0;
  if (bidi) {
    decoded.text = decoded.text.replace(BIDI_CONTROLS, '');
    report.warnings.push(
      `${seed.file}: removed ${bidi} bidirectional override character(s) that could disguise the text; check the article's source.`,
    );
  }
  // News articles are a few kilobytes; a file of megabytes is a dump or a mistake. Analysing (and publishing) all of
  // it would make the build and the page slow, so only the first part is used, at a paragraph break.
  if (decoded.text.length > MAX_ARTICLE_CHARS) {
    const cut = decoded.text.lastIndexOf('\n', MAX_ARTICLE_CHARS);
    const kept = cut > MAX_ARTICLE_CHARS / 2 ? cut : MAX_ARTICLE_CHARS;
    report.warnings.push(
      `${seed.file}: the file has ${decoded.text.length.toLocaleString('en')} characters; only the first ${kept.toLocaleString('en')} were analysed. Split it into one file per article.`,
    );
    decoded.text = decoded.text.slice(0, kept);
  }
  doc.text = decoded.text;
  if (decoded.binary || decoded.text.trim() === '') {
    doc.reason = decoded.binary ? 'Not a text file.' : 'The file is empty.';
    if (!decoded.binary)
      report.warnings.push(`${seed.file}: the file is empty; add the article text or delete the file.`);
    return null;
  }

  let sidecar: Sidecar = {};
  if (seed.sidecar) {
    const parsed = parseSidecar(seed.sidecar.text, seed.sidecar.file);
    sidecar = parsed.sidecar;
    report.errors.push(...parsed.errors);
    report.warnings.push(...parsed.warnings);
  }
  const header = parseHeader(decoded.text);
  report.warnings.push(...(header?.warnings ?? []).map((w) => `${seed.file}:${w}`));

  let reference: PartialDate | null = sidecar.date ?? header?.date ?? null;
  let referenceBasis: 'header' | 'sidecar' | 'text' = sidecar.date ? 'sidecar' : 'header';
  let referenceSpan: [number, number] | null = !sidecar.date && header?.date ? header.span : null;
  const url = sidecar.url ?? header?.url;
  const bodyStart = header?.bodyStart ?? 0;
  doc.language = sidecar.language ?? detectLanguage(decoded.text.slice(bodyStart));
  const language = doc.language === 'en' || doc.language === 'ru' ? doc.language : 'de';
  const dateline = findDatelineAt(decoded.text, bodyStart, reference, language);
  if (dateline?.date && refines(dateline.date, reference)) {
    reference = dateline.date;
    referenceBasis = 'text';
    referenceSpan = dateline.span;
  }
  if (url) doc.url = url;
  const publisher = sidecar.publisher ?? publisherFromUrl(url);
  if (publisher) doc.publisher = publisher;
  if (reference) doc.date = reference.start;

  const extraction = extractArticle(
    {
      documentId: doc.id,
      text: decoded.text,
      bodyStart,
      language: doc.language,
      reference,
      referenceBasis,
      referenceSpan,
      datelineSpan: dateline?.span ?? null,
    },
    ctx,
  );
  applySidecar(extraction, sidecar, seed.file, report, ctx.knowledge);
  doc.relevant = extraction.relevant;
  if (extraction.reason) doc.reason = extraction.reason;
  const reported = extraction.events.find((e) => e.status === 'reported');
  if (reported && reported.date.precision === 'unknown')
    report.warnings.push(
      `${seed.file}: the reported contact has no date (none in the text, no header, no sidecar); add "date: YYYY-MM-DD" to ${sidecarName(seed.file)}.`,
    );
  return extraction;
}

/** Curator corrections win over extraction; each is checked against the knowledge base. */
function applySidecar(
  extraction: ArticleExtraction,
  sidecar: Sidecar,
  file: string,
  report: FileReport,
  knowledge: Knowledge,
) {
  if (sidecar.relevant !== undefined) {
    extraction.relevant = sidecar.relevant;
    if (sidecar.relevant) delete extraction.reason;
    else extraction.reason = sidecar.reason ?? 'Marked as not relevant by a curator.';
    if (!sidecar.relevant) extraction.events = extraction.events.filter((e) => e.status !== 'reported');
  }
  const fix = sidecar.reported;
  if (!fix) return;
  const reported = extraction.events.find((e) => e.status === 'reported');
  if (!reported) {
    report.warnings.push(
      `${sidecarName(file)}: "reported" corrections were ignored because no reported contact was found; check the article or set "relevant".`,
    );
    return;
  }
  const known = (table: 'people' | 'places' | 'forums' | 'topics', key: string) => {
    const ok =
      Object.hasOwn(knowledge[table], key) || (table === 'forums' && Object.hasOwn(extraction.adHocForums, key));
    if (!ok)
      report.warnings.push(
        `${sidecarName(file)}: reported ${table} key "${key}" is not in scripts/knowledge/${table}.yaml; add it there first.`,
      );
    return ok;
  };
  if (fix.kind) reported.kind = fix.kind;
  if (fix.date)
    reported.date = {
      start: fix.date.start,
      ...(fix.date.end ? { end: fix.date.end } : {}),
      precision: fix.date.precision,
      basis: 'sidecar',
    };
  if (fix.place !== undefined && (fix.place === null || known('places', fix.place))) reported.place = fix.place;
  if (fix.forum !== undefined && (fix.forum === null || known('forums', fix.forum))) reported.forum = fix.forum;
  if (fix.participants) reported.participants = fix.participants.filter((p) => known('people', p));
  if (fix.topics) reported.topics = fix.topics.filter((t) => known('topics', t));
}

function finishEvents(
  groups: ReturnType<typeof mergeCandidates>,
  knowledge: Knowledge,
  adHoc: Record<string, AdHocForum>,
): ContactEvent[] {
  const label = (table: 'people' | 'places' | 'forums', key: string, lang: string) => {
    const e: KnowledgeEntry | undefined =
      (knowledge[table] as Record<string, KnowledgeEntry>)[key] ?? (table === 'forums' ? adHoc[key] : undefined);
    const short = table === 'forums' ? (e?.short as Record<string, string> | undefined)?.[lang] : undefined;
    return short ?? e?.labels?.[lang] ?? e?.name ?? key;
  };
  const drafts = groups.map((g) => {
    const e = g.event;
    const titles = buildTitles(e, label);
    return {
      ...e,
      participants: [...e.participants].sort(),
      titles,
      title: titles.en ?? '',
      related: [] as string[],
      members: g.members,
    };
  });
  drafts.sort(
    (a, b) =>
      cmp(dateKey(a.date), dateKey(b.date)) ||
      cmp(a.kind, b.kind) ||
      cmp(a.participants.join(), b.participants.join()) ||
      cmp(a.place ?? '', b.place ?? '') ||
      cmp(a.sources[0]!.document, b.sources[0]!.document),
  );
  const used = new Set<string>();
  const events: ContactEvent[] = drafts.map((d) => {
    const base = [d.date.start ?? 'undated', d.kind, ...d.participants.slice(0, 3), d.place ?? d.forum ?? '']
      .filter(Boolean)
      .join('-');
    const id = uniqueId(slug(base), used);
    const { members: _members, ...event } = d;
    event.sources.sort((a, b) => cmp(a.document, b.document));
    return { id, ...event };
  });
  // Contacts from one article are related: the meeting and the summit it recalls, the visit it announces.
  const byDocument = new Map<string, string[]>();
  for (const e of events)
    for (const s of e.sources) byDocument.set(s.document, [...(byDocument.get(s.document) ?? []), e.id]);
  for (const e of events) {
    const related = new Set<string>();
    for (const s of e.sources)
      for (const other of byDocument.get(s.document) ?? []) if (other !== e.id) related.add(other);
    e.related = [...related].sort();
  }
  return events;
}

function collectEntities(
  events: ContactEvent[],
  knowledge: Knowledge,
  adHoc: Record<string, AdHocForum>,
): EntityTables {
  const tables: EntityTables & { roles: Record<string, Entity> } = {
    people: {},
    places: {},
    forums: {},
    topics: {},
    institutions: {},
    roles: {},
  };
  const take = (table: keyof EntityTables, key: string | null) => {
    if (!key || tables[table][key]) return;
    const source: KnowledgeEntry | undefined =
      (knowledge[table] as Record<string, KnowledgeEntry>)[key] ?? (table === 'forums' ? adHoc[key] : undefined);
    if (!source) return;
    const { aliases, labels, name, shortNames: _s, contextAliases: _c, context: _x, ...rest } = source;
    // Roles travel with their lane level, so the app can sort people into levels without the knowledge base.
    if (table === 'people' && Array.isArray(rest.roles))
      rest.roles = (rest.roles as DatedRole[]).map((r) => ({ ...r, level: knowledge.roles[r.role]?.level ?? 'other' }));
    tables[table][key] = {
      name,
      labels: { ...labels },
      aliases: [...new Set((aliases ?? []).map(String))].sort(cmp),
      ...rest,
    } as Entity;
  };
  for (const e of events) {
    e.participants.forEach((p) => take('people', p));
    take('places', e.place);
    take('forums', e.forum);
    e.forumsMentioned.forEach((f) => take('forums', f));
    e.topics.forEach((t) => take('topics', t));
    e.quotes.forEach((q) => {
      if (q.speaker) {
        take('people', q.speaker);
        take('institutions', q.speaker);
      }
    });
  }
  // The offices people held, so the app can say "Außenminister" and "Foreign Minister" without the knowledge base.
  tables.roles = {};
  for (const person of Object.values(tables.people))
    for (const r of (person.roles as DatedRole[] | undefined) ?? []) {
      const role = knowledge.roles[r.role];
      if (role && !tables.roles[r.role])
        tables.roles[r.role] = { name: role.name, labels: { ...role.labels }, aliases: [], level: role.level };
    }
  // Sorted keys: the JSON must not depend on the order events were seen in.
  for (const table of Object.keys(tables) as (keyof EntityTables)[])
    tables[table] = Object.fromEntries(Object.entries(tables[table]).sort(([a], [b]) => cmp(a, b)));
  return tables;
}

/** Items by key, the first one winning like `Array.find` would (a lookup per item must not scan them all). */
function firstBy<T>(items: T[], key: (item: T) => string): Map<string, T> {
  const map = new Map<string, T>();
  for (const item of items) if (!map.has(key(item))) map.set(key(item), item);
  return map;
}

/** The document id is the file name without extension, made URL-safe. */
export function documentId(file: string): string {
  return (
    file
      .replace(/\.[^./]+$/, '')
      .replace(/[^A-Za-z0-9_-]+/g, '-')
      .replace(/^-+|-+$/g, '') || 'document'
  );
}

function uniqueId(base: string, used: Set<string>): string {
  let id = base;
  for (let n = 2; used.has(id); n++) id = `${base}-${n}`;
  used.add(id);
  return id;
}

function sidecarName(file: string): string {
  return file.replace(/\.[^./]+$/, '') + '.meta.yaml';
}
