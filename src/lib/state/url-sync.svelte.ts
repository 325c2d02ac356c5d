/**
 * The URL is the source of truth for the view: query, facets, zoom window, selection, lanes and language live in the
 * query string. This module applies a parsed URL to the state, writes state changes back (a history entry for each
 * deliberate change; replacing the entry while typing or zooming), and follows back/forward.
 */
import { settledWriter } from '../url/settled-writer.ts';
import { parseViewState, serializeViewState, type ViewState } from '../url/state.ts';
import type { TimelineState } from './timeline.svelte.ts';

const DAY = 86_400_000;
const SETTLE_MS = 300;
const MAX_WAIT_MS = 1000;

/** 'YYYY-MM-DD' → start of that day (UTC ms). */
function dayStart(day: string): number {
  return Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10)));
}

function isoDay(t: number): string {
  return new Date(t).toISOString().slice(0, 10);
}

/** The parts of the view that live in the URL, read from the state. */
export function viewOf(state: TimelineState, base: ViewState): ViewState {
  const w = state.window;
  return {
    ...base,
    q: state.q,
    filters: state.filters,
    window: w ? [isoDay(w[0]), isoDay(Math.max(w[0], w[1] - DAY))] : null,
    event: state.selectedId,
    lanes: state.laneMode,
    lang: state.lang,
  };
}

/** Puts a parsed URL into the state. Unknown events are ignored (the URL may be older than the data). */
export function applyView(state: TimelineState, view: ViewState) {
  state.q = view.q;
  state.filters = view.filters;
  state.laneMode = view.lanes;
  // Through setLanguage: Back/Forward may ask for a language whose texts have not been loaded yet.
  if (view.lang) void state.setLanguage(view.lang);
  state.window = view.window ? [dayStart(view.window[0]), dayStart(view.window[1]) + DAY] : null;
  state.selectedId = view.event && state.byId.has(view.event) ? view.event : null;
  if (state.selectedId) state.activeId = state.selectedId;
}

/**
 * Keeps `location` and the state in step. Call from a component (it uses $effect); returns nothing — the effect and
 * the popstate listener end with the component.
 */
export function syncWithUrl(state: TimelineState, initial: ViewState) {
  let last = serializeViewState(viewOf(state, initial));
  let lastView = viewOf(state, initial);
  // Gradual changes are written once they pause for SETTLE_MS (at the latest MAX_WAIT_MS after the first): each
  // history.replaceState is a same-document navigation, on which Chromium reloads the favicon (3–20 ms of main
  // thread per write while zooming or typing at 10,000 events), and Safari throws after 100 writes in 30 s.
  const replace = settledWriter<string>((url) => history.replaceState(null, '', url), {
    settleMs: SETTLE_MS,
    maxWaitMs: MAX_WAIT_MS,
  });

  $effect(() => {
    const view = viewOf(state, initial);
    const search = serializeViewState(view);
    if (search === last) return;
    // Zooming and typing change the URL many times a second: they replace the entry instead of flooding history.
    // The first keystroke or zoom still makes an entry, so Back returns to the view before it.
    const gradual =
      (sameExcept(view, lastView, ['window']) && view.window !== null && lastView.window !== null) ||
      (sameExcept(view, lastView, ['q']) && view.q !== '' && lastView.q !== '');
    const url = `${location.pathname}${search}${location.hash}`;
    if (gradual) replace.offer(url);
    else {
      // A deliberate change lands after the gradual one before it, never before.
      replace.flush();
      history.pushState(null, '', url);
    }
    last = search;
    lastView = view;
  });

  // Whatever is still pending is written before anything can read the address (copy link, exports, citations,
  // the browser's own share and bookmark) and when the view goes away.
  $effect(() => {
    const flush = () => replace.flush();
    const onkey = (event: KeyboardEvent) => {
      const target = event.target instanceof Element ? event.target : null;
      if ((event.key === 'Enter' || event.key === ' ') && target?.closest('button, a, summary, [role="button"]'))
        flush();
    };
    const options = { capture: true };
    document.addEventListener('pointerdown', flush, options);
    document.addEventListener('keydown', onkey, options);
    document.addEventListener('copy', flush, options);
    document.addEventListener('visibilitychange', flush);
    addEventListener('pagehide', flush);
    return () => {
      flush();
      document.removeEventListener('pointerdown', flush, options);
      document.removeEventListener('keydown', onkey, options);
      document.removeEventListener('copy', flush, options);
      document.removeEventListener('visibilitychange', flush);
      removeEventListener('pagehide', flush);
    };
  });

  $effect(() => {
    const onpop = () => {
      replace.cancel();
      const { state: view } = parseViewState(location.search);
      applyView(state, { ...view, embed: initial.embed, controls: initial.controls, data: initial.data });
      last = serializeViewState(viewOf(state, initial));
      lastView = viewOf(state, initial);
    };
    addEventListener('popstate', onpop);
    return () => removeEventListener('popstate', onpop);
  });
}

function sameExcept(a: ViewState, b: ViewState, keys: (keyof ViewState)[]): boolean {
  const strip = (v: ViewState) => JSON.stringify({ ...v, ...Object.fromEntries(keys.map((k) => [k, null])) });
  return strip(a) === strip(b);
}
