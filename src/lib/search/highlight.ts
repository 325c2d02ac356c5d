/** Where the query words occur in a displayed text, for <mark>ing them: no search index needed. */
import { normalizeForSearch, normalizeWithOffsets } from './normalize.ts';

/**
 * The list highlights every visible title on every keystroke; the titles stay the same while the query changes,
 * so their normalised forms are kept (a bounded cache, emptied when full).
 */
const CACHE_LIMIT = 5000;
const normalized = new Map<string, ReturnType<typeof normalizeWithOffsets>>();
function normalizedOf(text: string): ReturnType<typeof normalizeWithOffsets> {
  let hit = normalized.get(text);
  if (!hit) {
    if (normalized.size >= CACHE_LIMIT) normalized.clear();
    hit = normalizeWithOffsets(text);
    normalized.set(text, hit);
  }
  return hit;
}

/**
 * Character ranges [start, end) of the ORIGINAL text whose normalized form contains one of the (normalized)
 * terms, sorted and merged. "Außenminister" is highlighted whole for the term "aussenminister".
 */
export function highlightRanges(text: string, terms: readonly string[]): [number, number][] {
  const wanted = terms.map((t) => normalizeForSearch(t)).filter((t) => t.length > 0);
  if (wanted.length === 0 || text.length === 0) return [];
  const norm = normalizedOf(text);
  const ranges: [number, number][] = [];
  for (const term of wanted) {
    let from = 0;
    for (;;) {
      const pos = norm.text.indexOf(term, from);
      if (pos < 0) break;
      ranges.push([norm.starts[pos] as number, norm.ends[pos + term.length - 1] as number]);
      from = pos + 1;
    }
  }
  ranges.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const merged: [number, number][] = [];
  for (const r of ranges) {
    const last = merged[merged.length - 1];
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
    else merged.push([r[0], r[1]]);
  }
  return merged;
}
