/**
 * The first request after a cold start (`npm run bench:first-request`): a fresh Neo4j with the shipped seed
 * graph is stopped and started again (its plan caches empty), then the API process starts (its warm-up
 * runs before `/ready` says 200) and every saved operation, every explorer operation and every export is
 * asked once, one at a time, then a second time. Then, after another cold restart of the same store, 16 clients
 * send the saved operations for 20 s from the moment `/ready` says 200, at the API's default timeouts. It writes the
 * time to `/ready`, each first and second request (ms, over HTTP) and the load's failures, with the two targets of
 * docs/benchmarks.md (met or missed). Times are reported, never judged: nothing here asserts a time. Part of
 * `npm run bench` (`--only cold` runs it alone).
 *
 * Options: --neo4j-port 7699 (the Neo4j this script starts; its data folder is .bench/neo4j-first-request)
 *          --out bench/results/first-request (writes .md and .json)
 */
import { mkdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { loadExampleOperations, OPERATIONS_DIR } from '../src/http/ide.js';
import { startLocalNeo4j } from '../src/local-neo4j/local-neo4j.js';
import { connectionExports } from '../src/exports/connections.js';
import { QUESTIONS, WARM_UP_PARAMS } from '../src/exports/question-tables.js';
import { GRAPH_EXPORTS } from '../src/exports/graph-exports.js';
import { buildSchema } from '../src/graphql/schema.js';
import { startApiProcess } from './support/api-process.js';
import { formatReport, runLoad, type LoadReport } from './load.js';
import { argument, runIfMain } from './support/cli.js';
import { startBenchNeo4j } from './support/neo4j.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

interface FirstRequest {
  kind: 'operation' | 'explorer' | 'export';
  name: string;
  status: number;
  firstMs: number;
  secondMs: number;
}

interface Ask {
  kind: FirstRequest['kind'];
  name: string;
  send(origin: string): Promise<Response>;
}

function asks(): Ask[] {
  const graphql = (kind: Ask['kind']) => (op: { name: string; query: string }): Ask => ({
    kind,
    name: op.name,
    send: (origin) => fetch(`${origin}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: op.query }) }),
  });
  const exportAsk = (file: string, params: Record<string, string[]> = {}): Ask => ({
    kind: 'export',
    name: file,
    send: (origin) => fetch(`${origin}/export/${file}?${new URLSearchParams(Object.entries(params).map(([k, v]) => [k, v.join(',')])).toString()}`),
  });
  const schema = buildSchema();
  return [
    ...loadExampleOperations().map(graphql('operation')),
    ...loadExampleOperations(path.join(OPERATIONS_DIR, 'explorer')).map(graphql('explorer')),
    ...[...connectionExports(schema).keys()].map((name) => exportAsk(`${name}.json`)),
    ...[...QUESTIONS.keys()].map((name) => exportAsk(`${name}.json`, WARM_UP_PARAMS[name])),
    ...GRAPH_EXPORTS.map((name) => exportAsk(`${name}.graphml`, WARM_UP_PARAMS[name])),
  ];
}

async function timed(ask: Ask, origin: string): Promise<{ ms: number; status: number; body: string }> {
  const started = performance.now();
  const res = await ask.send(origin);
  const body = await res.text();
  return { ms: performance.now() - started, status: res.status, body };
}

/** The shipped seed graph in a fresh store under .bench/, stopped: each measurement starts it cold. */
async function seededStore(port: number): Promise<{ dataDir: string; remove(): Promise<void> }> {
  const dataDir = path.join(ROOT, '.bench', 'neo4j-first-request');
  const seeded = await startBenchNeo4j({ port, dataDir, heapMb: 2048, pageCacheMb: 512 });
  await seeded.db.close();
  await seeded.local.stop();
  return { dataDir, remove: () => rm(dataDir, { recursive: true, force: true }) };
}

/**
 * Neo4j started again on the seeded store (the same data, empty plan caches: what a restart of the database
 * gives), then the API process (its warm-up runs before `/ready` says 200); `use` runs once /ready says 200.
 */
async function coldStart<T>(port: number, dataDir: string, env: Record<string, string>, use: (origin: string, readyMs: number) => Promise<T>): Promise<T> {
  const neo4j = await startLocalNeo4j({ port, dataDir, startTimeoutMs: 600_000, heapMb: 2048, pageCacheMb: 512, progress: () => undefined });
  try {
    const started = performance.now();
    const api = await startApiProcess({ neo4jUri: neo4j.uri, readyTimeoutMs: 600_000, env });
    try {
      return await use(new URL(api.url).origin, Math.round(performance.now() - started));
    } finally {
      await api.stop();
    }
  } finally {
    await neo4j.stop();
  }
}

async function measureFirstRequests(port: number, log: (line: string) => void, store: string): Promise<FirstRequests> {
  return coldStart(port, store, { QUERY_TIMEOUT_MS: '60000', REQUEST_TIMEOUT_MS: '60000' }, async (origin, readyMs) => {
    log(`API ready ${readyMs} ms after its start (warm-up included)`);
    const requests: FirstRequest[] = [];
    for (const ask of asks()) {
      const first = await timed(ask, origin);
      const second = await timed(ask, origin);
      requests.push({ kind: ask.kind, name: ask.name, status: first.status, firstMs: Math.round(first.ms), secondMs: Math.round(second.ms) });
      const refused = first.status >= 300 ? ` (${first.body.slice(0, 300)})` : '';
      log(`${ask.kind} ${ask.name}: ${first.status}, first ${Math.round(first.ms)} ms, second ${Math.round(second.ms)} ms${refused}`);
    }
    return { readyMs, requests };
  });
}

/** Clients and seconds of the load started at /ready after a cold start (issue 26's "warm from the first request"). */
const COLD_LOAD = { connections: 16, seconds: 20 } as const;

/**
 * A load of COLD_LOAD.connections clients over the saved operations, started the moment `/ready` says 200 after a
 * cold start, at the API's default timeouts (QUERY_TIMEOUT_MS 10 s): no request may time out or fail.
 */
async function measureColdLoad(port: number, log: (line: string) => void, store: string): Promise<ColdLoad> {
  return coldStart(port, store, {}, async (origin, readyMs) => {
    log(`API ready ${readyMs} ms after its start; ${COLD_LOAD.connections} clients for ${COLD_LOAD.seconds} s from now`);
    const load = await runLoad({ url: `${origin}/graphql`, connections: COLD_LOAD.connections, durationSeconds: COLD_LOAD.seconds, warmupRounds: 0 });
    log(formatReport(load));
    return { readyMs, load };
  });
}

interface FirstRequests {
  readyMs: number;
  requests: FirstRequest[];
}

interface ColdLoad {
  readyMs: number;
  load: LoadReport;
}

/** Requests of the cold load that timed out or failed: autocannon's own timeouts and errors, non-2xx answers, GraphQL errors. */
const coldFailures = (c: ColdLoad): number => c.load.timeouts + c.load.errors + c.load.non2xx + c.load.graphqlErrors;

/** `npm run bench` step: first requests and the cold load, each on a cold restart of one seeded store; bench/results/first-request.md and .json. */
export async function coldStep(port: number, out: string, log: (line: string) => void): Promise<void> {
  const store = await seededStore(port);
  try {
    const first = await measureFirstRequests(port, (l) => log(`first request: ${l}`), store.dataDir);
    const cold = await measureColdLoad(port, (l) => log(`cold load: ${l}`), store.dataDir);
    const md = `# First requests after a cold start\n\n${coldVerdicts(first, cold).join('\n')}\n\n${coldLoadMarkdown(cold)}\n${firstRequestMarkdown(first)}`;
    await mkdir(path.dirname(out), { recursive: true });
    await writeFile(`${out}.md`, md);
    await writeFile(`${out}.json`, `${JSON.stringify({ machine: `${os.cpus().length} cores`, run: new Date().toISOString(), first, cold }, null, 2)}\n`);
    log(`written ${path.relative(ROOT, out)}.md and .json`);
  } finally {
    await store.remove();
  }
}

function coldVerdicts(first: FirstRequests, cold: ColdLoad): string[] {
  const saved = first.requests.filter((r) => r.kind === 'operation');
  const slowest = saved.reduce((a, b) => (b.firstMs > a.firstMs ? b : a));
  const under = saved.every((r) => r.firstMs < 1000 && r.status === 200);
  const failed = coldFailures(cold);
  const codes = Object.entries(cold.load.errorCodes).map(([code, n]) => `${code} ${n}`).join(', ') || 'none';
  return [
    `- **${under ? 'met' : 'missed'}**: the first request of every saved operation after a cold start under 1 s. Measured: the slowest ${slowest.name}, ${slowest.firstMs} ms (${saved.length} operations; API ready ${first.readyMs} ms after its start).`,
    `- **${failed === 0 ? 'met' : 'missed'}**: no timeout in the first ${COLD_LOAD.seconds} s of a ${COLD_LOAD.connections}-client load started at /ready. Measured: ${cold.load.requests} requests, ${cold.load.timeouts} timed out, ${cold.load.errors} errors, ${cold.load.non2xx} non-2xx, GraphQL errors ${cold.load.graphqlErrors} (codes: ${codes}); p99 ${cold.load.p99} ms, max ${cold.load.max} ms.`,
  ];
}

function coldLoadMarkdown(cold: ColdLoad): string {
  return `## ${COLD_LOAD.connections} clients from the moment /ready said 200\n\n\`\`\`\n${formatReport(cold.load)}\n\`\`\`\n\n## Each request, one at a time\n`;
}

function firstRequestMarkdown(result: FirstRequests): string {
  const rows = result.requests.map((r) => `| ${r.kind} | ${r.name} | ${r.status} | ${r.firstMs} | ${r.secondMs} |`);
  const worst = Math.max(...result.requests.map((r) => r.firstMs));
  return [
    `API ready ${result.readyMs} ms after its start (Neo4j restarted cold, warm-up included); the slowest first request ${worst} ms.`,
    '',
    '| kind | name | status | first (ms) | second (ms) |',
    '|---|---|---:|---:|---:|',
    ...rows,
    '',
  ].join('\n');
}

runIfMain(import.meta.url, async () => {
  const args = process.argv.slice(2);
  const port = Number(argument(args, 'neo4j-port') ?? 7699);
  await coldStep(port, argument(args, 'out') ?? path.join(ROOT, 'bench', 'results', 'first-request'), (line) => process.stderr.write(`${line}\n`));
});
