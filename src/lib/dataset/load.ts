/**
 * Fetches and validates the dataset at run time (it is never bundled into the JS, so a site owner can rebuild the
 * data without rebuilding the app). Every failure becomes a `LoadFailure` the UI can explain; nothing throws.
 * Article texts and the evidence pointing into them are not in this file: the detail panel fetches them per year
 * through ./texts.ts when it needs them.
 */
import type { Dataset } from './types.ts';
import { validateDataset } from './validate.ts';
import { markLoad } from '../perf/load-marks.ts';
import { parseJson, readDataset, type ReadFailureReason, type ReadResult } from './read.ts';

export { DEFAULT_DATA_URL } from './prefetch.ts';

export type LoadFailureReason = ReadFailureReason | 'schema';

/**
 * `dataset` is typed as the compiled Dataset for the modules that take one (the timeline state, search), none of
 * which reads documents' texts or sources' evidence; it is really a `StoredDataset`, whose texts and evidence may be
 * in chunk files: read them only through ./texts.ts.
 */
export type LoadResult =
  { ok: true; dataset: Dataset; warnings: string[] } | { ok: false; reason: LoadFailureReason; detail: string };

/**
 * Reads, parses and validates the dataset at `url`; `started` is a read of it already under way (the page's first
 * script starts one while the app's code downloads, see ./prefetch.ts).
 */
export async function loadDataset(
  url: string,
  fetchFn: typeof fetch = fetch,
  started: Promise<ReadResult> | null = null,
): Promise<LoadResult> {
  return checkDataset(await (started ?? readDataset(url, fetchFn)));
}

/** Parses and validates dataset JSON (fetched, or inlined in the single-file edition). */
export function parseDataset(text: string): LoadResult {
  return checkDataset(parseJson(text));
}

function checkDataset(read: ReadResult): LoadResult {
  if (!read.ok) return read;
  const { errors, warnings } = validateDataset(read.data);
  markLoad('validated');
  if (errors.length > 0) return { ok: false, reason: 'schema', detail: errors.slice(0, 5).join('; ') };
  return { ok: true, dataset: read.data as Dataset, warnings };
}
