/**
 * The protocol by which other vitest runs (npm test's system run, CI's Node 24 run) join the api run's graph
 * (tests/support/shared-graph.ts): a joining run waits until the graph is opened and then uses it, starts its
 * own when the sharing run ends without opening it, and the sharing run keeps its Neo4j until every joined run
 * is done or gone.
 */
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { closeShare, joinShare, leaveShare, openShare, resetShare, type SharedGraphSettings } from '../support/shared-graph.js';

const SETTINGS: SharedGraphSettings = { neo4jUri: 'bolt://127.0.0.1:7688', neo4jUsername: 'neo4j', neo4jPassword: 'pw', neo4jDatabase: 'neo4j', dbLockPort: 4321 };
let dir: string;
let file: string;

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'share-'));
  file = path.join(dir, 'graph-share.json');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('a joining run', () => {
  it('waits until the graph is opened, then uses its settings and says it joined', async () => {
    const joining = joinShare(file);
    let settled = false;
    void joining.then(() => (settled = true));
    await new Promise((r) => setTimeout(r, 1_500));
    expect(settled).toBe(false);
    openShare(file, SETTINGS);
    expect(await joining).toEqual(SETTINGS);
    expect(existsSync(`${file}.joined.${process.pid}`)).toBe(true);
  });

  it('starts a graph of its own when the sharing run ends without opening one', async () => {
    writeFileSync(`${file}.closed`, '');
    expect(await joinShare(file)).toBeUndefined();
  });
});

describe('the sharing run', () => {
  it('keeps its graph while the joined run works, and stops it once that run is done', async () => {
    openShare(file, SETTINGS);
    await joinShare(file);
    let closed = false;
    const closing = closeShare(file).then(() => (closed = true));
    await new Promise((r) => setTimeout(r, 1_500));
    expect(closed).toBe(false);
    leaveShare(file);
    await closing;
    expect(closed).toBe(true);
  });

  it('waits for every joined run, not only the first one done', async () => {
    openShare(file, SETTINGS);
    await joinShare(file);
    // A second joined run, still working (this process stands for its pid too: alive).
    writeFileSync(`${file}.joined.${process.ppid}`, '');
    leaveShare(file);
    let closed = false;
    const closing = closeShare(file).then(() => (closed = true));
    await new Promise((r) => setTimeout(r, 1_500));
    expect(closed).toBe(false);
    writeFileSync(`${file}.done.${process.ppid}`, '');
    await closing;
    expect(closed).toBe(true);
  });

  it('does not wait for a joined run whose process is gone', async () => {
    openShare(file, SETTINGS);
    writeFileSync(`${file}.joined.2147483646`, '');
    await closeShare(file);
    expect(existsSync(`${file}.closed`)).toBe(true);
  });

  it('starts each run with nothing left from the last one', () => {
    const suffixes = ['', '.joined.123', '.done.123', '.joined.456', '.closed'];
    for (const suffix of suffixes) writeFileSync(file + suffix, '{}');
    resetShare(file);
    for (const suffix of suffixes) expect(existsSync(file + suffix)).toBe(false);
  });
});
