import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** Svelte options shared by Vite, svelte-check and ESLint. Runes only: legacy syntax is a compile error. */
export default {
  preprocess: vitePreprocess(),
  // discloseVersion: no `window.__svelte` version marker in the bundle (bytes on every page, of use to nobody here).
  compilerOptions: { runes: true, discloseVersion: false },
};
