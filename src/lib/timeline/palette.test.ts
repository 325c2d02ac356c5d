import { describe, expect, it } from 'vitest';
import { EVENT_KINDS } from '../dataset/types.ts';
import { FORUM_COLORS, KIND_SYMBOLS, symbolPath } from './palette.ts';
import { FORUM_LANES } from './types.ts';

describe('palette', () => {
  const rows = [
    { input: 'bilateral', expected: '#4477AA' },
    { input: 'sco', expected: '#EE6677' },
    { input: 'brics', expected: '#228833' },
    { input: 'un', expected: '#CCBB44' },
    { input: 'g20', expected: '#66CCEE' },
    { input: 'apec', expected: '#AA3377' },
    { input: 'other', expected: '#BBBBBB' },
  ] as const;
  it.each(rows)('$input is $expected', ({ input, expected }) => {
    expect(FORUM_COLORS[input]).toBe(expected);
  });
  it('colours every lane, distinctly', () => {
    expect(Object.keys(FORUM_COLORS).sort()).toEqual([...FORUM_LANES].sort());
    expect(new Set(Object.values(FORUM_COLORS)).size).toBe(FORUM_LANES.length);
  });
});

describe('symbols', () => {
  const rows = [
    { input: 'meeting', expected: 'circle' },
    { input: 'phone-call', expected: 'diamond' },
    { input: 'video-call', expected: 'square' },
    { input: 'visit', expected: 'triangle' },
    { input: 'summit', expected: 'star' },
    { input: 'signing', expected: 'cross' },
  ] as const;
  it.each(rows)('$input is a $expected', ({ input, expected }) => {
    expect(KIND_SYMBOLS[input]).toBe(expected);
  });
  it('draws distinct, cached paths', () => {
    const paths = EVENT_KINDS.map((k) => symbolPath(k, 64));
    expect(new Set(paths).size).toBe(EVENT_KINDS.length);
    expect(paths.every((p) => p.startsWith('M'))).toBe(true);
    expect(symbolPath('meeting', 64)).toBe(paths[0]);
    expect(symbolPath('meeting', 100)).not.toBe(paths[0]);
    // A 64 px² square is 8 px wide: corners at ±4.
    expect(symbolPath('video-call', 64)).toBe('M-4,-4h8v8h-8Z');
  });
});
