import { describe, expect, it } from 'vitest';
import { requiredLetters } from './prefilter.ts';

describe('requiredLetters', () => {
  it.each([
    ['vorjahr(?:s|es)?', ['vorjahr', 'vorjahrs', 'vorjahres']],
    [String.raw`(?<![\p{L}\p{N}])(?<adj>letzt|vergangen)(?:e|er)?\s+woche(?![\p{L}\p{N}])`, ['woche']],
    [String.raw`j(?:ä|ae|a|[?\uFFFD])nner`, ['nner']],
    [String.raw`(?:jan|febr?|mär)\.?`, ['jan', 'feb', 'febr', 'mär']],
    [String.raw`tags\s+zuvor`, ['zuvor']],
  ])('%s needs one of %j', (source, words) => expect(requiredLetters(source)).toEqual(words));

  it.each([
    ['a|'], // may match the empty string
    [String.raw`\d{4}`], // no letters
    [String.raw`(?:anfang\s+|(?<![x]))\d{4}`], // one alternative needs no word
    ['(?:x)?'],
  ])('%s needs nothing it can name', (source) => expect(requiredLetters(source)).toBeNull());

  it('never names words a match can lack', () => {
    const sources = [String.raw`(?:heute|gestern)(?:\s+abend)?`, String.raw`(?<d>\d{1,2})\.\s*(?<m>mai|juni)\s+\d{4}`];
    const samples = ['heute', 'gestern abend', 'am 3. Mai 2021', '3.juni 2020'];
    for (const source of sources) {
      const words = requiredLetters(source)!;
      const re = new RegExp(source, 'giu');
      for (const text of samples)
        for (const m of text.matchAll(re)) expect(words.some((w) => m[0].toLowerCase().includes(w))).toBe(true);
    }
  });
});
