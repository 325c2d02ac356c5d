import { describe, expect, it } from 'vitest';
import { de } from './de.ts';
import { en } from './en.ts';
import { hasMessages, loadMessages, messagesFor, pickLanguage } from './messages.ts';

const MESSAGES = { de, en };

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

describe('loading', () => {
  it('loads a language once, answers synchronously afterwards, and refuses one not loaded', async () => {
    expect(hasMessages('en')).toBe(false);
    expect(() => messagesFor('en')).toThrow('await loadMessages("en") first');
    const [a, b] = await Promise.all([loadMessages('en'), loadMessages('en')]);
    expect(a).toBe(en);
    expect(b).toBe(en);
    expect(hasMessages('en')).toBe(true);
    expect(messagesFor('en')).toBe(en);
    expect(hasMessages('de')).toBe(false);
  });
});
