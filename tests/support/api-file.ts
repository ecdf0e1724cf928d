/**
 * Set up before every file of the api project (vitest.config.ts): the file holds the shared test database
 * for as long as it runs, shared or, when it declared `writesToDatabase()`, alone (tests/support/db.ts).
 */
import { afterAll, beforeAll } from 'vitest';
import { holdDatabase, releaseDatabase, requireReadDeclaration } from './db.js';

requireReadDeclaration(false);
// A writer may wait for a long system file of a run that shares the graph (tests/support/shared-graph.ts): the
// wait is not bounded by the hook timeout, whose expiry would leave its request queued in the lock service.
beforeAll(holdDatabase, 3_600_000);
afterAll(releaseDatabase);
