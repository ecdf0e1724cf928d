/**
 * The API over HTTP versus the bare neo4j-driver (the floor). For each saved example operation
 * (operations/*.graphql, run with its default variables) and each concurrency level, the same
 * closed loop (N clients, each sending its next request when the previous one is answered) runs
 * for the same time against:
 *
 * - the API: a POST of the operation to /graphql (keep-alive HTTP/1.1, the response parsed as JSON);
 * - the floor: `bench/floor/<operation file>.cypher`, one hand-written statement that fetches the
 *   same data in one round trip, run from this process through one shared driver in a read
 *   transaction (a session and `executeRead`, as the API's own driver calls do).
 *
 * Before timing, each operation is checked: the set of `id`s anywhere in the API's data must equal
 * the set of `id`s anywhere in the floor's rows (a mismatch makes the numbers meaningless, so that
 * operation is reported as an error and not timed). The API's `extensions.roundTrips` (database
 * transactions per operation, present outside production) is read then too.
 *
 * Reported per operation and level: throughput, p50 and p99 latency, errors, API / floor throughput
 * ratio, and CPU use (this process always; the API and Neo4j processes when their pids are given,
 * from /proc). Overall: the geometric mean of the ratios per level, and the targets (API throughput
 * at least 70% of the floor; API p99 under 50 ms at 32 clients), each met or missed with the
 * measured facts that explain a miss. Numbers are reported, never asserted.
 *
 *   npx tsx bench/overhead.ts --neo4j bolt://127.0.0.1:7687                 # starts its own API process
 *   npx tsx bench/overhead.ts --neo4j bolt://127.0.0.1:7687 --api http://127.0.0.1:4000/graphql \
 *       --concurrency 1,8,32 --duration 10 --warmup 2 --json overhead.json
 *
 * The Neo4j must already hold the data (the seed graph); this entry point loads nothing.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { Kind, parse, valueFromASTUntyped, type OperationDefinitionNode } from 'graphql';
import neo4j, { type Driver } from 'neo4j-driver';
import { createDriver } from '../src/neo4j/database.js';
import { toLuceneQuery } from '../src/repositories/search-repository.js';
import { decodeCursor } from '../src/services/pagination.js';
import { assertLoopback } from './load.js';
import { argument, percentile, runIfMain } from './support/cli.js';

export const OPERATIONS_DIR = fileURLToPath(new URL('../operations', import.meta.url));
export const FLOOR_DIR = fileURLToPath(new URL('./floor', import.meta.url));
export const DEFAULT_CONCURRENCY = [1, 8, 32] as const;
/** The targets of the benchmark issue: reported as met or missed, never asserted. */
export const TARGETS = { minRatio: 0.7, maxP99Ms: 50, p99Concurrency: 32 } as const;
const MAX_CONCURRENCY = 256;
const MAX_DURATION_S = 120;

// ---------------------------------------------------------------------------------------------
// Operations and their floors

export interface BenchOperation {
  /** The operation's name (`MeetingPage`). */
  name: string;
  /** The operation file's name without `.graphql` (`meeting-page`): the floor is `bench/floor/<file>.cypher`. */
  file: string;
  /** The whole document (fragments included). */
  query: string;
  /** The variables the API uses: every declared variable at its default, or null. */
  variables: Record<string, unknown>;
  /** The POST body the API receives (no variables: the server applies the defaults). */
  body: string;
  floorCypher: string;
  /** The floor's parameters: the same variables, plus what Cypher cannot compute itself. */
  floorParams: Record<string, unknown>;
}

/**
 * What a hand-rolled client computes before its one call, where Cypher cannot: the Lucene query
 * the API builds from the search text (the same function), and a pagination cursor decoded to its
 * keyset.
 */
const FLOOR_PARAMETER_ADAPTERS: Record<string, (variables: Record<string, unknown>) => Record<string, unknown>> = {
  search: (v) => ({ query: typeof v['text'] === 'string' ? toLuceneQuery(v['text']) : null }),
  'agreements-table': (v) => ({ after: typeof v['after'] === 'string' ? decodeCursor(v['after'], 'after') : (v['after'] ?? null) }),
};

/** Every saved operation (one query per file) with its defaults and its floor statement. */
export function loadBenchOperations(operationsDir = OPERATIONS_DIR, floorDir = FLOOR_DIR): BenchOperation[] {
  const operations: BenchOperation[] = [];
  for (const fileName of readdirSync(operationsDir).filter((f) => f.endsWith('.graphql')).sort()) {
    const file = fileName.replace(/\.graphql$/, '');
    const query = readFileSync(path.join(operationsDir, fileName), 'utf8');
    const definitions = parse(query).definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
    if (definitions.length !== 1 || definitions[0]!.operation !== 'query') {
      throw new Error(`${fileName}: expected exactly one query operation`);
    }
    const op = definitions[0]!;
    const name = op.name?.value ?? file;
    const variables: Record<string, unknown> = {};
    for (const v of op.variableDefinitions ?? []) {
      if (v.type.kind === Kind.NON_NULL_TYPE && !v.defaultValue) throw new Error(`${fileName}: $${v.variable.name.value} is required and has no default`);
      variables[v.variable.name.value] = v.defaultValue ? valueFromASTUntyped(v.defaultValue) : null;
    }
    const floorFile = path.join(floorDir, `${file}.cypher`);
    let floorCypher: string;
    try {
      floorCypher = readFileSync(floorFile, 'utf8');
    } catch {
      throw new Error(`${fileName}: no floor statement at ${path.relative(process.cwd(), floorFile)}`);
    }
    operations.push({
      name,
      file,
      query,
      variables,
      body: JSON.stringify({ query, operationName: name }),
      floorCypher,
      floorParams: floorParameters(file, variables),
    });
  }
  return operations;
}

function floorParameters(file: string, variables: Record<string, unknown>): Record<string, unknown> {
  return { ...variables, ...(FLOOR_PARAMETER_ADAPTERS[file]?.(variables) ?? {}) };
}

/** The same operation with some variables other than the defaults (sent to the API and the floor alike). */
export function withVariables(op: BenchOperation, overrides: Record<string, unknown>): BenchOperation {
  const variables = { ...op.variables, ...overrides };
  return {
    ...op,
    variables,
    body: JSON.stringify({ query: op.query, operationName: op.name, variables }),
    floorParams: floorParameters(op.file, variables),
  };
}

// ---------------------------------------------------------------------------------------------
// Correctness: the same ids on both sides

/** Every string value of a property named `id`, at any depth (GraphQL data and floor rows alike). */
export function collectIds(value: unknown, into: Set<string> = new Set<string>()): Set<string> {
  if (Array.isArray(value)) {
    for (const item of value) collectIds(item, into);
  } else if (value !== null && typeof value === 'object') {
    for (const [key, v] of Object.entries(value as Record<string, unknown>)) {
      if (key === 'id' && typeof v === 'string') into.add(v);
      else collectIds(v, into);
    }
  }
  return into;
}

export interface IdComparison {
  match: boolean;
  /** Ids in the API's data. */
  api: number;
  /** Ids in the floor's rows. */
  floor: number;
  /** In the API's data but not in the floor's rows. */
  missing: string[];
  /** In the floor's rows but not in the API's data. */
  extra: string[];
}

/** Compares the ids of a GraphQL `data` object and of the floor's rows, as sets. */
export function compareIds(apiData: unknown, floorRows: unknown): IdComparison {
  const api = collectIds(apiData);
  const floor = collectIds(floorRows);
  const missing = [...api].filter((id) => !floor.has(id)).sort();
  const extra = [...floor].filter((id) => !api.has(id)).sort();
  return { match: missing.length === 0 && extra.length === 0, api: api.size, floor: floor.size, missing, extra };
}

/** Runs an operation's floor statement once in a read transaction; its rows as plain objects. */
export async function runFloor(driver: Driver, database: string, op: BenchOperation): Promise<Record<string, unknown>[]> {
  const session = driver.session({ database, defaultAccessMode: neo4j.session.READ });
  try {
    const result = await session.executeRead((tx) => tx.run(op.floorCypher, op.floorParams), {
      timeout: 10_000,
      metadata: { app: 'bench-floor', operation: op.name },
    });
    return result.records.map((r) => r.toObject() as Record<string, unknown>);
  } finally {
    await session.close().catch(() => undefined);
  }
}

export interface ApiAnswer {
  status: number;
  data: unknown;
  errors: unknown[] | undefined;
  roundTrips: number | undefined;
}

/** Sends an operation to the API once (fetch, as any client would). */
export async function queryApi(apiUrl: string, op: BenchOperation): Promise<ApiAnswer> {
  const res = await fetch(apiUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json' },
    body: op.body,
  });
  const body = (await res.json()) as { data?: unknown; errors?: unknown[]; extensions?: { roundTrips?: number } };
  return { status: res.status, data: body.data ?? null, errors: body.errors, roundTrips: body.extensions?.roundTrips };
}

export interface OperationCheck {
  operation: string;
  file: string;
  ok: boolean;
  /** The API's `extensions.roundTrips` (undefined when the API does not report it: production). */
  roundTrips: number | undefined;
  ids: IdComparison | undefined;
  /** Why the check failed: an API error, a floor error or an id mismatch. */
  error?: string;
}

/** The correctness check of one operation: the API and the floor give the same set of ids. */
export async function checkOperation(op: BenchOperation, target: { apiUrl: string; driver: Driver; database: string }): Promise<OperationCheck> {
  const base = { operation: op.name, file: op.file };
  let answer: ApiAnswer;
  try {
    answer = await queryApi(target.apiUrl, op);
  } catch (error) {
    return { ...base, ok: false, roundTrips: undefined, ids: undefined, error: `API request failed: ${message(error)}` };
  }
  if (answer.status !== 200 || answer.errors) {
    return { ...base, ok: false, roundTrips: answer.roundTrips, ids: undefined, error: `API answered ${answer.status}: ${JSON.stringify(answer.errors ?? null).slice(0, 300)}` };
  }
  let rows: Record<string, unknown>[];
  try {
    rows = await runFloor(target.driver, target.database, op);
  } catch (error) {
    return { ...base, ok: false, roundTrips: answer.roundTrips, ids: undefined, error: `floor statement failed: ${message(error)}` };
  }
  const ids = compareIds(answer.data, rows);
  if (ids.api === 0) return { ...base, ok: false, roundTrips: answer.roundTrips, ids, error: 'the API returned no ids: is the seed graph loaded?' };
  return ids.match
    ? { ...base, ok: true, roundTrips: answer.roundTrips, ids }
    : {
        ...base,
        ok: false,
        roundTrips: answer.roundTrips,
        ids,
        error: `ids differ: missing from the floor [${ids.missing.join(', ')}], only in the floor [${ids.extra.join(', ')}]`,
      };
}

// ---------------------------------------------------------------------------------------------
// The closed loop and CPU accounting

export interface Stats {
  /** Completed requests (successes and errors). */
  requests: number;
  /** Successful requests per second. */
  throughput: number;
  /** Latency percentiles of all completed requests, in ms. */
  p50: number;
  p99: number;
  mean: number;
  errors: number;
  firstError?: string;
  /** CPU used during the cell, in cores (1 = one core busy the whole time). */
  cpu: CpuUse;
}

export interface CpuUse {
  /** This process (the load generator; for the floor, also the driver's decoding). */
  bench: number;
  /** The API process (when its pid is known). */
  api?: number;
  /** The Neo4j process (when its pid is known). */
  neo4j?: number;
  /** The whole machine (every process, from /proc/stat; stolen time counts as busy). */
  machine?: number;
  /** The machine less this process, the API and Neo4j: what else ran (when both pids are known). */
  others?: number;
}

interface LoopResult {
  latencies: number[];
  errors: number;
  firstError?: string;
  elapsedMs: number;
}

/** N workers, each running `task` again as soon as it settles, until the time is up. */
async function closedLoop(concurrency: number, durationMs: number, task: () => Promise<void>): Promise<LoopResult> {
  const latencies: number[] = [];
  let errors = 0;
  let firstError: string | undefined;
  const started = performance.now();
  const end = started + durationMs;
  const worker = async () => {
    while (performance.now() < end) {
      const t0 = performance.now();
      try {
        await task();
      } catch (error) {
        errors += 1;
        firstError ??= message(error);
      }
      latencies.push(performance.now() - t0);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return { latencies, errors, elapsedMs: performance.now() - started, ...(firstError ? { firstError } : {}) };
}

const round = (n: number, digits = 2) => Math.round(n * 10 ** digits) / 10 ** digits;

let clockTicks: number | undefined;
/** CPU seconds (user + system) a process has used so far, from /proc; undefined when unreadable. */
function processCpuSeconds(pid: number | undefined): number | undefined {
  if (!pid || pid <= 0) return undefined;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name (which may hold spaces) start after the last ')'.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    clockTicks ??= Number(spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).stdout.trim()) || 100;
    return (Number(fields[11]) + Number(fields[12])) / clockTicks;
  } catch {
    return undefined;
  }
}

/** Busy and total clock ticks of all CPUs so far, from /proc/stat; undefined when unreadable. */
function machineTicks(): { busy: number; total: number } | undefined {
  try {
    const fields = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1, 9).map(Number);
    const [user = 0, nice = 0, system = 0, idle = 0, iowait = 0, irq = 0, softirq = 0, steal = 0] = fields;
    const total = user + nice + system + idle + iowait + irq + softirq + steal;
    return { busy: total - idle - iowait, total };
  } catch {
    return undefined;
  }
}

interface CpuProbe {
  stop(elapsedMs: number): CpuUse;
}

function probeCpu(pids: { api?: number | undefined; neo4j?: number | undefined }): CpuProbe {
  const bench0 = process.cpuUsage();
  const api0 = processCpuSeconds(pids.api);
  const neo0 = processCpuSeconds(pids.neo4j);
  const machine0 = machineTicks();
  return {
    stop(elapsedMs) {
      const seconds = elapsedMs / 1000;
      const b = process.cpuUsage(bench0);
      const api1 = processCpuSeconds(pids.api);
      const neo1 = processCpuSeconds(pids.neo4j);
      const machine1 = machineTicks();
      const use: CpuUse = {
        bench: round((b.user + b.system) / 1e6 / seconds),
        ...(api0 !== undefined && api1 !== undefined ? { api: round((api1 - api0) / seconds) } : {}),
        ...(neo0 !== undefined && neo1 !== undefined ? { neo4j: round((neo1 - neo0) / seconds) } : {}),
      };
      if (machine0 && machine1 && machine1.total > machine0.total) {
        use.machine = round(((machine1.busy - machine0.busy) / (machine1.total - machine0.total)) * os.cpus().length);
        if (use.api !== undefined && use.neo4j !== undefined) use.others = round(Math.max(0, use.machine - use.api - use.neo4j - use.bench));
      }
      return use;
    },
  };
}

function statsOf(loop: LoopResult, cpu: CpuUse): Stats {
  const sorted = [...loop.latencies].sort((a, b) => a - b);
  const ok = loop.latencies.length - loop.errors;
  return {
    requests: loop.latencies.length,
    throughput: round(ok / (loop.elapsedMs / 1000), 1),
    p50: round(percentile(sorted, 0.5)),
    p99: round(percentile(sorted, 0.99)),
    mean: round(sorted.reduce((s, x) => s + x, 0) / Math.max(1, sorted.length)),
    errors: loop.errors,
    ...(loop.firstError ? { firstError: loop.firstError } : {}),
    cpu,
  };
}

/** One POST over a keep-alive agent; the answer parsed, a non-200 or a GraphQL error thrown. */
function postOperation(agent: http.Agent, target: URL, body: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        agent,
        host: target.hostname,
        port: target.port,
        path: target.pathname + target.search,
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          accept: 'application/graphql-response+json, application/json',
          'content-length': Buffer.byteLength(body),
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('error', reject);
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          if (res.statusCode !== 200) return reject(new Error(`HTTP ${res.statusCode}: ${text.slice(0, 200)}`));
          try {
            const parsed = JSON.parse(text) as { errors?: unknown };
            if (parsed.errors) return reject(new Error(`GraphQL errors: ${JSON.stringify(parsed.errors).slice(0, 200)}`));
          } catch (error) {
            return reject(error);
          }
          resolve();
        });
      },
    );
    req.setTimeout(30_000, () => req.destroy(new Error('timed out after 30 s')));
    req.on('error', reject);
    req.end(body);
  });
}

async function measureApi(apiUrl: string, op: BenchOperation, concurrency: number, durationMs: number, pids: PidOptions): Promise<Stats> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
  const target = new URL(apiUrl);
  try {
    const probe = probeCpu({ api: pids.apiPid, neo4j: pids.neo4jPid });
    const loop = await closedLoop(concurrency, durationMs, () => postOperation(agent, target, op.body));
    return statsOf(loop, probe.stop(loop.elapsedMs));
  } finally {
    agent.destroy();
  }
}

async function measureFloor(driver: Driver, database: string, op: BenchOperation, concurrency: number, durationMs: number, pids: PidOptions): Promise<Stats> {
  const probe = probeCpu({ api: pids.apiPid, neo4j: pids.neo4jPid });
  const loop = await closedLoop(concurrency, durationMs, async () => {
    await runFloor(driver, database, op);
  });
  return statsOf(loop, probe.stop(loop.elapsedMs));
}

// ---------------------------------------------------------------------------------------------
// The run

interface PidOptions {
  /** The API process's pid: its CPU use is read from /proc during each cell. */
  apiPid?: number | undefined;
  /** The Neo4j process's pid, likewise. */
  neo4jPid?: number | undefined;
}

export interface OverheadOptions extends PidOptions {
  /** The API's GraphQL endpoint on loopback (`http://127.0.0.1:4000/graphql`). */
  apiUrl: string;
  /** The same Neo4j the API reads, for the floor. */
  bolt: { uri: string; username: string; password: string; database: string };
  /** Concurrent clients per cell (default 1, 8, 32). */
  concurrency?: number[];
  /** Measured seconds per cell, each side (default 10). */
  durationSeconds: number;
  /** Unmeasured seconds per operation and side before its cells (default 1), at min(8, max level) clients. */
  warmupSeconds?: number;
  /** Only these operations (names or file names); default all. */
  operations?: string[];
}

export interface OperationResult {
  operation: string;
  file: string;
  concurrency: number;
  api: Stats;
  floor: Stats;
  /** API throughput / floor throughput. */
  ratio: number;
  /** The API's database round trips per operation (`extensions.roundTrips`). */
  roundTrips: number | undefined;
  floorRoundTrips: 1;
}

export interface LevelSummary {
  concurrency: number;
  /** Geometric mean over operations of API / floor throughput. */
  geomeanRatio: number;
  minRatio: { operation: string; ratio: number } | undefined;
  /** Largest API p99 at this level, in ms. */
  maxApiP99: { operation: string; p99: number } | undefined;
}

export interface TargetMiss {
  operation: string;
  concurrency: number;
  /** The measured value that missed (a ratio, or a p99 in ms). */
  measured: number;
  /** A suggested explanation from the measured facts: why, and what would close it. */
  explanation: string;
}

export interface TargetVerdict {
  id: 'throughput-ratio' | 'p99-at-32';
  target: string;
  /** null: not measured in this run (e.g. no 32-client level). */
  met: boolean | null;
  /** One line of what was measured. */
  measured: string;
  misses: TargetMiss[];
}

export interface OverheadReport {
  startedAt: string;
  apiUrl: string;
  neo4jUri: string;
  concurrency: number[];
  durationSeconds: number;
  warmupSeconds: number;
  /** The machine; load averages (1, 5, 15 min) before and after show what else was running. */
  environment: { cpus: number; cpuModel: string; node: string; platform: string; loadAverageAtStart: number[]; loadAverage: number[] };
  checks: OperationCheck[];
  results: OperationResult[];
  levels: LevelSummary[];
  targets: TargetVerdict[];
}

function message(error: unknown): string {
  return error instanceof Error ? error.message.split('\n')[0]! : String(error);
}

function geomean(values: number[]): number {
  const positive = values.filter((v) => v > 0);
  if (positive.length === 0) return 0;
  return Math.exp(positive.reduce((s, v) => s + Math.log(v), 0) / positive.length);
}

function assertLoopbackBolt(uri: string): void {
  const host = uri.replace(/^[a-z+]+:\/\//, '').replace(/[:/].*$/, '').replace(/^\[|\]$/g, '');
  if (!['127.0.0.1', 'localhost', '::1'].includes(host)) throw new Error(`the benchmark runs on loopback only; ${host} is not 127.0.0.1, ::1 or localhost.`);
}

export async function runOverhead(opts: OverheadOptions, log: (line: string) => void = () => undefined): Promise<OverheadReport> {
  assertLoopback(opts.apiUrl);
  assertLoopbackBolt(opts.bolt.uri);
  const apiUrl = opts.apiUrl.replace('//localhost:', '//127.0.0.1:');
  const concurrency = [...new Set((opts.concurrency ?? [...DEFAULT_CONCURRENCY]).filter(Number.isFinite).map((c) => Math.min(Math.max(1, Math.floor(c)), MAX_CONCURRENCY)))].sort(
    (a, b) => a - b,
  );
  if (concurrency.length === 0) throw new Error('concurrency: give at least one level, e.g. 1,8,32.');
  if (!Number.isFinite(opts.durationSeconds) || (opts.warmupSeconds !== undefined && !Number.isFinite(opts.warmupSeconds))) {
    throw new Error('durationSeconds and warmupSeconds must be numbers of seconds.');
  }
  const durationSeconds = Math.min(Math.max(0.5, opts.durationSeconds), MAX_DURATION_S);
  const warmupSeconds = Math.min(Math.max(0, opts.warmupSeconds ?? 1), MAX_DURATION_S);
  const wanted = opts.operations ? new Set(opts.operations) : undefined;
  const operations = loadBenchOperations().filter((op) => !wanted || wanted.has(op.name) || wanted.has(op.file));
  const driver = createDriver({ ...opts.bolt, queryTimeoutMs: 10_000 });
  const startedAt = new Date().toISOString();
  const loadAtStart = os.loadavg().map((l) => round(l));
  const checks: OperationCheck[] = [];
  const results: OperationResult[] = [];
  try {
    await driver.verifyConnectivity({ database: opts.bolt.database });
    for (const op of operations) {
      const check = await checkOperation(op, { apiUrl, driver, database: opts.bolt.database });
      checks.push(check);
      if (!check.ok) {
        log(`${op.name}: NOT TIMED: ${check.error}`);
        continue;
      }
      log(`${op.name}: ids match (${check.ids?.api} ids), ${check.roundTrips ?? '?'} round trips; warming up…`);
      if (warmupSeconds > 0) {
        const c = Math.min(8, concurrency[concurrency.length - 1]!);
        await measureFloor(driver, opts.bolt.database, op, c, warmupSeconds * 1000, {});
        await measureApi(apiUrl, op, c, warmupSeconds * 1000, {});
      }
      for (const c of concurrency) {
        const floor = await measureFloor(driver, opts.bolt.database, op, c, durationSeconds * 1000, opts);
        const api = await measureApi(apiUrl, op, c, durationSeconds * 1000, opts);
        const ratio = floor.throughput > 0 ? round(api.throughput / floor.throughput, 3) : 0;
        results.push({ operation: op.name, file: op.file, concurrency: c, api, floor, ratio, roundTrips: check.roundTrips, floorRoundTrips: 1 });
        log(
          `${op.name} ×${c}: API ${api.throughput} req/s p50 ${api.p50} p99 ${api.p99} ms | floor ${floor.throughput} req/s p50 ${floor.p50} p99 ${floor.p99} ms | ratio ${ratio}`,
        );
      }
    }
  } finally {
    await driver.close();
  }
  const levels = concurrency.map((c) => summariseLevel(c, results.filter((r) => r.concurrency === c)));
  return {
    startedAt,
    apiUrl,
    neo4jUri: opts.bolt.uri,
    concurrency,
    durationSeconds,
    warmupSeconds,
    environment: {
      cpus: os.cpus().length,
      cpuModel: os.cpus()[0]?.model ?? 'unknown',
      node: process.version,
      platform: `${os.platform()} ${os.release()}`,
      loadAverageAtStart: loadAtStart,
      loadAverage: os.loadavg().map((l) => round(l)),
    },
    checks,
    results,
    levels,
    targets: verdicts(results, levels, concurrency, os.cpus().length),
  };
}

function summariseLevel(concurrency: number, rows: OperationResult[]): LevelSummary {
  const byRatio = [...rows].sort((a, b) => a.ratio - b.ratio)[0];
  const byP99 = [...rows].sort((a, b) => b.api.p99 - a.api.p99)[0];
  return {
    concurrency,
    geomeanRatio: round(geomean(rows.map((r) => r.ratio)), 3),
    minRatio: byRatio ? { operation: byRatio.operation, ratio: byRatio.ratio } : undefined,
    maxApiP99: byP99 ? { operation: byP99.operation, p99: byP99.api.p99 } : undefined,
  };
}

// ---------------------------------------------------------------------------------------------
// Verdicts and the explanation of a miss, from what was measured

/** The facts about one operation a miss is explained by. */
function factsOf(r: OperationResult, all: OperationResult[], cpus: number): string[] {
  const facts: string[] = [];
  const single = all.find((x) => x.operation === r.operation && x.concurrency === 1);
  const rt = r.roundTrips;
  if (rt !== undefined && rt > 1) {
    facts.push(
      `${rt} database round trips per operation against the floor's 1 (each a read transaction: session, BEGIN/RUN/COMMIT over Bolt; ` +
        `those of one DataLoader wave run concurrently, so latency grows with the waves and database and driver CPU with the round trips)`,
    );
  } else if (rt !== undefined) {
    facts.push(`the same single round trip as the floor, so the gap is the API's own work per request`);
  }
  if (single) {
    const extra = round(single.api.p50 - single.floor.p50);
    facts.push(`alone (1 client) the API takes ${single.api.p50} ms at p50 against the floor's ${single.floor.p50} ms (+${extra} ms per request)`);
  }
  if (r.api.cpu.api !== undefined) {
    const perRequest = r.api.throughput > 0 ? round((r.api.cpu.api * 1000) / r.api.throughput) : 0;
    const saturated = r.api.cpu.api >= 0.85;
    // The floor's client (this process) shows what one round trip costs a driver's host in CPU.
    const perRoundTrip = r.floor.throughput > 0 ? (r.floor.cpu.bench * 1000) / r.floor.throughput : 0;
    const driverShare = rt !== undefined && perRoundTrip > 0 ? Math.min(perRequest, round(rt * perRoundTrip)) : undefined;
    facts.push(
      `the API process used ${r.api.cpu.api} cores, ${perRequest} ms of CPU per request` +
        (driverShare !== undefined
          ? ` (about ${driverShare} ms of it the driver work of its ${rt} round trip${rt === 1 ? '' : 's'}, at the ${round(perRoundTrip)} ms of CPU per round trip the floor's client spent; ` +
            `the other ${round(perRequest - driverShare)} ms HTTP, GraphQL execution, resolvers and JSON)`
          : ' (HTTP, GraphQL execution, resolvers, driver and JSON)') +
        (saturated ? ', i.e. its single event loop was saturated' : ''),
    );
  }
  if (r.api.cpu.neo4j !== undefined && r.floor.cpu.neo4j !== undefined) {
    facts.push(`Neo4j used ${r.api.cpu.neo4j} cores serving the API against ${r.floor.cpu.neo4j} serving the floor`);
  }
  const busy = (r.api.cpu.api ?? 0) + (r.api.cpu.neo4j ?? 0) + r.api.cpu.bench;
  if (r.api.cpu.api !== undefined || r.api.cpu.neo4j !== undefined) {
    facts.push(
      `API + Neo4j + load generator together used ${round(busy)} of the machine's ${cpus} cores` +
        (r.api.cpu.machine !== undefined ? ` (the whole machine ${r.api.cpu.machine} busy` : '') +
        (r.api.cpu.others !== undefined && r.api.cpu.others >= 0.2 ? `, ${r.api.cpu.others} of it other processes: the machine was shared` : '') +
        (r.api.cpu.machine !== undefined ? ')' : ''),
    );
  } else if (r.concurrency > 1) {
    facts.push(`the machine has ${cpus} cores shared by Neo4j, the API and the load generator`);
  }
  return facts;
}

function remediesOf(r: OperationResult, cpus: number): string[] {
  const remedies: string[] = [];
  if (r.roundTrips !== undefined && r.roundTrips > 1) {
    remedies.push(`fetch the operation in fewer round trips (the floor does it in 1: resolve a whole selection with one Cypher statement, or run a request's loader batches in one read transaction)`);
  }
  if ((r.api.cpu.api ?? 0) >= 0.85) {
    remedies.push(`run more API processes than one (one Node event loop per core) and cut CPU per request (cache parsed and validated documents, cheaper resolvers and serialisation)`);
  }
  if (cpus <= 2 && r.concurrency > 1) remedies.push(`measure on a machine with more cores than the ${cpus} shared here by Neo4j, the API and the load generator`);
  if (remedies.length === 0 || (r.roundTrips !== undefined && r.roundTrips <= 1)) {
    remedies.push(`cut the API's own work per request (HTTP, GraphQL parse/validate/execute, resolvers, JSON): it is all the API adds when the database work is the same`);
  }
  return remedies;
}

function explainRatio(r: OperationResult, all: OperationResult[], cpus: number): string {
  const remedies = remediesOf(r, cpus);
  return (
    `API throughput ${r.api.throughput} req/s is ${Math.round(r.ratio * 100)}% of the floor's ${r.floor.throughput} at ${r.concurrency} client(s): ` +
    `${factsOf(r, all, cpus).join('; ')}.` +
    (remedies.length ? ` What would close it: ${remedies.join('; ')}.` : '')
  );
}

function explainP99(r: OperationResult, all: OperationResult[], cpus: number): string {
  // Little's law: with N clients always waiting, mean latency = N / throughput.
  const queueing = r.api.throughput > 0 ? round((r.concurrency / r.api.throughput) * 1000, 1) : 0;
  const remedies = remediesOf(r, cpus);
  return (
    `API p99 ${r.api.p99} ms (p50 ${r.api.p50} ms) at ${r.concurrency} clients: with ${r.concurrency} requests always in flight and ` +
    `${r.api.throughput} req/s served, each waits ${queueing} ms on average (clients / throughput), so the tail is queueing behind the throughput ceiling; ` +
    `${factsOf(r, all, cpus).join('; ')}.` +
    (remedies.length ? ` What would close it: ${remedies.join('; ')}.` : '')
  );
}

function verdicts(results: OperationResult[], levels: LevelSummary[], concurrency: number[], cpus: number): TargetVerdict[] {
  const ratioMisses = results
    .filter((r) => r.ratio < TARGETS.minRatio)
    .map((r) => ({ operation: r.operation, concurrency: r.concurrency, measured: r.ratio, explanation: explainRatio(r, results, cpus) }));
  const ratioMet = results.length === 0 ? null : levels.every((l) => l.geomeanRatio >= TARGETS.minRatio);
  const at32 = results.filter((r) => r.concurrency === TARGETS.p99Concurrency);
  const p99Misses = at32
    .filter((r) => r.api.p99 >= TARGETS.maxP99Ms)
    .map((r) => ({ operation: r.operation, concurrency: r.concurrency, measured: r.api.p99, explanation: explainP99(r, results, cpus) }));
  return [
    {
      id: 'throughput-ratio',
      target: `API throughput at least ${TARGETS.minRatio * 100}% of the bare driver's (geometric mean over the operations, at every concurrency level)`,
      met: ratioMet,
      measured: levels.map((l) => `${l.concurrency} client(s): ${Math.round(l.geomeanRatio * 100)}%`).join(', '),
      misses: ratioMisses,
    },
    {
      id: 'p99-at-32',
      target: `API p99 under ${TARGETS.maxP99Ms} ms at ${TARGETS.p99Concurrency} concurrent clients, every operation, on the seed graph`,
      met: concurrency.includes(TARGETS.p99Concurrency) && at32.length > 0 ? p99Misses.length === 0 : null,
      measured:
        at32.length > 0
          ? `largest p99 ${Math.max(...at32.map((r) => r.api.p99))} ms (${[...at32].sort((a, b) => b.api.p99 - a.api.p99)[0]!.operation})`
          : `not measured (no ${TARGETS.p99Concurrency}-client level in this run)`,
      misses: p99Misses,
    },
  ];
}

// ---------------------------------------------------------------------------------------------
// The report as Markdown

const fmt = (n: number, digits = 1) => n.toFixed(digits);

function cpuCell(cpu: CpuUse): string {
  return [
    cpu.api !== undefined ? `api ${fmt(cpu.api, 2)}` : '',
    cpu.neo4j !== undefined ? `neo4j ${fmt(cpu.neo4j, 2)}` : '',
    `bench ${fmt(cpu.bench, 2)}`,
    cpu.others !== undefined ? `others ${fmt(cpu.others, 2)}` : cpu.machine !== undefined ? `machine ${fmt(cpu.machine, 2)}` : '',
  ]
    .filter(Boolean)
    .join(' / ');
}

/** Geometric mean ratio per level for the operations of each round-trip count: how the gap grows with them. */
function byRoundTrips(report: OverheadReport): string[] {
  const counts = [...new Set(report.results.map((r) => r.roundTrips ?? -1))].sort((a, b) => a - b);
  const lines = [
    `| API round trips | operations | ${report.concurrency.map((c) => `API / floor at ${c}`).join(' | ')} |`,
    `|---:|---|${report.concurrency.map(() => '---:').join('|')}|`,
  ];
  for (const n of counts) {
    const rows = report.results.filter((r) => (r.roundTrips ?? -1) === n);
    const names = [...new Set(rows.map((r) => r.operation))].join(', ');
    const cells = report.concurrency.map((c) => {
      const ratios = rows.filter((r) => r.concurrency === c).map((r) => r.ratio);
      return ratios.length ? `${Math.round(geomean(ratios) * 100)}%` : '–';
    });
    lines.push(`| ${n < 0 ? '?' : n} | ${names} | ${cells.join(' | ')} |`);
  }
  return lines;
}

export function overheadMarkdown(report: OverheadReport): string {
  const lines: string[] = [];
  const e = report.environment;
  lines.push('## The API over HTTP versus the bare neo4j-driver (the floor)');
  lines.push('');
  lines.push(
    `${report.durationSeconds} s per cell and side after ${report.warmupSeconds} s of warm-up per operation and side; ` +
      `closed loop (each client sends its next request when the previous one is answered) at ${report.concurrency.join(', ')} clients; ` +
      `API ${report.apiUrl} (its own process), floor over ${report.neo4jUri} (one driver in the bench process, one read transaction per call). ` +
      `${e.cpus} × ${e.cpuModel}, Node ${e.node}, ${e.platform}; load average ${e.loadAverageAtStart.join(' ')} at the start, ${e.loadAverage.join(' ')} at the end. Started ${report.startedAt}.`,
  );
  lines.push('');
  lines.push('### Same data on both sides (ids compared as sets, before timing)');
  lines.push('');
  lines.push('| operation | API round trips | floor round trips | ids | check |');
  lines.push('|---|---:|---:|---:|---|');
  for (const c of report.checks) {
    lines.push(`| ${c.operation} | ${c.roundTrips ?? '?'} | 1 | ${c.ids ? `${c.ids.api} / ${c.ids.floor}` : '–'} | ${c.ok ? 'same ids' : `**error**: ${c.error}`} |`);
  }
  for (const c of report.concurrency) {
    const rows = report.results.filter((r) => r.concurrency === c);
    if (rows.length === 0) continue;
    lines.push('');
    lines.push(`### ${c} client${c === 1 ? '' : 's'}`);
    lines.push('');
    lines.push('| operation | round trips | API req/s | floor req/s | API / floor | API p50 / p99 ms | floor p50 / p99 ms | errors API / floor | CPU cores during API cell | CPU cores during floor cell |');
    lines.push('|---|---:|---:|---:|---:|---:|---:|---:|---|---|');
    for (const r of rows) {
      lines.push(
        `| ${r.operation} | ${r.roundTrips ?? '?'} | ${fmt(r.api.throughput)} | ${fmt(r.floor.throughput)} | ${Math.round(r.ratio * 100)}% | ` +
          `${fmt(r.api.p50, 2)} / ${fmt(r.api.p99, 2)} | ${fmt(r.floor.p50, 2)} / ${fmt(r.floor.p99, 2)} | ${r.api.errors} / ${r.floor.errors} | ${cpuCell(r.api.cpu)} | ${cpuCell(r.floor.cpu)} |`,
      );
    }
  }
  lines.push('');
  lines.push('### Overall');
  lines.push('');
  lines.push('| clients | API / floor (geometric mean) | lowest | largest API p99 |');
  lines.push('|---:|---:|---|---|');
  for (const l of report.levels) {
    lines.push(
      `| ${l.concurrency} | ${Math.round(l.geomeanRatio * 100)}% | ${l.minRatio ? `${l.minRatio.operation} ${Math.round(l.minRatio.ratio * 100)}%` : '–'} | ` +
        `${l.maxApiP99 ? `${l.maxApiP99.operation} ${fmt(l.maxApiP99.p99, 2)} ms` : '–'} |`,
    );
  }
  if (report.results.length > 0) {
    lines.push('');
    lines.push('By round trips (the floor always makes 1):');
    lines.push('');
    lines.push(...byRoundTrips(report));
  }
  lines.push('');
  lines.push('### Targets');
  lines.push('');
  for (const t of report.targets) {
    const verdict = t.met === null ? 'NOT MEASURED' : t.met ? 'MET' : 'MISSED';
    lines.push(`- **${verdict}**: ${t.target}. Measured: ${t.measured}.`);
    // One line per operation: every level that missed, explained by the worst one (all are in the JSON).
    const worstFirst = [...t.misses].sort((a, b) => (t.id === 'p99-at-32' ? b.measured - a.measured : a.measured - b.measured));
    for (const operation of [...new Set(worstFirst.map((m) => m.operation))]) {
      const misses = worstFirst.filter((m) => m.operation === operation).sort((a, b) => a.concurrency - b.concurrency);
      const worst = worstFirst.find((m) => m.operation === operation)!;
      const values = misses.map((m) => `${t.id === 'p99-at-32' ? `${m.measured} ms` : `${Math.round(m.measured * 100)}%`} at ${m.concurrency}`).join(', ');
      lines.push(`  - ${operation} (${values}): ${worst.explanation}`);
    }
  }
  const failed = report.checks.filter((c) => !c.ok);
  if (failed.length > 0) {
    lines.push('');
    lines.push(`Not timed (the floor and the API disagree or failed, so numbers would be meaningless): ${failed.map((c) => c.operation).join(', ')}.`);
  }
  return `${lines.join('\n')}\n`;
}

// ---------------------------------------------------------------------------------------------
// Command line

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const uri = argument(args, 'neo4j') ?? process.env['NEO4J_URI'];
  if (!uri) throw new Error('give the Neo4j that holds the seed graph: --neo4j bolt://127.0.0.1:PORT (or NEO4J_URI).');
  const bolt = {
    uri,
    username: argument(args, 'username') ?? process.env['NEO4J_USERNAME'] ?? 'neo4j',
    password: argument(args, 'password') ?? process.env['NEO4J_PASSWORD'] ?? '',
    database: argument(args, 'database') ?? process.env['NEO4J_DATABASE'] ?? 'neo4j',
  };
  const log = (line: string) => process.stderr.write(`${line}\n`);
  let apiUrl = argument(args, 'api');
  let apiPid = argument(args, 'api-pid') ? Number(argument(args, 'api-pid')) : undefined;
  let stop: (() => Promise<void>) | undefined;
  if (!apiUrl) {
    const { startApiProcess } = await import('./support/api-process.js');
    const api = await startApiProcess({ neo4jUri: uri, port: Number(argument(args, 'port') ?? 0), ...bolt });
    log(`API process ${api.pid} ready at ${api.url}`);
    apiUrl = api.url;
    apiPid = api.pid;
    stop = api.stop;
  }
  try {
    const report = await runOverhead(
      {
        apiUrl,
        bolt,
        concurrency: (argument(args, 'concurrency') ?? DEFAULT_CONCURRENCY.join(',')).split(',').map(Number),
        durationSeconds: Number(argument(args, 'duration') ?? 10),
        warmupSeconds: Number(argument(args, 'warmup') ?? 1),
        apiPid,
        neo4jPid: argument(args, 'neo4j-pid') ? Number(argument(args, 'neo4j-pid')) : undefined,
        ...(argument(args, 'operations') ? { operations: argument(args, 'operations')!.split(',') } : {}),
      },
      log,
    );
    process.stdout.write(overheadMarkdown(report));
    const json = argument(args, 'json');
    if (json) writeFileSync(json, `${JSON.stringify(report, null, 2)}\n`);
    const failed = report.checks.filter((c) => !c.ok).length + report.results.reduce((n, r) => n + r.api.errors + r.floor.errors, 0);
    if (failed > 0) {
      process.stderr.write(`overhead: ${failed} failed checks or requests; zero were expected.\n`);
      process.exitCode = 1;
    }
  } finally {
    await stop?.();
  }
}

runIfMain(import.meta.url, main);
