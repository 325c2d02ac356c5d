/**
 * An element's size as state, measured without a forced layout per element.
 *
 * Svelte's `bind:clientWidth` reads the size as soon as each element is mounted: with the chart, the overview and the
 * list each reading theirs while the first view is built, the browser laid the whole page out three times before
 * its first frame (a third of that frame's time at 10,000 events). Here every element mounted in one update is read
 * in one go, after that update (one layout), and later changes come from a ResizeObserver, whose callbacks run when
 * layout is already done.
 */
export type SizeKind = 'clientWidth' | 'clientHeight';

const queued: (() => void)[] = [];

function readQueued(): void {
  for (const read of queued.splice(0)) read();
}

/** Calls `set` with the element's `kind` now (batched, see above) and whenever it changes. Returns the cleanup. */
export function observeSize(element: HTMLElement, kind: SizeKind, set: (px: number) => void): () => void {
  let live = true;
  const read = () => {
    if (live) set(element[kind]);
  };
  if (queued.push(read) === 1) queueMicrotask(readQueued);
  const observer = new ResizeObserver(read);
  observer.observe(element);
  return () => {
    live = false;
    observer.disconnect();
  };
}
