import { describe, expect, it } from 'vitest';
import type { DateBasis, EventDate } from '../dataset/types.ts';
import { formatBasis, formatEventDate } from './format.ts';

const date = (start: string | null, end?: string): EventDate => ({
  start,
  precision: start === null ? 'unknown' : start.length === 4 ? 'year' : start.length === 7 ? 'month' : 'day',
  basis: 'text',
  ...(end ? { end } : {}),
});

describe('formatEventDate', () => {
  const rows: { input: EventDate; expected: { de: string; en: string } }[] = [
    { input: date('2025-07-13'), expected: { de: '13. Juli 2025', en: '13 July 2025' } },
    { input: date('2025-03-01'), expected: { de: '1. März 2025', en: '1 March 2025' } },
    { input: date('2021-07'), expected: { de: 'Juli 2021', en: 'July 2021' } },
    { input: date('2001'), expected: { de: '2001', en: '2001' } },
    { input: date('2023-03-20', '2023-03-22'), expected: { de: '20.–22. März 2023', en: '20–22 March 2023' } },
    {
      input: date('2023-02-28', '2023-03-02'),
      expected: { de: '28. Februar – 2. März 2023', en: '28 February – 2 March 2023' },
    },
    {
      input: date('2023-12-30', '2024-01-02'),
      expected: { de: '30. Dezember 2023 – 2. Januar 2024', en: '30 December 2023 – 2 January 2024' },
    },
    { input: date('2022-03', '2022-05'), expected: { de: 'März – Mai 2022', en: 'March – May 2022' } },
    {
      input: date('2021-12', '2022-02'),
      expected: { de: 'Dezember 2021 – Februar 2022', en: 'December 2021 – February 2022' },
    },
    { input: date('2001', '2003'), expected: { de: '2001–2003', en: '2001–2003' } },
    { input: date('2022-05-09', '2022-05-09'), expected: { de: '9. Mai 2022', en: '9 May 2022' } },
    { input: date('2022-05', '2022-06-03'), expected: { de: 'Mai 2022 – 3. Juni 2022', en: 'May 2022 – 3 June 2022' } },
    { input: date(null), expected: { de: 'Datum unbekannt', en: 'Date unknown' } },
    {
      input: { start: '2021', precision: 'unknown', basis: 'text' },
      expected: { de: 'Datum unbekannt', en: 'Date unknown' },
    },
    { input: date('2021-13'), expected: { de: 'Datum unbekannt', en: 'Date unknown' } },
  ];
  it.each(rows)('$input.start … $input.end', ({ input, expected }) => {
    expect({ de: formatEventDate(input, 'de'), en: formatEventDate(input, 'en') }).toEqual(expected);
  });
});

describe('formatBasis', () => {
  const rows: { input: DateBasis; expected: { de: string; en: string } }[] = [
    { input: 'text', expected: { de: 'laut Artikeltext', en: 'from the article text' } },
    { input: 'header', expected: { de: 'Datum der Veröffentlichung', en: 'publication date' } },
    { input: 'sidecar', expected: { de: 'Kuratorenangabe', en: 'curator’s note' } },
  ];
  it.each(rows)('$input', ({ input, expected }) => {
    expect({ de: formatBasis(input, 'de'), en: formatBasis(input, 'en') }).toEqual(expected);
  });
});
