/**
 * The `data=` parameter on its own, without the rest of the view state: the page's first script reads it to start
 * the dataset request before the app's code (and the full URL parser in ./state.ts) has even downloaded.
 */

/** Longest accepted parameter value; longer ones are ignored (shared with ./state.ts). */
export const MAX_VALUE_LENGTH = 500;

const DATA_PATH = /^(?:\.{0,2}\/)?[A-Za-z0-9_\-./]+\.json$/;

/**
 * Same-origin relative paths only: no scheme, host, '//' or '..' segment, so a crafted link cannot make the app
 * load (and display as authoritative) a dataset from elsewhere.
 */
export function isSafeDataPath(value: string): boolean {
  if (!DATA_PATH.test(value) || value.includes('//')) return false;
  return !value.split('/').includes('..');
}

/**
 * The dataset path a query string asks for, or null for the default: exactly the value `parseViewState` accepts
 * (its first occurrence, not too long, same origin), so the early request and the app never disagree.
 */
export function dataPathOf(search: string): string | null {
  let value: string | null;
  try {
    // The first occurrence, as in parseViewState (a repeated parameter is ignored there).
    value = new URLSearchParams(search).get('data');
  } catch {
    return null;
  }
  return value && value.length <= MAX_VALUE_LENGTH && isSafeDataPath(value) ? value : null;
}
