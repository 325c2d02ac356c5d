import { describe, expect, it } from 'vitest';
import { EVENT_KINDS } from '../../src/lib/dataset/types.ts';
import { parseHeader } from '../compiler/header.ts';
import { holdersOf, loadKnowledge } from '../compiler/knowledge.ts';
import { compileTexts, reportedOf } from '../compiler/testing/context.ts';
import { generateCorpus, mulberry32, type GeneratedArticle } from './generate.ts';
import { insideSeeds, parseArgs } from './cli.ts';

const knowledge = loadKnowledge();
const corpus400 = generateCorpus({ count: 400, seed: 20250101, knowledge });
const asString = (a: GeneratedArticle) => (typeof a.text === 'string' ? a.text : Buffer.from(a.text).toString('hex'));
const share = (pred: (a: GeneratedArticle) => boolean, list = corpus400) => list.filter(pred).length / list.length;

describe('mulberry32', () => {
  it('is a deterministic sequence in [0, 1)', () => {
    const a = mulberry32(123);
    const b = mulberry32(123);
    const xs = Array.from({ length: 1000 }, () => a());
    expect(xs).toEqual(Array.from({ length: 1000 }, () => b()));
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
    // A fixed value pins the algorithm: the same on every machine.
    expect(mulberry32(1)()).toBeCloseTo(0.6270739405881613, 15);
  });
});

describe('generateCorpus', () => {
  it('is deterministic: same seed, identical output; another seed, another corpus', () => {
    const again = generateCorpus({ count: 400, seed: 20250101, knowledge });
    expect(again.map(asString)).toEqual(corpus400.map(asString));
    expect(again.map((a) => a.sidecar)).toEqual(corpus400.map((a) => a.sidecar));
    expect(again.map((a) => a.truth)).toEqual(corpus400.map((a) => a.truth));
    const other = generateCorpus({ count: 400, seed: 20250102, knowledge });
    const same = other.filter((a, i) => asString(a) === asString(corpus400[i]!)).length;
    expect(same).toBe(0);
  });

  it('a prefix of a corpus is the smaller corpus', () => {
    const small = generateCorpus({ count: 50, seed: 20250101, knowledge });
    expect(small.map(asString)).toEqual(corpus400.slice(0, 50).map(asString));
  });

  it('writes the requested number of clearly synthetic files', () => {
    expect(generateCorpus({ count: 0, seed: 1, knowledge })).toEqual([]);
    expect(corpus400).toHaveLength(400);
    expect(corpus400[0]!.file).toBe('synthetic_000001.txt');
    expect(new Set(corpus400.map((a) => a.file)).size).toBe(400);
    for (const a of corpus400) {
      expect(a.file).toMatch(/^synthetic_\d{6}\.txt$/);
      if (typeof a.text !== 'string' || a.truth.damage) continue;
      const header = parseHeader(a.text);
      if (a.truth.dating === 'header') {
        expect(header?.date?.start, a.file).toBe(a.truth.published);
        expect(new URL(header!.url!).hostname, a.file).toMatch(/\.synthetic\.example$/);
      } else expect(header, a.file).toBeNull();
      if (a.truth.dating === 'sidecar') expect(a.sidecar, a.file).toContain(`date: ${a.truth.published}`);
      else expect(a.sidecar).toBeUndefined();
    }
  });

  it('mixes headers, languages, damage, duplicates and irrelevant articles roughly as specified', () => {
    expect(share((a) => a.truth.dating === 'header')).toBeGreaterThan(0.62);
    expect(share((a) => a.truth.dating === 'header')).toBeLessThan(0.78);
    expect(share((a) => a.truth.dating === 'sidecar')).toBeGreaterThan(0.05);
    expect(share((a) => a.truth.language === 'de')).toBeGreaterThan(0.8);
    expect(share((a) => a.truth.language === 'en')).toBeGreaterThan(0.02);
    expect(share((a) => a.truth.language === 'ru')).toBeGreaterThan(0.01);
    expect(share((a) => !a.truth.relevant)).toBeGreaterThan(0.06);
    expect(share((a) => !a.truth.relevant)).toBeLessThan(0.14);
    expect(share((a) => a.truth.duplicateOf !== undefined)).toBeGreaterThan(0.06);
    expect(share((a) => a.truth.duplicateOf !== undefined)).toBeLessThan(0.14);
    expect(share((a) => a.truth.damage !== null)).toBeGreaterThan(0.02);
    expect(share((a) => a.truth.damage !== null)).toBeLessThan(0.09);
    const years = new Set(corpus400.map((a) => a.truth.date?.slice(0, 4)).filter(Boolean));
    expect(years.size).toBeGreaterThanOrEqual(24);
    expect([...years].sort()[0]! >= '2001').toBe(true);
    expect([...years].sort().at(-1)! <= '2026').toBe(true);
    const kinds = new Set(corpus400.filter((a) => a.truth.relevant).map((a) => a.truth.kind));
    expect([...kinds].sort()).toEqual([...EVENT_KINDS].sort());
    expect(corpus400.filter((a) => a.truth.forum).length).toBeGreaterThan(20);
  });

  it('keeps articles between 150 and 600 words and varies the wording', () => {
    for (const a of corpus400) {
      expect(a.truth.words, a.file).toBeGreaterThanOrEqual(150);
      expect(a.truth.words, a.file).toBeLessThanOrEqual(600);
    }
    const leads = corpus400
      .filter((a) => a.truth.relevant && a.truth.language === 'de' && typeof a.text === 'string' && !a.truth.damage)
      .map((a) => (a.text as string).replace(/^ date .*\n\n/, '').split('\n')[0]!);
    expect(new Set(leads).size).toBeGreaterThan(leads.length * 0.95);
    // Lead shapes: the first two words ("Bei einem", "Per Videokonferenz", "Russlands Außenminister", …).
    const shapes = new Set(leads.map((l) => l.split(' ').slice(0, 2).join(' ')));
    expect(shapes.size).toBeGreaterThanOrEqual(12);
  });

  it('damages encodings in the three intended ways', () => {
    const damaged = corpus400.filter((a) => a.truth.damage);
    for (const a of damaged) {
      if (a.truth.damage === 'windows-1252') expect(a.text).toBeInstanceOf(Uint8Array);
      else expect(typeof a.text).toBe('string');
      if (a.truth.damage === 'cp850') expect(a.text as string).toMatch(/[├┤╝╚ÔðÐ]/u);
    }
    const all = generateCorpus({ count: 800, seed: 5, knowledge }).map((a) => a.truth.damage);
    expect(new Set(all.filter(Boolean))).toEqual(new Set(['cp850', 'question-marks', 'windows-1252']));
  });

  it('knows the intended contact of every relevant article: real people in office on that date, real places', () => {
    const roles = ['head-of-state', 'head-of-government', 'foreign-minister', 'defence-minister'];
    for (const a of corpus400.filter((x) => x.truth.relevant)) {
      const t = a.truth;
      expect(EVENT_KINDS).toContain(t.kind);
      expect(t.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(t.participants).toHaveLength(2);
      const [ru, cn] = ['RU', 'CN'].map((c) => t.participants.find((p) => knowledge.people[p]?.country === c));
      expect(ru && cn, a.file).toBeTruthy();
      const level = roles.find(
        (r) =>
          holdersOf(knowledge, r, 'RU', t.date!).join() === ru && holdersOf(knowledge, r, 'CN', t.date!).join() === cn,
      );
      expect(level, `${a.file}: ${ru}/${cn} did not hold matching offices on ${t.date}`).toBeDefined();
      if (t.kind === 'phone-call' || t.kind === 'video-call') expect(t.place).toBeNull();
      else expect(knowledge.places[t.place!], a.file).toBeDefined();
      if (t.forum) expect(knowledge.forums[t.forum], a.file).toBeDefined();
      if (t.duplicateOf) {
        const first = corpus400.find((x) => x.file === t.duplicateOf)!;
        expect([first.truth.participants, first.truth.date, first.truth.kind]).toEqual([
          t.participants,
          t.date,
          t.kind,
        ]);
        expect(first.text).not.toEqual(a.text);
      }
    }
  });

  it('is recovered by the compiler (a regression test of the compiler on unseen text)', () => {
    const corpus = generateCorpus({ count: 200, seed: 7, knowledge });
    const { dataset, files } = compileTexts(corpus);
    const relevant = corpus.filter((a) => a.truth.relevant);
    const irrelevant = corpus.filter((a) => !a.truth.relevant);
    const recovered = relevant.filter((a) => {
      const e = reportedOf(dataset, a.file);
      return e !== undefined && a.truth.participants.every((p) => e.participants.includes(p));
    });
    const flagged = irrelevant.filter((a) => files.find((f) => f.file === a.file)?.relevant === false);
    const pct = (n: number, of: number) => Math.round((1000 * n) / of) / 10;
    const stats = {
      participants: pct(recovered.length, relevant.length),
      irrelevantFlagged: pct(flagged.length, irrelevant.length),
      kind: pct(relevant.filter((a) => reportedOf(dataset, a.file)?.kind === a.truth.kind).length, relevant.length),
      date: pct(
        relevant.filter((a) => reportedOf(dataset, a.file)?.date.start === a.truth.date).length,
        relevant.length,
      ),
      place: pct(relevant.filter((a) => reportedOf(dataset, a.file)?.place === a.truth.place).length, relevant.length),
    };
    console.log(`corpus recovery (seed 7, 200 articles): ${JSON.stringify(stats)}`);
    expect(irrelevant.length).toBeGreaterThan(5);
    expect(stats.participants).toBeGreaterThanOrEqual(85);
    expect(stats.irrelevantFlagged).toBeGreaterThanOrEqual(85);
  });
});

describe('cli', () => {
  it('parses its options and refuses bad usage', () => {
    expect(parseArgs(['--count', '5', '--out', '/tmp/x', '--seed', '9'])).toEqual({ count: 5, out: '/tmp/x', seed: 9 });
    expect(parseArgs(['--count', '5', '--out', '/tmp/x'])).toEqual({ count: 5, out: '/tmp/x', seed: 1 });
    expect(parseArgs(['--out', '/tmp/x'])).toMatch(/--count is required/);
    expect(parseArgs(['--count', 'x', '--out', '/tmp/x'])).toMatch(/integer/);
    expect(parseArgs(['--count', '3'])).toMatch(/--out is required/);
    expect(parseArgs(['--bogus'])).toMatch(/unknown option/);
  });

  it('recognises the repository seeds/ folder and folders inside it', () => {
    const repo = new URL('../../', import.meta.url).pathname;
    expect(insideSeeds(`${repo}seeds`)).toBe(true);
    expect(insideSeeds(`${repo}seeds/sub/deeper`)).toBe(true);
    expect(insideSeeds(`${repo}seeds-synthetic`)).toBe(false);
    expect(insideSeeds('/tmp/corpus')).toBe(false);
  });
});
