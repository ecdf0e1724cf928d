/**
 * Stopping `npm start` the ways a person, a supervisor or a container runtime does: SIGTERM to npm
 * (`docker stop` of an `npm start` container), SIGTERM to the API's node process, and a signal to the
 * whole process group (Ctrl-C, systemd). Each time a request already in flight is answered, a new
 * one is refused or gets 503, npm exits 0 and no process it started is left running — with one API
 * process or with WEB_CONCURRENCY=2 workers, and with the local Neo4j that `npm start` starts itself.
 */
import { rmSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { neo4jSettings, readsTestDatabase } from '../support/db.js';
import { apiProcess, descendants, freePort, isAlive, newRequest, npmStart, slowRequest, type NpmStart, type Proc } from '../support/npm-start.js';

readsTestDatabase();

const QUERY = '{ organisations(first: 2, orderBy: { field: KEY }) { edges { node { id } } } }';

type Delivery = 'npm' | 'node' | 'group';

async function stopAndCheck(delivery: Delivery, signal: NodeJS.Signals, env: Record<string, string>, workers: number): Promise<void> {
  // No warm-up (WARM_UP=false): what is under test is the stop, and a warm-up on a fresh Neo4j took about 26 s.
  const started = await npmStart({ WEB_CONCURRENCY: String(workers), WARM_UP: 'false', ...env });
  const npmPid = started.child.pid!;
  const procs = descendants(npmPid);
  try {
    await deliverAndCheck(started, procs, delivery, signal, workers);
  } finally {
    // A failed check must not leave the servers (and a local Neo4j) running.
    for (const p of [{ pid: npmPid }, ...procs]) if (isAlive(p.pid)) process.kill(p.pid, 'SIGKILL');
  }
}

async function deliverAndCheck(started: NpmStart, procs: Proc[], delivery: Delivery, signal: NodeJS.Signals, workers: number): Promise<void> {
  const npmPid = started.child.pid!;
  const api = apiProcess(npmPid);
  // Workers are forked from the API process and run the same main module.
  const forked = procs.filter((p) => p.ppid === api.pid && /src\/main\.ts/.test(p.cmd));
  expect(forked.length, started.output()).toBe(workers > 1 ? workers : 0);

  const inFlight = await slowRequest(started.port, QUERY);
  await new Promise((r) => setTimeout(r, 200));
  if (delivery === 'npm') process.kill(npmPid, signal);
  else if (delivery === 'node') process.kill(api.pid, signal);
  else process.kill(-npmPid, signal);

  // New requests: refused, or 503 while draining; never a dropped connection or a 500.
  let later: Awaited<ReturnType<typeof newRequest>> = 200;
  for (let i = 0; i < 40 && later === 200; i++) {
    await new Promise((r) => setTimeout(r, 250));
    later = await newRequest(started.port, QUERY);
  }
  expect(['refused', 503]).toContain(later);

  const raw = await inFlight.finish();
  expect(raw.split('\r\n')[0], `in-flight request answer:\n${raw}\n${started.output()}`).toBe('HTTP/1.1 200 OK');
  expect(raw).toContain('"organisation:');

  const exit = await started.exited;
  expect(exit, started.output()).toEqual({ code: 0, signal: null });
  for (let i = 0; i < 20 && procs.some((p) => isAlive(p.pid)); i++) await new Promise((r) => setTimeout(r, 250));
  const left = procs.filter((p) => isAlive(p.pid));
  expect(left.map((p) => `${p.pid} ${p.cmd.slice(0, 160)}`), started.output()).toEqual([]);
}

function sharedNeo4j(): Record<string, string> {
  const s = neo4jSettings();
  return { NEO4J_URI: s.uri, NEO4J_USERNAME: s.username, NEO4J_PASSWORD: s.password, NEO4J_DATABASE: s.database, SEED_ON_START: 'false' };
}

describe('npm start stops cleanly on every signal delivery', () => {
  it('SIGTERM to npm (docker stop): drains, exits 0, nothing left', async () => {
    await stopAndCheck('npm', 'SIGTERM', sharedNeo4j(), 1);
  }, 120_000);

  it('SIGTERM to the API node process with 2 workers: all drain, exit 0, nothing left', async () => {
    await stopAndCheck('node', 'SIGTERM', sharedNeo4j(), 2);
  }, 120_000);

  it('SIGTERM to the whole process group: received twice, drained once, exit 0', async () => {
    await stopAndCheck('group', 'SIGTERM', sharedNeo4j(), 1);
  }, 120_000);

  it('Ctrl-C (SIGINT to the group) with 2 workers and the local Neo4j: drained before Neo4j stops, nothing left', async () => {
    // Its own Neo4j on a free port (other test runs may be running on this machine).
    const port = await freePort();
    const dataDir = `.neo4j/signals-test-${port}`;
    rmSync(dataDir, { recursive: true, force: true });
    try {
      await stopAndCheck('group', 'SIGINT', { LOCAL_NEO4J_PORT: String(port), LOCAL_NEO4J_DATA_DIR: dataDir }, 2);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 300_000);
});
