/**
 * The view's state as one runes class, shared through context. Derived data is a chain of `$derived` steps:
 * dataset → prepared items (once) → shown (filters, search) → laid out for the visible window (in the chart).
 * Only plain values live here; the DOM, d3-zoom and d3-brush stay in components.
 */
import { getContext, setContext } from 'svelte';
import type { ContactEvent, Dataset } from '../dataset/types.ts';
import { EMPTY_FILTERS, activeFilterCount, matchesFilters, type Filters } from '../filter/facets.ts';
import type * as SearchClientModule from '../search/client.ts';
import type { SearchClient, SearchHits } from '../search/client.ts';
import { loadMessages, messagesFor, hasMessages, type Language } from '../i18n/messages.ts';
import { prepareItems, type PreparedItems } from '../timeline/extent.ts';
import { subsetIndex } from '../timeline/item-index.ts';
import { stepItem } from '../timeline/navigation.ts';
import type { LaneMode, TimelineItem } from '../timeline/types.ts';
import { fullDomain, presetWindow } from '../timeline/zoom.ts';

const KEY = Symbol('timeline-state');

type SearchModule = Pick<typeof SearchClientModule, 'createSearchClient'>;

export type Preset = 'all' | '5y' | '1y';

const NO_IDS: ReadonlySet<string> = new Set();

/** A zeroed mask for `n` positions, its buffer a whole number of 32-bit words (for sameMask). */
function newMask(n: number): Uint8Array {
  return new Uint8Array(new ArrayBuffer(Math.ceil(n / 4) * 4), 0, n);
}

/** `previous` when it holds the same bits as `next` (so deriveds downstream see no change), else `next`. */
function sameMask(previous: Uint8Array | null, next: Uint8Array): Uint8Array {
  if (!previous || previous.length !== next.length) return next;
  const a = new Uint32Array(previous.buffer, 0, previous.buffer.byteLength / 4);
  const b = new Uint32Array(next.buffer, 0, next.buffer.byteLength / 4);
  if (a.length !== b.length) return next;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return next;
  return previous;
}

export class TimelineState {
  readonly dataset: Dataset;
  lang = $state<Language>('de');
  laneMode = $state<LaneMode>('forum');
  /** Visible time window [start, end) in ms; null until the chart sizes itself = everything. */
  window = $state.raw<[number, number] | null>(null);
  selectedId = $state<string | null>(null);
  /** The keyboard's current event in the chart (drawn with a focus ring, never clustered). */
  activeId = $state<string | null>(null);
  hoveredId = $state<string | null>(null);
  /** The search query as typed. */
  q = $state('');
  /** Facet selections (OR within a facet, AND across facets). */
  filters = $state.raw<Filters>(EMPTY_FILTERS);

  readonly #dataUrl: string | null;
  #searchClient: Promise<SearchClient> | null = null;
  /**
   * Runs queries (in a worker where it can); answers arrive in `hits` (see ./search-sync.svelte.ts). Its code is
   * fetched and the client created on first use or when the page is idle after the first view, so neither the
   * first view's script nor building the index delays that view.
   */
  searchClient(): Promise<SearchClient> {
    return (this.#searchClient ??= this.#loadSearch()
      .then((m) => m.createSearchClient(this.dataset, this.#dataUrl))
      .catch((error: unknown) => {
        // Its code could not be fetched: say so, and let the next query try again. (Browsers that remember a failed
        // import, like Chromium, fail it again until the page is reloaded: hence the reload the notice offers.)
        this.#searchClient = null;
        this.partsMissing = true;
        throw error;
      }));
  }
  /** Ends the worker, if one was started. */
  disposeSearch() {
    void this.#searchClient?.then(
      (client) => client.dispose(),
      () => undefined,
    );
    this.#searchClient = null;
  }
  /**
   * Code for a part of the page could not be fetched (the connection is gone, or the site was updated since the page
   * was opened and its old files are gone): the page says so and offers a reload (see LoadFailureNotice.svelte).
   */
  partsMissing = $state(false);
  /** The latest answer; may be for an earlier query while the current one runs (the view keeps it meanwhile). */
  hits = $state.raw<SearchHits | null>(null);
  /** The hits in effect: none without a query. */
  readonly search = $derived.by(() => (this.q.trim() ? this.hits : null));
  /** Normalised query words, for highlighting matches in the list and the detail panel. */
  readonly terms = $derived.by(() => this.search?.terms ?? []);
  /**
   * Which events match the search, by dataset position (1 = match); null without a search. A mask is cheaper than a
   * set of ids at 100,000 events, and an answer that matches the same events as the last one keeps the last mask, so
   * nothing downstream (items, layout, list, overview) runs again for a keystroke that changes nothing on screen.
   */
  readonly #searchMask = $derived.by<Uint8Array | null>(() => {
    const hits = this.search;
    if (!hits) return (this.#lastSearchMask = null);
    const keep = newMask(this.dataset.events.length);
    for (const i of hits.indices) keep[i] = 1;
    return (this.#lastSearchMask = sameMask(this.#lastSearchMask, keep));
  });
  #lastSearchMask: Uint8Array | null = null;
  /** Events matching the search (all events without one): the base for facet counts. */
  readonly searched = $derived.by(() => {
    const keep = this.#searchMask;
    const events = this.dataset.events;
    return keep ? events.filter((_, i) => keep[i] === 1) : events;
  });
  /** Which events are shown (search and filters), by dataset position; null = all (no search, no filter). */
  readonly #shownMask = $derived.by<Uint8Array | null>(() => {
    const search = this.#searchMask;
    const filters = this.filters;
    if (activeFilterCount(filters) === 0 && !filters.includeMentionedForums) return (this.#lastShownMask = search);
    const events = this.dataset.events;
    const keep = newMask(events.length);
    for (let i = 0; i < events.length; i++) {
      if ((search === null || search[i] === 1) && matchesFilters(events[i]!, filters)) keep[i] = 1;
    }
    return (this.#lastShownMask = sameMask(this.#lastShownMask, keep));
  });
  #lastShownMask: Uint8Array | null = null;
  readonly activeFilters = $derived.by(() => activeFilterCount(this.filters));
  /** Search hits are pinned (drawn on their own) while there are few enough to draw. */
  readonly highlightIds = $derived.by<ReadonlySet<string>>(() => {
    if (!this.search || this.shownCount > 200) return NO_IDS;
    const ids = new Set<string>();
    for (const item of this.items) ids.add(item.event.id);
    for (const event of this.undated) ids.add(event.id);
    return ids;
  });

  readonly t = $derived.by(() => messagesFor(this.lang));
  /** Events by id, built on first use (a selection, a related event): the first view does not need it. */
  get byId(): ReadonlyMap<string, ContactEvent> {
    return (this.#byId ??= new Map(this.dataset.events.map((e) => [e.id, e])));
  }
  #byId: Map<string, ContactEvent> | null = null;
  /** Dated items by event id, built on first use: keyboard steps and selections find theirs without a scan. */
  get itemById(): ReadonlyMap<string, TimelineItem> {
    return (this.#itemById ??= new Map(this.prepared.items.map((i) => [i.event.id, i])));
  }
  #itemById: Map<string, TimelineItem> | null = null;
  /** Computed once per dataset: extents, lanes, chronological order. */
  readonly prepared: PreparedItems;
  /** The shown dated items, chronological (all of them without a search or filter). */
  readonly items = $derived.by(() => {
    const keep = this.#shownMask;
    const all = this.prepared.items;
    if (!keep) return all;
    // Dataset positions in chronological order, read from a typed array: no pointer chase per item at 100,000.
    const at = (this.#eventOfOrder ??= Uint32Array.from(all, (item) => item.index));
    const out: TimelineItem[] = [];
    for (let i = 0; i < at.length; i++) if (keep[at[i]!] === 1) out.push(all[i]!);
    // Index the subset from the whole set's index now (no sort): the chart's layout and the keyboard use it.
    subsetIndex(out, all);
    return out;
  });
  #eventOfOrder: Uint32Array | null = null;
  readonly undated = $derived.by(() => {
    const keep = this.#shownMask;
    const { undated, undatedIndex } = this.prepared;
    if (!keep) return undated;
    return undated.filter((_, i) => keep[undatedIndex[i]!] === 1);
  });
  readonly shownCount = $derived.by(() => this.items.length + this.undated.length);
  /** The whole period: the base domain of the chart and the overview. */
  readonly full = $derived.by(() => fullDomain(this.prepared.items));
  readonly visibleWindow = $derived.by<[number, number]>(() => this.window ?? this.full);
  readonly selected = $derived.by(() => (this.selectedId ? (this.byId.get(this.selectedId) ?? null) : null));
  /** Events that must be drawn on their own: selection, keyboard focus, hover and search hits. */
  readonly pinned = $derived.by(() => {
    const ids = new Set(this.highlightIds);
    for (const id of [this.selectedId, this.activeId, this.hoveredId]) if (id) ids.add(id);
    // The same pins as before keep the same set: a keystroke with the same few hits does not lay out again.
    const last = this.#lastPinned;
    if (last && last.size === ids.size && [...ids].every((id) => last.has(id))) return last;
    return (this.#lastPinned = ids);
  });
  #lastPinned: ReadonlySet<string> | null = null;

  /** `dataUrl`: where the dataset was fetched from (null when inline), for the search worker to load it too. */
  readonly #loadSearch: () => Promise<SearchModule>;

  /** `loadSearch` fetches the search client's code (a seam for tests of what happens when that fails). */
  constructor(
    dataset: Dataset,
    lang: Language,
    dataUrl: string | null = null,
    loadSearch: () => Promise<SearchModule> = () => import('../search/client.ts'),
  ) {
    this.dataset = dataset;
    this.lang = lang;
    this.#dataUrl = dataUrl;
    this.#loadSearch = loadSearch;
    this.prepared = prepareItems(dataset.events, dataset.entities);
  }

  /**
   * Switches the interface language once its texts are loaded (at once, synchronously, when they already are).
   * Resolves to false, keeping the current language, when they cannot be loaded (offline): never rejects.
   */
  async setLanguage(lang: Language): Promise<boolean> {
    if (!hasMessages(lang)) {
      try {
        await loadMessages(lang);
      } catch {
        return false;
      }
    }
    this.lang = lang;
    return true;
  }

  setFilters(patch: Partial<Filters>) {
    this.filters = { ...this.filters, ...patch };
  }

  resetFilters() {
    this.filters = EMPTY_FILTERS;
  }

  select(id: string | null) {
    this.selectedId = id && this.byId.has(id) ? id : null;
    if (this.selectedId) {
      this.activeId = this.selectedId;
      this.reveal(this.selectedId);
    }
  }

  /** Moves the keyboard focus chronologically; the window follows. */
  step(direction: 1 | -1 | 'first' | 'last') {
    const next = stepItem(this.items, this.activeId, direction);
    if (!next) return;
    this.activeId = next.event.id;
    this.reveal(next.event.id);
  }

  /** Pans (never zooms) so the event is inside the window. */
  reveal(id: string) {
    const item = this.itemById.get(id);
    if (!item) return;
    const [t0, t1] = this.visibleWindow;
    if (item.mid >= t0 && item.mid <= t1) return;
    const half = (t1 - t0) / 2;
    this.window = [item.mid - half, item.mid + half];
  }

  zoomBy(factor: number) {
    const [t0, t1] = this.visibleWindow;
    const centre = (t0 + t1) / 2;
    const half = Math.max((t1 - t0) / 2 / factor, 86_400_000 * 1.5);
    const fullSpan = this.full[1] - this.full[0];
    const clamped = Math.min(half, fullSpan / 2);
    this.window = [centre - clamped, centre + clamped];
  }

  preset(preset: Preset) {
    const latest = this.prepared.items.reduce((m, i) => Math.max(m, i.extent.end), this.full[0]);
    this.window = preset === 'all' ? null : presetWindow(preset, this.full, latest);
  }
}

export function provideTimelineState(state: TimelineState): TimelineState {
  return setContext(KEY, state);
}

/** The context entry that provides `state`, for mounting a component directly (tests, embeds). */
export function timelineContext(state: TimelineState): Map<symbol, TimelineState> {
  return new Map([[KEY, state]]);
}

export function useTimelineState(): TimelineState {
  const state = getContext<TimelineState | undefined>(KEY);
  if (!state)
    throw new Error('useTimelineState() needs a TimelineState provided by an ancestor (provideTimelineState).');
  return state;
}
