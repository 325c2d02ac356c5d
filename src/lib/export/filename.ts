/** File names that say what they contain: `contacts-sco-brics-2021-2025.svg`, `contacts-all-2001-2025.csv`. */
import type { Filters } from '../filter/facets.ts';

export function exportFileName(
  filters: Filters,
  window: readonly [number, number] | null,
  q: string,
  ext: string,
): string {
  const parts = ['contacts'];
  parts.push(filters.forum.length ? filters.forum.join('-') : 'all');
  for (const facet of ['kind', 'status', 'person', 'topic'] as const)
    if (filters[facet].length) parts.push(...filters[facet]);
  if (q.trim()) parts.push(`q-${slug(q)}`);
  const years =
    filters.from || filters.to
      ? [filters.from?.slice(0, 4), filters.to?.slice(0, 4)]
      : window?.map((t) => new Date(t).getUTCFullYear());
  if (years?.[0] && years[1])
    parts.push(String(years[0]) === String(years[1]) ? String(years[0]) : `${years[0]}-${years[1]}`);
  return `${parts.join('-').slice(0, 120)}.${ext}`;
}

function slug(s: string): string {
  return (
    s
      .toLowerCase()
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[^a-z0-9\u0400-\u04ff]+/g, '-')
      .replace(/^-|-$/g, '')
      .slice(0, 30) || 'search'
  );
}
