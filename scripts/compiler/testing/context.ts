/**
 * Test helpers: the real knowledge base and cues (loaded once per test file) and a one-call compile of in-memory
 * articles, so rule tests read as "this text → these facts".
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import type { ContactEvent, Dataset } from '../../../src/lib/dataset/types.ts';
import { compileSeeds, createContext, type CompileResult } from '../compile.ts';
import type { ExtractorContext } from '../extract.ts';
import { DEFAULT_KNOWLEDGE_DIR, loadKnowledge, type KnowledgeEntry } from '../knowledge.ts';

let cached: ExtractorContext | null = null;

export function testContext(): ExtractorContext {
  if (!cached) {
    const cues = parse(readFileSync(join(DEFAULT_KNOWLEDGE_DIR, 'cues.yaml'), 'utf8')) as Record<
      string,
      KnowledgeEntry
    >;
    cached = createContext(loadKnowledge(), cues);
  }
  return cached;
}

export interface TestArticle {
  file: string;
  text: string | Uint8Array;
  sidecar?: string;
}

export function compileTexts(articles: TestArticle[]): CompileResult {
  return compileSeeds(
    articles.map((a) => ({
      file: a.file,
      bytes: typeof a.text === 'string' ? new TextEncoder().encode(a.text) : a.text,
      ...(a.sidecar ? { sidecar: { file: a.file.replace(/\.txt$/, '.meta.yaml'), text: a.sidecar } } : {}),
    })),
    testContext(),
  );
}

/** The event an article reports as its news, or undefined. */
export function reportedOf(dataset: Dataset, file: string): ContactEvent | undefined {
  const doc = dataset.documents.find((d) => d.file === file);
  return dataset.events.find((e) => e.sources.some((s) => s.document === doc?.id && s.status === 'reported'));
}

/** Events an article presents with a given status (recalled, announced), whatever other sources say. */
export function eventsOf(dataset: Dataset, file: string, status: ContactEvent['status']): ContactEvent[] {
  const doc = dataset.documents.find((d) => d.file === file);
  return dataset.events.filter((e) => e.sources.some((s) => s.document === doc?.id && s.status === status));
}

/** The text an evidence span points at. */
export function spanText(dataset: Dataset, document: string, span: [number, number]): string {
  return dataset.documents.find((d) => d.id === document)!.text.slice(span[0], span[1]);
}
