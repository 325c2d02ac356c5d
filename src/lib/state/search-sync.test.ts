import { describe, expect, it } from 'vitest';
import { SEARCH_MEASURE as BENCH_READS } from '../../../scripts/bench/browser.ts';
import { SEARCH_MEASURE } from './search-sync.svelte.ts';

describe('search timing entry', () => {
  it('has the name the benchmark reads', () => {
    expect(SEARCH_MEASURE).toBe(BENCH_READS);
  });
});
