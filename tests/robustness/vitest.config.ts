/**
 * Runs the robustness suite on its own until vitest.config.ts includes it:
 *   npx vitest run --config tests/robustness/vitest.config.ts
 * (The unit project's include list needs 'tests/robustness/**\/*.test.ts' for `npm run test:unit` to pick it up.)
 */
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

process.env.TZ = 'UTC';
process.env.LANG = 'C.UTF-8';
process.env.LC_ALL = 'C.UTF-8';

export default defineConfig({
  root: fileURLToPath(new URL('../../', import.meta.url)),
  test: {
    name: 'robustness',
    environment: 'node',
    include: ['tests/robustness/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
