/** A connection to the test run's Neo4j (started by the global setup), one per test file. */
import { existsSync, readFileSync } from 'node:fs';
import { inject } from 'vitest';
import { acquireLock, type LockMode } from './db-lock.js';
import type { SharedGraphSettings } from './shared-graph.js';
import { CypherCatalog } from '../../src/neo4j/cypher-catalog.js';
import { createDriver, Database } from '../../src/neo4j/database.js';
import { createLogger } from '../../src/logger.js';

export interface TestDb {
  db: Database;
  catalog: CypherCatalog;
}

let handle: Promise<TestDb> | undefined;

/**
 * In a system file (tests/support/system-file.ts), the test database may be used only after
 * `readsTestDatabase()`: the file then holds it shared, so that a writer of a joined run waits for it.
 */
let declarationRequired = false;
let declaredReads = false;

/** tests/support/system-file.ts: this file must declare its use of the test database. */
export function requireReadDeclaration(required: boolean): void {
  declarationRequired = required;
  declaredReads = false;
}

/**
 * Declares, at the top level of a system test file, that it reads the shared test database (or starts a
 * process that does): the file holds it shared while it runs, as an api file does. The other system files
 * hold nothing, so a writer of a joined run (tests/support/shared-graph.ts) need not wait for them.
 */
export function readsTestDatabase(): void {
  declaredReads = true;
}

/** True when this system file declared `readsTestDatabase()`. */
export function declaresReads(): boolean {
  return declaredReads;
}

let lazySettings: SharedGraphSettings | undefined;

/**
 * Waits for the test graph where the global setup did not (a joined system run: tests/global-setup.ts,
 * `lazySetup`); at once elsewhere. system-file.ts calls it before a file that uses the database starts.
 */
export async function untilGraphReady(maxMs = 3_600_000): Promise<void> {
  const file = inject('graphSettingsFile');
  if (!file || lazySettings) return;
  const deadline = Date.now() + maxMs;
  while (!existsSync(file)) {
    if (Date.now() > deadline) throw new Error(`the test graph was not ready within ${maxMs} ms (${file})`);
    await new Promise((r) => setTimeout(r, 250));
  }
  const read = JSON.parse(readFileSync(file, 'utf8')) as SharedGraphSettings | { error: string };
  if ('error' in read) throw new Error(`the test graph could not be started: ${read.error}`);
  lazySettings = read;
}

/** One setting of the test graph (after `untilGraphReady` in a joined system run). */
function graph<K extends keyof SharedGraphSettings>(key: K): SharedGraphSettings[K] {
  if (!inject('graphSettingsFile')) return inject(key);
  if (!lazySettings) throw new Error('the test graph is used before untilGraphReady() (tests/support/db.ts)');
  return lazySettings[key];
}

export function neo4jSettings() {
  if (declarationRequired && !declaredReads) {
    throw new Error('this system test file uses the shared test database: call readsTestDatabase() (tests/support/db.ts) at its top level');
  }
  return {
    uri: graph('neo4jUri'),
    username: graph('neo4jUsername'),
    password: graph('neo4jPassword'),
    database: graph('neo4jDatabase'),
    queryTimeoutMs: 20_000,
  };
}

export function testDb(): Promise<TestDb> {
  // Outside the promise: a file that may not use the database throws here, and leaves no failed handle behind
  // for the next file of the worker (files share modules: isolate is off).
  const settings = neo4jSettings();
  handle ??= (async () => {
    const db = new Database(createDriver(settings), settings, createLogger('silent'));
    return { db, catalog: await CypherCatalog.load() };
  })();
  return handle;
}

export async function closeTestDb(): Promise<void> {
  if (handle) await (await handle).db.close();
  handle = undefined;
}

/**
 * Waits until no other transaction runs in the test database (at most `maxMs`): work an earlier
 * test file left running (a heavy generated query still inside its timeout) would otherwise starve a
 * browser test's requests on a 2-core machine.
 */
export async function untilDatabaseIsQuiet(maxMs = 120_000): Promise<void> {
  const { db } = await testDb();
  const deadline = Date.now() + maxMs;
  while (Date.now() < deadline) {
    const result = await db.driver.executeQuery(
      "SHOW TRANSACTIONS YIELD currentQuery WHERE NOT currentQuery STARTS WITH 'SHOW TRANSACTIONS' RETURN count(*) AS n",
      {},
      { database: db.settings.database },
    );
    if (Number(result.records[0]?.get('n') ?? 0) === 0) return;
    await new Promise((r) => setTimeout(r, 500));
  }
}

/**
 * Runs `work` with the shared test database's lock held exclusively: no api file (of this run or a joined one)
 * runs meanwhile. For a system test whose timing must not compete with them: one that freezes a Neo4j of its own
 * and measures how fast requests fail. It waits for the files that hold the database now.
 */
export async function whileNoOtherFileRuns<T>(work: () => Promise<T>): Promise<T> {
  await untilGraphReady();
  const releaseAlone = await acquireLock(graph('dbLockPort'), 'exclusive');
  try {
    return await work();
  } finally {
    await releaseAlone();
  }
}

let mode: LockMode = 'shared';
let release: (() => Promise<void>) | undefined;

/**
 * Declares, at the top level of an api test file, that it loads, reloads or otherwise changes the shared
 * test database (a dataset, the load fence, an index): the file then runs alone, never beside another
 * api file (tests/support/db-lock.ts), and before the readers (tests/support/api-sequencer.ts). A file
 * that only reads needs nothing: it holds the database shared.
 */
export function writesToDatabase(): void {
  mode = 'exclusive';
}

/** Takes the database for this test file (tests/support/api-file.ts runs it before the file's own hooks). */
export async function holdDatabase(): Promise<void> {
  await untilGraphReady();
  release = await acquireLock(graph('dbLockPort'), mode);
}

export async function releaseDatabase(): Promise<void> {
  await release?.();
  release = undefined;
  mode = 'shared';
}
