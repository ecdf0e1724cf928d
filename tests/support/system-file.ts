/**
 * Set up before every file of the system project (vitest.config.ts). A system file that reads the shared test
 * database, or starts a process that does, says so with `readsTestDatabase()` at its top level and holds it
 * shared while it runs, as an api file does; a writer of a run that joined this one's graph
 * (tests/support/shared-graph.ts) waits for it. The other system files hold nothing: they run their own
 * processes and databases. Using the test database without the declaration fails at once (tests/support/db.ts).
 */
import { afterAll, beforeAll } from 'vitest';
import { declaresReads, holdDatabase, releaseDatabase, requireReadDeclaration } from './db.js';

requireReadDeclaration(true);
beforeAll(async () => {
  if (declaresReads()) await holdDatabase();
}, 3_600_000);
afterAll(releaseDatabase);
