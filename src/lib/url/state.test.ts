import { mulberry32 } from '../random.ts';
import { describe, expect, it } from 'vitest';
import { EVENT_KINDS, EVENT_STATUSES } from '../dataset/types.ts';
import { EMPTY_FILTERS, type Filters } from '../filter/facets.ts';
import { de } from '../i18n/de.ts';
import { en } from '../i18n/en.ts';
import {
  DEFAULT_VIEW,
  isSafeDataPath,
  parseViewState,
  serializeViewState,
  type ViewState,
  PARAM_ORDER,
} from './state.ts';

const view = (over: Partial<Omit<ViewState, 'filters'>> & { filters?: Partial<Filters> } = {}): ViewState => ({
  ...DEFAULT_VIEW,
  ...over,
  filters: { ...EMPTY_FILTERS, ...over.filters },
});
/** Parses, with the notices in English words (what the English interface shows). */
const parse = (s: string) => {
  const { state, notices } = parseViewState(s);
  return { state, notices: notices.map(en.urlNotice) };
};

/** A structural check of everything parseViewState promises about its result. */
function assertValid(s: ViewState) {
  const key = /^[a-z0-9][a-z0-9-]{0,80}$/;
  expect(typeof s.q).toBe('string');
  expect(s.q.length).toBeLessThanOrEqual(500);
  for (const k of s.filters.forum) expect(k).toMatch(key);
  for (const k of s.filters.person) expect(k).toMatch(key);
  for (const k of s.filters.topic) expect(k).toMatch(key);
  for (const k of s.filters.kind) expect(EVENT_KINDS).toContain(k);
  for (const k of s.filters.status) expect(EVENT_STATUSES).toContain(k);
  for (const l of [s.filters.forum, s.filters.kind, s.filters.person, s.filters.topic, s.filters.status]) {
    expect(l).toEqual([...new Set(l)].sort());
  }
  expect(typeof s.filters.includeMentionedForums).toBe('boolean');
  for (const d of [s.filters.from, s.filters.to]) if (d !== null) expect(d).toMatch(/^\d{4}(-(0[1-9]|1[0-2]))?$/);
  if (s.window) {
    expect(s.window[0]).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(s.window[0] <= s.window[1]).toBe(true);
  }
  if (s.event !== null) expect(s.event).toMatch(/^[A-Za-z0-9][A-Za-z0-9_.-]{0,200}$/);
  expect(['forum', 'kind', 'level']).toContain(s.lanes);
  expect([null, 'de', 'en']).toContain(s.lang);
  expect(typeof s.embed).toBe('boolean');
  expect(typeof s.controls).toBe('boolean');
  if (s.data !== null) expect(isSafeDataPath(s.data)).toBe(true);
}

describe('parseViewState', () => {
  it("parses the issue's example", () => {
    const id = '2021-07-meeting-lavrov-wang-yi-tashkent';
    const { state, notices } = parse(`?q=afghanistan&forum=sco,brics&from=2021-01&to=2025-12&event=${id}&lang=en`);
    expect(notices).toEqual([]);
    expect(state).toEqual(
      view({
        q: 'afghanistan',
        filters: { forum: ['brics', 'sco'], from: '2021-01', to: '2025-12' },
        event: id,
        lang: 'en',
      }),
    );
  });

  it('gives the default view for an empty query, with or without "?"', () => {
    for (const s of ['', '?', '?&&', 'q=&forum=']) expect(parse(s)).toEqual({ state: view(), notices: [] });
  });

  it.each<[string, Partial<Omit<ViewState, 'filters'>> & { filters?: Partial<Filters> }]>([
    ['q=Ван+И', { q: 'Ван И' }],
    ['q=%D0%9B%D0%B0%D0%B2%D1%80%D0%BE%D0%B2', { q: 'Лавров' }],
    ['q=a%26b%3Dc', { q: 'a&b=c' }],
    ['forum=bilateral&mentioned=1', { filters: { forum: ['bilateral'], includeMentionedForums: true } }],
    ['mentioned=0', {}],
    ['kind=visit,phone-call&status=planned', { filters: { kind: ['phone-call', 'visit'], status: ['planned'] } }],
    [
      'person=wang-yi,lavrov,lavrov&topic=covid-19',
      { filters: { person: ['lavrov', 'wang-yi'], topic: ['covid-19'] } },
    ],
    ['from=2021&to=2021', { filters: { from: '2021', to: '2021' } }],
    ['from=2021-07&to=2021', { filters: { from: '2021-07', to: '2021' } }],
    ['to=1999-12', { filters: { to: '1999-12' } }],
    ['view=2021-01-01..2021-12-31', { window: ['2021-01-01', '2021-12-31'] }],
    ['view=2024-02-29..2024-02-29', { window: ['2024-02-29', '2024-02-29'] }],
    ['event=e1.v2_x-y', { event: 'e1.v2_x-y' }],
    ['lanes=level', { lanes: 'level' }],
    ['lanes=forum', {}],
    ['lang=de', { lang: 'de' }],
    ['embed=1&controls=0', { embed: true, controls: false }],
    ['embed=0&controls=1', {}],
    ['data=data/other.json', { data: 'data/other.json' }],
    ['data=./data/other.json', { data: './data/other.json' }],
    ['data=/contacts-2024.json', { data: '/contacts-2024.json' }],
  ])('%s', (query, expected) => {
    expect(parse(query)).toEqual({ state: view(expected), notices: [] });
  });

  it.each<[string, string[], Partial<Omit<ViewState, 'filters'>> & { filters?: Partial<Filters> }]>([
    ['lanes=diagonal', ['Ignored "lanes=diagonal": expected forum, kind or level.'], {}],
    ['lang=fr', ['Ignored "lang=fr": expected de or en.'], {}],
    ['foo=1&lanes=kind', ['Ignored unknown parameter "foo".'], { lanes: 'kind' }],
    [
      'kind=visit,teleport&status=rumoured',
      [
        'Ignored "kind=teleport": expected meeting, phone-call, video-call, visit, summit or signing.',
        'Ignored "status=rumoured": expected reported, mentioned or planned.',
      ],
      { filters: { kind: ['visit'] } },
    ],
    [
      'forum=sco,SCO,-x',
      ['Ignored "forum=SCO,-x": expected forum keys like sco or bilateral.'],
      { filters: { forum: ['sco'] } },
    ],
    ['from=2021-13', ['Ignored "from=2021-13": expected a year (2021) or month (2021-07).'], {}],
    [
      'from=21&to=2021-7',
      [
        'Ignored "from=21": expected a year (2021) or month (2021-07).',
        'Ignored "to=2021-7": expected a year (2021) or month (2021-07).',
      ],
      {},
    ],
    ['from=2025&to=2021-12', ['Ignored "from=2025&to=2021-12": the range ends before it starts.'], {}],
    ['from=2021-12&to=2021', [], { filters: { from: '2021-12', to: '2021' } }],
    [
      'view=2021-02-30..2021-03-01',
      ['Ignored "view=2021-02-30..2021-03-01": expected two days like 2021-01-01..2021-12-31.'],
      {},
    ],
    ['view=2021-03-01..2021-02-01', ['Ignored "view=2021-03-01..2021-02-01": the window ends before it starts.'], {}],
    ['view=2021-01-01', ['Ignored "view=2021-01-01": expected two days like 2021-01-01..2021-12-31.'], {}],
    ['event=../etc', ['Ignored "event=../etc": not an event id.'], {}],
    ['embed=yes', ['Ignored "embed=yes": expected 1 or 0.'], {}],
    ['mentioned=true', ['Ignored "mentioned=true": expected 1 or 0.'], {}],
    ['lanes=kind&lanes=level', ['Ignored "lanes=level": given more than once.'], { lanes: 'kind' }],
    [`q=${'x'.repeat(501)}`, ['Ignored "q": longer than 500 characters.'], {}],
    [`q=${'x'.repeat(500)}`, [], { q: 'x'.repeat(500) }],
  ])('%s → notices', (query, notices, expected) => {
    expect(parse(query)).toEqual({ state: view(expected), notices });
  });

  it.each([
    ['lanes=diagonal', '„lanes=diagonal“ ignoriert: erwartet forum, kind oder level.'],
    ['foo=1', 'Unbekannter Parameter „foo“ ignoriert.'],
    ['lanes=kind&lanes=level', '„lanes=level“ ignoriert: mehrfach angegeben.'],
    [`q=${'x'.repeat(501)}`, '„q“ ignoriert: länger als 500 Zeichen.'],
    ['forum=SCO', '„forum=SCO“ ignoriert: erwartet Forumsschlüssel wie sco oder bilateral.'],
    ['from=2021-13', '„from=2021-13“ ignoriert: erwartet ein Jahr (2021) oder einen Monat (2021-07).'],
    ['from=2025&to=2021-12', '„from=2025&to=2021-12“ ignoriert: Der Zeitraum endet vor seinem Beginn.'],
    ['view=2021-03-01..2021-02-01', '„view=2021-03-01..2021-02-01“ ignoriert: Der Ausschnitt endet vor seinem Beginn.'],
    ['event=../etc', '„event=../etc“ ignoriert: keine Kontakt-ID.'],
    ['embed=yes', '„embed=yes“ ignoriert: erwartet 1 oder 0.'],
    ['data=https://evil.example/x.json', '„data“ ignoriert: Nur Datensätze von dieser Website können geladen werden.'],
  ])('%s → the German notice', (query, words) => {
    expect(parseViewState(query).notices.map(de.urlNotice)).toEqual([words]);
  });

  it.each([
    'https://evil.example/x.json',
    '//evil.example/x.json',
    'data//x.json',
    '../secret.json',
    'data/../../x.json',
    'data/x.json?x=1',
    'javascript:alert(1)//.json',
    'data/x.JSON5',
    'data/x',
    '%2e%2e/x.json',
    'data\\x.json',
  ])('rejects data=%j', (value) => {
    const { state, notices } = parse(`data=${encodeURIComponent(value)}`);
    expect(state.data).toBeNull();
    expect(notices).toEqual(['Ignored "data": only datasets from this site can be loaded.']);
  });

  it('never throws and always returns a valid state for 500 hostile query strings (seeded)', () => {
    const rand = mulberry32(20240713);
    const pick = <T>(a: readonly T[]): T => a[Math.floor(rand() * a.length)] as T;
    const names = [...PARAM_ORDER, 'x', '', '__proto__', 'constructor', 'q ', 'Q', '%71'];
    const values = [
      '',
      '1',
      '0',
      'sco',
      'sco,brics',
      ',,,',
      'visit',
      'planned',
      '2021',
      '2021-07',
      '2021-13',
      '9999-12',
      '2021-01-01..2021-12-31',
      '2021-02-29..2021-03-01',
      '..',
      'forum',
      'level',
      'de',
      'en',
      'fr',
      'data/x.json',
      '../x.json',
      '//x.json',
      'http://x/y.json',
      '<script>alert(1)</script>',
      '%',
      '%zz',
      '%E0%A4%A',
      '\u0000',
      '\ud800',
      '🙂',
      'Лавров',
      '&',
      '=',
      '+',
      '?',
      '#',
      'x'.repeat(501),
      'a'.repeat(82),
      'e'.repeat(201),
    ];
    const chars = "abcz09-_.,;:/?#[]@!$&'()*+= %\u00e4\u0416\u4e2d\ud83d\ude42\ud800";
    const randomText = () =>
      Array.from({ length: Math.floor(rand() * 30) }, () => chars[Math.floor(rand() * chars.length)]).join('');
    // encodeURIComponent throws on lone surrogates; those go in raw, which is hostile input too.
    const encode = (v: string) => {
      try {
        return encodeURIComponent(v);
      } catch {
        return v;
      }
    };
    for (let i = 0; i < 500; i++) {
      const parts = Array.from({ length: Math.floor(rand() * 8) }, () => {
        const name = rand() < 0.9 ? pick(names) : randomText();
        const value = rand() < 0.7 ? pick(values) : randomText();
        return rand() < 0.5 ? `${name}=${encode(value)}` : `${name}=${value}`;
      });
      const query = (rand() < 0.5 ? '?' : '') + parts.join(rand() < 0.9 ? '&' : ';');
      let result: ReturnType<typeof parseViewState> | undefined;
      expect(() => (result = parseViewState(query)), query).not.toThrow();
      const { state, notices } = result as ReturnType<typeof parseViewState>;
      assertValid(state);
      for (const n of notices)
        for (const words of [en.urlNotice(n), de.urlNotice(n)]) {
          expect(words.length, words).toBeLessThan(200);
          expect(words, JSON.stringify(n)).not.toMatch(/undefined|\[object/);
        }
      // The canonical form of whatever survived parses back to the same state, without notices.
      const again = parseViewState(serializeViewState(state));
      expect(again, query).toEqual({ state, notices: [] });
      expect(serializeViewState(again.state)).toBe(serializeViewState(state));
    }
  });
});

describe('serializeViewState', () => {
  it.each<[Partial<Omit<ViewState, 'filters'>> & { filters?: Partial<Filters> }, string]>([
    [{}, ''],
    [{ q: 'afghanistan' }, '?q=afghanistan'],
    [{ q: 'Ван И & co' }, '?q=%D0%92%D0%B0%D0%BD+%D0%98+%26+co'],
    [{ filters: { forum: ['sco', 'brics'] } }, '?forum=brics,sco'],
    [
      {
        q: 'x',
        filters: {
          forum: ['sco'],
          includeMentionedForums: true,
          kind: ['visit'],
          person: ['lavrov'],
          topic: ['t'],
          status: ['planned'],
          from: '2021',
          to: '2022-03',
        },
        window: ['2021-01-01', '2021-06-30'],
        event: 'e1',
        lanes: 'kind',
        lang: 'de',
        embed: true,
        controls: false,
        data: 'data/x.json',
      },
      '?q=x&forum=sco&mentioned=1&kind=visit&person=lavrov&topic=t&status=planned&from=2021&to=2022-03' +
        '&view=2021-01-01..2021-06-30&event=e1&lanes=kind&lang=de&embed=1&controls=0&data=data%2Fx.json',
    ],
    [{ lanes: 'forum', controls: true, embed: false }, ''],
  ])('%j → %s', (state, expected) => {
    expect(serializeViewState(view(state))).toBe(expected);
  });

  it('is independent of list order and duplicates', () => {
    expect(serializeViewState(view({ filters: { kind: ['visit', 'meeting', 'visit'] } }))).toBe('?kind=meeting,visit');
  });

  it.each<Partial<Omit<ViewState, 'filters'>> & { filters?: Partial<Filters> }>([
    {},
    { q: 'lavrov afghanistan' },
    { q: ' spaces  kept ' },
    { q: '100% ?#&=+,;' },
    { q: 'Лавров 王毅 🙂' },
    { filters: { forum: ['bilateral', 'sco'], includeMentionedForums: true } },
    { filters: { kind: ['meeting', 'phone-call', 'signing', 'summit', 'video-call', 'visit'] } },
    { filters: { person: ['lavrov', 'wang-yi'], topic: ['afghanistan'], status: ['mentioned', 'reported'] } },
    { filters: { from: '2021' } },
    { filters: { to: '2025-12' } },
    { filters: { from: '2021-01', to: '2021-01' } },
    { window: ['2000-01-01', '2030-12-31'] },
    { event: '2021-07-meeting-lavrov-wang-yi-tashkent' },
    { lanes: 'level', lang: 'en' },
    { embed: true },
    { embed: true, controls: false },
    { controls: false },
    { data: './data/contacts.json' },
    {
      q: 'all',
      filters: { forum: ['brics'], kind: ['visit'], from: '2020', to: '2020-06' },
      window: ['2020-01-01', '2020-02-01'],
      event: 'x',
      lanes: 'kind',
      lang: 'de',
      embed: true,
      controls: false,
      data: 'd.json',
    },
  ])('round-trips %j', (partial) => {
    const state = view(partial);
    const query = serializeViewState(state);
    expect(parseViewState(query)).toEqual({ state, notices: [] });
    expect(serializeViewState(parseViewState(query).state)).toBe(query);
  });
});
