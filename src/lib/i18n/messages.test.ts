import { describe, expect, it } from 'vitest';
import { MESSAGES, pickLanguage } from './messages.ts';

describe('pickLanguage', () => {
  it.each([
    ['en', ['de-DE'], 'en'],
    [null, ['en-GB', 'de'], 'en'],
    [null, ['fr-FR', 'de-AT'], 'de'],
    [null, ['fr-FR'], 'de'],
    ['xx', ['en-US'], 'en'],
    ['DE', [], 'de'],
  ])('lang=%s, browser %j → %s', (param, preferred, expected) => expect(pickLanguage(param, preferred)).toBe(expected));
});

describe('messages', () => {
  it('have the same keys in every language', () => {
    expect(Object.keys(MESSAGES.en).sort()).toEqual(Object.keys(MESSAGES.de).sort());
  });
  it.each([
    ['de', 3, 2, '2001–2025', '3 Kontakte aus 2 Artikeln, 2001–2025'],
    ['de', 1, 1, '2021', '1 Kontakt aus 1 Artikel, 2021'],
    ['en', 3, 2, '2001–2025', '3 contacts from 2 articles, 2001–2025'],
    ['en', 1, 1, '', '1 contact from 1 article'],
  ] as const)('%s title line', (lang, n, m, years, expected) =>
    expect(MESSAGES[lang].titleLine(n, m, years)).toBe(expected),
  );
});
