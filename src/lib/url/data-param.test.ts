import { describe, expect, it } from 'vitest';
import { dataPathOf } from './data-param.ts';
import { parseViewState } from './state.ts';

// The page's first script starts the request with dataPathOf; the app then asks parseViewState. If they disagreed,
// the early response would be thrown away (or, worse, the wrong file shown), so every case is checked against both.
const CASES: [string, string | null][] = [
  ['', null],
  ['?data=data/bench.json', 'data/bench.json'],
  ['data=data/bench.json', 'data/bench.json'],
  ['?q=x&data=./other.json&lang=en', './other.json'],
  ['?data=', null],
  ['?data=https://evil.example/x.json', null],
  ['?data=//evil.example/x.json', null],
  ['?data=../secret.json', null],
  ['?data=data/x.txt', null],
  ['?data=data%2Fx.json', 'data/x.json'],
  ['?data=a.json&data=b.json', 'a.json'],
  [`?data=${'a'.repeat(600)}.json`, null],
  [`?data=${'a'.repeat(600)}.json&data=b.json`, null],
  ['?data=%E0%A4%A', null],
  ['?unknown=1&data=x.json', 'x.json'],
];

describe('dataPathOf', () => {
  it.each(CASES)('%s → %s', (search, expected) => {
    expect(dataPathOf(search)).toBe(expected);
    expect(parseViewState(search).state.data).toBe(expected);
  });
});
