/**
 * The view's state as one runes class, shared through context. Derived data is a chain of `$derived` steps:
 * dataset → prepared items (once) → shown (filters, search) → laid out for the visible window (in the chart).
 * Only plain values live here; the DOM, d3-zoom and d3-brush stay in components.
 */
import { getContext, setContext } from 'svelte';
import type { ContactEvent, Dataset } from '../dataset/types.ts';
import { applyFilters, EMPTY_FILTERS, facetCounts, activeFilterCount, type Filters } from '../filter/facets.ts';
import type { SearchClient, SearchHits } from '../search/client.ts';
import { MESSAGES, type Language } from '../i18n/messages.ts';
import { prepareItems } from '../timeline/extent.ts';
import { stepItem } from '../timeline/navigation.ts';
import type { LaneMode, TimelineItem } from '../timeline/types.ts';
import { fullDomain, presetWindow } from '../timeline/zoom.ts';

const KEY = Symbol('timeline-state');

export type Preset = 'all' | '5y' | '1y';

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
    return (this.#searchClient ??= import('../search/client.ts').then((m) =>
      m.createSearchClient(this.dataset, this.#dataUrl),
    ));
  }
  /** Ends the worker, if one was started. */
  disposeSearch() {
    void this.#searchClient?.then((client) => client.dispose());
    this.#searchClient = null;
  }
  /** The latest answer; may be for an earlier query while the current one runs (the view keeps it meanwhile). */
  hits = $state.raw<SearchHits | null>(null);
  /** The hits in effect: none without a query. */
  readonly search = $derived.by(() => (this.q.trim() ? this.hits : null));
  /** Normalised query words, for highlighting matches in the list and the detail panel. */
  readonly terms = $derived.by(() => this.search?.terms ?? []);
  /** Events matching the search (all events without one): the base for facet counts. */
  readonly searched = $derived.by(() => {
    const hits = this.search;
    const events = this.dataset.events;
    if (!hits) return events;
    // By position, in dataset (chronological) order: a mask is cheaper than a set of ids at 100,000 events.
    const keep = new Uint8Array(events.length);
    for (const i of hits.indices) keep[i] = 1;
    return events.filter((_, i) => keep[i] === 1);
  });
  readonly shownEvents = $derived.by(() => applyFilters(this.searched, this.filters));
  /** Ids of events to show; null = all (no search, no filter). */
  readonly shownIds = $derived.by<ReadonlySet<string> | null>(() =>
    this.search || activeFilterCount(this.filters) > 0 || this.filters.includeMentionedForums
      ? new Set(this.shownEvents.map((e) => e.id))
      : null,
  );
  readonly counts = $derived.by(() => facetCounts(this.searched, this.filters));
  readonly activeFilters = $derived.by(() => activeFilterCount(this.filters));
  /** Search hits are pinned (drawn on their own) while there are few enough to draw. */
  readonly highlightIds = $derived.by<ReadonlySet<string>>(() =>
    this.search && this.shownEvents.length <= 200 ? new Set(this.shownEvents.map((e) => e.id)) : new Set(),
  );

  readonly t = $derived.by(() => MESSAGES[this.lang]);
  readonly byId: ReadonlyMap<string, ContactEvent>;
  /** Dated items by event id: keyboard steps and selections find theirs without a scan. */
  readonly itemById: ReadonlyMap<string, TimelineItem>;
  /** Computed once per dataset: extents, lanes, chronological order. */
  readonly prepared: { items: TimelineItem[]; undated: ContactEvent[] };
  readonly items = $derived.by(() => {
    const ids = this.shownIds;
    return ids ? this.prepared.items.filter((i) => ids.has(i.event.id)) : this.prepared.items;
  });
  readonly undated = $derived.by(() => {
    const ids = this.shownIds;
    return ids ? this.prepared.undated.filter((e) => ids.has(e.id)) : this.prepared.undated;
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
    return ids;
  });

  /** `dataUrl`: where the dataset was fetched from (null when inline), for the search worker to load it too. */
  constructor(dataset: Dataset, lang: Language, dataUrl: string | null = null) {
    this.dataset = dataset;
    this.lang = lang;
    this.#dataUrl = dataUrl;
    this.byId = new Map(dataset.events.map((e) => [e.id, e]));
    this.prepared = prepareItems(dataset.events, dataset.entities);
    this.itemById = new Map(this.prepared.items.map((i) => [i.event.id, i]));
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
