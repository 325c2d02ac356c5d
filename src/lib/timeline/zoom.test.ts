import { describe, expect, it } from 'vitest';
import { makeEvent } from '../dataset/fixture.ts';
import { prepareItems } from './extent.ts';
import { syntheticEntities } from './testing.ts';
import { clampK, fullDomain, maxZoom, MIN_WINDOW_MS, presetWindow, transformFor, windowFor } from './zoom.ts';

const U = Date.UTC;
const DAY = 86_400_000;

describe('fullDomain', () => {
  it('pads the items’ extent by 2 % each side', () => {
    const { items } = prepareItems(
      [
        makeEvent({ id: 'a', date: { start: '2001', precision: 'year', basis: 'text' } }),
        makeEvent({ id: 'b', date: { start: '2025-12-31', precision: 'day', basis: 'text' } }),
      ],
      syntheticEntities(),
    );
    const span = U(2026, 0, 1) - U(2001, 0, 1);
    expect(fullDomain(items, 0)).toEqual([U(2001, 0, 1) - span * 0.02, U(2026, 0, 1) + span * 0.02]);
  });
  it('shows the last five years when empty', () => {
    expect(fullDomain([], U(2025, 6, 13))).toEqual([U(2020, 6, 13), U(2025, 6, 13)]);
  });
});

describe('presetWindow', () => {
  const full: [number, number] = [U(2001, 0, 1), U(2026, 0, 1)];
  const rows: {
    input: [preset: 'all' | '5y' | '1y', full: [number, number], anchor: number];
    expected: [number, number];
  }[] = [
    { input: ['all', full, U(2025, 6, 1)], expected: full },
    { input: ['5y', full, U(2025, 6, 1)], expected: [U(2020, 6, 1), U(2025, 6, 1)] },
    { input: ['1y', full, U(2025, 6, 1)], expected: [U(2024, 6, 1), U(2025, 6, 1)] },
    // Anchors outside the full domain are shifted back in.
    { input: ['1y', full, U(2030, 0, 1)], expected: [U(2025, 0, 1), U(2026, 0, 1)] },
    { input: ['1y', full, U(2001, 5, 1)], expected: [U(2001, 0, 1), U(2001, 0, 1) + (U(2001, 5, 1) - U(2000, 5, 1))] },
    // A preset wider than everything is everything.
    { input: ['5y', [U(2020, 0, 1), U(2022, 0, 1)], U(2021, 0, 1)], expected: [U(2020, 0, 1), U(2022, 0, 1)] },
  ];
  it.each(rows)('$input.0 at $input.2', ({ input, expected }) => {
    expect(presetWindow(...input)).toEqual(expected);
  });
});

describe('transformFor / windowFor', () => {
  const base: [number, number] = [U(2001, 0, 1), U(2026, 0, 1)];
  const rows: { input: { width: number; window: [number, number] }; expected: { k: number; x: number } | null }[] = [
    { input: { width: 1000, window: base }, expected: { k: 1, x: 0 } },
    {
      input: { width: 1000, window: [base[0], base[0] + (base[1] - base[0]) / 2] },
      expected: { k: 2, x: 0 },
    },
    {
      input: { width: 1000, window: [base[0] + (base[1] - base[0]) / 4, base[0] + (base[1] - base[0]) * 0.75] },
      expected: { k: 2, x: -500 },
    },
    // Deep zoom: only the round trip is checked.
    { input: { width: 800, window: [U(2021, 0, 1), U(2021, 0, 4)] }, expected: null },
  ];
  it.each(rows)('round-trips $input.window at $input.width px', ({ input, expected }) => {
    const t = transformFor(base, input.width, input.window);
    if (expected) {
      expect(t.k).toBeCloseTo(expected.k, 12);
      expect(t.x).toBeCloseTo(expected.x, 6);
    }
    const [w0, w1] = windowFor(base, input.width, t);
    // Within a millisecond: the arithmetic is in floating point.
    expect(Math.abs(w0 - input.window[0])).toBeLessThan(1);
    expect(Math.abs(w1 - input.window[1])).toBeLessThan(1);
  });
  it('matches how d3 applies {k, x} to a base scale', () => {
    const width = 1200;
    const window: [number, number] = [U(2015, 0, 1), U(2016, 0, 1)];
    const t = transformFor(base, width, window);
    const baseX = (ms: number) => ((ms - base[0]) / (base[1] - base[0])) * width;
    expect(t.k * baseX(window[0]) + t.x).toBeCloseTo(0, 6);
    expect(t.k * baseX(window[1]) + t.x).toBeCloseTo(width, 6);
  });
});

describe('clampK / maxZoom', () => {
  const rows: { input: [number, number?, number?]; expected: number }[] = [
    { input: [0.5], expected: 1 },
    { input: [5], expected: 5 },
    { input: [5, 1, 3], expected: 3 },
    { input: [Number.NaN, 1, 3], expected: 1 },
    { input: [0.2, 0.1], expected: 0.2 },
  ];
  it.each(rows)('$input → $expected', ({ input, expected }) => {
    expect(clampK(...input)).toBe(expected);
  });
  it('allows about three days across the width', () => {
    expect(maxZoom([0, 300 * DAY])).toBe(100);
    expect(maxZoom([0, DAY])).toBe(1);
    expect(MIN_WINDOW_MS).toBe(3 * DAY);
  });
});
