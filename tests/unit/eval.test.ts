/**
 * Regression guard for extraction quality: both hand-made evaluation sets must stay at the bar (≥ 90 % of
 * date, place, participants, forum and kind right; every irrelevant article flagged). `npm run eval` prints details.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { evaluate } from '../../scripts/eval.ts';
import { compileSeeds } from '../../scripts/compiler/compile.ts';
import { testContext } from '../../scripts/compiler/testing/context.ts';
import { readSeeds } from '../../scripts/seeds-reader.ts';

describe.each(['tests/fixtures/eval', 'tests/fixtures/holdout'])('evaluation set %s', (dir) => {
  const { seeds } = readSeeds(dir);
  const { dataset } = compileSeeds(seeds, testContext());
  const result = evaluate(dataset, parse(readFileSync(join(dir, 'expected.yaml'), 'utf8')));

  it('gets at least 90 % of the reported contacts’ fields right', () => {
    expect(result.fieldAccuracy, result.misses.join('\n')).toBeGreaterThanOrEqual(0.9);
  });
  it('flags every irrelevant article and recognises the relevant ones', () => {
    expect(result.irrelevantFlagged).toBe(result.irrelevantArticles);
    expect(result.relevantRecognised).toBe(result.relevantArticles);
  });
  it('merges the articles that report the same contact', () => {
    expect(result.mergeGroups.every((g) => g.merged)).toBe(true);
  });
});
