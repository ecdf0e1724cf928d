/**
 * Load on loopback: autocannon sends the saved example operations (operations/*.graphql, with their
 * default variables) round-robin from 32 concurrent clients for a fixed time, then prints
 * throughput, p50 and p99 latency and every kind of error (HTTP errors, non-2xx, GraphQL errors).
 * Zero errors are expected; timings are reported, not judged.
 *
 *   npx tsx bench/load.ts                                   # starts its own API (and local Neo4j)
 *   npx tsx bench/load.ts --url http://127.0.0.1:4000/graphql --connections 32 --duration 20
 *
 * Bounded: at most 64 clients and 120 s, and only a loopback URL.
 */
import autocannon from 'autocannon';
import { argument, runIfMain } from './support/cli.js';
import { OPERATIONS_DIR, readSavedOperations } from './support/operations.js';

export { OPERATIONS_DIR };
const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]', '::1']);
export const MAX_CONNECTIONS = 64;
export const MAX_DURATION_S = 120;

export interface LoadOperation {
  name: string;
  body: string;
}

/** The saved operations that run with their defaults alone (a required variable without a default is skipped). */
export function savedOperations(dir = OPERATIONS_DIR): { operations: LoadOperation[]; skipped: string[] } {
  const operations: LoadOperation[] = [];
  const skipped: string[] = [];
  for (const op of readSavedOperations(dir)) {
    if (op.operation.operation !== 'query' || op.needsInput) skipped.push(op.name);
    else operations.push({ name: op.name, body: JSON.stringify({ query: op.query, operationName: op.name }) });
  }
  return { operations, skipped };
}

export interface LoadOptions {
  url: string;
  connections?: number;
  durationSeconds?: number;
  operations?: LoadOperation[];
  /** Sequential passes over the operations before measuring (default 2). */
  warmupRounds?: number;
}

export interface LoadReport {
  url: string;
  connections: number;
  durationSeconds: number;
  operations: string[];
  requests: number;
  throughput: number;
  p50: number;
  p99: number;
  max: number;
  errors: number;
  timeouts: number;
  non2xx: number;
  graphqlErrors: number;
  /** GraphQL errors by their `extensions.code` (QUERY_TIMEOUT, DATABASE_UNAVAILABLE, …). */
  errorCodes: Record<string, number>;
  firstGraphQLError?: string;
  /** Each operation's latency alone, warm (the last warm-up pass), in ms. */
  single: Record<string, number>;
}

export function assertLoopback(url: string): void {
  const host = new URL(url).hostname;
  if (!LOOPBACK.has(host)) throw new Error(`load runs on loopback only; ${host} is not 127.0.0.1, ::1 or localhost.`);
}

export async function runLoad(options: LoadOptions): Promise<LoadReport> {
  assertLoopback(options.url);
  // `localhost` may resolve to ::1 while the API listens on 127.0.0.1 only.
  const target = new URL(options.url);
  if (target.hostname === 'localhost') target.hostname = '127.0.0.1';
  const url = target.toString();
  const connections = Math.min(Math.max(1, options.connections ?? 32), MAX_CONNECTIONS);
  const durationSeconds = Math.min(Math.max(1, options.durationSeconds ?? 20), MAX_DURATION_S);
  const operations = options.operations ?? savedOperations().operations;
  if (operations.length === 0) throw new Error(`no runnable operations in ${OPERATIONS_DIR}`);
  // Warm-up, not measured: Neo4j plans and caches each statement on first use, and the JIT warms.
  const warmup: Record<string, number> = {};
  for (let round = 0; round < (options.warmupRounds ?? 2); round++) {
    for (const op of operations) {
      const started = Date.now();
      await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: op.body }).then((r) => r.text());
      warmup[op.name] = Date.now() - started;
    }
  }
  let graphqlErrors = 0;
  const errorCodes: Record<string, number> = {};
  let firstGraphQLError: string | undefined;
  const result = await autocannon({
    url,
    connections,
    duration: durationSeconds,
    timeout: 30,
    requests: operations.map((op) => ({
      method: 'POST' as const,
      headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
      body: op.body,
      onResponse: (status: number, body: string) => {
        // `"errors"` only appears in a GraphQL response that has errors (field names differ).
        if (!body.includes('"errors"')) return;
        for (const [, code] of body.matchAll(/"code":"([A-Z_]+)"/g)) errorCodes[code!] = (errorCodes[code!] ?? 0) + 1;
        if (status === 200) {
          graphqlErrors += 1;
          firstGraphQLError ??= `${op.name}: ${body.slice(0, 300)}`;
        }
      },
    })),
  });
  return {
    url,
    connections,
    durationSeconds,
    operations: operations.map((o) => o.name),
    requests: result.requests.total,
    throughput: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    max: result.latency.max,
    errors: result.errors,
    timeouts: result.timeouts,
    non2xx: result.non2xx,
    graphqlErrors,
    errorCodes,
    single: warmup,
    ...(firstGraphQLError ? { firstGraphQLError } : {}),
  };
}

export function formatReport(r: LoadReport): string {
  return [
    `load: ${r.connections} clients × ${r.durationSeconds} s on ${r.url}, ${r.operations.length} operations round-robin (${r.operations.join(', ')})`,
    `  requests ${r.requests}, throughput ${r.throughput.toFixed(1)} req/s, latency p50 ${r.p50} ms, p99 ${r.p99} ms, max ${r.max} ms`,
    `  one at a time (warm): ${Object.entries(r.single).map(([name, ms]) => `${name} ${ms} ms`).join(', ')}`,
    `  errors ${r.errors}, timeouts ${r.timeouts}, non-2xx ${r.non2xx}, GraphQL errors ${r.graphqlErrors}${r.firstGraphQLError ? ` (first: ${r.firstGraphQLError})` : ''}`,
  ].join('\n');
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  let url = argument(args, 'url') ?? process.env['LOAD_URL'];
  let stop: (() => Promise<void>) | undefined;
  if (!url) {
    // No server given: start the API (and, unless NEO4J_URI is set, the local Neo4j) on loopback.
    const { loadConfig } = await import('../src/config.js');
    const { createLogger } = await import('../src/logger.js');
    const { connect } = await import('../src/runtime.js');
    const { isDatabaseEmpty, loadDataset } = await import('../src/seed/loader.js');
    const { createApp } = await import('../src/http/server.js');
    const { appDeps } = await import('../src/http/wiring.js');
    const config = loadConfig({ ...process.env, HOST: '127.0.0.1', LOG_LEVEL: process.env['LOG_LEVEL'] ?? 'warn' });
    const logger = createLogger(config.logLevel);
    const connection = await connect(config, logger);
    if (await isDatabaseEmpty(connection.db)) await loadDataset(connection.db, connection.catalog, config.seed.dir);
    const app = await createApp(appDeps(config, logger, connection.db, connection.catalog));
    url = (await app.listen(0)).url;
    stop = async () => {
      await app.stop();
      await connection.close();
    };
  }
  try {
    const { skipped } = savedOperations();
    if (skipped.length) process.stdout.write(`skipped (need input or not a query): ${skipped.join(', ')}\n`);
    const report = await runLoad({
      url,
      connections: Number(argument(args, 'connections') ?? 32),
      durationSeconds: Number(argument(args, 'duration') ?? 20),
    });
    process.stdout.write(`${formatReport(report)}\n`);
    const failed = report.errors + report.timeouts + report.non2xx + report.graphqlErrors;
    process.exitCode = failed === 0 ? 0 : 1;
    if (failed) process.stderr.write(`load: ${failed} failed requests; zero were expected.\n`);
  } finally {
    await stop?.();
  }
}

runIfMain(import.meta.url, main);
