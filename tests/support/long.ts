/**
 * Long scenarios: the slowest recovery paths, each minutes of JVM starts, loads and restarts on this 2-core
 * machine. `npm test` (and so CI) skips them and its per-project counts say how many were skipped;
 * `npm run test:long` (TEST_LONG=1) runs the whole suite with them, as do the runs before a release.
 * A scenario goes here only when a shorter test in `npm test` covers the same code path (the test says which).
 */
export const LONG = process.env['TEST_LONG'] === '1';
