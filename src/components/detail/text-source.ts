/** Hands the app's text source (texts and evidence) (../../lib/dataset/texts.ts) down to the detail panels through Svelte context. */
import { getContext, setContext } from 'svelte';
import { DEFAULT_DATA_URL } from '../../lib/dataset/load.ts';
import { createTextSource, type TextSource, type TextSourceDataset } from '../../lib/dataset/texts.ts';

const KEY = Symbol('text-source');

/** Makes `source` the text source of every component below the caller (call during component initialisation). */
export function provideTextSource(source: TextSource): TextSource {
  return setContext(KEY, source);
}

/** The context entry that provides `source`, for mounting a component directly (tests, embeds). */
export function textSourceContext(source: TextSource): Map<symbol, TextSource> {
  return new Map([[KEY, source]]);
}

/**
 * The text source provided above, or one over `dataset` resolved against the default data URL (components mounted
 * on their own, e.g. in tests, whose documents carry their texts and evidence inline).
 */
export function useTextSource(dataset: TextSourceDataset): TextSource {
  return getContext<TextSource | undefined>(KEY) ?? createTextSource(DEFAULT_DATA_URL, dataset);
}
