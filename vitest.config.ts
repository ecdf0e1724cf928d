/**
 * Three projects, chosen by a test file's name (README.md, "Tests"):
 *   - unit: `*.unit.test.ts`, no database and no process of its own; no global setup, so
 *     `npm run test:unit` answers in seconds;
 *   - api: plain `*.test.ts`, against the one Neo4j the global setup starts and seeds (tests/global-setup.ts);
 *     files run two at a time, each holding the database shared, a writer alone (tests/support/db-lock.ts);
 *   - system: `*.system.test.ts`, files that start processes of their own (a Neo4j, `npm start`, a browser,
 *     a packed package, the mock server), one at a time; they may read the same shared Neo4j.
 * `npm test` runs them in that order in one vitest run (one Neo4j for api and system); tests/support/
 * project-times.ts prints each project's time and count.
 */
import { configDefaults, defineConfig } from 'vitest/config';
import { ApiSequencer } from './tests/support/api-sequencer.js';

const UNIT = 'tests/**/*.unit.test.ts';
const SYSTEM = 'tests/**/*.system.test.ts';
const GLOBAL_SETUP = 'tests/global-setup.ts';

export default defineConfig({
  // Node resolves `graphql` to its CommonJS build (no "exports" map); make Vite do the same, so the
  // tests and the libraries share one graphql module.
  resolve: { alias: [{ find: /^graphql$/, replacement: 'graphql/index.js' }] },
  test: {
    testTimeout: 60_000,
    hookTimeout: 300_000,
    teardownTimeout: 60_000,
    pool: 'forks',
    sequence: { sequencer: ApiSequencer },
    // Memory bounds in tests measure what is retained after a real collection (global.gc), not garbage.
    execArgv: ['--expose-gc'],
    reporters: ['default', ['json', { outputFile: 'test-artifacts/vitest-results.json' }], './tests/support/project-times.ts'],
    projects: [
      {
        extends: true,
        test: { name: 'unit', include: [UNIT], sequence: { groupOrder: 0 }, maxWorkers: 2, isolate: false },
      },
      {
        extends: true,
        test: {
          name: 'api',
          include: ['tests/**/*.test.ts'],
          exclude: [...configDefaults.exclude, UNIT, SYSTEM],
          globalSetup: [GLOBAL_SETUP],
          setupFiles: ['tests/support/api-file.ts'],
          sequence: { groupOrder: 1 },
          maxWorkers: 2,
        },
      },
      {
        extends: true,
        test: { name: 'system', include: [SYSTEM], globalSetup: [GLOBAL_SETUP], sequence: { groupOrder: 2 }, maxWorkers: 1 },
      },
    ],
  },
});
