/**
 * The dataset request, started by the page's first (tiny) script so that it travels while the app's code is still
 * downloading; the app then takes the response instead of asking again. Taken once: a retry fetches anew.
 */
export const DEFAULT_DATA_URL = 'data/contacts.json';

let early: { url: string; response: Promise<Response> } | null = null;

export function prefetchDataset(url: string): void {
  const response = fetch(url, { cache: 'no-cache' });
  // A failure is reported when the app takes the response, not as an unhandled rejection here.
  response.catch(() => undefined);
  early = { url, response };
}

/** The early response for `url`, once; null when none was started for it (or it was already taken). */
export function takePrefetched(url: string): Promise<Response> | null {
  if (!early || early.url !== url) return null;
  const { response } = early;
  early = null;
  return response;
}
