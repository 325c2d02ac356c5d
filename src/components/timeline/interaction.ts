/**
 * Loads ./d3-interaction.ts once, right after the first view, for every component that asks. Until it arrives (a
 * few milliseconds on a static host) the zoom buttons, keys, list and facets already work; only wheel, drag,
 * pinch and the overview brush wait for it.
 */
import type * as D3Interaction from './d3-interaction.ts';

export type Interaction = typeof D3Interaction;

let loading: Promise<Interaction> | null = null;

/** Rejects when the code cannot be fetched (the page reports that: LoadFailureNotice); the next call tries again. */
export function loadInteraction(): Promise<Interaction> {
  return (loading ??= import('./d3-interaction.ts').catch((error: unknown) => {
    loading = null;
    throw error;
  }));
}
