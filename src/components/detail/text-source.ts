/**
 * Hands the app's text source (texts and evidence, ../../lib/dataset/texts.ts) down to the detail panels through
 * Svelte context. Only types from texts.ts here: the page provides a source whose code loads on use, so the first
 * view's script does not carry it (the panel reads it through ./use-text-source.ts).
 */
import { getContext, setContext } from 'svelte';
import type { TextSource } from '../../lib/dataset/texts.ts';

const KEY = Symbol('text-source');

/** Makes `source` the text source of every component below the caller (call during component initialisation). */
export function provideTextSource(source: TextSource): TextSource {
  return setContext(KEY, source);
}

/** The context entry that provides `source`, for mounting a component directly (tests, embeds). */
export function textSourceContext(source: TextSource): Map<symbol, TextSource> {
  return new Map([[KEY, source]]);
}

/** The text source provided by an ancestor, if any (call during component initialisation). */
export function providedTextSource(): TextSource | undefined {
  return getContext<TextSource | undefined>(KEY);
}
