/**
 * The two real seed articles, field by field (issue: seed compiler, "Done when").
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readSeeds } from '../seeds-reader.ts';
import { compileSeeds } from './compile.ts';
import { eventsOf, reportedOf, spanText, testContext } from './testing/context.ts';

const { seeds } = readSeeds('seeds');
const { dataset, errors } = compileSeeds(seeds, testContext());
const TASHKENT = '002_782dbdbe799640d8.txt';
const BEIJING = '000_6a64a41c4db9d813.txt';

describe('seed 002 (Tashkent, July 2021)', () => {
  const event = reportedOf(dataset, TASHKENT)!;
  const doc = dataset.documents.find((d) => d.file === TASHKENT)!;

  it('is relevant, from de.rt.com, in German', () => {
    expect(errors).toEqual([]);
    expect(doc).toMatchObject({
      relevant: true,
      language: 'de',
      date: '2021-07',
      url: 'https://de.rt.com/',
      publisher: 'de.rt.com',
    });
  });
  it('reports a meeting of Lavrov and Wang Yi', () => {
    expect(event.kind).toBe('meeting');
    expect(event.status).toBe('reported');
    expect(event.participants).toEqual(['lavrov', 'wang-yi']);
  });
  it('dates it July 2021 at month precision from the header', () => {
    expect(event.date).toEqual({ start: '2021-07', precision: 'month', basis: 'header' });
  });
  it('places it in Tashkent at the Central and South Asia connectivity conference', () => {
    expect(event.place).toBe('tashkent');
    expect(event.forum).toBe('central-south-asia-connectivity-2021');
  });
  it('has COVID-19 and Afghanistan among its topics', () => {
    expect(event.topics).toEqual(expect.arrayContaining(['covid-19', 'afghanistan']));
  });
  it("attributes Wang's quotes to him", () => {
    expect(event.quotes.length).toBeGreaterThanOrEqual(2);
    for (const q of event.quotes) expect(q.speaker).toBe('wang-yi');
    expect(event.quotes.map((q) => q.text.slice(0, 20))).toEqual(['Beide Seiten sollten', 'Wir werden die umfas']);
    for (const q of event.quotes) expect(doc.text.slice(q.span[0], q.span[1])).toBe(q.text);
  });
  it('recalls the Putin–Xi video conference and the 2001 treaty as mentioned events', () => {
    const mentioned = eventsOf(dataset, TASHKENT, 'mentioned');
    expect(mentioned.find((e) => e.kind === 'video-call')).toMatchObject({ participants: ['putin', 'xi-jinping'] });
    expect(mentioned.find((e) => e.kind === 'signing')).toMatchObject({
      date: { start: '2001', precision: 'year' },
      participants: ['jiang-zemin', 'putin'],
    });
  });
  it('keeps the sentence behind every field', () => {
    const evidence = event.sources[0]!.evidence;
    const fields = new Set(evidence.map((e) => e.field));
    for (const f of ['kind', 'date', 'place', 'participants', 'forum', 'topics']) expect(fields).toContain(f);
    const place = evidence.find((e) => e.field === 'place')!;
    expect(spanText(dataset, doc.id, place.match!)).toBe('Taschkent');
    expect(spanText(dataset, doc.id, place.span)).toMatch(/^Das Treffen fand am Rande/);
    const date = evidence.find((e) => e.field === 'date')!;
    expect(spanText(dataset, doc.id, date.span)).toBe(' date 2021-07 von https://de.rt.com');
  });
});

describe('seed 000 (Beijing, 13 July 2025, no header)', () => {
  const event = reportedOf(dataset, BEIJING)!;
  const doc = dataset.documents.find((d) => d.file === BEIJING)!;

  it('takes its date from the sidecar and says so', () => {
    expect(doc).toMatchObject({ relevant: true, date: '2025-07-13' });
    expect(event.date).toEqual({ start: '2025-07-13', precision: 'day', basis: 'sidecar' });
  });
  it('reports a meeting of Lavrov and Wang Yi in Beijing in the SCO setting', () => {
    expect(event.kind).toBe('meeting');
    expect(event.participants).toEqual(['lavrov', 'wang-yi']);
    expect(event.place).toBe('beijing');
    expect(event.forum).toBe('sco');
  });
  it('mentions the UN Security Council, SCO, BRICS, G20 and APEC', () => {
    expect(event.forumsMentioned).toEqual(expect.arrayContaining(['unsc', 'sco', 'brics', 'g20', 'apec']));
  });
  it('attributes the ministry statements to the Russian Foreign Ministry', () => {
    expect(event.quotes.length).toBeGreaterThanOrEqual(3);
    expect(event.quotes.filter((q) => q.speaker === 'ru-mfa').length).toBeGreaterThanOrEqual(3);
  });
  it('recalls the May 2025 Moscow summit and announces the coming SCO summit', () => {
    const summit = eventsOf(dataset, BEIJING, 'mentioned').find((e) => e.kind === 'summit');
    expect(summit).toMatchObject({
      date: { start: '2025-05', precision: 'month' },
      place: 'moscow',
      participants: ['putin', 'xi-jinping'],
    });
    const planned = eventsOf(dataset, BEIJING, 'planned');
    expect(planned).toHaveLength(1);
    expect(planned[0]).toMatchObject({ kind: 'summit', forum: 'sco', date: { precision: 'unknown', start: null } });
  });
  it('links the reported meeting to the events it recalls and announces', () => {
    const others = [...eventsOf(dataset, BEIJING, 'mentioned'), ...eventsOf(dataset, BEIJING, 'planned')].map(
      (e) => e.id,
    );
    expect(event.related).toEqual(expect.arrayContaining(others));
  });
});

describe('the whole seed dataset', () => {
  it('lists every seed file as a document', () => {
    expect(dataset.documents.map((d) => d.file)).toEqual([BEIJING, TASHKENT]);
  });
  it('never presents a recap as a new contact', () => {
    expect(dataset.events.filter((e) => e.status === 'reported')).toHaveLength(2);
  });
  it('sorts events by date, undated last', () => {
    const starts = dataset.events.map((e) => e.date.start ?? '9999');
    expect(starts).toEqual([...starts].sort());
  });
  it('is what the committed seeds compile to, byte for byte, twice', () => {
    const again = compileSeeds([...seeds].reverse(), testContext()).dataset;
    expect(JSON.stringify(again)).toBe(JSON.stringify(dataset));
    expect(readFileSync(`seeds/${BEIJING}`, 'utf8')).toContain('Lawrow');
  });
});
