import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** Svelte options shared by Vite, svelte-check and ESLint. Runes only: legacy syntax is a compile error. */
export default {
  preprocess: vitePreprocess(),
  compilerOptions: { runes: true },
};
