/**
 * `npm run eval -- [--set DIR] [--json FILE] [--verbose]`: measures the compiler on a hand-made evaluation set
 * (default tests/fixtures/eval: articles + expected.yaml, written without looking at the compiler's rules).
 * For each relevant article it scores the reported contact's date, place, participants, forum and kind; for each
 * irrelevant one, whether it was flagged. Prints a table and the field accuracy.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import type { ContactEvent, Dataset } from '../src/lib/dataset/types.ts';
import { compileSeeds, createContext } from './compiler/compile.ts';
import { slug } from './compiler/extract.ts';
import { DEFAULT_KNOWLEDGE_DIR, loadKnowledge, type KnowledgeEntry } from './compiler/knowledge.ts';
import { readSeeds } from './seeds-reader.ts';

interface ExpectedDate {
  start: string | null;
  end?: string;
  precision: string;
}
interface ExpectedEvent {
  kind: string;
  date: ExpectedDate;
  place: string | null;
  participants: string[];
  forum?: string | null;
}
interface Expected {
  relevant: boolean;
  reported?: ExpectedEvent;
  accept_also?: { kind?: string[]; forum?: (string | null)[] };
  merge_group?: string;
}

export const FIELDS = ['date', 'place', 'participants', 'forum', 'kind'] as const;
type Field = (typeof FIELDS)[number];

export interface EvalResult {
  articles: number;
  relevantArticles: number;
  irrelevantArticles: number;
  irrelevantFlagged: number;
  relevantRecognised: number;
  fieldsCorrect: Record<Field, number>;
  fieldAccuracy: number;
  mergeGroups: { group: string; merged: boolean }[];
  misses: string[];
}

export function evaluate(dataset: Dataset, expected: Record<string, Expected>): EvalResult {
  const fieldsCorrect = Object.fromEntries(FIELDS.map((f) => [f, 0])) as Record<Field, number>;
  const misses: string[] = [];
  let irrelevantFlagged = 0;
  let relevantRecognised = 0;
  const reportedOf = new Map<string, ContactEvent>();
  for (const [file, want] of Object.entries(expected)) {
    const doc = dataset.documents.find((d) => d.file === file);
    if (!doc) {
      misses.push(`${file}: not compiled`);
      continue;
    }
    if (!want.relevant) {
      if (!doc.relevant) irrelevantFlagged++;
      else misses.push(`${file}: should be irrelevant`);
      continue;
    }
    if (doc.relevant) relevantRecognised++;
    else misses.push(`${file}: should be relevant (${doc.reason})`);
    const event = dataset.events.find((e) => e.sources.some((s) => s.document === doc.id && s.status === 'reported'));
    const exp = want.reported!;
    if (event) reportedOf.set(file, event);
    const check = (field: Field, ok: boolean, got: unknown, wanted: unknown) => {
      if (ok) fieldsCorrect[field]++;
      else misses.push(`${file}: ${field} ${JSON.stringify(got)} ≠ ${JSON.stringify(wanted)}`);
    };
    const d = event?.date;
    check(
      'date',
      !!d &&
        d.start === exp.date.start &&
        d.precision === exp.date.precision &&
        (d.end ?? null) === (exp.date.end ?? null),
      d && { start: d.start, end: d.end, precision: d.precision },
      exp.date,
    );
    // Expected places are slugs of English names ("st-petersburg"); the knowledge base may key them otherwise
    // ("saint-petersburg"), so a slug of any of the entity's spellings counts.
    const placeEntity = event?.place ? dataset.entities.places[event.place] : undefined;
    const placeSlugs = new Set([
      event?.place ?? null,
      ...[placeEntity?.name ?? '', ...(placeEntity?.aliases ?? [])].map(slug),
    ]);
    check('place', placeSlugs.has(exp.place), event?.place ?? null, exp.place);
    const got = [...(event?.participants ?? [])].sort();
    check('participants', JSON.stringify(got) === JSON.stringify([...exp.participants].sort()), got, exp.participants);
    const forums = [exp.forum ?? null, ...(want.accept_also?.forum ?? [])];
    check('forum', forums.includes(event?.forum ?? null), event?.forum ?? null, exp.forum ?? null);
    const kinds = [exp.kind, ...(want.accept_also?.kind ?? [])];
    check('kind', !!event && kinds.includes(event.kind), event?.kind, exp.kind);
  }
  const groups = new Map<string, string[]>();
  for (const [file, want] of Object.entries(expected))
    if (want.merge_group) groups.set(want.merge_group, [...(groups.get(want.merge_group) ?? []), file]);
  const mergeGroups = [...groups].map(([group, files]) => {
    const ids = new Set(files.map((f) => reportedOf.get(f)?.id ?? `missing:${f}`));
    return { group, merged: ids.size === 1 };
  });
  const relevantArticles = Object.values(expected).filter((e) => e.relevant).length;
  const total = relevantArticles * FIELDS.length;
  const correct = Object.values(fieldsCorrect).reduce((a, b) => a + b, 0);
  return {
    articles: Object.keys(expected).length,
    relevantArticles,
    irrelevantArticles: Object.keys(expected).length - relevantArticles,
    irrelevantFlagged,
    relevantRecognised,
    fieldsCorrect,
    fieldAccuracy: total ? correct / total : 1,
    mergeGroups,
    misses,
  };
}

function main() {
  const args = process.argv.slice(2);
  const setDir = args.includes('--set') ? args[args.indexOf('--set') + 1]! : 'tests/fixtures/eval';
  const jsonOut = args.includes('--json') ? args[args.indexOf('--json') + 1] : undefined;
  const knowledge = loadKnowledge();
  const cues = parse(readFileSync(join(DEFAULT_KNOWLEDGE_DIR, 'cues.yaml'), 'utf8')) as Record<string, KnowledgeEntry>;
  const { seeds } = readSeeds(setDir);
  const { dataset } = compileSeeds(seeds, createContext(knowledge, cues));
  const expected = parse(readFileSync(join(setDir, 'expected.yaml'), 'utf8')) as Record<string, Expected>;
  const r = evaluate(dataset, expected);
  console.log(`| field | correct | of | accuracy |\n|---|---|---|---|`);
  for (const f of FIELDS)
    console.log(
      `| ${f} | ${r.fieldsCorrect[f]} | ${r.relevantArticles} | ${pct(r.fieldsCorrect[f] / r.relevantArticles)} |`,
    );
  console.log(`| **all fields** | | | **${pct(r.fieldAccuracy)}** |`);
  console.log(`\nrelevant articles recognised: ${r.relevantRecognised}/${r.relevantArticles}`);
  console.log(`irrelevant articles flagged: ${r.irrelevantFlagged}/${r.irrelevantArticles}`);
  console.log(`merge groups merged: ${r.mergeGroups.filter((g) => g.merged).length}/${r.mergeGroups.length}`);
  if (args.includes('--verbose') || r.misses.length)
    console.log(`\nmisses:\n${r.misses.map((m) => `- ${m}`).join('\n')}`);
  if (jsonOut) writeFileSync(jsonOut, `${JSON.stringify(r, null, 2)}\n`);
}

const pct = (x: number) => `${(x * 100).toFixed(1)} %`;

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop()!)) main();
