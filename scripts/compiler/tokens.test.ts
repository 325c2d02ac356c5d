import { describe, expect, it } from 'vitest';
import { foldText, tokenize, wildcardPattern, wordKey } from './tokens.ts';

describe('wordKey folds spellings of one word together', () => {
  it.each([
    ['Außenminister', 'Aussenminister'],
    ['Lawrows', 'Lawrow'],
    ['Pekings', 'Peking'],
    ['Chinas', 'China'],
    ['Russlands', 'Russland'],
    ['München', 'Muenchen'],
    ['Лаврова', 'Лавров'],
    ['Лавровым', 'Лавров'],
    ['Пекине', 'Пекин'],
    ['Ёлка', 'Елка'],
    ['ÉLYSÉE', 'elysee'],
  ])('%s = %s', (a, b) => expect(wordKey(a)).toBe(wordKey(b)));

  it.each([
    ['Kongress', 'Kongres'],
    ['Xi', 'X'],
    ['Wang', 'Wan'],
  ])('%s ≠ %s', (a, b) => expect(wordKey(a)).not.toBe(wordKey(b)));
});

describe('tokenize', () => {
  it('keeps offsets into the original text', () => {
    const text = '„Lawrow“ traf Wang Yi in Peking.';
    for (const t of tokenize(text, 100)) expect(text.slice(t.start - 100, t.end - 100)).toBe(t.raw);
  });
  it('splits hyphenated compounds into words', () => {
    expect(tokenize('SOZ-Außenministerrates COVID-19-Pandemie').map((t) => t.raw)).toEqual([
      'SOZ',
      'Außenministerrates',
      'COVID',
      '19',
      'Pandemie',
    ]);
  });
  it("treats '?' between letters as a lost letter, and a final '?' as punctuation", () => {
    const tokens = tokenize('Der Au?enminister f?r Europa?');
    expect(tokens.map((t) => [t.raw, t.wildcard])).toEqual([
      ['Der', false],
      ['Au?enminister', true],
      ['f?r', true],
      ['Europa', false],
    ]);
  });
  it("keeps apostrophes inside names (Xi'an)", () => {
    expect(tokenize("in Xi'an").map((t) => t.key)).toEqual(['in', 'xian']);
  });
  it('finds exactly the words of the regex it implements', () => {
    const WORD = /[\p{L}\p{N}]+(?:(?:\?+|['’])[\p{L}\p{N}]+)*\??(?=[^\p{L}\p{N}]|$)|[\p{L}\p{N}]+/gu;
    const viaRegex = (text: string) =>
      [...text.matchAll(WORD)].flatMap((m) => {
        const raw = m[0].replace(/\?+$/, '');
        return raw ? [[raw, m.index]] : [];
      });
    const pieces = [
      'a',
      'Ä',
      'ß',
      '7',
      '?',
      '??',
      "'",
      '’',
      ' ',
      '-',
      '.',
      'Л',
      '王',
      '𝐀',
      '\ud800',
      '\udc00',
      '\u0301',
      '٣',
    ];
    let seed = 1;
    const random = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 4294967296;
    for (let n = 0; n < 3000; n++) {
      let text = '';
      for (let k = Math.floor(random() * 12); k > 0; k--) text += pieces[Math.floor(random() * pieces.length)];
      expect(tokenize(text).map((t) => [t.raw, t.start])).toEqual(viaRegex(text));
    }
  });
});

describe('wildcardPattern', () => {
  it.each([
    ['au?enminister', foldText('Außenminister'), true],
    ['f?r', foldText('für'), true],
    ['m?glich', foldText('möglich'), true],
    ['f?r', 'fxxr', false],
  ])('%s matches %s: %s', (pattern, word, ok) => expect(wildcardPattern(pattern).test(word)).toBe(ok));
});
