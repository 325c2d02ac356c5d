/**
 * Fetches and validates the dataset at run time (it is never bundled into the JS, so a site owner can rebuild the
 * data without rebuilding the app). Every failure becomes a `LoadFailure` the UI can explain; nothing throws.
 * Article texts and the evidence pointing into them are not in this file: the detail panel fetches them per year
 * through ./texts.ts when it needs them.
 */
import type { Dataset } from './types.ts';
import { validateDataset } from './validate.ts';
import { markLoad } from '../perf/load-marks.ts';

export { DEFAULT_DATA_URL } from './prefetch.ts';

export type LoadFailureReason = 'network' | 'http' | 'json' | 'schema';

/**
 * `dataset` is typed as the compiled Dataset for the modules that take one (the timeline state, search), none of
 * which reads documents' texts or sources' evidence; it is really a `StoredDataset`, whose texts and evidence may be
 * in chunk files: read them only through ./texts.ts.
 */
export type LoadResult =
  { ok: true; dataset: Dataset; warnings: string[] } | { ok: false; reason: LoadFailureReason; detail: string };

export async function loadDataset(url: string, fetchFn: typeof fetch = fetch): Promise<LoadResult> {
  let response: Response;
  try {
    response = await fetchFn(url, { cache: 'no-cache' });
  } catch (e) {
    return { ok: false, reason: 'network', detail: errorText(e) };
  }
  if (!response.ok) return { ok: false, reason: 'http', detail: `${response.status} ${response.statusText}`.trim() };
  const text = await response.text();
  markLoad('fetched');
  return parseDataset(text);
}

/** Parses and validates dataset JSON (fetched, or inlined in the single-file edition). */
export function parseDataset(text: string): LoadResult {
  let data: unknown;
  try {
    data = JSON.parse(text);
    markLoad('parsed');
  } catch (e) {
    return { ok: false, reason: 'json', detail: errorText(e) };
  }
  const { errors, warnings } = validateDataset(data);
  markLoad('validated');
  if (errors.length > 0) return { ok: false, reason: 'schema', detail: errors.slice(0, 5).join('; ') };
  return { ok: true, dataset: data as Dataset, warnings };
}

function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
