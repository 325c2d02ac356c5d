/**
 * `tsx scripts/bench/search-node.ts [--sizes 10000,100000] [--reps N] [--plain | --rich]`
 *
 * Search speed in Node (no browser, no rendering): builds search documents for synthetic datasets
 * (`benchDataset(n)` → `buildSearchDocs`), builds a searcher, then "types" queries one character at a time (each
 * prefix of a query is one keystroke, as the search box sees it) and prints the build time and per-keystroke
 * p50 / p95 / max over all repetitions. Every repetition of every query starts from a freshly built searcher, so
 * per-word caches never carry over from one typed query to the next (the first letter is always a cold search).
 * A keystroke is timed as `search(prefix)` plus reading `.ids` (what the app does today).
 *
 * Two document sets per size:
 *   - plain: `benchDataset(n)` as is: short English titles and summaries, seven people, a tiny vocabulary;
 *   - rich:  the same events with ~450 more characters of running text each (summary and quotes drawn from a
 *            30,000-word synthetic vocabulary, Zipf-distributed, plus a few real English/German words) and ~35
 *            aliases per person in several scripts. Closer to the real dataset, whose vocabulary is large.
 * 100,000 events run half the repetitions. Not a test: figures are printed, never checked.
 */
import { benchDataset } from './datasets.ts';
import { max, percentile } from './stats.ts';
import { buildSearchDocs, createSearcher, type SearchDoc } from '../../src/lib/search/index.ts';
import type { Dataset } from '../../src/lib/dataset/types.ts';
import { mulberry32 as random } from '../../src/lib/random.ts';

const args = process.argv.slice(2);
const arg = (name: string): string | undefined => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const SIZES = (arg('--sizes') ?? '10000,100000').split(',').map(Number);
const REPS = Number(arg('--reps') ?? 5);
const VARIANTS = args.includes('--plain') ? ['plain'] : args.includes('--rich') ? ['rich'] : ['plain', 'rich'];

/** Typed one character at a time; each prefix is a keystroke. */
const QUERIES = ['Lavrov Wan', 'l', 's', 'Außenminister', 'Gespräche', 'Lavrof', 'Wang Yi Moscow', 'nergy'];

const SYLLABLES = 'ka lo ri ma se tu na vo de li pe ra zo mi ko sa te bu ni fa go he ju xi wa ye qu'.split(' ');
const REAL_WORDS = [
  'talks',
  'cooperation',
  'Außenminister',
  'Gespräche',
  'Zusammenarbeit',
  'energy',
  'pipeline',
  'sanctions',
  'Ukraine',
  'Wirtschaft',
  'переговоры',
  'сотрудничество',
  '合作',
];
const ALIASES: Record<string, string[]> = {
  putin: ['Putin', 'Путин', 'Владимир Путин', 'Wladimir Putin', '普京', 'President Putin', 'V. Putin'],
  xi: ['Xi', 'Си Цзиньпин', '习近平', 'Präsident Xi', 'Chairman Xi', 'Xi Jinping', 'Hsi Chin-p’ing'],
  lavrov: ['Lavrov', 'Lawrow', 'Лавров', 'Сергей Лавров', 'Sergej Lawrow', '拉夫罗夫', 'Sergei Lavrov'],
  'wang-yi': ['Wang Yi', 'Ван И', '王毅', 'Außenminister Wang', 'FM Wang'],
  mishustin: ['Mishustin', 'Мишустин', 'Michail Mischustin', '米舒斯京', 'Premier Mishustin'],
  'li-qiang': ['Li Qiang', 'Ли Цян', '李强', 'Premier Li'],
  envoy: ['Envoy', 'Sondergesandter', 'спецпредставитель'],
};

function richDataset(n: number): Dataset {
  const dataset = benchDataset(n);
  const rnd = random(7);
  const vocabulary = Array.from({ length: 30000 }, () => {
    const syllables = 2 + Math.floor(rnd() * 4);
    return Array.from({ length: syllables }, () => SYLLABLES[Math.floor(rnd() * SYLLABLES.length)]).join('');
  });
  // Half the words Zipf-like (rank ~ 1 / u: a few very common words), half uniform over the vocabulary.
  const rank = () =>
    rnd() < 0.5
      ? Math.min(vocabulary.length - 1, Math.floor(1 / (rnd() + 1e-4)) + Math.floor(rnd() * 3))
      : Math.floor(rnd() * vocabulary.length);
  const word = () => (rnd() < 0.05 ? REAL_WORDS[Math.floor(rnd() * REAL_WORDS.length)]! : vocabulary[rank()]!);
  const sentence = (chars: number) => {
    const out: string[] = [];
    let length = 0;
    while (length < chars) {
      const w = word();
      out.push(w);
      length += w.length + 1;
    }
    return `${out.join(' ')}.`;
  };
  // Forms of address × name forms: ~30 alias strings per person, ~70 name strings per event as in the real data.
  const titles = ['Minister', 'Mr', 'Herr', 'Господин', 'Präsident', 'Comrade', 'Premier', 'Chairman', 'Genosse'];
  for (const [key, person] of Object.entries(dataset.entities.people)) {
    const forms = [person.name, person.name.split(' ').at(-1)!, ...(ALIASES[key] ?? [])];
    person.aliases.push(...forms, ...titles.flatMap((t) => forms.slice(0, 3).map((f) => `${t} ${f}`)));
  }
  for (const event of dataset.events) {
    event.summary = `${event.summary} ${sentence(300)}`;
    event.quotes = [{ speaker: event.participants[0] ?? null, text: sentence(150), document: 'x', span: [0, 1] }];
  }
  return dataset;
}

const ms = (t: number) => t.toFixed(2).padStart(8);

function stats(label: string, times: number[]): string {
  return `${label.padEnd(22)} n=${String(times.length).padStart(4)}  p50 ${ms(percentile(times, 50))}  p95 ${ms(percentile(times, 95))}  max ${ms(max(times))} ms`;
}

for (const variant of VARIANTS) {
  for (const n of SIZES) {
    const dataset = variant === 'rich' ? richDataset(n) : benchDataset(n);
    let t = performance.now();
    const docs: SearchDoc[] = buildSearchDocs(dataset);
    const docsMs = performance.now() - t;
    const runningChars = docs.reduce(
      (sum, d) => sum + d.summary.length + d.title.join(' ').length + d.quotes.join(' ').length,
      0,
    );
    const nameStrings = docs.reduce(
      (sum, d) => sum + d.people.length + d.forums.length + d.places.length + d.topics.length,
      0,
    );
    console.log(
      `\n== ${variant}, ${n} events: ${(runningChars / 1e6).toFixed(1)} M chars of running text, ${(nameStrings / n).toFixed(0)} name strings per event; buildSearchDocs ${docsMs.toFixed(0)} ms`,
    );
    const reps = n >= 100000 ? Math.max(1, Math.ceil(REPS / 2)) : REPS;
    const builds: number[] = [];
    /** CPU time of this process (all its threads): less sensitive than wall time to other jobs on the machine. */
    const buildsCpu: number[] = [];
    const all: number[] = [];
    const perQuery = new Map<string, number[]>();
    const matches = new Map<string, number>();
    for (let rep = 0; rep < reps; rep++) {
      for (const query of QUERIES) {
        t = performance.now();
        const cpu = process.cpuUsage();
        const searcher = createSearcher(docs);
        builds.push(performance.now() - t);
        const used = process.cpuUsage(cpu);
        buildsCpu.push((used.user + used.system) / 1000);
        const times = perQuery.get(query) ?? [];
        perQuery.set(query, times);
        for (let i = 1; i <= query.length; i++) {
          const prefix = query.slice(0, i);
          t = performance.now();
          const result = searcher.search(prefix);
          const count = result.ids.length;
          const dt = performance.now() - t;
          times.push(dt);
          all.push(dt);
          if (i === query.length) matches.set(query, count);
        }
      }
    }
    console.log(stats('createSearcher', builds), ` min ${ms(Math.min(...builds))} ms`);
    console.log(stats('createSearcher (CPU)', buildsCpu), ` min ${ms(Math.min(...buildsCpu))} ms`);
    for (const [query, times] of perQuery) {
      console.log(stats(JSON.stringify(query), times), ` → ${matches.get(query)} hits`);
    }
    console.log(stats('all keystrokes', all));
  }
}
