import { describe, expect, it } from 'vitest';
import { axisTicks, todayMarker } from './axis.ts';

const U = Date.UTC;

describe('axisTicks', () => {
  const rows: {
    name: string;
    input: { domain: [number, number]; width: number };
    expected: { de: string[]; en: string[] };
  }[] = [
    {
      name: '2001–2026 at 1200 px: years',
      input: { domain: [U(2001, 0, 1), U(2026, 0, 1)], width: 1200 },
      expected: {
        de: [
          '2002*',
          '2004*',
          '2006*',
          '2008*',
          '2010*',
          '2012*',
          '2014*',
          '2016*',
          '2018*',
          '2020*',
          '2022*',
          '2024*',
          '2026*',
        ],
        en: [
          '2002*',
          '2004*',
          '2006*',
          '2008*',
          '2010*',
          '2012*',
          '2014*',
          '2016*',
          '2018*',
          '2020*',
          '2022*',
          '2024*',
          '2026*',
        ],
      },
    },
    {
      name: '2021 at 1200 px: months',
      input: { domain: [U(2021, 0, 1), U(2022, 0, 1)], width: 1200 },
      expected: {
        de: [
          'Jan. 2021*',
          'Feb.',
          'März',
          'Apr.',
          'Mai',
          'Juni',
          'Juli',
          'Aug.',
          'Sept.',
          'Okt.',
          'Nov.',
          'Dez.',
          'Jan. 2022*',
        ],
        en: ['Jan 2021*', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec', 'Jan 2022*'],
      },
    },
    {
      name: 'the first month tick carries its year',
      input: { domain: [U(2020, 10, 1), U(2021, 5, 1)], width: 700 },
      expected: {
        de: ['Nov. 2020', 'Dez.', 'Jan. 2021*', 'Feb.', 'März', 'Apr.', 'Mai', 'Juni'],
        en: ['Nov 2020', 'Dec', 'Jan 2021*', 'Feb', 'Mar', 'Apr', 'May', 'Jun'],
      },
    },
    {
      name: 'weeks: days, month boundary major',
      input: { domain: [U(2021, 2, 1), U(2021, 3, 10)], width: 500 },
      expected: {
        de: ['7. März', '14. März', '21. März', '28. März', '4. Apr.'],
        en: ['7 Mar', '14 Mar', '21 Mar', '28 Mar', '4 Apr'],
      },
    },
    {
      name: 'three days never go below whole days',
      input: { domain: [U(2021, 6, 10), U(2021, 6, 13)], width: 1200 },
      expected: { de: ['10. Juli', '11. Juli', '12. Juli', '13. Juli'], en: ['10 Jul', '11 Jul', '12 Jul', '13 Jul'] },
    },
    {
      name: 'two-day ticks across a month end',
      input: { domain: [U(2021, 6, 25), U(2021, 7, 8)], width: 600 },
      expected: {
        de: ['26. Juli', '28. Juli', '30. Juli', '1. Aug.*', '3. Aug.', '5. Aug.', '7. Aug.'],
        en: ['26 Jul', '28 Jul', '30 Jul', '1 Aug*', '3 Aug', '5 Aug', '7 Aug'],
      },
    },
  ];
  it.each(rows)('$name', ({ input, expected }) => {
    const labels = (lang: 'de' | 'en') =>
      axisTicks(input.domain, input.width, lang).map((t) => t.label + (t.major ? '*' : ''));
    expect({ de: labels('de'), en: labels('en') }).toEqual(expected);
  });

  it('places ticks linearly across the width', () => {
    const ticks = axisTicks([U(2021, 0, 1), U(2022, 0, 1)], 1200, 'en');
    expect(ticks[0]).toMatchObject({ t: U(2021, 0, 1), x: 0 });
    expect(ticks.at(-1)).toMatchObject({ t: U(2022, 0, 1), x: 1200 });
  });
});

describe('todayMarker', () => {
  const rows: { input: [[number, number], number, number]; expected: number | null }[] = [
    { input: [[0, 1000], 500, 250], expected: 125 },
    { input: [[0, 1000], 500, 0], expected: 0 },
    { input: [[0, 1000], 500, 1000], expected: 500 },
    { input: [[0, 1000], 500, 1001], expected: null },
    { input: [[0, 1000], 500, -1], expected: null },
    { input: [[5, 5], 500, 5], expected: null },
  ];
  it.each(rows)('$input → $expected', ({ input, expected }) => {
    expect(todayMarker(...input)).toBe(expected);
  });
});
