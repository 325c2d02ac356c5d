/**
 * A text source (./texts.ts) whose code loads on first use: the first view never shows texts or evidence, so the
 * chunk fetching and chunk validation stay out of its script. `preload` fetches that code ahead of time (when the page
 * is idle); until it has loaded, `peek` knows nothing and `documentOf` waits for it.
 */
import type { TextSource, TextSourceDataset } from './texts.ts';
import type * as TextsModule from './texts.ts';

export interface LazyTextSource extends TextSource {
  /** Loads the text source's code now; resolves once `peek` answers like the real source. */
  preload(): Promise<void>;
}

export function lazyTextSource(
  datasetUrl: string,
  dataset: TextSourceDataset,
  load: () => Promise<typeof TextsModule> = () => import('./texts.ts'),
): LazyTextSource {
  let source: TextSource | null = null;
  let loading: Promise<TextSource> | null = null;
  const ready = () =>
    (loading ??= load().then(
      (m) => (source = m.createTextSource(datasetUrl, dataset)),
      (e: unknown) => {
        loading = null; // a failed download is tried again next time
        throw e;
      },
    ));
  return {
    documentOf: (id) => ready().then((s) => s.documentOf(id)),
    peek: (id) => source?.peek(id),
    preload: () => ready().then(() => undefined),
  };
}
