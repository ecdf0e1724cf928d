/**
 * Scaling: how loading, lookups, connection pages, search and paths behave as the graph grows from
 * 10k to 1M nodes. For each size: generate a synthetic dataset with the real graph's shape
 * (bench/synthetic/generate.ts), start a fresh local Neo4j, load the dataset through the real loader
 * (validation, one transaction), start the API in its own process, then time a fixed set of queries
 * over HTTP, one client at a time, warm. The database folder is deleted after each size.
 *
 * Times are reported, never judged here; bench/run.ts compares them with the targets.
 */
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { encodeCursor } from '../src/services/pagination.js';
import { loadDataset } from '../src/seed/loader.js';
import { startApiProcess } from './support/api-process.js';
import { percentile } from './support/cli.js';
import { startBenchNeo4j } from './support/neo4j.js';
import { boundsMarkdown, boundVerdict, measureBounds, type BoundQuestion, type BoundResult } from './bounds.js';
import { generateSynthetic, sizeLabel, writeSynthetic, PLAN_CHAIN_LENGTH, type SyntheticSamples } from './synthetic/generate.js';

export const DEFAULT_SIZES = [10_000, 100_000, 1_000_000] as const;

export interface ScalingOptions {
  sizes: readonly number[];
  /** Bolt port of the per-size Neo4j. */
  port: number;
  /** Where generated datasets and database folders go (deleted as the run goes). */
  workDir: string;
  heapMb: number;
  pageCacheMb: number;
  /** Timed runs per query and size (after as many warm-up runs). */
  repetitions: number;
}

export interface QueryTiming {
  /** Milliseconds, over HTTP, one client, warm. */
  median: number;
  p95: number;
  /** Database transactions per request (the API's extensions.roundTrips). */
  roundTrips: number;
}

export interface LoadTiming {
  nodes: number;
  relationships: number;
  generateMs: number;
  /** Reading and validating the files (every record through the same checks as the shipped seed). */
  validateMs: number;
  /** Writing and committing the one transaction. */
  writeMs: number;
  recordsPerSecond: number;
  relationshipsPerSecond: number;
}

export interface SizeResult {
  size: number;
  label: string;
  load: LoadTiming;
  queries: Record<QueryName, QueryTiming>;
  /** Questions with unpaginated lists: answered within their estimate, or refused naming the list (bench/bounds.ts). */
  bounds?: Record<BoundQuestion, BoundResult>;
}

export type QueryName = keyof typeof QUERIES;

/** The questions timed at every size; each takes variables chosen from the generated samples. */
export const QUERIES = {
  lookup: {
    describe: 'node(id) of a meeting: name, kind, date, chief (index seek + one navigation)',
    query: `query Lookup($id: ID!) { node(id: $id) { id ... on Meeting { name kind established { value } chief { id name } } } }`,
  },
  firstPage: {
    describe: 'meetings(first: 20) by name, with totalCount',
    query: `query FirstPage { meetings(first: 20, orderBy: { field: NAME, direction: ASC }) { totalCount edges { node { id name } } pageInfo { endCursor } } }`,
  },
  deepPage: {
    describe: 'meetings(first: 20, after: the middle meeting) by name, with totalCount',
    query: `query DeepPage($after: String) { meetings(first: 20, after: $after, orderBy: { field: NAME, direction: ASC }) { totalCount edges { node { id name } } pageInfo { endCursor } } }`,
  },
  agreementsPage: {
    describe: 'agreements(first: 20, after: the middle agreement) by date, with totalCount (read in date order from the AGREEMENT(enacted) index; only the page\'s agreements grouped)',
    query: `query AgreementsPage($after: String) { agreements(first: 20, after: $after, orderBy: { field: ENACTED, direction: ASC }) { totalCount edges { node { id name enacted { value } } } } }`,
  },
  search: {
    describe: 'search("firarms", first: 8): typo-tolerant full-text',
    query: `query Search { search(text: "firarms", first: 8) { score node { __typename id name } } }`,
  },
  path: {
    describe: 'shortestPath(office → meeting, maxHops: 6)',
    query: `query Path($from: ID!, $to: ID!) { shortestPath(from: $from, to: $to, maxHops: 6) { paths { length nodes { id } } } }`,
  },
  lineage: {
    describe: `lineage(plan) over a ${PLAN_CHAIN_LENGTH}-generation SUPERSEDES chain`,
    query: `query Lineage($id: ID!) { lineage(id: $id) { steps { position node { id } } } }`,
  },
} as const;

interface GraphQLAnswer {
  data?: unknown;
  errors?: { message: string }[];
  extensions?: { roundTrips?: number };
}

async function post(url: string, query: string, variables: Record<string, unknown>): Promise<GraphQLAnswer> {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables }) });
  const body = (await res.json()) as GraphQLAnswer;
  if (!res.ok || body.errors?.length) throw new Error(`${res.status}: ${body.errors?.map((e) => e.message).join('; ') ?? 'no body'}`);
  return body;
}

/** Variables for each timed run: different keys on each run, so no run is answered from a warm page alone. */
interface Cursors {
  meeting: string;
  agreement: string;
}

function variablesFor(name: QueryName, run: number, samples: SyntheticSamples, cursors: Cursors): Record<string, unknown> {
  const meeting = samples.meetings[run % samples.meetings.length]!;
  switch (name) {
    case 'lookup':
      return { id: meeting };
    case 'deepPage':
      return { after: cursors.meeting };
    case 'agreementsPage':
      return { after: cursors.agreement };
    case 'path':
      return { from: samples.offices[run % samples.offices.length]!, to: samples.meetings[(run * 7 + 3) % samples.meetings.length]! };
    case 'lineage':
      return { id: samples.chainHead };
    default:
      return {};
  }
}

async function timeQueries(url: string, samples: SyntheticSamples, cursors: Cursors, repetitions: number): Promise<Record<QueryName, QueryTiming>> {
  const out = {} as Record<QueryName, QueryTiming>;
  for (const name of Object.keys(QUERIES) as QueryName[]) {
    const { query } = QUERIES[name];
    let roundTrips = 0;
    for (let i = 0; i < repetitions; i++) roundTrips = (await post(url, query, variablesFor(name, i + 1000, samples, cursors))).extensions?.roundTrips ?? 0;
    const times: number[] = [];
    for (let i = 0; i < repetitions; i++) {
      const started = performance.now();
      await post(url, query, variablesFor(name, i, samples, cursors));
      times.push(performance.now() - started);
    }
    times.sort((a, b) => a - b);
    out[name] = { median: percentile(times, 0.5), p95: percentile(times, 0.95), roundTrips };
  }
  return out;
}

/** One size, start to finish; everything it started is stopped and its folders removed, even on failure. */
export async function runSize(size: number, opts: ScalingOptions, log: (line: string) => void): Promise<SizeResult> {
  const label = sizeLabel(size);
  const datasetDir = path.join(opts.workDir, `synthetic-${label}`);
  let started = performance.now();
  let dataset: ReturnType<typeof generateSynthetic> | null = generateSynthetic(size);
  await writeSynthetic(dataset, datasetDir);
  const generateMs = performance.now() - started;
  const { samples } = dataset;
  const nodes = dataset.nodes.length;
  const relationships = dataset.relationships.length;
  // The cursor of the meeting in the middle of the name order: the deep page starts there.
  const meetingsByName = dataset.nodes
    .filter((n) => n.label === 'Meeting')
    .map((n) => ({ name: n.name, key: n.key }))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const middle = meetingsByName[Math.floor(meetingsByName.length / 2)]!;
  // Likewise the agreement in the middle of the date order (an agreement is its AGREEMENT edges' agreementKey).
  const enacted = new Map<string, string>();
  for (const r of dataset.relationships) if (r.type === 'AGREEMENT') enacted.set(String(r.props['agreementKey']), String(r.props['enacted']));
  const agreementsByDate = [...enacted].sort(([ka, a], [kb, b]) => (a < b ? -1 : a > b ? 1 : ka < kb ? -1 : ka > kb ? 1 : 0));
  const [midKey, midDate] = agreementsByDate[Math.floor(agreementsByDate.length / 2)]!;
  const cursors: Cursors = {
    meeting: encodeCursor({ value: middle.name, key: middle.key }),
    agreement: encodeCursor({ value: midDate, key: midKey }),
  };
  dataset = null; // the loader reads the files again; let the generated copy go
  log(`${label}: generated ${nodes} nodes and ${relationships} relationships in ${(generateMs / 1000).toFixed(1)} s`);

  const neo4j = await startBenchNeo4j({
    port: opts.port,
    dataDir: path.join(opts.workDir, `neo4j-${label}`),
    heapMb: opts.heapMb,
    pageCacheMb: opts.pageCacheMb,
  });
  try {
    started = performance.now();
    let validatedAt = started;
    await loadDataset(
      neo4j.db,
      neo4j.catalog,
      datasetDir,
      (line) => {
        if (line.startsWith('validated')) validatedAt = performance.now();
        log(`${label}: ${((performance.now() - started) / 1000).toFixed(1)} s: ${line}`);
      },
      // A million-node transaction takes minutes on a small machine; an hour is the bound, not the expectation.
      { timeoutMs: 3_600_000 },
    );
    const finished = performance.now();
    // Full-text indexes catch up after the commit; queries should see the whole graph.
    await neo4j.db.write('CALL db.awaitIndexes(600)', {});
    const writeSeconds = (finished - validatedAt) / 1000;
    const load: LoadTiming = {
      nodes,
      relationships,
      generateMs,
      validateMs: validatedAt - started,
      writeMs: finished - validatedAt,
      recordsPerSecond: (nodes + relationships) / writeSeconds,
      relationshipsPerSecond: relationships / writeSeconds,
    };
    log(
      `${label}: validated in ${(load.validateMs / 1000).toFixed(1)} s, wrote and committed in ${writeSeconds.toFixed(1)} s ` +
        `(${Math.round(load.recordsPerSecond)} records/s, ${Math.round(load.relationshipsPerSecond)} relationships/s)`,
    );
    await rm(datasetDir, { recursive: true, force: true });

    const api = await startApiProcess({ neo4jUri: neo4j.settings.uri, env: { QUERY_TIMEOUT_MS: '120000' } });
    try {
      const queries = await timeQueries(api.url, samples, cursors, opts.repetitions);
      for (const [name, t] of Object.entries(queries)) {
        log(`${label}: ${name.padEnd(9)} median ${t.median.toFixed(1)} ms, p95 ${t.p95.toFixed(1)} ms, ${t.roundTrips} round trips`);
      }
      // The first body of the first tree of 25 (bench/synthetic/generate.ts): the root of its PART_OF tree.
      const bounds = await measureBounds(api.url, 'organisation:syn-1', () =>
        startApiProcess({ neo4jUri: neo4j.settings.uri, env: { QUERY_TIMEOUT_MS: '120000', MAX_COST: '1000000000000000' } }),
      );
      for (const [name, r] of Object.entries(bounds)) log(`${label}: ${name.padEnd(15)} estimated ${r.estimated ?? '?'}, answer ${r.actual ?? '-'}: ${boundVerdict(r)}`);
      return { size, label, load, queries, bounds };
    } finally {
      await api.stop();
    }
  } finally {
    await neo4j.stop();
    await rm(datasetDir, { recursive: true, force: true });
  }
}

export async function runScaling(opts: ScalingOptions, log: (line: string) => void = () => undefined): Promise<SizeResult[]> {
  const results: SizeResult[] = [];
  for (const size of opts.sizes) results.push(await runSize(size, opts, log));
  return results;
}

function ms(n: number): string {
  return n >= 100 ? n.toFixed(0) : n.toFixed(1);
}

/** Growth from the smallest to the largest size, as a factor (1.0 = flat). */
export function growth(results: readonly SizeResult[], name: QueryName): number {
  const first = results[0]?.queries[name].median;
  const last = results.at(-1)?.queries[name].median;
  return first && last ? last / first : Number.NaN;
}

export function scalingMarkdown(results: readonly SizeResult[]): string {
  const lines: string[] = [];
  lines.push('| size | nodes | relationships | generate | validate | write + commit | records/s | relationships/s |');
  lines.push('|---|---:|---:|---:|---:|---:|---:|---:|');
  for (const r of results) {
    const l = r.load;
    lines.push(
      `| ${r.label} | ${l.nodes} | ${l.relationships} | ${(l.generateMs / 1000).toFixed(1)} s | ${(l.validateMs / 1000).toFixed(1)} s | ` +
        `${(l.writeMs / 1000).toFixed(1)} s | ${Math.round(l.recordsPerSecond)} | ${Math.round(l.relationshipsPerSecond)} |`,
    );
  }
  lines.push('');
  lines.push(`| query | what | ${results.map((r) => `${r.label} median / p95 (ms)`).join(' | ')} | round trips | growth ${results[0]?.label ?? ''} → ${results.at(-1)?.label ?? ''} |`);
  lines.push(`|---|---|${results.map(() => '---:').join('|')}|---:|---:|`);
  for (const name of Object.keys(QUERIES) as QueryName[]) {
    const cells = results.map((r) => `${ms(r.queries[name].median)} / ${ms(r.queries[name].p95)}`);
    const trips = [...new Set(results.map((r) => r.queries[name].roundTrips))].join(', ');
    lines.push(`| ${name} | ${QUERIES[name].describe} | ${cells.join(' | ')} | ${trips} | ×${growth(results, name).toFixed(2)} |`);
  }
  const bounds = boundsMarkdown(results);
  if (bounds) lines.push('', 'Questions with unpaginated lists (`extensions.cost`; a refused one asked again with MAX_COST set aside):', '', bounds);
  return lines.join('\n');
}
