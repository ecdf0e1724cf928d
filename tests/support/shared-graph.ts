/**
 * One test graph for several vitest runs on one machine: `npm test`'s api run shares it with its system run
 * (scripts/test.mjs runs the two side by side) and, in CI, with the Node 24 API tests (.ci/run). The run started
 * with TEST_GRAPH_SHARE=<file> shares its graph; each run started with TEST_GRAPH_JOIN=<same file> uses it instead
 * of starting, seeding and warming up a Neo4j of its own.
 *
 * The sharing run opens its graph as soon as it is ready (seeded and warmed up): the joined runs' files then
 * find Neo4j's plans already made. Every run's files take the same database lock (tests/support/db-lock.ts, the
 * sharing run's service), so a writer of any runs alone.
 *
 * Files beside <file>: `<file>` (the graph's connection settings, written when the gate opens),
 * `<file>.joined.<pid>` (a joined run), `<file>.done.<pid>` (that run is over), `<file>.closed` (the sharing run
 * is over; if it never opened its graph, a joining run starts its own). The sharing run stops its Neo4j only when
 * every joined run is done or gone.
 */
import { existsSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

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

/** The files beside `file` whose names start with `file` + `suffix`. */
function beside(file: string, suffix: string): string[] {
  const dir = path.dirname(file);
  const prefix = path.basename(file) + suffix;
  return existsSync(dir) ? readdirSync(dir).filter((f) => f.startsWith(prefix)).map((f) => path.join(dir, f)) : [];
}

/** Clears what an earlier run left beside the file. */
export function resetShare(file: string): void {
  for (const suffix of ['', '.tmp', '.closed']) rmSync(file + suffix, { force: true });
  for (const f of [...beside(file, '.joined.'), ...beside(file, '.done.')]) rmSync(f, { force: true });
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
    const joined = beside(file, '.joined.').map((f) => Number(f.slice(f.lastIndexOf('.') + 1)));
    const using = joined.filter((pid) => !existsSync(`${file}.done.${pid}`) && alive(pid));
    if (joined.length > 0 && using.length === 0) return;
    // Opened but never joined within a minute: nobody is coming (and nobody may join a stopped graph).
    if (joined.length === 0 && Date.now() - started > 60_000) {
      rmSync(file, { force: true });
      return;
    }
    if (!told && using.length > 0) process.stderr.write(`test graph: waiting for ${using.length} joined run(s) to finish before stopping Neo4j\n`);
    told ||= using.length > 0;
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
      writeFileSync(`${file}.joined.${process.pid}`, '');
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
  writeFileSync(`${file}.done.${process.pid}`, '');
}
