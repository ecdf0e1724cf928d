/**
 * One test graph for two vitest runs on one machine (CI: `npm test` and the Node 24 API tests beside it,
 * .ci/run). The run started with TEST_GRAPH_SHARE=<file> shares its graph; the run started with
 * TEST_GRAPH_JOIN=<same file> uses it instead of starting, seeding and warming up a Neo4j of its own.
 *
 * The sharing run opens its graph as soon as it is ready (seeded and warmed up): the joined run's files then
 * find Neo4j's plans already made. Both runs' files take the same database lock (tests/support/db-lock.ts, the
 * sharing run's service), so a writer of either runs alone. Measured in a quiet clean-clone CI: 1,164 s against
 * 1,314 s with a Neo4j of the Node 24 run's own; opening the graph only when the system project started (so the
 * runs would not compete for Neo4j during the api project) took 1,320 s.
 *
 * Files beside <file>: `<file>` (the graph's connection settings, written when the gate opens),
 * `<file>.joined` (the joining run's pid), `<file>.done` (the joining run is over), `<file>.closed` (the
 * sharing run is over without having opened its graph: the joining run starts its own). The sharing run
 * stops its Neo4j only when the joined run is done or gone.
 */
import { existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';

export interface SharedGraphSettings {
  neo4jUri: string;
  neo4jUsername: string;
  neo4jPassword: string;
  neo4jDatabase: string;
  dbLockPort: number;
}

/** Where the global setup keeps this vitest process's graph. */
export const TEST_GRAPH = Symbol.for('border-graph-api:test-graph');

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** The file this run shares its graph through, if it does. */
export function shareFile(): string | undefined {
  return process.env['TEST_GRAPH_SHARE'] || undefined;
}

/** Clears what an earlier run left beside the file. */
export function resetShare(file: string): void {
  for (const suffix of ['', '.tmp', '.joined', '.done', '.closed']) rmSync(file + suffix, { force: true });
}

/** Opens the graph to the joining run (at most once). */
export function openShare(file: string, settings: SharedGraphSettings): void {
  if (existsSync(file)) return;
  writeFileSync(`${file}.tmp`, JSON.stringify(settings));
  renameSync(`${file}.tmp`, file);
  process.stderr.write('test graph: open to the joined run (TEST_GRAPH_SHARE)\n');
}

/**
 * Before the sharing run stops its Neo4j: says it is over, and waits while a joined run still uses the graph
 * (until it is done, its process is gone, or `maxMs`).
 */
export async function closeShare(file: string, maxMs = 1_200_000): Promise<void> {
  writeFileSync(`${file}.closed`, '');
  if (!existsSync(file)) return;
  const started = Date.now();
  let told = false;
  while (Date.now() - started < maxMs) {
    if (existsSync(`${file}.done`)) return;
    const joined = existsSync(`${file}.joined`) ? Number(readFileSync(`${file}.joined`, 'utf8')) : undefined;
    if (joined !== undefined && !alive(joined)) return;
    // Opened but never joined within a minute: nobody is coming (and nobody may join a stopped graph).
    if (joined === undefined && Date.now() - started > 60_000) {
      rmSync(file, { force: true });
      return;
    }
    if (!told) process.stderr.write('test graph: waiting for the joined run to finish before stopping Neo4j\n');
    told = true;
    await sleep(1000);
  }
}

/**
 * In the joining run: waits for the sharing run's graph. Resolves with its settings, or undefined when the
 * sharing run ended without opening it (or after `maxMs`): then this run starts a graph of its own.
 */
export async function joinShare(file: string, maxMs = 3_600_000): Promise<SharedGraphSettings | undefined> {
  const started = Date.now();
  process.stderr.write(`test graph: waiting for the shared graph (TEST_GRAPH_JOIN=${file})\n`);
  while (Date.now() - started < maxMs) {
    if (existsSync(file)) {
      writeFileSync(`${file}.joined`, String(process.pid));
      process.stderr.write(`test graph: joined after ${((Date.now() - started) / 1000).toFixed(0)} s\n`);
      return JSON.parse(readFileSync(file, 'utf8')) as SharedGraphSettings;
    }
    if (existsSync(`${file}.closed`)) break;
    await sleep(1000);
  }
  process.stderr.write('test graph: the shared graph was not opened; starting one of this run\'s own\n');
  return undefined;
}

/** In the joining run, at its end: the sharing run may stop its Neo4j. */
export function leaveShare(file: string): void {
  writeFileSync(`${file}.done`, '');
}
