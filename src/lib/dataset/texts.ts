/**
 * Article texts and evidence on demand. The dataset file keeps only a `textFile` per document (a per-year chunk beside
 * it, see scripts/dataset-files.ts) and leaves the evidence of the sources citing it to that chunk, so the first view
 * never waits for either; the detail panel asks `documentOf` when it shows evidence. Each chunk is fetched and validated once and cached; a failed fetch is forgotten so opening the contact
 * again retries. Inline texts and evidence (the single-file edition, tests) are answered without any request.
 */
import type { DocumentRecord, Evidence, StoredDataset, TextChunk } from './types.ts';
import { chunkExpectations, validateTextChunk } from './validate-chunk.ts';

export type TextFailureReason = 'network' | 'http' | 'json' | 'schema' | 'origin';

/** Why a chunk could not be used, with the chunk's address in `message`. */
export class TextLoadError extends Error {
  constructor(
    readonly reason: TextFailureReason,
    readonly url: string,
    detail: string,
  ) {
    super(`${url}: ${detail}`);
    this.name = 'TextLoadError';
  }
}

/** What the detail panel shows of one document: its text and, per event citing it, the evidence pointing into it. */
export interface DocumentContent {
  text: string;
  /** Event id → that event's evidence from this document (spans into `text`); absent = none. */
  evidence: Readonly<Record<string, readonly Evidence[]>>;
}

export interface TextSource {
  /** The document's text and evidence; null for an unknown document. Rejects with a TextLoadError when its chunk cannot be used. */
  documentOf(documentId: string): Promise<DocumentContent | null>;
  /** The same when it is at hand without waiting (inline or already fetched), else undefined. */
  peek(documentId: string): DocumentContent | undefined;
}

export interface TextSourceOptions {
  fetch?: typeof fetch;
  /** What a relative dataset URL is resolved against: the page (`document.baseURI`) unless given. */
  base?: string;
}

/** The part of a (stored) dataset a text source reads. */
export type TextSourceDataset = Pick<StoredDataset, 'documents' | 'events'>;

export function createTextSource(
  datasetUrl: string,
  dataset: TextSourceDataset,
  options: TextSourceOptions = {},
): TextSource {
  const fetchFn = options.fetch ?? ((input, init) => fetch(input, init));
  const base = options.base ?? (typeof document !== 'undefined' ? document.baseURI : 'http://localhost/');
  const byId = new Map(dataset.documents.map((d) => [d.id, d]));
  // Built on first use, not at start-up: one pass over every event, which the first view need not wait for.
  /** What each chunk must hold (its documents' texts, the evidence the dataset file left to it). */
  let expected: Map<string, Map<string, string[]>> | undefined;
  /** Evidence the dataset file keeps inline (documents with inline texts), by document and event id. */
  let inlineEvidence: Map<string, Record<string, Evidence[]>> | undefined;
  const pending = new Map<string, Promise<TextChunk>>();
  const loaded = new Map<string, TextChunk>();
  const contents = new Map<string, DocumentContent>();

  function inlineEvidenceOf(documentId: string): Record<string, Evidence[]> | undefined {
    if (!inlineEvidence) {
      inlineEvidence = new Map();
      for (const e of dataset.events)
        for (const s of e.sources)
          if (s.evidence !== undefined) {
            const byEvent = inlineEvidence.get(s.document) ?? {};
            byEvent[e.id] = s.evidence;
            inlineEvidence.set(s.document, byEvent);
          }
    }
    return inlineEvidence.get(documentId);
  }

  /** The document's content from its text and chunk (if any), made once so the panel gets the same object. */
  function contentOf(doc: DocumentRecord, text: string, chunk?: TextChunk): DocumentContent {
    let content = contents.get(doc.id);
    if (!content) {
      const inline = inlineEvidenceOf(doc.id);
      const fromChunk = chunk?.evidence[doc.id];
      content = { text, evidence: fromChunk && inline ? { ...fromChunk, ...inline } : (inline ?? fromChunk ?? {}) };
      contents.set(doc.id, content);
    }
    return content;
  }

  function chunk(file: string): Promise<TextChunk> {
    let promise = pending.get(file);
    if (!promise) {
      promise = fetchChunk(file).then(
        (data) => {
          loaded.set(file, data);
          return data;
        },
        (e: unknown) => {
          pending.delete(file); // try again next time
          throw e;
        },
      );
      pending.set(file, promise);
    }
    return promise;
  }

  async function fetchChunk(file: string): Promise<TextChunk> {
    const page = new URL(base);
    const url = new URL(file, new URL(datasetUrl, page));
    // The validator allows only plain relative paths; this is the belt to those braces.
    if (url.origin !== page.origin)
      throw new TextLoadError('origin', url.href, 'refusing to fetch article texts from another origin');
    let response: Response;
    try {
      response = await fetchFn(url.href, { cache: 'no-cache' });
    } catch (e) {
      throw new TextLoadError('network', url.href, e instanceof Error ? e.message : String(e));
    }
    if (!response.ok)
      throw new TextLoadError('http', url.href, `${response.status} ${response.statusText}`.trim() || 'HTTP error');
    let data: unknown;
    try {
      data = JSON.parse(await response.text());
    } catch (e) {
      throw new TextLoadError('json', url.href, e instanceof Error ? e.message : String(e));
    }
    expected ??= chunkExpectations(dataset);
    const { errors } = validateTextChunk(data, expected.get(file) ?? []);
    if (errors.length) throw new TextLoadError('schema', url.href, errors.slice(0, 3).join('; '));
    return data as TextChunk;
  }

  return {
    peek(documentId) {
      const doc = byId.get(documentId);
      if (!doc) return undefined;
      if (doc.text !== undefined) return contentOf(doc, doc.text);
      const data = doc.textFile === undefined ? undefined : loaded.get(doc.textFile);
      const text = data?.texts[documentId];
      return text === undefined ? undefined : contentOf(doc, text, data);
    },
    async documentOf(documentId) {
      const doc = byId.get(documentId);
      if (!doc) return null;
      if (doc.text !== undefined) return contentOf(doc, doc.text);
      if (doc.textFile === undefined) return null;
      const data = await chunk(doc.textFile);
      const text = data.texts[documentId];
      return text === undefined ? null : contentOf(doc, text, data);
    },
  };
}
