/**
 * The first request after a cold start (`npm run bench:first-request`): a fresh Neo4j with the shipped seed
 * graph is stopped and started again (its plan caches empty), then the API process starts (its warm-up
 * runs before `/ready` says 200) and every saved operation, every explorer operation and every export is
 * asked once, one at a time, then a second time. It prints the time to `/ready` and each first and second
 * request (ms, over HTTP). Times are reported, never judged: nothing here asserts a time.
 *
 * Options: --neo4j-port 7699 (the Neo4j this script starts; its data folder is .bench/neo4j-first-request)
 *          --out bench/results/first-request (writes .md and .json beside the printout)
 */
import { mkdir, writeFile } from 'node:fs/promises';
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
import { argument, runIfMain } from './support/cli.js';
import { startBenchNeo4j } from './support/neo4j.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

export interface FirstRequest {
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

export async function measureFirstRequests(port: number, log: (line: string) => void): Promise<{ readyMs: number; requests: FirstRequest[] }> {
  const dataDir = path.join(ROOT, '.bench', 'neo4j-first-request');
  const seeded = await startBenchNeo4j({ port, dataDir, heapMb: 2048, pageCacheMb: 512 });
  // Stopped and started again: the same store, empty plan caches (what a restart of the database gives).
  await seeded.db.close();
  await seeded.local.stop();
  const neo4j = await startLocalNeo4j({ port, dataDir, startTimeoutMs: 600_000, heapMb: 2048, pageCacheMb: 512, progress: () => undefined });
  try {
    const started = performance.now();
    const api = await startApiProcess({ neo4jUri: neo4j.uri, readyTimeoutMs: 600_000, env: { QUERY_TIMEOUT_MS: '60000', REQUEST_TIMEOUT_MS: '60000' } });
    const readyMs = performance.now() - started;
    log(`API ready ${Math.round(readyMs)} ms after its start (warm-up included)`);
    try {
      const origin = new URL(api.url).origin;
      const requests: FirstRequest[] = [];
      for (const ask of asks()) {
        const first = await timed(ask, origin);
        const second = await timed(ask, origin);
        requests.push({ kind: ask.kind, name: ask.name, status: first.status, firstMs: Math.round(first.ms), secondMs: Math.round(second.ms) });
        const refused = first.status >= 300 ? ` (${first.body.slice(0, 300)})` : '';
        log(`${ask.kind} ${ask.name}: ${first.status}, first ${Math.round(first.ms)} ms, second ${Math.round(second.ms)} ms${refused}`);
      }
      return { readyMs: Math.round(readyMs), requests };
    } finally {
      await api.stop();
    }
  } finally {
    await neo4j.stop();
    await seeded.stop().catch(() => undefined);
  }
}

export function firstRequestMarkdown(result: { readyMs: number; requests: FirstRequest[] }): string {
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
  const result = await measureFirstRequests(port, (line) => process.stderr.write(`first-request: ${line}\n`));
  const md = firstRequestMarkdown(result);
  process.stdout.write(md);
  const out = argument(args, 'out');
  if (out) {
    await mkdir(path.dirname(out), { recursive: true });
    await writeFile(`${out}.md`, `# First requests after a cold start\n\n${md}`);
    await writeFile(`${out}.json`, `${JSON.stringify(result, null, 2)}\n`);
  }
});
