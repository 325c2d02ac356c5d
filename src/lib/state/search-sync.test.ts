import { describe, expect, it } from 'vitest';
import {
  SEARCH_COMPUTE_MEASURE as BENCH_READS_COMPUTE,
  SEARCH_MEASURE as BENCH_READS,
} from '../../../scripts/bench/browser.ts';
import { SEARCH_COMPUTE_MEASURE, SEARCH_MEASURE } from './search-sync.svelte.ts';

describe('search timing entries', () => {
  it('have the names the benchmark reads', () => {
    expect(SEARCH_MEASURE).toBe(BENCH_READS);
    expect(SEARCH_COMPUTE_MEASURE).toBe(BENCH_READS_COMPUTE);
  });
});
