import { describe, expect, it } from 'vitest';
import { makeDataset, makeEvent } from '../dataset/fixture.ts';
import type { Dataset, Entity } from '../dataset/types.ts';
import { buildSearchDoc, buildSearchDocs, createSearcher, highlightRanges, type SearchDoc } from './index.ts';

const entity = (name: string, labels: Record<string, string>, aliases: string[], extra: object = {}): Entity => ({
  name,
  labels,
  aliases,
  ...extra,
});

/** Entities carry realistic multilingual aliases, as the compiled dataset does; the code has no alias lists. */
function dataset(): Dataset {
  return makeDataset({
    events: [
      makeEvent({
        id: 'lavrov-wang-tashkent',
        participants: ['lavrov', 'wang-yi'],
        place: 'tashkent',
        forum: null,
        forumsMentioned: ['sco'],
        topics: ['afghanistan'],
        summary: 'Bei einem Treffen haben die Außenminister über Afghanistan beraten.',
      }),
      makeEvent({
        id: 'lavrov-wang-moscow-sco',
        date: { start: '2022-03-30', precision: 'day', basis: 'text' },
        participants: ['lavrov', 'wang-yi'],
        place: 'moscow',
        forum: 'sco',
        forumsMentioned: [],
        topics: ['covid-19'],
        summary: 'Die Minister sprachen über Impfstoffe.',
      }),
      makeEvent({
        id: 'putin-xi-beijing',
        date: { start: '2022-02-04', precision: 'day', basis: 'text' },
        participants: ['putin', 'xi'],
        place: 'beijing',
        forum: 'brics',
        forumsMentioned: [],
        topics: [],
        title: 'Meeting of Vladimir Putin and Xi Jinping in Beijing',
        titles: { de: 'Treffen von Wladimir Putin und Xi Jinping in Peking' },
        summary: 'Putin traf Xi in der chinesischen Hauptstadt.',
      }),
      makeEvent({
        id: 'putin-call-afghanistan',
        kind: 'phone-call',
        date: { start: '2021-08', precision: 'month', basis: 'header' },
        participants: ['putin', 'xi'],
        place: null,
        forum: null,
        forumsMentioned: [],
        topics: ['afghanistan'],
        title: 'Phone call of Vladimir Putin and Xi Jinping',
        summary: 'Telefonat über die Lage nach dem Abzug.',
        quotes: [{ speaker: 'ru-mfa', text: 'Wir beobachten die Lage genau.', document: 'doc-a', span: [0, 5] }],
      }),
      makeEvent({
        id: 'old-lavrov-quote',
        date: { start: '1999', precision: 'year', basis: 'text' },
        participants: ['xi'],
        place: null,
        forum: null,
        forumsMentioned: [],
        topics: [],
        title: 'Visit of Xi Jinping',
        summary: 'Ein Besuch.',
        quotes: [{ speaker: 'lavrov', text: 'Gute Nachbarn.', document: 'doc-a', span: [0, 5] }],
      }),
    ],
    entities: {
      people: {
        lavrov: entity(
          'Sergey Lavrov',
          { de: 'Sergej Lawrow', en: 'Sergey Lavrov', ru: 'Сергей Лавров', zh: '谢尔盖·拉夫罗夫' },
          ['Lavrov', 'Lawrow', 'Лавров', 'Sergej Lawrow', '拉夫罗夫'],
          {
            roles: [
              { role: 'ambassador', country: 'RU', from: '1994-04', to: '2004-03-08' },
              { role: 'foreign-minister', country: 'RU', from: '2004-03-09', to: null },
            ],
          },
        ),
        'wang-yi': entity('Wang Yi', { de: 'Wang Yi', en: 'Wang Yi', ru: 'Ван И', zh: '王毅' }, ['Wang Yi', 'Ван И']),
        putin: entity('Vladimir Putin', { de: 'Wladimir Putin', en: 'Vladimir Putin', ru: 'Владимир Путин' }, [
          'Putin',
          'Путин',
        ]),
        xi: entity('Xi Jinping', { de: 'Xi Jinping', en: 'Xi Jinping', ru: 'Си Цзиньпин' }, ['Xi', 'Си Цзиньпин']),
      },
      places: {
        tashkent: entity('Tashkent', { de: 'Taschkent', en: 'Tashkent', ru: 'Ташкент' }, ['Taschkent']),
        beijing: entity('Beijing', { de: 'Peking', en: 'Beijing', ru: 'Пекин', zh: '北京' }, ['Peking', 'Пекин']),
        moscow: entity('Moscow', { de: 'Moskau', en: 'Moscow', ru: 'Москва' }, ['Moskau', 'Москве']),
      },
      forums: {
        sco: entity(
          'Shanghai Cooperation Organisation',
          { de: 'Shanghaier Organisation für Zusammenarbeit', en: 'Shanghai Cooperation Organisation' },
          ['Shanghai-Organisation', 'ШОС'],
          { short: { de: 'SOZ', en: 'SCO', ru: 'ШОС', zh: '上合组织' } },
        ),
        brics: entity('BRICS', { de: 'BRICS-Gruppe', en: 'BRICS', ru: 'БРИКС' }, ['BRICS-Staaten']),
      },
      topics: {
        afghanistan: entity('Afghanistan', { de: 'Afghanistan', ru: 'Афганистан' }, ['Afghan*', 'Taliban*']),
        'covid-19': entity('COVID-19', { de: 'COVID-19', en: 'COVID-19' }, ['Corona*']),
      },
      institutions: {
        'ru-mfa': entity('Russian Foreign Ministry', { de: 'Russisches Außenministerium' }, ['МИД России']),
      },
    },
  });
}

const docs = buildSearchDocs(dataset());
const searcher = createSearcher(docs);
const find = (q: string) => searcher.search(q).ids;
const sorted = (ids: string[]) => [...ids].sort();

describe('buildSearchDocs', () => {
  it('makes one plain, normalized document per event', () => {
    expect(docs.map((d) => d.id)).toEqual(dataset().events.map((e) => e.id));
    expect(JSON.parse(JSON.stringify(docs))).toEqual(docs);
    const all = docs.flatMap((d) => [
      ...d.title,
      d.summary,
      ...d.quotes,
      ...d.people,
      ...d.places,
      ...d.forums,
      ...d.topics,
    ]);
    for (const s of all) expect(s).toMatch(/^[^A-ZÄÖÜß]*$/);
  });

  it('collects names, labels, aliases and short labels from the entity tables', () => {
    const doc = docs[0] as SearchDoc;
    expect(doc.people).toEqual(expect.arrayContaining(['sergey lavrov', 'сергеи лавров', 'lawrow', 'ван и', '王毅']));
    expect(doc.places).toEqual(expect.arrayContaining(['tashkent', 'ташкент']));
    expect(doc.forums).toEqual(expect.arrayContaining(['soz', 'sco', 'шос', 'shanghai organisation']));
    expect(doc.topics).toEqual(expect.arrayContaining(['afghanistan', 'afghan', 'taliban']));
  });

  it('adds roles held at the event date, and quote speakers (people or institutions)', () => {
    const byId = new Map(docs.map((d) => [d.id, d]));
    expect(byId.get('lavrov-wang-tashkent')?.people).toContain('foreign minister');
    expect(byId.get('lavrov-wang-tashkent')?.people).not.toContain('ambassador');
    expect(byId.get('old-lavrov-quote')?.people).toEqual(expect.arrayContaining(['lawrow']));
    expect(byId.get('putin-call-afghanistan')?.people).toEqual(expect.arrayContaining(['мид россии']));
  });

  it('keeps every title variant', () => {
    const doc = docs.find((d) => d.id === 'putin-xi-beijing') as SearchDoc;
    expect(doc.title).toEqual([
      'meeting of vladimir putin and xi jinping in beijing',
      'treffen von wladimir putin und xi jinping in peking',
    ]);
  });
});

describe('createSearcher: acceptance rows', () => {
  const lavrovEvents = ['lavrov-wang-moscow-sco', 'lavrov-wang-tashkent', 'old-lavrov-quote'];
  it.each([
    ['Lavrov', lavrovEvents],
    ['Lawrow', lavrovEvents],
    ['Лавров', lavrovEvents],
    ['лавров', lavrovEvents],
    ['拉夫罗夫', lavrovEvents],
    ['Lavorv', lavrovEvents],
    ['SCO', ['lavrov-wang-moscow-sco', 'lavrov-wang-tashkent']],
    ['SOZ', ['lavrov-wang-moscow-sco', 'lavrov-wang-tashkent']],
    ['ШОС', ['lavrov-wang-moscow-sco', 'lavrov-wang-tashkent']],
    ['Beijing', ['putin-xi-beijing']],
    ['Peking', ['putin-xi-beijing']],
    ['Пекин', ['putin-xi-beijing']],
    // The summary says "Außenminister"; the other hit is a quote by the "Russisches Außenministerium".
    ['Aussenminister', ['lavrov-wang-tashkent', 'putin-call-afghanistan']],
    ['AUSSENMINISTER', ['lavrov-wang-tashkent', 'putin-call-afghanistan']],
    ['Außenminister beraten', ['lavrov-wang-tashkent']],
    ['Außenministerium', ['putin-call-afghanistan']],
    ['lavrov afghanistan', ['lavrov-wang-tashkent']],
    ['afghanistan lavrov', ['lavrov-wang-tashkent']],
    ['Лавров Ван И', ['lavrov-wang-moscow-sco', 'lavrov-wang-tashkent']],
    ['taliban', ['lavrov-wang-tashkent', 'putin-call-afghanistan']],
    // Lavrov's role at the time, and (as a substring) the "Russian Foreign Ministry" quoted in the phone call.
    ['foreign minister', ['lavrov-wang-moscow-sco', 'lavrov-wang-tashkent', 'putin-call-afghanistan']],
    // Lavrov was ambassador only before 2004; in 1999 he merely speaks (speakers add names, not roles).
    ['ambassador', []],
    ['Pekign', ['putin-xi-beijing']],
    ['Afghanistn', ['lavrov-wang-tashkent', 'putin-call-afghanistan']],
    ['xqzv', []],
    ['lavrov xqzv', []],
  ])('%j finds %j', (query, expected) => {
    expect(sorted(find(query))).toEqual(sorted(expected));
  });

  it('finds everything, in dataset order, for an empty or blank query', () => {
    const all = dataset().events.map((e) => e.id);
    for (const q of ['', '   ', '—']) {
      const r = searcher.search(q);
      expect(r.ids).toEqual(all);
      expect(r.terms).toEqual([]);
      expect(r.scores.size).toBe(all.length);
    }
  });

  it('does not match short words inside other words ("sco" in "moscow")', () => {
    expect(find('sco')).not.toContain('putin-xi-beijing');
    expect(find('sco')).toHaveLength(2);
  });

  it('ranks participants above a mention in a quote speaker only... and exact above fuzzy', () => {
    // Lavrov takes part in two events (people field, weight 3, plus titles) and only speaks in the third.
    const r = searcher.search('lavrov');
    expect(r.ids.at(-1)).toBe('old-lavrov-quote');
    for (const id of r.ids) expect(r.scores.get(id)).toBeGreaterThanOrEqual(0);
    const exact = searcher.search('lavrov').scores.get('lavrov-wang-tashkent') as number;
    const fuzzy = searcher.search('lavorv').scores.get('lavrov-wang-tashkent') as number;
    expect(fuzzy).toBeGreaterThan(exact);
  });

  it('returns the normalized query words as terms', () => {
    expect(searcher.search('  Außenminister, LAVROV ').terms).toEqual(['aussenminister', 'lavrov']);
  });
});

describe('createSearcher: caching and narrowing', () => {
  it('gives the same result while typing as a fresh searcher does for the final query', () => {
    const typing = createSearcher(docs);
    for (const query of ['lavrov afghanistan', 'Лавров Ван И', 'scoop sco', 'aussenminister', 'peking', 'taliban']) {
      for (let i = 1; i <= query.length; i++) {
        const q = query.slice(0, i);
        const fresh = createSearcher(docs).search(q);
        const typed = typing.search(q);
        expect(typed.ids, q).toEqual(fresh.ids);
        expect(typed.scores, q).toEqual(fresh.scores);
      }
    }
  });

  it('works from documents that went through JSON (a Web Worker message)', () => {
    const copy = createSearcher(JSON.parse(JSON.stringify(docs)) as SearchDoc[]);
    for (const q of ['lavrov', 'soz', 'peking afghanistan', 'lavorv'])
      expect(copy.search(q)).toEqual(searcher.search(q));
  });

  it('handles an empty document list', () => {
    expect(createSearcher([]).search('lavrov').ids).toEqual([]);
    expect(createSearcher([]).search('').ids).toEqual([]);
  });
});

describe('highlightRanges', () => {
  const cut = (text: string, terms: string[]) => highlightRanges(text, terms).map(([a, b]) => text.slice(a, b));
  it.each([
    ['Die Außenminister trafen sich.', ['aussenminister'], ['Außenminister']],
    ['Die Außenminister trafen sich.', ['aussen'], ['Außen']],
    ['Die Außenminister trafen sich.', ['aus'], ['Auß']],
    ['Gespraeche und Gespräche', ['gesprache'], ['Gespraeche', 'Gespräche']],
    ['Сергей Лавров и Ван И', ['лавров', 'ван'], ['Лавров', 'Ван']],
    ['Ёлка', ['елка'], ['Ёлка']],
    ['SOZ-Gipfel', ['soz', 'gipfel'], ['SOZ', 'Gipfel']],
    ['SOZ-Gipfel', ['soz gipfel'], ['SOZ-Gipfel']],
    ['Lavrov, Lavrov', ['lavrov'], ['Lavrov', 'Lavrov']],
    ['Lavrovs', ['lav', 'avro'], ['Lavro']],
    ['nothing here', ['lavrov'], []],
    ['anything', [], []],
    ['', ['x'], []],
  ])('%j with %j highlights %j', (text, terms, expected) => {
    expect(cut(text, terms)).toEqual(expected);
  });

  it('returns sorted, non-overlapping ranges in original offsets', () => {
    const ranges = highlightRanges('Maße, Maße und Gespraeche', ['masse', 'asse', 'gesprache']);
    expect(ranges).toEqual([
      [0, 4],
      [6, 10],
      [15, 25],
    ]);
  });
});

describe('createSearcher: dictionary matching and ranking', () => {
  /** Hand-built documents: only the fields a row needs are filled. */
  const doc = (id: string, fields: Partial<Omit<SearchDoc, 'id'>>): SearchDoc => ({
    id,
    title: [],
    summary: '',
    quotes: [],
    people: [],
    places: [],
    forums: [],
    topics: [],
    ...fields,
  });
  const small = createSearcher([
    doc('inside', { summary: 'die aussenminister trafen sich' }),
    doc('exact', { summary: 'minister und minister' }),
    doc('prefix', { summary: 'ministerium' }),
    doc('none', { summary: 'nothing here' }),
    doc('title-prefix', { title: ['ministerin'] }),
    doc('person', { people: ['sergey lavrov'] }),
    doc('person-typo', { people: ['sergei lavrow'] }),
  ]);

  it.each([
    // Whole word > word start > inside a word; field weights on top (title 2 × prefix beats summary 1 × exact).
    ['minister', ['title-prefix', 'exact', 'prefix', 'inside']],
    ['mini', ['title-prefix', 'exact', 'prefix', 'inside']],
    // Equal matches keep dataset order.
    ['ster', ['title-prefix', 'inside', 'exact', 'prefix']],
    // Up to three letters only at a word start.
    ['min', ['title-prefix', 'exact', 'prefix']],
    ['ste', []],
    ['aussenminister', ['inside']],
    ['und minister', ['exact']],
    ['minister nothing', []],
    ['avro', ['person', 'person-typo']],
    // A typo (a fuzzy name match) ranks below the exact one.
    ['lavrov', ['person', 'person-typo']],
    ['lavrow', ['person-typo', 'person']],
    ['sergey', ['person', 'person-typo']],
  ])('%j ranks %j', (query, expected) => {
    expect(small.search(query).ids).toEqual(expected);
  });

  it('returns indices (positions in the document list) that match the ids, best first', () => {
    for (const q of ['', 'minister', 'ster', 'lavrow', 'xqzv', 'und minister']) {
      const r = small.search(q);
      expect(r.indices).toBeInstanceOf(Int32Array);
      expect(
        Array.from(r.indices, (i) => small.search('').ids[i]),
        q,
      ).toEqual(r.ids);
    }
    expect(Array.from(small.search('').indices)).toEqual([0, 1, 2, 3, 4, 5, 6]);
  });

  it('returns every event for a first letter they all share, best field first, ties in dataset order', () => {
    // 3,000 events in three kinds: "lavrov" as a participant (weight 3), in the title (2), in the summary (1).
    const kinds = [{ people: ['lavrov'] }, { title: ['lavrov'] }, { summary: 'lavrov' }];
    const many = Array.from({ length: 3000 }, (_, i) => doc(`e${i}`, kinds[(i * 7) % 3] as Partial<SearchDoc>));
    const ofKind = (k: number) => many.filter((_, i) => (i * 7) % 3 === k).map((d) => d.id);
    const r = createSearcher(many).search('l');
    expect(r.ids).toEqual([...ofKind(0), ...ofKind(1), ...ofKind(2)]);
    expect(Array.from(r.indices, (i) => many[i]?.id)).toEqual(r.ids);
  });

  it('agrees with a brute-force reference on random documents (no typos: query words under 5 letters)', () => {
    // Letters that normalizeForSearch leaves alone (no "ae"/"oe"/"ue" to fold), so documents and queries are
    // normalized as they are.
    let seed = 7;
    const rnd = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
    const word = () => Array.from({ length: 1 + Math.floor(rnd() * 6) }, () => 'abcdk'[Math.floor(rnd() * 5)]).join('');
    const words = (k: number) => Array.from({ length: k }, word).join(' ');
    const corpus = Array.from({ length: 400 }, (_, i) =>
      doc(`r${i}`, {
        title: rnd() < 0.5 ? [words(3)] : [],
        summary: words(Math.floor(rnd() * 8)),
        quotes: rnd() < 0.3 ? [words(4), words(2)] : [],
        people: rnd() < 0.5 ? [words(2), words(1)] : [],
        places: rnd() < 0.2 ? [words(1)] : [],
        forums: rnd() < 0.2 ? [words(1)] : [],
        topics: rnd() < 0.2 ? [words(2)] : [],
      }),
    );
    const weights = { people: 3, forums: 3, places: 2, topics: 2, title: 2, quotes: 1, summary: 1 } as const;
    const quality = (q: string, w: string) =>
      w === q ? 0 : w.startsWith(q) ? 0.1 : q.length > 3 && w.includes(q) ? 0.2 : null;
    const reference = (query: string) => {
      const terms = [...new Set(query.split(' '))];
      const out: { id: string; index: number; score: number }[] = [];
      corpus.forEach((d, index) => {
        let total = 0;
        for (const q of terms) {
          let relevance = 0;
          for (const [field, weight] of Object.entries(weights)) {
            const value = d[field as keyof typeof weights];
            const fieldWords = (typeof value === 'string' ? [value] : value).flatMap((s) => s.split(' '));
            const best = Math.min(...fieldWords.map((w) => quality(q, w) ?? 2));
            if (best < 2) relevance += weight * (1 - best);
          }
          if (relevance === 0) return;
          total += relevance;
        }
        out.push({ id: d.id, index, score: Math.max(0, 1 - total / (14 * terms.length)) });
      });
      return out;
    };
    const s = createSearcher(corpus);
    const queries = ['a', 'b', 'k', 'ab', 'abc', 'bcd', 'abcd', 'dcba', 'kkkk', 'a b', 'ab cd', 'abcd k', 'kk aa dd'];
    for (let i = 0; i < 30; i++) queries.push(word().slice(0, 4), `${word().slice(0, 2)} ${word().slice(0, 4)}`);
    let hits = 0;
    for (const q of queries) {
      const expected = reference(q);
      hits += expected.length;
      const r = s.search(q);
      expect(sorted(r.ids), q).toEqual(sorted(expected.map((e) => e.id)));
      const byId = new Map(expected.map((e) => [e.id, e]));
      r.ids.forEach((id, k) => {
        const e = byId.get(id) as { index: number; score: number };
        expect(r.scores.get(id), `${q} ${id}`).toBeCloseTo(e.score, 5);
        if (k === 0) return;
        const prev = byId.get(r.ids[k - 1] as string) as { index: number; score: number };
        // Best first; equal scores in dataset order.
        if (Math.abs(prev.score - e.score) < 1e-6) expect(prev.index, q).toBeLessThan(e.index);
        else expect(prev.score, q).toBeLessThan(e.score);
      });
    }
    expect(hits).toBeGreaterThan(queries.length * 20);
  });
});

describe('buildSearchDocs', () => {
  it('gives the same documents as building each event on its own (names are normalized once, shared)', () => {
    const ds = dataset();
    expect(buildSearchDocs(ds)).toEqual(ds.events.map((e) => buildSearchDoc(e, ds.entities)));
  });
});
