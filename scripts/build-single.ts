/**
 * `npm run build:single`: one self-contained HTML file (app, styles and dataset inlined) that opens from disk by
 * double-click, offline — for attaching to a report. Runs after `npm run build` (the npm script does both). The
 * article texts, which the web edition fetches from chunk files on demand, are put back inline.
 *
 * Usage: tsx scripts/build-single.ts [--dist DIR] [--data FILE] [--out FILE]
 *   --data defaults to dist/data/contacts.json (written by `npm run build`).
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readDatasetWithTexts } from './dataset-files.ts';
import { writeAtomically } from './seeds-reader.ts';

const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(name);
  return i > 0 && process.argv[i + 1] ? process.argv[i + 1]! : fallback;
};
// The app is built again with every lazily loaded part (search, exports, detail panel, zoom handling) inside the
// one script (SINGLE_FILE=1, see vite.config.ts): a page opened from disk cannot import further files. --dist
// skips that and inlines an existing build of that kind.
const given = process.argv.includes('--dist');
const dist = arg('--dist', 'dist-single/build');
if (!given) {
  const build = spawnSync('npx', ['vite', 'build', '--logLevel', 'warn'], {
    stdio: 'inherit',
    env: { ...process.env, SINGLE_FILE: '1' },
  });
  if (build.status !== 0) {
    console.error('build:single: the single-file build of the app failed (see above).');
    process.exit(1);
  }
}
const dataFile = arg('--data', join('dist', 'data', 'contacts.json'));
const out = arg('--out', 'dist-single/contact-timeline.html');

let html = readFileSync(join(dist, 'index.html'), 'utf8');
const asset = (path: string) => readFileSync(join(dist, path.replace(/^\.\//, '')), 'utf8');
// Inline text must not close the element it sits in.
const safe = (text: string, tag: string) => text.replace(new RegExp(`</${tag}`, 'gi'), `<\\/${tag}`);

html = html.replace(/<script type="module" crossorigin src="([^"]+)"><\/script>/g, (_m, src: string) => {
  return `<script type="module">${safe(asset(src), 'script')}</script>`;
});
html = html.replace(
  /<link rel="stylesheet" crossorigin href="([^"]+)">/g,
  (_m, href: string) => `<style>${safe(asset(href), 'style')}</style>`,
);
html = html.replace(/<link rel="icon"[^>]*>/, '');
// The article texts go back inline: a file opened from disk cannot fetch the per-year chunks beside the dataset.
const data = JSON.stringify(readDatasetWithTexts(dataFile));
html = html.replace(
  '</body>',
  `<script type="application/json" id="contacts-data">${safe(data, 'script')}</script>\n</body>`,
);
if (/src="\.\/assets|href="\.\/assets/.test(html)) {
  console.error('build:single: some assets could not be inlined; check the Vite output format.');
  process.exit(1);
}
writeAtomically(out, html);
console.log(`build:single: wrote ${out} (${(Buffer.byteLength(html) / 1024).toFixed(0)} KB)`);
