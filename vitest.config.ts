import { defineConfig, mergeConfig } from 'vitest/config';
import { svelteTesting } from '@testing-library/svelte/vite';
import viteConfig from './vite.config.ts';

// Tests mean the same on every machine: one pinned time zone and locale, unless a run asks for another zone
// on purpose (`TEST_TZ`, used by `npm run test:tz` to re-run the date tests elsewhere).
process.env.TZ = process.env.TEST_TZ ?? 'UTC';
process.env.LANG = 'C.UTF-8';
process.env.LC_ALL = 'C.UTF-8';

export default mergeConfig(
  viteConfig,
  defineConfig({
    test: {
      projects: [
        {
          extends: true,
          test: {
            name: 'unit',
            environment: 'node',
            include: [
              'scripts/**/*.test.ts',
              'src/lib/**/*.test.ts',
              'src/boot/**/*.test.ts',
              'tests/unit/**/*.test.ts',
            ],
          },
        },
        {
          extends: true,
          plugins: [svelteTesting()],
          test: {
            name: 'component',
            environment: 'jsdom',
            include: ['src/**/*.test.svelte.ts', 'tests/component/**/*.test.ts'],
            setupFiles: ['tests/setup/jsdom.ts'],
          },
        },
        {
          extends: true,
          test: {
            name: 'robustness',
            environment: 'node',
            include: ['tests/robustness/**/*.test.ts'],
            // Builds of hostile inputs and killed processes: slower than unit tests, and one at a time.
            fileParallelism: false,
            testTimeout: 60_000,
            hookTimeout: 120_000,
          },
        },
        {
          extends: true,
          test: {
            name: 'browser',
            environment: 'node',
            include: ['tests/browser/**/*.test.ts'],
            // One Chromium at a time: the machines have two cores and browser tests measure layout.
            fileParallelism: false,
            testTimeout: 60_000,
            hookTimeout: 120_000,
          },
        },
      ],
    },
  }),
);
