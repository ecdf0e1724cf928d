/**
 * The run: for each operation, the checks (the same ids from the API, the floor server and the peer),
 * then at each concurrency level one cell per side, measured in interleaved rounds (API, peer, floor;
 * then peer, floor, API; …) so that whatever else the machine does hits all three alike.
 */
import os from 'node:os';
import { assertLoopback } from '../load.js';
import { checkOperation, peerRoundTrips, type OperationCheck } from './check.js';
import { CpuTotals, sampleCpu, type Pids } from './cpu.js';
import { mergeLoops, postLoop, round, statsOf, type LoopResult, type Stats } from './loop.js';
import { floorBody, loadBenchOperations, peerBody, type BenchOperation } from './operations.js';
import { summariseLevel, verdicts, type LevelSummary, type TargetVerdict } from './verdicts.js';

export const DEFAULT_CONCURRENCY = [1, 8, 32] as const;
const MAX_CONCURRENCY = 256;
const MAX_DURATION_S = 120;
export type Side = 'api' | 'peer' | 'floor';

export interface OverheadOptions {
  /** The API's GraphQL endpoint on loopback. */
  apiUrl: string;
  /** The floor server (bench/floor/server.ts) on loopback. */
  floorUrl: string;
  /** The peer (bench/peer/server.ts) on loopback; absent: no peer in this run. */
  peerUrl?: string | undefined;
  /** The Neo4j every side reads (reported only). */
  neo4jUri: string;
  /** The processes whose CPU is read during each cell. */
  pids?: Pids;
  /** Concurrent clients per cell (default 1, 8, 32). */
  concurrency?: number[];
  /** Measured seconds per cell and side, split over the rounds. */
  durationSeconds: number;
  /** Interleaved rounds per cell (default 2). */
  rounds?: number;
  /** Unmeasured seconds per operation and side before its cells, at min(8, max level) clients. */
  warmupSeconds?: number;
  /** Only these operations (names or file names); default all. */
  operations?: string[];
}

export interface SideCheck {
  ok: boolean;
  error?: string;
  ids?: { api: number; other: number };
  roundTrips: number | undefined;
}

export interface Check extends OperationCheck {
  /** The peer's check; absent when the run has no peer. */
  peer?: SideCheck;
}

export interface OperationResult {
  operation: string;
  file: string;
  concurrency: number;
  api: Stats;
  floor: Stats;
  /** Absent when the peer did not run this operation (no peer, or its check failed). */
  peer?: Stats;
  /** API throughput / floor throughput. */
  ratio: number;
  /** API throughput / peer throughput. */
  peerRatio?: number;
  /** The API's database round trips per request (`extensions.roundTrips`). */
  roundTrips: number | undefined;
  /** The peer's database sessions per request. */
  peerRoundTrips?: number | undefined;
  floorRoundTrips: 1;
}

export interface OverheadReport {
  startedAt: string;
  apiUrl: string;
  floorUrl?: string;
  peerUrl?: string;
  neo4jUri: string;
  concurrency: number[];
  durationSeconds: number;
  rounds?: number;
  warmupSeconds: number;
  environment: { cpus: number; cpuModel: string; node: string; platform: string; loadAverageAtStart: number[]; loadAverage: number[] };
  checks: Check[];
  results: OperationResult[];
  levels: LevelSummary[];
  targets: TargetVerdict[];
}

function sideCheck(c: OperationCheck, roundTrips: number | undefined): SideCheck {
  return { ok: c.ok, ...(c.error ? { error: c.error } : {}), ...(c.ids ? { ids: { api: c.ids.api, other: c.ids.floor } } : {}), roundTrips };
}

/** One cell: every side at `concurrency` clients, in `rounds` interleaved rounds. */
async function cell(bodies: Partial<Record<Side, { url: string; body: string }>>, concurrency: number, durationMs: number, rounds: number, pids: Pids, index: number) {
  const sides = (['api', 'peer', 'floor'] as const).filter((s) => bodies[s]);
  const loops = new Map<Side, LoopResult[]>(sides.map((s) => [s, []]));
  const cpu = new Map<Side, CpuTotals>(sides.map((s) => [s, new CpuTotals()]));
  for (let r = 0; r < rounds; r++) {
    const shift = (r + index) % sides.length;
    for (const side of [...sides.slice(shift), ...sides.slice(0, shift)]) {
      const { url, body } = bodies[side]!;
      const before = sampleCpu(pids);
      const loop = await postLoop(url, body, concurrency, durationMs / rounds);
      cpu.get(side)!.add(before, sampleCpu(pids));
      loops.get(side)!.push(loop);
    }
  }
  const out: Partial<Record<Side, Stats>> = {};
  for (const side of sides) {
    const merged = mergeLoops(loops.get(side)!);
    out[side] = statsOf(merged, cpu.get(side)!.use(merged.elapsedMs));
  }
  return out;
}

export async function runOverhead(opts: OverheadOptions, log: (line: string) => void = () => undefined): Promise<OverheadReport> {
  for (const url of [opts.apiUrl, opts.floorUrl, ...(opts.peerUrl ? [opts.peerUrl] : [])]) assertLoopback(url);
  const concurrency = [...new Set((opts.concurrency ?? [...DEFAULT_CONCURRENCY]).filter(Number.isFinite).map((c) => Math.min(Math.max(1, Math.floor(c)), MAX_CONCURRENCY)))].sort(
    (a, b) => a - b,
  );
  if (concurrency.length === 0) throw new Error('concurrency: give at least one level, e.g. 1,8,32.');
  if (!Number.isFinite(opts.durationSeconds) || (opts.warmupSeconds !== undefined && !Number.isFinite(opts.warmupSeconds))) {
    throw new Error('durationSeconds and warmupSeconds must be numbers of seconds.');
  }
  const durationSeconds = Math.min(Math.max(0.5, opts.durationSeconds), MAX_DURATION_S);
  const warmupSeconds = Math.min(Math.max(0, opts.warmupSeconds ?? 1), MAX_DURATION_S);
  const rounds = Math.min(Math.max(1, Math.floor(opts.rounds ?? 2)), 10);
  const pids = opts.pids ?? {};
  const wanted = opts.operations ? new Set(opts.operations) : undefined;
  const operations = loadBenchOperations().filter((op) => !wanted || wanted.has(op.name) || wanted.has(op.file));
  const startedAt = new Date().toISOString();
  const loadAtStart = os.loadavg().map((l) => round(l));
  const checks: Check[] = [];
  const results: OperationResult[] = [];

  for (const [index, op] of operations.entries()) {
    const check: Check = await checkOperation(op, { apiUrl: opts.apiUrl, url: opts.floorUrl, kind: 'floor' }, 3);
    let peerRt: number | undefined;
    if (opts.peerUrl) {
      const peerCheck = op.peer
        ? await checkOperation(op, { apiUrl: opts.apiUrl, url: opts.peerUrl, kind: 'peer' }, 3)
        : { ...check, ok: false, error: 'no peer operation in bench/peer/operations/' };
      peerRt = peerCheck.ok ? await peerRoundTrips(opts.peerUrl, op) : undefined;
      check.peer = sideCheck(peerCheck, peerRt);
    }
    checks.push(check);
    if (!check.ok) {
      log(`${op.name}: NOT TIMED: ${check.error}`);
      continue;
    }
    const withPeer = check.peer?.ok === true;
    if (check.peer && !withPeer) log(`${op.name}: the peer is not compared: ${check.peer.error}`);
    log(`${op.name}: same ids (${check.ids?.api}), round trips API ${check.roundTrips ?? '?'}${withPeer ? `, peer ${peerRt ?? '?'}` : ''}, floor 1; warming up…`);
    const bodies = sideBodies(op, opts, withPeer);
    if (warmupSeconds > 0) await cell(bodies, Math.min(8, concurrency.at(-1)!), warmupSeconds * 1000 * Object.keys(bodies).length, 1, {}, index);
    for (const c of concurrency) {
      const s = await cell(bodies, c, durationSeconds * 1000, rounds, pids, index);
      const api = s.api!;
      const floor = s.floor!;
      const peer = s.peer;
      const ratio = floor.throughput > 0 ? round(api.throughput / floor.throughput, 3) : 0;
      const peerRatio = peer && peer.throughput > 0 ? round(api.throughput / peer.throughput, 3) : undefined;
      results.push({
        operation: op.name,
        file: op.file,
        concurrency: c,
        api,
        floor,
        ...(peer ? { peer, peerRoundTrips: peerRt } : {}),
        ratio,
        ...(peerRatio !== undefined ? { peerRatio } : {}),
        roundTrips: check.roundTrips,
        floorRoundTrips: 1,
      });
      log(
        `${op.name} ×${c}: API ${api.throughput} req/s (p99 ${api.p99} ms)` +
          (peer ? ` | peer ${peer.throughput} (p99 ${peer.p99})` : '') +
          ` | floor ${floor.throughput} (p99 ${floor.p99}) | API/peer ${peerRatio ?? '–'} API/floor ${ratio}`,
      );
    }
  }
  const levels = concurrency.map((c) => summariseLevel(c, results.filter((r) => r.concurrency === c)));
  return {
    startedAt,
    apiUrl: opts.apiUrl,
    floorUrl: opts.floorUrl,
    ...(opts.peerUrl ? { peerUrl: opts.peerUrl } : {}),
    neo4jUri: opts.neo4jUri,
    concurrency,
    durationSeconds,
    rounds,
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
    targets: verdicts(results, levels, concurrency, os.cpus().length, !!opts.peerUrl),
  };
}

function sideBodies(op: BenchOperation, opts: OverheadOptions, withPeer: boolean): Partial<Record<Side, { url: string; body: string }>> {
  const peer = withPeer && opts.peerUrl ? peerBody(op) : null;
  return {
    api: { url: opts.apiUrl, body: op.body },
    ...(peer && opts.peerUrl ? { peer: { url: opts.peerUrl, body: peer } } : {}),
    floor: { url: opts.floorUrl, body: floorBody(op) },
  };
}

/** Requests that failed on any side: zero are expected. */
export function failures(report: OverheadReport): number {
  return report.checks.filter((c) => !c.ok).length + report.results.reduce((n, r) => n + r.api.errors + r.floor.errors + (r.peer?.errors ?? 0), 0);
}
