import { defineConfig } from 'vitest/config';

export default defineConfig({
  // Node resolves `graphql` to its CommonJS build (no "exports" map); make Vite do the same, so the
  // tests and the libraries share one graphql module.
  resolve: { alias: [{ find: /^graphql$/, replacement: 'graphql/index.js' }] },
  test: {
    include: ['tests/**/*.test.ts'],
    globalSetup: ['tests/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 300_000,
    teardownTimeout: 60_000,
    pool: 'forks',
    // Memory bounds in tests measure what is retained after a real collection (global.gc), not garbage.
    execArgv: ['--expose-gc'],
    reporters: ['default', ['json', { outputFile: 'test-artifacts/vitest-results.json' }]],
  },
});
