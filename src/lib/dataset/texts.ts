/**
 * Article texts on demand. The dataset file keeps only a `textFile` per document (a per-year chunk beside it, see
 * scripts/dataset-files.ts), so the first view never waits for texts; the detail panel asks `textOf` when it shows
 * evidence. Each chunk is fetched and validated once and cached; a failed fetch is forgotten so opening the contact
 * again retries. Inline texts (the single-file edition, tests) are answered without any request.
 */
import type { DocumentRecord } from './types.ts';
import { validateTextChunk } from './validate.ts';

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

export interface TextSource {
  /** The document's text; null for an unknown document. Rejects with a TextLoadError when its chunk cannot be used. */
  textOf(documentId: string): Promise<string | null>;
  /** The text when it is at hand without waiting (inline or already fetched), else undefined. */
  peek(documentId: string): string | undefined;
}

export interface TextSourceOptions {
  fetch?: typeof fetch;
  /** What a relative dataset URL is resolved against: the page (`document.baseURI`) unless given. */
  base?: string;
}

export function createTextSource(
  datasetUrl: string,
  dataset: { documents: readonly DocumentRecord[] },
  options: TextSourceOptions = {},
): TextSource {
  const fetchFn = options.fetch ?? ((input, init) => fetch(input, init));
  const base = options.base ?? (typeof document !== 'undefined' ? document.baseURI : 'http://localhost/');
  const byId = new Map(dataset.documents.map((d) => [d.id, d]));
  /** Document ids per chunk path, so a chunk is checked to hold every text the dataset file says it holds. */
  const idsOf = new Map<string, string[]>();
  for (const d of dataset.documents)
    if (d.textFile !== undefined) {
      const ids = idsOf.get(d.textFile);
      if (ids) ids.push(d.id);
      else idsOf.set(d.textFile, [d.id]);
    }
  const pending = new Map<string, Promise<Record<string, string>>>();
  const loaded = new Map<string, Record<string, string>>();

  function chunk(file: string): Promise<Record<string, string>> {
    let promise = pending.get(file);
    if (!promise) {
      promise = fetchChunk(file).then(
        (texts) => {
          loaded.set(file, texts);
          return texts;
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

  async function fetchChunk(file: string): Promise<Record<string, string>> {
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
    const { errors } = validateTextChunk(data, idsOf.get(file) ?? []);
    if (errors.length) throw new TextLoadError('schema', url.href, errors.slice(0, 3).join('; '));
    return (data as { texts: Record<string, string> }).texts;
  }

  return {
    peek(documentId) {
      const doc = byId.get(documentId);
      if (!doc) return undefined;
      if (doc.text !== undefined) return doc.text;
      return doc.textFile === undefined ? undefined : loaded.get(doc.textFile)?.[documentId];
    },
    async textOf(documentId) {
      const doc = byId.get(documentId);
      if (!doc) return null;
      if (doc.text !== undefined) return doc.text;
      if (doc.textFile === undefined) return null;
      return (await chunk(doc.textFile))[documentId] ?? null;
    },
  };
}
