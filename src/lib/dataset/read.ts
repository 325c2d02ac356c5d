/**
 * The dataset file read and parsed, not yet validated: the part of loading that may start before the app's code has
 * arrived (see ./prefetch.ts), so it imports nothing heavy. Never throws: every failure is a value the UI can explain.
 */
import { markLoad } from '../perf/load-marks.ts';

export type ReadFailureReason = 'network' | 'http' | 'json';
export type ReadResult = { ok: true; data: unknown } | { ok: false; reason: ReadFailureReason; detail: string };

export async function readDataset(url: string, fetchFn: typeof fetch = fetch): Promise<ReadResult> {
  let text: string;
  try {
    // High priority: the page waits for nothing longer, and over HTTP/1.1 it competes with the app's code for the six
    // connections a browser opens per host.
    const response = await fetchFn(url, { cache: 'no-cache', priority: 'high' });
    if (!response.ok) return { ok: false, reason: 'http', detail: `${response.status} ${response.statusText}`.trim() };
    text = await response.text();
  } catch (e) {
    // The request failed, or the connection broke while the body was arriving.
    return { ok: false, reason: 'network', detail: errorText(e) };
  }
  markLoad('fetched');
  return parseJson(text);
}

export function parseJson(text: string): ReadResult {
  try {
    const data: unknown = JSON.parse(text);
    markLoad('parsed');
    return { ok: true, data };
  } catch (e) {
    return { ok: false, reason: 'json', detail: errorText(e) };
  }
}

function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
