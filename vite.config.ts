import { defineConfig } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { bootScript } from './scripts/vite/boot-script.ts';

// `base: './'` makes every asset URL relative, so `dist/` works from any sub-path of a static host
// (and later from a single file). The dataset is fetched at run time from `data/`, never bundled.
// SINGLE_FILE=1 (used by `npm run build:single`) keeps every lazily loaded part in the one script: a page opened
// from disk cannot import further chunks.
const singleFile = process.env.SINGLE_FILE === '1';

// The small modules the page script (src/main.ts) imports, in one file: the app's code imports them too, which
// otherwise made each its own file. Five files where two will do held the dataset request back, since a browser
// opens only six connections per host at a time over HTTP/1.1. (Not main.ts itself: it awaits the app's code, which
// imports these modules; in one file with them, the two would wait for each other forever.)
const PAGE_SCRIPT_IMPORTS =
  /src[\\/](lib[\\/]dataset[\\/](prefetch|read)|lib[\\/]url[\\/]data-param|lib[\\/]perf[\\/]load-marks)\.ts$|preload-helper/;

export default defineConfig({
  base: './',
  // The single-file edition carries its dataset inline: it has nothing to request early.
  plugins: singleFile ? [svelte()] : [svelte(), bootScript('src/boot/early-request.ts', 'src/mount-app.ts')],
  build: {
    outDir: singleFile ? 'dist-single/build' : 'dist',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    // Every browser the app supports (ES2022) preloads modules natively; the polyfill only cost first-view bytes.
    modulePreload: { polyfill: false },
    // dist/.vite/manifest.json: the benchmark reads which chunks the first view loads.
    manifest: true,
    rollupOptions: {
      output: {
        codeSplitting: singleFile
          ? false
          : {
              groups: [
                { name: 'page', test: PAGE_SCRIPT_IMPORTS, priority: 2 },
                { name: 'app', test: /src[\\/]mount-app\.ts$/, priority: 1 },
              ],
            },
      },
    },
  },
});
