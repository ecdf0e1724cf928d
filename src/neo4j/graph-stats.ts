/**
 * What the loaded graph holds, measured: for every node label, relationship type, direction, neighbour label
 * and role, the most neighbours any node has (and the 99th percentile); entities per label and kind; the
 * agreements per kind, their parties, the agreements per party; the largest SUPERSEDES chain. The cost estimate
 * (src/graphql/cost.ts) bounds every list of an operation by these numbers instead of a guess.
 *
 * Counted by the loaders in the transaction that writes a dataset's version (src/seed/loader.ts), or just
 * before it (a first load in parts, the bulk load), and stored as JSON on one `(:GraphStats {id: 'graph'})`
 * node together with the dataset versions it describes (as the fence reads them, src/neo4j/consistency.ts), so
 * a reader can tell when they are stale. The API reads them once and again when a request sees other
 * versions (src/graphql/graph-stats-cache.ts); it counts them itself when they are missing or stale.
 */
import type { ManagedTransaction } from 'neo4j-driver';
import type { Row } from './database.js';
import { NODE_LABELS } from '../domain/vocabulary.js';

/** The statements of cypher/stats/. */
export const GRAPH_STATS_STATEMENTS = [
  'stats/degrees',
  'stats/labels',
  'stats/agreements',
  'stats/party-agreements',
  'stats/supersedes',
  'stats/read',
  'stats/write',
  'stats/versions',
] as const;
export type GraphStatsStatements = { [K in (typeof GRAPH_STATS_STATEMENTS)[number]]: string };

/** Runs one statement (in a transaction of the caller's, or on its own) and returns its rows. */
export type RunStatement = (cypher: string, params: Row) => Promise<Row[]>;

/** Runs statements in `tx`. */
export function runIn(tx: ManagedTransaction): RunStatement {
  return async (cypher, params) => (await tx.run(cypher, params)).records.map((r) => r.toObject() as Row);
}

/** The largest value and the 99th percentile of a count over the nodes (or agreements) it describes. */
export interface Spread {
  max: number;
  p99: number;
}

export const NONE: Spread = { max: 0, p99: 0 };

/** How many nodes (or agreements) have each count, the largest count first; zero counts are left out. */
export type Histogram = readonly (readonly [count: number, nodes: number])[];

/** The shape of the stored JSON; statistics of another shape are counted again, as if missing. */
export const GRAPH_STATS_FORMAT = 1;

export interface GraphStats {
  format: typeof GRAPH_STATS_FORMAT;
  /** The dataset versions these numbers describe (`id@version;…`, as the fence reads them). */
  versions: string;
  /** Entities per primary label. */
  labels: Record<string, number>;
  /** Entities per primary label and `kind`. */
  kinds: Record<string, Record<string, number>>;
  /** The most aliases an entity of the label has. */
  aliases: Record<string, number>;
  /** Principal dates (established, first convened, adopted, introduced) over all entities. */
  dates: number;
  /**
   * Neighbours per node: `label type direction neighbour role` (`*` = any neighbour label, any role; `label * * * *`
   * = every relationship of the node) → how many of the label's nodes have each number of them.
   */
  degrees: Record<string, Histogram>;
  /** Relationships per type. */
  relationships: Record<string, number>;
  agreements: {
    total: number;
    byKind: Record<string, number>;
    /** Distinct years of enactment, and the most agreements enacted in one of them. */
    years: number;
    perYear: number;
    /** Parties per agreement. */
    parties: Histogram;
    /** The most revisions one agreement has, and the revisions of all of them. */
    revisions: number;
    revisionsTotal: number;
    /** Entities party to at least one agreement. */
    partyCount: number;
    /** `label kind` (kind `*`: any) → agreements per party of that label; `label kinds`: kinds per party. */
    perParty: Record<string, Histogram>;
  };
  /** The most plans or meetings one SUPERSEDES chain (with its branches) joins. */
  lineage: number;
}

/** The largest count of a histogram and its 99th percentile over `population` (those not listed have 0). */
export function spreadOf(histogram: Histogram | undefined, population: number): Spread {
  if (histogram === undefined || histogram.length === 0) return NONE;
  const listed = histogram.reduce((a, [, nodes]) => a + nodes, 0);
  const total = Math.max(population, listed);
  // The smallest count that at least 99% of the population does not exceed: walk down from the top until
  // no more than 1% lies above.
  let above = 0;
  let p99 = 0;
  for (const [count, nodes] of histogram) {
    p99 = count;
    if (above + nodes > 0.01 * total) break;
    above += nodes;
    p99 = 0;
  }
  return { max: histogram[0]![0], p99 };
}

/** The sum of the `n` largest counts of a histogram: what `n` distinct nodes can hold together at most. */
export function topSum(histogram: Histogram | undefined, n: number): number {
  let left = n;
  let sum = 0;
  for (const [count, nodes] of histogram ?? []) {
    if (left <= 0) break;
    const take = Math.min(left, nodes);
    sum += take * count;
    left -= take;
  }
  return sum;
}

const num = (v: unknown): number => (typeof v === 'number' ? v : Number(v ?? 0));

function histograms(rows: readonly Row[], key: (r: Row) => string, value: string, count: string): Map<string, Histogram> {
  const maps = new Map<string, Map<number, number>>();
  for (const r of rows) {
    const k = key(r);
    const h = maps.get(k) ?? new Map<number, number>();
    h.set(num(r[value]), (h.get(num(r[value])) ?? 0) + num(r[count]));
    maps.set(k, h);
  }
  return new Map([...maps].map(([k, h]) => [k, sorted(h)]));
}

function sorted(h: ReadonlyMap<number, number>): Histogram {
  return [...h].filter(([count]) => count > 0).sort((a, b) => b[0] - a[0]);
}

/** The size of the largest group of keys joined by the pairs (union-find). */
export function largestComponent(pairs: readonly (readonly [string, string])[]): number {
  const parent = new Map<string, string>();
  const find = (x: string): string => {
    if (!parent.has(x)) parent.set(x, x);
    let root = x;
    while (parent.get(root) !== root) root = parent.get(root)!;
    for (let y = x; y !== root; ) {
      const next = parent.get(y)!;
      parent.set(y, root);
      y = next;
    }
    return root;
  };
  for (const [a, b] of pairs) {
    const ra = find(a);
    const rb = find(b);
    if (ra !== rb) parent.set(ra, rb);
  }
  const sizes = new Map<string, number>();
  let largest = 0;
  for (const x of parent.keys()) {
    const root = find(x);
    const size = (sizes.get(root) ?? 0) + 1;
    sizes.set(root, size);
    largest = Math.max(largest, size);
  }
  return largest;
}

/** Counts the statistics of the graph as `run` sees it (inside a load's transaction, or on its own). */
export async function countGraphStats(run: RunStatement, q: GraphStatsStatements): Promise<Omit<GraphStats, 'versions'>> {
  const params = { labels: NODE_LABELS };
  const labelRows = await run(q['stats/labels'], params);
  const labels: Record<string, number> = {};
  const kinds: Record<string, Record<string, number>> = {};
  const aliases: Record<string, number> = {};
  let dates = 0;
  for (const r of labelRows) {
    const label = String(r['label']);
    dates += num(r['dates']);
    labels[label] = (labels[label] ?? 0) + num(r['nodes']);
    aliases[label] = Math.max(aliases[label] ?? 0, num(r['aliases']));
    if (r['kind'] !== null && r['kind'] !== undefined) (kinds[label] ??= {})[String(r['kind'])] = num(r['nodes']);
  }

  const degreeRows = await run(q['stats/degrees'], params);
  const byKey = histograms(degreeRows, (r) => ['label', 'type', 'direction', 'neighbour', 'role'].map((k) => String(r[k])).join(' '), 'degree', 'nodes');
  const degrees: Record<string, Histogram> = {};
  const relationships: Record<string, number> = {};
  for (const [key, h] of byKey) {
    const [, type, direction, neighbour, role] = key.split(' ');
    degrees[key] = h;
    if (direction === 'out' && neighbour === '*' && role === '*') {
      for (const [degree, nodes] of h) relationships[type!] = (relationships[type!] ?? 0) + degree * nodes;
    }
  }

  const agreementRows = await run(q['stats/agreements'], {});
  const byKind: Record<string, number> = {};
  const perYear = new Map<string, number>();
  const parties = new Map<number, number>();
  let total = 0;
  let revisions = 0;
  let revisionsTotal = 0;
  for (const r of agreementRows) {
    const n = num(r['agreements']);
    revisionsTotal += n * num(r['revisions']);
    total += n;
    byKind[String(r['kind'])] = (byKind[String(r['kind'])] ?? 0) + n;
    if (r['year'] !== null && r['year'] !== undefined) perYear.set(String(r['year']), (perYear.get(String(r['year'])) ?? 0) + n);
    parties.set(num(r['parties']), (parties.get(num(r['parties'])) ?? 0) + n);
    revisions = Math.max(revisions, num(r['revisions']));
  }

  const partyRows = await run(q['stats/party-agreements'], params);
  const perParty: Record<string, Histogram> = {};
  let partyCount = 0;
  for (const [key, h] of histograms(partyRows, (r) => `${String(r['label'])} ${String(r['kind'])}`, 'agreements', 'parties')) {
    perParty[key] = h;
    if (key.endsWith(' *')) partyCount += h.reduce((a, [, nodes]) => a + nodes, 0);
  }

  const chains = (await run(q['stats/supersedes'], {})).map((r) => [String(r['newer']), String(r['older'])] as const);

  return {
    format: GRAPH_STATS_FORMAT,
    labels,
    kinds,
    aliases,
    dates,
    degrees,
    relationships,
    agreements: {
      total,
      byKind,
      years: perYear.size,
      perYear: [...perYear.values()].reduce((a, b) => Math.max(a, b), 0),
      parties: sorted(parties),
      revisions,
      revisionsTotal,
      partyCount,
      perParty,
    },
    lineage: largestComponent(chains),
  };
}

/** Stores the statistics with the dataset versions `run` sees now; returns them as stored. */
export async function writeGraphStats(run: RunStatement, q: GraphStatsStatements, stats: Omit<GraphStats, 'versions'>): Promise<GraphStats> {
  const [row] = await run(q['stats/write'], { stats: JSON.stringify(stats) });
  return { ...stats, versions: String(row?.['versions'] ?? '') };
}

/** Counts the statistics and stores them (both through `run`: one transaction when it is a transaction's). */
export async function refreshGraphStats(run: RunStatement, q: GraphStatsStatements): Promise<GraphStats> {
  return writeGraphStats(run, q, await countGraphStats(run, q));
}

export interface StoredGraphStats {
  /** The stored statistics, or undefined when there are none (or they cannot be read). */
  stats: GraphStats | undefined;
  /** The dataset versions now: the stored statistics are stale when theirs differ. */
  current: string;
}

/** The statistics as stored, and the dataset versions now. */
export async function readGraphStats(run: RunStatement, q: GraphStatsStatements): Promise<StoredGraphStats> {
  const [row] = await run(q['stats/read'], {});
  const current = String(row?.['current'] ?? '');
  const text = row?.['stats'];
  if (typeof text !== 'string') return { stats: undefined, current };
  try {
    const stats = JSON.parse(text) as Omit<GraphStats, 'versions'>;
    if (stats.format !== GRAPH_STATS_FORMAT) return { stats: undefined, current };
    return { stats: { ...stats, versions: String(row?.['counted'] ?? '') }, current };
  } catch {
    return { stats: undefined, current };
  }
}
