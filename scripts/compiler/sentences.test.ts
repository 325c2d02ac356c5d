import { describe, expect, it } from 'vitest';
import { findQuotations, splitSentences } from './sentences.ts';

const texts = (text: string) => splitSentences(text).map((s) => s.text);

describe('splitSentences', () => {
  it.each([
    ['Lawrow traf Wang. Sie sprachen lange.', ['Lawrow traf Wang.', 'Sie sprachen lange.']],
    [
      'Das Treffen fand am 16. Juli statt. Danach reiste er ab.',
      ['Das Treffen fand am 16. Juli statt.', 'Danach reiste er ab.'],
    ],
    ['Er kam z. B. nach St. Petersburg. Dort blieb er.', ['Er kam z. B. nach St. Petersburg.', 'Dort blieb er.']],
    ['Das war 2021. Dann kam 2022.', ['Das war 2021.', 'Dann kam 2022.']],
    [
      'Die Konferenz „Zentral- und Südasien: Interkonnektivität. Herausforderungen und Chancen“ in Taschkent. Danach.',
      [
        'Die Konferenz „Zentral- und Südasien: Interkonnektivität. Herausforderungen und Chancen“ in Taschkent.',
        'Danach.',
      ],
    ],
    ['Erste Zeile ohne Punkt\nZweite Zeile.', ['Erste Zeile ohne Punkt', 'Zweite Zeile.']],
    ['Joe J. Biden traf Xi. Gut.', ['Joe J. Biden traf Xi.', 'Gut.']],
    ['Lavrov met Wang Yi. They talked.', ['Lavrov met Wang Yi.', 'They talked.']],
    ['Лавров встретился с Ван И. Они обсудили Украину.', ['Лавров встретился с Ван И.', 'Они обсудили Украину.']],
    ['“Das ist gut.” Er ging.', ['“Das ist gut.”', 'Er ging.']],
  ])('%s', (text, expected) => expect(texts(text)).toEqual(expected));

  it('gives spans that point at the sentence', () => {
    const text = 'Eins ist hier.  Zwei ist da.\n\nDrei.';
    for (const s of splitSentences(text)) expect(text.slice(s.start, s.end)).toBe(s.text);
  });

  it('marks links to other articles as boilerplate', () => {
    const sentences = splitSentences('Lawrow traf Wang.\nMehr zum Thema – Wang Yi: „Russland ist wichtig“');
    expect(sentences.map((s) => s.boilerplate)).toEqual([false, true]);
  });

  it('starts at the body offset', () => {
    const text = ' date 2021-07\n\nLawrow traf Wang.';
    expect(splitSentences(text, 14).map((s) => s.text)).toEqual(['Lawrow traf Wang.']);
  });
});

describe('findQuotations', () => {
  it.each([
    ['Er sagte: „Wir werden zusammenarbeiten.“', ['Wir werden zusammenarbeiten.']],
    ['“Die Gespräche waren gut”, so das Ministerium.', ['Die Gespräche waren gut']],
    ['He said "we will work together" today.', ['we will work together']],
    ['Он заявил: «Мы будем сотрудничать».', ['Мы будем сотрудничать']],
    ['Ein „offener Satz ohne Ende\nund weiter', []],
  ])('%s', (text, expected) => expect(findQuotations(text).map((q) => q.text)).toEqual(expected));
});
