import { defineConfig } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';

// `base: './'` makes every asset URL relative, so `dist/` works from any sub-path of a static host
// (and later from a single file). The dataset is fetched at run time from `data/`, never bundled.
// SINGLE_FILE=1 (used by `npm run build:single`) keeps every lazily loaded part in the one script: a page opened
// from disk cannot import further chunks.
const singleFile = process.env.SINGLE_FILE === '1';

export default defineConfig({
  base: './',
  plugins: [svelte()],
  build: {
    outDir: singleFile ? 'dist-single/build' : 'dist',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    // Every browser the app supports (ES2022) preloads modules natively; the polyfill only cost first-view bytes.
    modulePreload: { polyfill: false },
    // dist/.vite/manifest.json: the benchmark reads which chunks the first view loads.
    manifest: true,
    rollupOptions: singleFile ? { output: { codeSplitting: false } } : {},
  },
});
