/**
 * The targets of the benchmark issue, each met or missed per concurrency level, and the explanation of
 * a miss generated from what was measured (round trips, CPU per request of each process, queueing).
 * Reported, never asserted.
 */
import type { Stats } from './loop.js';
import type { OperationResult } from './measure.js';

export const TARGETS = { minRatio: 0.7, minPeerRatio: 1.5, maxP99Ms: 50, p99Concurrency: 32 } as const;

const round = (n: number, digits = 2) => Math.round(n * 10 ** digits) / 10 ** digits;

export function geomean(values: number[]): number {
  const positive = values.filter((v) => v > 0);
  if (positive.length === 0) return 0;
  return Math.exp(positive.reduce((s, v) => s + Math.log(v), 0) / positive.length);
}

export interface LevelSummary {
  concurrency: number;
  /** Geometric mean over operations of API / floor throughput. */
  geomeanRatio: number;
  /** Geometric mean over the operations the peer ran of API / peer throughput. */
  geomeanPeerRatio?: number;
  minRatio: { operation: string; ratio: number } | undefined;
  minPeerRatio?: { operation: string; ratio: number } | undefined;
  /** Largest API p99 at this level, in ms. */
  maxApiP99: { operation: string; p99: number } | undefined;
}

export interface TargetMiss {
  operation: string;
  concurrency: number;
  /** The measured value that missed (a ratio, or a p99 in ms). */
  measured: number;
  explanation: string;
}

export interface TargetVerdict {
  id: 'peer-ratio' | 'throughput-ratio' | 'p99-at-32';
  target: string;
  /** null: not measured in this run. */
  met: boolean | null;
  measured: string;
  misses: TargetMiss[];
}

export function summariseLevel(concurrency: number, rows: OperationResult[]): LevelSummary {
  const byRatio = [...rows].sort((a, b) => a.ratio - b.ratio)[0];
  const withPeer = rows.filter((r) => r.peerRatio !== undefined);
  const byPeer = [...withPeer].sort((a, b) => a.peerRatio! - b.peerRatio!)[0];
  const byP99 = [...rows].sort((a, b) => b.api.p99 - a.api.p99)[0];
  return {
    concurrency,
    geomeanRatio: round(geomean(rows.map((r) => r.ratio)), 3),
    ...(withPeer.length ? { geomeanPeerRatio: round(geomean(withPeer.map((r) => r.peerRatio!)), 3) } : {}),
    minRatio: byRatio ? { operation: byRatio.operation, ratio: byRatio.ratio } : undefined,
    ...(byPeer ? { minPeerRatio: { operation: byPeer.operation, ratio: byPeer.peerRatio! } } : {}),
    maxApiP99: byP99 ? { operation: byP99.operation, p99: byP99.api.p99 } : undefined,
  };
}

/** CPU milliseconds per successful request that `role` spent during a side's cell. */
export function msPerRequest(stats: Stats, role: 'api' | 'peer' | 'floor' | 'neo4j' | 'bench'): number | undefined {
  const cores = stats.cpu[role];
  return cores === undefined || stats.throughput <= 0 ? undefined : round((cores * 1000) / stats.throughput);
}

const ms = (n: number | undefined) => (n === undefined ? '?' : `${n} ms`);

function facts(r: OperationResult, other: 'floor' | 'peer', cpus: number): string {
  const o = other === 'floor' ? r.floor : r.peer!;
  const oRt = other === 'floor' ? 1 : r.peerRoundTrips;
  const parts = [
    `round trips: API ${r.roundTrips ?? '?'}, ${other} ${oRt ?? '?'}`,
    `CPU per request in the serving process: API ${ms(msPerRequest(r.api, 'api'))}, ${other} ${ms(msPerRequest(o, other))}`,
    `Neo4j CPU per request: serving the API ${ms(msPerRequest(r.api, 'neo4j'))}, the ${other} ${ms(msPerRequest(o, 'neo4j'))}`,
    `p50 API ${r.api.p50} ms, ${other} ${o.p50} ms`,
  ];
  const busy = (r.api.cpu.api ?? 0) + (r.api.cpu.neo4j ?? 0) + r.api.cpu.bench;
  parts.push(
    `during the API's cell the API, Neo4j and the load generator used ${round(busy)} of ${cpus} cores` +
      (r.api.cpu.others !== undefined && r.api.cpu.others >= 0.2 ? ` and other processes ${r.api.cpu.others} (the machine was shared)` : ''),
  );
  return parts.join('; ');
}

function remedies(r: OperationResult, cpus: number): string {
  const out: string[] = [];
  if (r.roundTrips !== undefined && r.roundTrips > 1) out.push('answer the operation in one round trip (compile the selection into one Cypher statement)');
  if ((r.api.cpu.api ?? 0) >= 0.85) out.push('run more API workers than one (WEB_CONCURRENCY) and cut CPU per request (cached parse and validation, cheaper resolution and serialisation)');
  else out.push("cut the API's own work per request (GraphQL execution, resolvers, JSON): it is what the API adds when the database work is the same");
  if (cpus <= 2 && r.concurrency > 1) out.push(`measure on a machine with more than ${cpus} cores, which Neo4j, three servers and the load generator share here`);
  return out.join('; ');
}

function explainFloor(r: OperationResult, cpus: number): string {
  return `API ${r.api.throughput} req/s is ${Math.round(r.ratio * 100)}% of the floor's ${r.floor.throughput} at ${r.concurrency} client(s): ${facts(r, 'floor', cpus)}. What would close it: ${remedies(r, cpus)}.`;
}

function explainPeer(r: OperationResult, cpus: number): string {
  return `API ${r.api.throughput} req/s is ${r.peerRatio}× the peer's ${r.peer!.throughput} at ${r.concurrency} client(s): ${facts(r, 'peer', cpus)}. What would close it: ${remedies(r, cpus)}.`;
}

function explainP99(r: OperationResult, cpus: number): string {
  // Little's law: with N clients always waiting, mean latency = N / throughput.
  const queueing = r.api.throughput > 0 ? round((r.concurrency / r.api.throughput) * 1000, 1) : 0;
  return (
    `API p99 ${r.api.p99} ms (p50 ${r.api.p50} ms) at ${r.concurrency} clients: with ${r.concurrency} requests always in flight and ${r.api.throughput} req/s ` +
    `served, each waits ${queueing} ms on average (clients / throughput), so the tail is queueing behind the throughput ceiling; ${facts(r, 'floor', cpus)}. ` +
    `What would close it: ${remedies(r, cpus)}.`
  );
}

export function verdicts(results: OperationResult[], levels: LevelSummary[], concurrency: number[], cpus: number, withPeer: boolean): TargetVerdict[] {
  const at32 = results.filter((r) => r.concurrency === TARGETS.p99Concurrency);
  const peerLevels = levels.filter((l) => l.geomeanPeerRatio !== undefined);
  return [
    {
      id: 'peer-ratio',
      target: `API throughput at least ${TARGETS.minPeerRatio}× @neo4j/graphql's (geometric mean over the operations, at every concurrency level)`,
      met: !withPeer || peerLevels.length === 0 ? null : peerLevels.length === levels.length && peerLevels.every((l) => l.geomeanPeerRatio! >= TARGETS.minPeerRatio),
      measured: peerLevels.length ? peerLevels.map((l) => `${l.concurrency} client(s): ${l.geomeanPeerRatio}×`).join(', ') : 'not measured (no peer in this run)',
      misses: results
        .filter((r) => r.peerRatio !== undefined && r.peerRatio < TARGETS.minPeerRatio)
        .map((r) => ({ operation: r.operation, concurrency: r.concurrency, measured: r.peerRatio!, explanation: explainPeer(r, cpus) })),
    },
    {
      id: 'throughput-ratio',
      target: `API throughput at least ${TARGETS.minRatio * 100}% of the floor's, hand-written Cypher behind a minimal HTTP server (geometric mean, at every concurrency level)`,
      met: results.length === 0 ? null : levels.every((l) => l.geomeanRatio >= TARGETS.minRatio),
      measured: levels.map((l) => `${l.concurrency} client(s): ${Math.round(l.geomeanRatio * 100)}%`).join(', '),
      misses: results
        .filter((r) => r.ratio < TARGETS.minRatio)
        .map((r) => ({ operation: r.operation, concurrency: r.concurrency, measured: r.ratio, explanation: explainFloor(r, cpus) })),
    },
    {
      id: 'p99-at-32',
      target: `API p99 under ${TARGETS.maxP99Ms} ms at ${TARGETS.p99Concurrency} concurrent clients, every operation, on the seed graph`,
      met: concurrency.includes(TARGETS.p99Concurrency) && at32.length > 0 ? at32.every((r) => r.api.p99 < TARGETS.maxP99Ms) : null,
      measured:
        at32.length > 0
          ? `largest p99 ${Math.max(...at32.map((r) => r.api.p99))} ms (${[...at32].sort((a, b) => b.api.p99 - a.api.p99)[0]!.operation})`
          : `not measured (no ${TARGETS.p99Concurrency}-client level in this run)`,
      misses: at32
        .filter((r) => r.api.p99 >= TARGETS.maxP99Ms)
        .map((r) => ({ operation: r.operation, concurrency: r.concurrency, measured: r.api.p99, explanation: explainP99(r, cpus) })),
    },
  ];
}
