/**
 * Live facet counts for the facet panel: apart from ./facets.ts because only the panel (loaded when opened) needs
 * them, so the first view's script does not carry them.
 */
import type { ContactEvent } from '../dataset/types.ts';
import { BILATERAL, dateMatches, FACETS, forumMatches, type Facet, type Filters } from './facets.ts';

const sortCounts = (counts: Map<string, number>) =>
  new Map([...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)));

/**
 * Per facet, how many events each value would give if it were (also) selected, given all OTHER active filters —
 * standard faceted search. Selected values are always present, with 0 if nothing matches, so they stay visible
 * and can be unselected. Each Map is ordered by count (descending), then key.
 */
export function facetCounts(events: readonly ContactEvent[], filters: Filters): Record<Facet, Map<string, number>> {
  const counts = Object.fromEntries(FACETS.map((f) => [f, new Map<string, number>()])) as Record<
    Facet,
    Map<string, number>
  >;
  // Runs on every keystroke over every searched event (100,000 in the benchmark): no allocation per event, and
  // the date bounds and the list of active facets are worked out once.
  const active = FACETS.filter((f) => filters[f].length > 0);
  const dateActive = filters.from !== null || filters.to !== null;
  for (const event of events) {
    if (dateActive && !dateMatches(event, filters.from, filters.to)) continue;
    let failed: Facet | null = null;
    let failures = 0;
    for (const facet of active) {
      if (facetPasses(event, facet, filters)) continue;
      failed = facet;
      if (++failures > 1) break;
    }
    // Failing two facets excludes the event from every count; failing one counts it only for that facet.
    if (failures > 1) continue;
    if (failed) addValues(counts[failed], event, failed, filters);
    else for (const facet of FACETS) addValues(counts[facet], event, facet, filters);
  }
  for (const facet of FACETS) {
    for (const selected of filters[facet]) if (!counts[facet].has(selected)) counts[facet].set(selected, 0);
    counts[facet] = sortCounts(counts[facet]);
  }
  return counts;
}

/** The single-facet test of `passes`, for one facet. */
function facetPasses(event: ContactEvent, facet: Facet, filters: Filters): boolean {
  switch (facet) {
    case 'forum':
      return forumMatches(event, filters);
    case 'kind':
      return filters.kind.includes(event.kind);
    case 'person':
      return event.participants.some((p) => filters.person.includes(p));
    case 'topic':
      return event.topics.some((t) => filters.topic.includes(t));
    case 'status':
      return filters.status.includes(event.status);
  }
}

const bump = (map: Map<string, number>, key: string) => map.set(key, (map.get(key) ?? 0) + 1);

/**
 * Counts the values the event counts towards for `facet`, each at most once: the venue (and, when asked, the
 * mentioned forums), the kind, the status, each distinct participant and topic.
 */
function addValues(map: Map<string, number>, event: ContactEvent, facet: Facet, filters: Filters) {
  const unique = (values: readonly string[], skip: string | null) => {
    for (let i = 0; i < values.length; i++) {
      const v = values[i]!;
      if (v !== skip && values.indexOf(v) === i) bump(map, v);
    }
  };
  switch (facet) {
    case 'forum': {
      const venue = event.forum ?? BILATERAL;
      bump(map, venue);
      if (filters.includeMentionedForums) unique(event.forumsMentioned, venue);
      return;
    }
    case 'kind':
      bump(map, event.kind);
      return;
    case 'person':
      unique(event.participants, null);
      return;
    case 'topic':
      unique(event.topics, null);
      return;
    case 'status':
      bump(map, event.status);
      return;
  }
}
