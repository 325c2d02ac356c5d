/** A one-line description of what the view selects, for exports, citations and the embed's source line. */
import type { EntityTables } from '../dataset/types.ts';
import { BILATERAL, FACETS, type Filters } from '../filter/facets.ts';
import { entityLabel, type Language, type Messages } from '../i18n/messages.ts';

export function filterSummary(
  filters: Filters,
  q: string,
  entities: EntityTables,
  lang: Language,
  t: Messages,
): string {
  const parts: string[] = [];
  if (q.trim()) parts.push(`${t.search}: „${q.trim()}“`);
  const label = (facet: (typeof FACETS)[number], key: string) => {
    if (facet === 'forum') return key === BILATERAL ? t.lanes.bilateral! : entityLabel(entities.forums[key], lang, key);
    if (facet === 'person') return entityLabel(entities.people[key], lang, key);
    if (facet === 'topic') return entityLabel(entities.topics[key], lang, key);
    if (facet === 'kind') return t.kinds[key] ?? key;
    return t.statuses[key] ?? key;
  };
  for (const facet of FACETS)
    if (filters[facet].length)
      parts.push(`${t.facetNames[facet]}: ${filters[facet].map((k) => label(facet, k)).join(', ')}`);
  if (filters.includeMentionedForums && filters.forum.length) parts.push(t.includeMentioned);
  if (filters.from || filters.to) parts.push(`${t.dateRange}: ${filters.from ?? '…'}–${filters.to ?? '…'}`);
  return parts.join(' · ');
}
