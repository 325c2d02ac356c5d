import { describe, expect, it } from 'vitest';
import { parseHeader, publisherFromUrl, safeHttpUrl } from './header.ts';

describe('parseHeader', () => {
  it.each([
    [' date 2021-07 von https://de.rt.com\n\nText', { start: '2021-07', precision: 'month' }, 'https://de.rt.com/', 0],
    ['date 2024-04-10\nText', { start: '2024-04-10', precision: 'day' }, undefined, 0],
    [' date 2021-07 from https://tass.com/x\nText', { start: '2021-07', precision: 'month' }, 'https://tass.com/x', 0],
    [' date 2021-13 von https://de.rt.com\nText', null, 'https://de.rt.com/', 1],
    [' date yesterday\nText', null, undefined, 1],
    [' date 2021-07 von javascript:alert(1)\nText', { start: '2021-07', precision: 'month' }, undefined, 1],
  ])('%j', (text, date, url, warnings) => {
    const h = parseHeader(text)!;
    expect(h.date ? { start: h.date.start, precision: h.date.precision } : null).toEqual(date);
    expect(h.url).toBe(url);
    expect(h.warnings).toHaveLength(warnings);
    expect(text.slice(h.bodyStart)).toMatch(/^\n?Text$/);
  });

  it('returns null for an article without a header', () => {
    expect(parseHeader('Russlands Außenminister Sergej Lawrow traf sich in Peking …')).toBeNull();
  });
});

describe('URLs', () => {
  it.each([
    ['https://de.rt.com/a', 'https://de.rt.com/a'],
    ['http://example.org', 'http://example.org/'],
    ['javascript:alert(1)', undefined],
    ['data:text/html,x', undefined],
    ['/relative', undefined],
  ])('%s → %s', (input, expected) => expect(safeHttpUrl(input)).toBe(expected));

  it('names the publisher by host', () => {
    expect(publisherFromUrl('https://www.tagesschau.de/x')).toBe('tagesschau.de');
    expect(publisherFromUrl(undefined)).toBeUndefined();
  });
});
