/**
 * The API against its own local Neo4j (on a free port), for what cannot be done to the shared test
 * database: a dataset reloaded again and again while readers loop (no answer may mix old and new
 * data), and a database outage for real: Neo4j stopped in the middle of a stream of requests and
 * started again on the same port and data. While it is down, requests fail fast with
 * DATABASE_UNAVAILABLE and HTTP 503 and /ready says 503; once it is back, the same API process
 * answers again without a restart.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../../bench/support/free-port.js';
import { loadConfig } from '../../src/config.js';
import { createApp, type App } from '../../src/http/server.js';
import { appDeps } from '../../src/http/wiring.js';
import { startLocalNeo4j, type LocalNeo4j } from '../../src/local-neo4j/local-neo4j.js';
import { createLogger } from '../../src/logger.js';
import { CypherCatalog } from '../../src/neo4j/cypher-catalog.js';
import { createDriver, Database } from '../../src/neo4j/database.js';
import { applySchema } from '../../src/neo4j/migrate.js';
import { loadDataset } from '../../src/seed/loader.js';
import { whileNoOtherFileRuns } from '../support/db.js';
import { changedCopy, namesIn, versionOf } from '../support/reload-race.js';

/** "Fast": well under a client's patience, however the driver gives up (refused, retried, timed out). */
const FAST_MS = 8_000;
const QUERY = '{ organisations(first: 3, orderBy: { field: KEY }) { edges { node { id name } } totalCount } }';

/** Its own port (other test runs may be running on this machine) and data, kept for the restart. */
let port: number;
let root: string;
let neo4j: LocalNeo4j | undefined;
let db: Database;
let app: App;
let url: string;
let origin: string;
let baseline: unknown;
let catalog: CypherCatalog;
let seedDir: string;

function startNeo4j(): Promise<LocalNeo4j> {
  return startLocalNeo4j({ port, dataDir: path.join(root, 'data'), startTimeoutMs: 180_000, heapMb: 768, pageCacheMb: 128, progress: () => undefined });
}

interface Answer {
  status: number;
  ms: number;
  codes: string[];
  data: unknown;
}

async function ask(query = QUERY): Promise<Answer> {
  const started = Date.now();
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json' },
    body: JSON.stringify({ query }),
    signal: AbortSignal.timeout(60_000),
  });
  const body = (await res.json()) as { data?: unknown; errors?: { extensions?: { code?: string } }[] };
  return { status: res.status, ms: Date.now() - started, codes: (body.errors ?? []).map((e) => e.extensions?.code ?? '?'), data: body.data ?? null };
}

async function ready(): Promise<{ status: number; ms: number }> {
  const started = Date.now();
  const res = await fetch(`${origin}/ready`, { signal: AbortSignal.timeout(60_000) });
  await res.text();
  return { status: res.status, ms: Date.now() - started };
}

async function until(what: string, check: () => Promise<boolean>, timeoutMs: number): Promise<number> {
  const started = Date.now();
  for (;;) {
    if (await check()) return Date.now() - started;
    if (Date.now() - started > timeoutMs) throw new Error(`${what}: not within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

beforeAll(async () => {
  port = await freePort();
  root = mkdtempSync(path.join(tmpdir(), 'outage-'));
  neo4j = await startNeo4j();
  catalog = await CypherCatalog.load();
  const settings = { uri: neo4j.uri, username: 'neo4j', password: '', database: 'neo4j', queryTimeoutMs: 120_000 };
  db = new Database(createDriver(settings), settings, createLogger('silent'));
  await applySchema(db, catalog);
  const config = loadConfig({ NEO4J_URI: neo4j.uri, LOG_LEVEL: 'silent', PORT: '0' });
  seedDir = config.seed.dir;
  await loadDataset(db, catalog, seedDir);
  app = await createApp(appDeps(config, createLogger('silent'), db, catalog));
  ({ url } = await app.listen(0));
  origin = new URL(url).origin;
}, 300_000);

afterAll(async () => {
  await app?.stop();
  await db?.close();
  await neo4j?.stop();
  if (root) rmSync(root, { recursive: true, force: true });
}, 120_000);

describe('a dataset reloaded while readers loop', () => {
  it('no single statement, GraphQL response or export mixes data from before and after a reload', async () => {
    const changed = changedCopy(seedDir);
    const seen = { statement: [] as string[], graphql: [] as string[], export: [] as string[] };
    const failures: string[] = [];
    let reloading = true;
    const statement = async () => {
      while (reloading) {
        const rows = await db.read('MATCH (n:Entity) RETURN n.name AS name ORDER BY n.key', {}).catch((e: unknown) => (failures.push(String(e)), []));
        seen.statement.push(versionOf(rows.map((r) => String(r.name))));
      }
    };
    const graphql = async () => {
      const query = '{ meetings(first: 50) { edges { node { name chief { name } members { __typename } subMeetings { name } } } } countries(first: 60) { edges { node { name } } } }';
      while (reloading) {
        const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) });
        const text = await res.text();
        if (res.status !== 200 || text.includes('"errors"')) failures.push(`graphql ${res.status} ${text.slice(0, 200)}`);
        else seen.graphql.push(versionOf(namesIn(text)));
      }
    };
    const exports = async () => {
      while (reloading) {
        const res = await fetch(`${origin}/export/countries.json?limit=200`);
        const text = await res.text();
        if (res.status !== 200) failures.push(`export ${res.status} ${text.slice(0, 200)}`);
        else seen.export.push(versionOf(namesIn(text)));
      }
    };
    // Each reader's statements are planned once before the race, as the API's warm-up does for the saved
    // operations: a cold plan of the export's statement can take longer than a request's deadline here.
    await db.read('MATCH (n:Entity) RETURN n.name AS name ORDER BY n.key', {});
    for (const path of ['/graphql?query=' + encodeURIComponent('{ meetings(first: 50) { edges { node { name chief { name } members { __typename } subMeetings { name } } } } countries(first: 60) { edges { node { name } } } }'), '/export/countries.json?limit=200']) {
      let status = 0;
      for (let i = 0; i < 5 && status !== 200; i++) {
        const res = await fetch(origin + path, { headers: { accept: 'application/json' }, signal: AbortSignal.timeout(120_000) });
        status = res.status;
        await res.text();
      }
      expect(status, path).toBe(200);
    }
    const readers = [statement(), statement(), graphql(), graphql(), exports()];
    try {
      for (let i = 0; i < 6; i++) await loadDataset(db, catalog, i % 2 === 0 ? changed : seedDir);
    } finally {
      reloading = false;
      await Promise.all(readers);
    }
    const count = (list: string[], v: string) => list.filter((x) => x === v).length;
    const summary = Object.fromEntries(
      Object.entries(seen).map(([k, list]) => [k, `${list.length} answers: ${count(list, 'old')} old, ${count(list, 'new')} new, ${count(list, 'mixed')} mixed`]),
    );
    process.stdout.write(`reload race: ${JSON.stringify(summary)}; ${failures.length} failed requests${failures.length ? `: ${failures.slice(0, 5).join(' | ')}` : ''}\n`);
    for (const [kind, list] of Object.entries(seen)) {
      expect(count(list, 'mixed'), `${kind}: ${summary[kind]}`).toBe(0);
      expect(list.length, kind).toBeGreaterThan(0);
    }
    // The readers did run across the reloads: both versions were seen.
    const all = [...seen.statement, ...seen.graphql, ...seen.export];
    expect(count(all, 'new')).toBeGreaterThan(0);
    expect(count(all, 'old')).toBeGreaterThan(0);
    // On a busy machine a read may time out while a load commits: an error, never a 500 or a mixed answer.
    expect(failures.filter((f) => / 500 |INTERNAL_SERVER_ERROR/.test(f)), failures.join('\n')).toEqual([]);
  }, 180_000);
});

describe('a frozen Neo4j', () => {
  // Alone: in two clean-clone CI runs, with other files' Neo4j work beside it, a request answered 200 while this
  // file's Neo4j was stopped (once in 22 ms). The cause is not found; the message below prints what would tell it.
  it('SIGSTOP: requests get 503 DATABASE_UNAVAILABLE within seconds and /ready 503 within its own timeout; SIGCONT: back by itself', () =>
    whileNoOtherFileRuns(async () => {
      expect((await ask()).status).toBe(200);
      const pid = neo4j!.pid;
      process.kill(pid, 'SIGSTOP');
      let frozen: Answer[];
      let r: { status: number; ms: number };
      let state: string;
      try {
        frozen = await Promise.all([ask(), ask(), ask()]);
        r = await ready();
        // The process state (T: stopped), to tell a Neo4j that did not stop from an API that did not ask it.
        state = readFileSync(`/proc/${pid}/stat`, 'utf8').split(' ')[2] ?? '?';
      } finally {
        process.kill(pid, 'SIGCONT');
      }
      process.stdout.write(`frozen: slowest request ${Math.max(...frozen.map((a) => a.ms))} ms, /ready ${r.ms} ms\n`);
      const seen = `Neo4j pid ${pid} state ${state} on ${neo4j!.uri}, API ${url}: ${JSON.stringify(frozen)}`;
      for (const a of frozen) {
        expect(a.status, seen).toBe(503);
        expect(a.codes, seen).toContain('DATABASE_UNAVAILABLE');
        expect(a.ms, seen).toBeLessThan(FAST_MS);
      }
      expect(r.status).toBe(503);
      // /ready's own timeout is under 2 s; the bound leaves room for a busy machine.
      expect(r.ms).toBeLessThan(4_000);
      const back = await until('a 200 after SIGCONT', async () => (await ask()).status === 200, 60_000);
      expect((await ready()).status).toBe(200);
      process.stdout.write(`frozen: answering again ${back} ms after SIGCONT\n`);
    }), 300_000);
});

describe('a Neo4j outage', () => {
  it('before: queries answer and /ready is 200', async () => {
    const answer = await ask();
    expect(answer.status).toBe(200);
    expect(answer.codes).toEqual([]);
    baseline = answer.data;
    expect((await ready()).status).toBe(200);
  });

  it('stopped mid-run: requests get 503 DATABASE_UNAVAILABLE fast, never a 500, and /ready says 503', async () => {
    // A steady stream of requests while the database goes away.
    const answers: Answer[] = [];
    let streaming = true;
    const stream = (async () => {
      while (streaming) answers.push(await ask());
    })();
    await new Promise((r) => setTimeout(r, 500));
    await neo4j!.stop();
    neo4j = undefined;
    await new Promise((r) => setTimeout(r, 3_000));
    streaming = false;
    await stream;

    for (const a of answers) {
      expect([200, 503], `status ${a.status} (${a.codes.join(',')})`).toContain(a.status);
      if (a.status === 503) expect(a.codes).toContain('DATABASE_UNAVAILABLE');
      expect(a.codes).not.toContain('INTERNAL_SERVER_ERROR');
    }

    // Now it is down for sure: every request, alone or many at once, fails fast.
    const down = await Promise.all(Array.from({ length: 8 }, () => ask()));
    for (const a of down) {
      expect(a.status).toBe(503);
      expect(a.codes).toContain('DATABASE_UNAVAILABLE');
      expect(a.ms).toBeLessThan(FAST_MS);
    }
    const r = await ready();
    expect(r.status).toBe(503);
    expect(r.ms).toBeLessThan(FAST_MS);
    process.stdout.write(
      `outage: ${answers.length} requests during the stop (${answers.filter((a) => a.status === 503).length} × 503); ` +
        `while down: slowest request ${Math.max(...down.map((a) => a.ms))} ms, /ready ${r.ms} ms\n`,
    );
    // The process itself is fine.
    expect((await fetch(`${origin}/health`)).status).toBe(200);
  }, 120_000);

  it('started again on the same port and data: the same API process recovers without a restart', async () => {
    neo4j = await startNeo4j();
    const readyAfter = await until('/ready 200 after restart', async () => (await ready()).status === 200, 60_000);
    // A Neo4j that has just started plans every statement afresh: on a busy machine the very first
    // queries may still time out (QUERY_TIMEOUT, never a 500); the process answers without a restart.
    let answer = await ask();
    await until('a query answers after restart', async () => {
      expect(answer.codes.filter((c) => c !== 'QUERY_TIMEOUT' && c !== 'DATABASE_UNAVAILABLE')).toEqual([]);
      if (answer.status === 200 && answer.codes.length === 0) return true;
      answer = await ask();
      return false;
    }, 90_000);
    expect(answer.data).toEqual(baseline);
    process.stdout.write(`outage: recovered, /ready 200 ${readyAfter} ms after Neo4j was up again\n`);
  }, 300_000);
});
