/**
 * Deterministic synthetic data for tests and benchmarks: many plausible events spread over 2001–2026 with every date
 * precision, ranges, forums, kinds and participant levels. Not part of the app bundle (only tests import it).
 */
import { EVENT_KINDS } from '../dataset/types.ts';
import type { ContactEvent, EntityTables, EventDate } from '../dataset/types.ts';
import { makeEvent } from '../dataset/fixture.ts';

/** A small xorshift32 generator: same seed, same sequence, on every engine. */
function random(seed: number): () => number {
  let s = seed >>> 0 || 0x9e3779b9;
  return () => {
    s ^= s << 13;
    s >>>= 0;
    s ^= s >>> 17;
    s ^= s << 5;
    s >>>= 0;
    return s / 0x1_0000_0000;
  };
}

const pad = (n: number) => String(n).padStart(2, '0');

const FORUMS = [null, null, null, 'sco', 'brics', 'un', 'g20', 'apec', 'cica'] as const;
const PEOPLE = ['putin', 'xi', 'lavrov', 'wang-yi', 'mishustin', 'li-qiang', 'envoy'] as const;

/** Entities matching syntheticEvents: forums with lanes (one without), people with dated, levelled roles. */
export function syntheticEntities(): EntityTables {
  const entity = (name: string, extra: Record<string, unknown> = {}) => ({
    name,
    labels: { en: name, de: name },
    aliases: [name],
    ...extra,
  });
  const role = (level: string, from: string | null, to: string | null) => ({
    role: level,
    country: 'x',
    from,
    to,
    level,
  });
  return {
    people: {
      putin: entity('Vladimir Putin', {
        roles: [role('head-of-government', '2008-05-08', '2012-05-07'), role('head-of-state', '2012-05-07', null)],
      }),
      xi: entity('Xi Jinping', { roles: [role('head-of-state', '2013-03-14', null)] }),
      lavrov: entity('Sergey Lavrov', { roles: [role('foreign-minister', '2004-03-09', null)] }),
      'wang-yi': entity('Wang Yi', { roles: [role('foreign-minister', '2013-03-16', '2022-12-30')] }),
      mishustin: entity('Mikhail Mishustin', { roles: [role('head-of-government', '2020-01-16', null)] }),
      'li-qiang': entity('Li Qiang', { roles: [role('head-of-government', '2023-03-11', null)] }),
      envoy: entity('Special envoy', { roles: [role('other', null, null)] }),
    },
    places: {},
    forums: {
      sco: entity('SCO', { lane: 'sco' }),
      brics: entity('BRICS', { lane: 'brics' }),
      un: entity('UN', { lane: 'un' }),
      g20: entity('G20', { lane: 'g20' }),
      apec: entity('APEC', { lane: 'apec' }),
      cica: entity('CICA', { lane: 'other' }),
    },
    topics: {},
    institutions: {},
  };
}

/**
 * `n` events with ids `s0000001`…, in shuffled date order. About 70 % are dated to the day (a tenth of them ranges of
 * 2–5 days), 20 % to the month, 7 % to the year and 3 % are undated.
 */
export function syntheticEvents(n: number, seed: number): ContactEvent[] {
  const rnd = random(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)]!;
  const events: ContactEvent[] = [];
  for (let i = 0; i < n; i++) {
    const year = 2001 + Math.floor(rnd() * 25);
    const month = 1 + Math.floor(rnd() * 12);
    const day = 1 + Math.floor(rnd() * 28);
    const p = rnd();
    let date: EventDate;
    if (p < 0.7) {
      date = { start: `${year}-${pad(month)}-${pad(day)}`, precision: 'day', basis: 'text' };
      if (rnd() < 0.1) date.end = `${year}-${pad(month)}-${pad(Math.min(28, day + 1 + Math.floor(rnd() * 4)))}`;
    } else if (p < 0.9) date = { start: `${year}-${pad(month)}`, precision: 'month', basis: 'header' };
    else if (p < 0.97) date = { start: String(year), precision: 'year', basis: 'text' };
    else date = { start: null, precision: 'unknown', basis: 'text' };
    const a = pick(PEOPLE);
    const b = pick(PEOPLE);
    events.push(
      makeEvent({
        id: `s${String(i).padStart(7, '0')}`,
        kind: pick(EVENT_KINDS),
        date,
        forum: pick(FORUMS),
        participants: a === b ? [a] : [a, b],
        sources: [],
      }),
    );
  }
  return events;
}
