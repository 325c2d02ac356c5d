import { describe, expect, it } from 'vitest';
import { normalizeForSearch, normalizeWithOffsets, searchWords } from './normalize.ts';

describe('normalizeForSearch', () => {
  it.each([
    ['Außenminister', 'aussenminister'],
    ['Aussenminister', 'aussenminister'],
    ['AUSSENMINISTER', 'aussenminister'],
    ['Gespräche', 'gesprache'],
    ['Gespraeche', 'gesprache'],
    ['Lawrow', 'lawrow'],
    ['Lavrov', 'lavrov'],
    ['Лавров', 'лавров'],
    ['Ёлка', 'елка'],
    ['SOZ-Gipfel', 'soz gipfel'],
    ['  Xi   Jinping,\tin\nPeking!  ', 'xi jinping in peking'],
    ["Russia's", 'russias'],
    ['Wang Yi’s', 'wang yis'],
    ['São Paulo', 'sao paulo'],
    ['ﬁnal', 'final'],
    ['上海合作组织', '上海合作组织'],
    ['G-20 / G20', 'g 20 g20'],
    ['ΣΟΦΟΣ', 'σοφοσ'],
    ['', ''],
    ['—…', ''],
  ])('%j → %j', (input, expected) => {
    expect(normalizeForSearch(input)).toBe(expected);
  });

  it.each([
    ['Außenminister', 'Aussenminister'],
    ['Außenminister', 'AUSSENMINISTER'],
    ['Müller', 'Mueller'],
    ['Österreich', 'Oesterreich'],
    ['Пётр', 'Петр'],
  ])('%j and %j fold to the same string', (a, b) => {
    expect(normalizeForSearch(a)).toBe(normalizeForSearch(b));
  });

  it.each([
    ['Lawrow', 'Lavrov'],
    ['Peking', 'Beijing'],
    ['SOZ', 'SCO'],
  ])('%j and %j stay different (joined through aliases, not folding)', (a, b) => {
    expect(normalizeForSearch(a)).not.toBe(normalizeForSearch(b));
  });
});

describe('normalizeWithOffsets', () => {
  it.each([
    'Außenminister',
    'Gespraeche über SOZ-Gipfel in Peking',
    '  Сергей   Лавров — Ёлка ',
    "Russia's İstanbul ΣΟΦΟΣ ﬁnal",
    'Queue aee oeuf',
    '上海合作组织（上合组织）',
  ])('yields the same text as normalizeForSearch: %j', (text) => {
    const n = normalizeWithOffsets(text);
    expect(n.text).toBe(normalizeForSearch(text));
    expect(n.starts).toHaveLength(n.text.length);
    expect(n.ends).toHaveLength(n.text.length);
  });

  it('maps ß and a typed-out umlaut back to their source characters', () => {
    const n = normalizeWithOffsets('Maße Gespraeche');
    // m a s s e ␠ g e s p r a c h e
    expect(n.text).toBe('masse gesprache');
    expect([n.starts[2], n.ends[2], n.starts[3], n.ends[3]]).toEqual([2, 3, 2, 3]);
    expect([n.starts[11], n.ends[11]]).toEqual([10, 12]); // "ae" → "a"
  });
});

describe('searchWords', () => {
  it('splits on single spaces and drops empties', () => {
    expect(searchWords('лавров ван и')).toEqual(['лавров', 'ван', 'и']);
    expect(searchWords('')).toEqual([]);
  });
});
