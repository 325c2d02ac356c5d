/**
 * The compiler's rules, one short made-up article per row: dates at their precision, names across languages,
 * role words, recaps and announcements, venues, relevance, damaged encodings, merging.
 */
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import type { ContactEvent } from '../../src/lib/dataset/types.ts';
import { compileTexts, eventsOf, reportedOf } from './testing/context.ts';

interface Row {
  name: string;
  text: string;
  sidecar?: string;
  reported: Partial<Pick<ContactEvent, 'kind' | 'place' | 'forum' | 'participants'>> & {
    date?: Partial<ContactEvent['date']>;
  };
}

const reportedRows: Row[] = [
  {
    name: 'German, full date in the text',
    text: 'Der russische Außenminister Sergej Lawrow hat am 16. Juli 2021 in Taschkent seinen chinesischen Amtskollegen Wang Yi getroffen.',
    reported: {
      kind: 'meeting',
      place: 'tashkent',
      participants: ['lavrov', 'wang-yi'],
      date: { start: '2021-07-16', precision: 'day', basis: 'text' },
    },
  },
  {
    name: 'weekday with a day-precise header',
    text: ' date 2024-04-10\n\nWladimir Putin und Xi Jinping haben am Montag miteinander telefoniert.',
    reported: {
      kind: 'phone-call',
      participants: ['putin', 'xi-jinping'],
      date: { start: '2024-04-08', precision: 'day', basis: 'header' },
    },
  },
  {
    name: 'weekday with a month-only header stays a month',
    text: ' date 2024-04 von https://example.org\n\nAm Montag telefonierte Putin mit Xi Jinping.',
    reported: { kind: 'phone-call', date: { start: '2024-04', precision: 'month', basis: 'header' } },
  },
  {
    name: 'no date anywhere is unknown, never a guess',
    text: 'Putin und Xi Jinping haben in einem Telefonat über die Ukraine gesprochen.',
    reported: { kind: 'phone-call', date: { start: null, precision: 'unknown' } },
  },
  {
    name: 'sidecar date',
    text: 'Lawrow traf Wang Yi in Peking.',
    sidecar: 'date: 2025-07-13\n',
    reported: { place: 'beijing', date: { start: '2025-07-13', precision: 'day', basis: 'sidecar' } },
  },
  {
    name: 'role words resolve to the office holder at the article date',
    text: ' date 2021-07\n\nDer russische Außenminister traf in Moskau seinen chinesischen Amtskollegen.',
    reported: { participants: ['lavrov', 'wang-yi'], place: 'moscow' },
  },
  {
    name: 'role words in 2023 resolve to Qin Gang',
    text: ' date 2023-03-02\n\nAm Rande des G20-Außenministertreffens in Neu-Delhi traf Lawrow den chinesischen Außenminister.',
    reported: { participants: ['lavrov', 'qin-gang'], place: 'new-delhi', forum: 'g20' },
  },
  {
    name: 'English article',
    text: ' date 2023-07-13\n\nRussian Foreign Minister Sergey Lavrov met his Chinese counterpart Wang Yi on the sidelines of the ASEAN meetings in Jakarta on Thursday.',
    reported: {
      kind: 'meeting',
      place: 'jakarta',
      forum: 'asean',
      participants: ['lavrov', 'wang-yi'],
      date: { start: '2023-07-13', precision: 'day' },
    },
  },
  {
    name: 'Russian article',
    text: ' date 2024-07-25\n\nМинистр иностранных дел России Сергей Лавров в четверг провел переговоры с Ван И во Вьентьяне.',
    reported: {
      kind: 'meeting',
      place: 'vientiane',
      participants: ['lavrov', 'wang-yi'],
      date: { start: '2024-07-25', precision: 'day' },
    },
  },
  {
    name: 'a summit venue is the forum, the contact a meeting',
    text: ' date 2024-10-22\n\nAm Rande des BRICS-Gipfels in Kasan trafen sich Lawrow und Wang Yi am Dienstag.',
    reported: { kind: 'meeting', place: 'kazan', forum: 'brics', participants: ['lavrov', 'wang-yi'] },
  },
  {
    name: 'talks of the two heads of state in person are a summit',
    text: ' date 2024-10-22\n\nAm Rande des BRICS-Gipfels in Kasan trafen sich Putin und Xi Jinping am Dienstag.',
    reported: { kind: 'summit', place: 'kazan', forum: 'brics', participants: ['putin', 'xi-jinping'] },
  },
  {
    name: 'a dateline date refines a month header; a later sentence says the call was by video',
    text: ' date 2024-07 von http://example.org\n\nASTANA, July 3 (Xinhua) -- Xi Jinping met with Vladimir Putin on Wednesday. The talks were held by video link.',
    reported: { kind: 'video-call', place: null, date: { start: '2024-07-03', precision: 'day', basis: 'text' } },
  },
  {
    name: '"in the Russian capital" is Moscow',
    text: ' date 2023-02-21\n\nWang Yi traf in der russischen Hauptstadt den Sekretär des Sicherheitsrats Nikolai Patruschew.',
    reported: { place: 'moscow', participants: ['patrushev', 'wang-yi'] },
  },
  {
    name: 'state visit as a range',
    text: 'Xi Jinping war vom 20. bis 22. März 2023 zu einem Staatsbesuch in Moskau, wo er mit Wladimir Putin zusammenkam.',
    reported: {
      kind: 'visit',
      place: 'moscow',
      date: { start: '2023-03-20', end: '2023-03-22', precision: 'day', basis: 'text' },
    },
  },
  {
    name: 'video conference',
    text: ' date 2022-12-30\n\nPutin und Xi Jinping haben am Freitag eine Videokonferenz abgehalten.',
    reported: { kind: 'video-call', date: { start: '2022-12-30', precision: 'day' } },
  },
  {
    name: 'a dateline names the place when the text does not',
    text: ' date 2019-06-05\n\nMOSKAU (dpa) – Kremlchef Wladimir Putin hat am Mittwoch Chinas Staatschef Xi Jinping zu Gesprächen empfangen.',
    reported: {
      place: 'moscow',
      participants: ['putin', 'xi-jinping'],
      date: { start: '2019-06-05', precision: 'day' },
    },
  },
  {
    name: 'a venue stands for its city',
    text: ' date 2008-05-23\n\nMedwedew traf in der Großen Halle des Volkes mit Hu Jintao zusammen.',
    reported: { place: 'beijing', participants: ['hu-jintao', 'medvedev'] },
  },
  {
    name: 'calls have no place; a third party in an aside is not a participant',
    text: ' date 2025-01-21\n\nXi Jinping and Vladimir Putin held a video call on Tuesday, hours after Donald Trump returned to the White House in Washington.',
    reported: { kind: 'video-call', place: null, participants: ['putin', 'xi-jinping'] },
  },
  {
    name: 'a third party named with the contact word takes part',
    text: ' date 2025-05-20\n\nLawrow, Wang Yi und der indische Außenminister Subrahmanyam Jaishankar trafen sich in Moskau.',
    reported: { participants: ['jaishankar', 'lavrov', 'wang-yi'] },
  },
  {
    name: 'a contact told over two sentences',
    text: ' date 2023-03\n\nChinas Staatschef Xi Jinping ist nach Russland gereist. Bei seinem Staatsbesuch vom 20. bis 22. März wurde er in Moskau von Präsident Wladimir Putin empfangen.',
    reported: {
      kind: 'visit',
      place: 'moscow',
      participants: ['putin', 'xi-jinping'],
      date: { start: '2023-03-20', end: '2023-03-22' },
    },
  },
  {
    name: 'a sidecar corrects extracted fields',
    text: ' date 2021-07\n\nLawrow traf Wang Yi in Taschkent.',
    sidecar: 'reported:\n  forum: sco\n  date: 2021-07-15\n',
    reported: { forum: 'sco', place: 'tashkent', date: { start: '2021-07-15', precision: 'day', basis: 'sidecar' } },
  },
  {
    name: 'umlauts lost as ? still match',
    text: ' date 2021-07\n\nDer russische Au?enminister Lawrow traf in M?nchen seinen chinesischen Amtskollegen Wang Yi f?r Gespr?che.',
    reported: { participants: ['lavrov', 'wang-yi'], place: 'munich' },
  },
];

describe('the reported contact', () => {
  it.each(reportedRows)('$name', (row) => {
    const { dataset } = compileTexts([{ file: 'a.txt', text: row.text, sidecar: row.sidecar }]);
    const event = reportedOf(dataset, 'a.txt');
    expect(event, dataset.documents[0]?.reason).toBeDefined();
    const { date, ...rest } = row.reported;
    expect(event).toMatchObject(rest);
    if (date) expect(event!.date).toMatchObject(date);
  });
});

describe('recaps and announcements are never new contacts', () => {
  it.each([
    {
      name: 'a bare month in the past is recalled',
      text: ' date 2025-07-13\n\nLawrow traf Wang Yi in Peking. Das Treffen vertiefte die Ergebnisse des Moskauer Gipfels im Mai.',
      mentioned: [
        {
          kind: 'summit',
          place: 'moscow',
          date: { start: '2025-05', precision: 'month' },
          participants: ['putin', 'xi-jinping'],
        },
      ],
      planned: [],
    },
    {
      name: '"am Vortag" is a recap',
      text: ' date 2024-05-17\n\nPutin traf Xi Jinping in Harbin. Am Vortag hatte Putin Xi Jinping bereits in Peking getroffen.',
      mentioned: [{ kind: 'meeting', place: 'beijing', date: { start: '2024-05-16', precision: 'day' } }],
      planned: [],
    },
    {
      name: '"vorigen Monat" is a recap',
      text: ' date 2023-04-14\n\nLawrow traf Qin Gang in Moskau. Vorigen Monat hatten sich Putin und Xi Jinping in Moskau getroffen.',
      mentioned: [
        { kind: 'meeting', date: { start: '2023-03', precision: 'month' }, participants: ['putin', 'xi-jinping'] },
      ],
      planned: [],
    },
    {
      name: 'an announced trip is planned',
      text: ' date 2025-07-13\n\nLawrow traf Wang Yi in Peking. Putin soll im Oktober zu einem Besuch mit Xi Jinping nach Peking reisen.',
      mentioned: [],
      planned: [{ kind: 'visit', date: { start: '2025-10', precision: 'month' } }],
    },
    {
      name: 'an anniversary dates a treaty from the article year',
      text: ' date 2021-07\n\nLawrow traf Wang Yi. Anlässlich des 20. Jahrestages des Freundschaftsvertrages sprachen sie über die Zukunft.',
      mentioned: [
        { kind: 'signing', date: { start: '2001', precision: 'year' }, participants: ['jiang-zemin', 'putin'] },
      ],
      planned: [],
    },
    {
      name: '"the two" in a recap are the reported participants',
      text: ' date 2024-10-22\n\nPutin traf Xi Jinping in Kasan. Zuletzt hatten sich die beiden im Mai in Peking getroffen.',
      mentioned: [
        {
          kind: 'meeting',
          place: 'beijing',
          date: { start: '2024-05', precision: 'month' },
          participants: ['putin', 'xi-jinping'],
        },
      ],
      planned: [],
    },
    {
      name: 'English recap with "last year"',
      text: ' date 2024-05-16\n\nPutin met Xi Jinping in Beijing on Thursday. The two leaders last met in Moscow in March 2023.',
      mentioned: [{ kind: 'meeting', place: 'moscow', date: { start: '2023-03', precision: 'month' } }],
      planned: [],
    },
  ])('$name', ({ text, mentioned, planned }) => {
    const { dataset } = compileTexts([{ file: 'a.txt', text }]);
    expect(dataset.events.filter((e) => e.status === 'reported')).toHaveLength(1);
    const got = eventsOf(dataset, 'a.txt', 'mentioned');
    expect(got).toHaveLength(mentioned.length);
    mentioned.forEach((m, i) => expect(got[i]).toMatchObject(m));
    const gotPlanned = eventsOf(dataset, 'a.txt', 'planned');
    expect(gotPlanned).toHaveLength(planned.length);
    planned.forEach((m, i) => expect(gotPlanned[i]).toMatchObject(m));
  });
});

describe('relevance', () => {
  it.each([
    [
      'Wang Yi meets a German minister',
      ' date 2025-06-20\n\nChinas Außenminister Wang Yi traf in Berlin Außenminister Johann Wadephul.',
      /no Russian participant/,
    ],
    [
      'a Trump–Xi phone call',
      ' date 2025-06-05\n\nUS President Donald Trump and Xi Jinping spoke by phone on Thursday.',
      /no Russian participant/,
    ],
    [
      'Lavrov meets an Indian minister',
      ' date 2025-08-21\n\nLawrow traf in Moskau den indischen Außenminister Subrahmanyam Jaishankar.',
      /no Chinese participant/,
    ],
    [
      'trade figures only',
      ' date 2024-01-12\n\nDer Handel zwischen Russland und China erreichte 2023 einen Rekordwert.',
      /no diplomatic contact/,
    ],
  ])('%s is flagged with its reason', (_name, text, reason) => {
    const { dataset } = compileTexts([{ file: 'a.txt', text }]);
    const doc = dataset.documents[0]!;
    expect(doc.relevant).toBe(false);
    expect(doc.reason).toMatch(reason);
    expect(reportedOf(dataset, 'a.txt')).toBeUndefined();
  });
});

describe('damaged encodings', () => {
  const clean =
    ' date 2021-07\n\nDer russische Außenminister Lawrow traf in Peking seinen chinesischen Amtskollegen Wang Yi für Gespräche über die Ukraine.';
  it.each([
    ['UTF-8 read as cp850', new TextEncoder().encode(iconv.decode(Buffer.from(clean, 'utf8'), 'cp850'))],
    ['UTF-8 read as cp852', new TextEncoder().encode(iconv.decode(Buffer.from(clean, 'utf8'), 'cp852'))],
    ['Windows-1252 bytes', new Uint8Array(iconv.encode(clean, 'win1252'))],
  ])('%s is repaired, warned about and compiled', (_name, bytes) => {
    const { dataset } = compileTexts([{ file: 'a.txt', text: bytes }]);
    const doc = dataset.documents[0]!;
    expect(doc.text).toBe(clean);
    expect(doc.warnings.length).toBeGreaterThan(0);
    expect(reportedOf(dataset, 'a.txt')).toMatchObject({
      participants: ['lavrov', 'wang-yi'],
      place: 'beijing',
      topics: ['ukraine'],
    });
  });
});

describe('merging', () => {
  it('two articles about one meeting become one event with both sources; the more precise date wins', () => {
    const { dataset } = compileTexts([
      {
        file: 'a.txt',
        text: ' date 2023-03\n\nXi Jinping und Wladimir Putin sind in Moskau zu Gesprächen zusammengekommen.',
      },
      {
        file: 'b.txt',
        text: ' date 2023-03-21\n\nChinese President Xi Jinping held talks with Vladimir Putin in Moscow on Tuesday.',
      },
    ]);
    const reported = dataset.events.filter((e) => e.status === 'reported');
    expect(reported).toHaveLength(1);
    expect(reported[0]!.sources.map((s) => s.document)).toEqual(['a', 'b']);
    expect(reported[0]!.date).toMatchObject({ start: '2023-03-21', precision: 'day' });
  });

  it('a meeting recalled by a later article merges into the reported one', () => {
    const { dataset } = compileTexts([
      { file: 'a.txt', text: ' date 2024-05-16\n\nPutin traf Xi Jinping am Donnerstag in Peking.' },
      {
        file: 'b.txt',
        text: ' date 2024-10-22\n\nPutin traf Xi Jinping in Kasan. Zuletzt hatten sie sich im Mai in Peking getroffen.',
      },
    ]);
    const may = dataset.events.filter((e) => e.date.start?.startsWith('2024-05'));
    expect(may).toHaveLength(1);
    expect(may[0]!.status).toBe('reported');
    expect(may[0]!.sources).toHaveLength(2);
  });

  it('different meetings stay apart', () => {
    const { dataset } = compileTexts([
      { file: 'a.txt', text: ' date 2024-05-16\n\nPutin traf Xi Jinping in Peking.' },
      { file: 'b.txt', text: ' date 2024-10-22\n\nPutin traf Xi Jinping in Kasan.' },
    ]);
    expect(dataset.events.filter((e) => e.status === 'reported')).toHaveLength(2);
  });
});

describe('curation and conflicts', () => {
  it('a sidecar can mark an article as not relevant, with its reason', () => {
    const { dataset } = compileTexts([
      { file: 'a.txt', text: 'Lawrow traf Wang Yi in Peking.', sidecar: 'relevant: false\nreason: Satire piece\n' },
    ]);
    expect(dataset.documents[0]).toMatchObject({ relevant: false, reason: 'Satire piece' });
    expect(reportedOf(dataset, 'a.txt')).toBeUndefined();
  });

  it('sources one day apart merge with a warning instead of a silent overwrite', () => {
    const { dataset } = compileTexts([
      { file: 'a.txt', text: 'Putin traf Xi Jinping am 4. Februar 2022 in Peking.' },
      { file: 'b.txt', text: 'Putin met Xi Jinping in Beijing on 5 February 2022.' },
    ]);
    const reported = dataset.events.filter((e) => e.status === 'reported');
    expect(reported).toHaveLength(1);
    expect(reported[0]!.warnings.join()).toContain('disagree on the date');
  });

  it('unknown keys in a sidecar correction are reported and ignored', () => {
    const { files, dataset } = compileTexts([
      { file: 'a.txt', text: 'Lawrow traf Wang Yi in Peking.', sidecar: 'reported:\n  place: atlantis\n' },
    ]);
    expect(files[0]!.warnings.join()).toContain('"atlantis" is not in scripts/knowledge/places.yaml');
    expect(reportedOf(dataset, 'a.txt')!.place).toBe('beijing');
  });
});

describe('ids and determinism', () => {
  it('ids depend on content, not on file names or order', () => {
    const one = compileTexts([{ file: 'x.txt', text: ' date 2021-07\n\nLawrow traf Wang Yi in Taschkent.' }]).dataset
      .events[0]!.id;
    const two = compileTexts([
      { file: 'a.txt', text: 'Putin traf Xi Jinping in Peking am 4. Februar 2022.' },
      { file: 'y.txt', text: ' date 2021-07\n\nLawrow traf Wang Yi in Taschkent.' },
    ]).dataset.events.find((e) => e.place === 'tashkent')!.id;
    expect(one).toBe(two);
    expect(one).toBe('2021-07-meeting-lavrov-wang-yi-tashkent');
  });
});
