/**
 * The dataset read, started as early as the page allows: the page's first script (src/boot/early-request.ts, a
 * classic script the build links at the top of index.html, see scripts/vite/boot-script.ts) starts it while the HTML
 * is still being parsed, before the app's code has even been requested; the app then takes the read instead of asking
 * again. The read drains the body at once: a response nobody reads stops downloading once the browser's buffer is
 * full, and the JSON is parsed as soon as it is there.
 *
 * The two are separate scripts, so the hand-over is a property of the page's global object. Where that script did not
 * run (the dev server), the page's module script (src/main.ts) starts the read instead.
 */
import { dataPathOf } from '../url/data-param.ts';
import { readDataset, type ReadResult } from './read.ts';

export const DEFAULT_DATA_URL = 'data/contacts.json';

interface StartedRead {
  url: string;
  result: Promise<ReadResult>;
}
const HANDOVER = '__contactTimelineDatasetRead';
const page = globalThis as typeof globalThis & { [HANDOVER]?: StartedRead | null };

/** Starts reading the dataset the query string asks for, unless a read was started already. */
export function startDatasetRead(search: string): void {
  if (page[HANDOVER]) return;
  const url = dataPathOf(search) ?? DEFAULT_DATA_URL;
  page[HANDOVER] = { url, result: readDataset(url) };
}

/** The started read of `url`, once; null when none was started for it (or it was taken). A retry reads anew. */
export function takeStartedRead(url: string): Promise<ReadResult> | null {
  const started = page[HANDOVER];
  if (!started || started.url !== url) return null;
  page[HANDOVER] = null;
  return started.result;
}
