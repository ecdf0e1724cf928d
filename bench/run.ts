/**
 * `npm run bench`: the whole benchmark in one run, on loopback, with its own Neo4j.
 *
 *   1. Overhead: the seed graph in a fresh local Neo4j; the API, @neo4j/graphql (the peer, bench/peer/) and
 *      the hand-written Cypher of bench/floor/ behind a minimal node:http server, each in its own process;
 *      every saved operation (operations/*.graphql) on all three in interleaved rounds at 1, 8 and 32
 *      clients, after checking that all three return the same ids (bench/overhead.ts and bench/overhead/).
 *   2. Scaling: synthetic graphs of 10k, 100k and 1M nodes with the real graph's shape, each loaded
 *      through the real loader into a fresh Neo4j, then lookups, pages, search, paths and lineage timed
 *      through the API (bench/scaling.ts).
 *   3. The targets of docs/benchmarks.md, each met or missed with the measured numbers and, where missed,
 *      why and what would close it. Written to bench/results/latest.md and latest.json with the machine.
 *
 * Options: --sizes 10000,100000 --concurrency 1,8,32 --duration 4 --rounds 2 --repetitions 30
 *          --only overhead|scaling|bulk|db-hits|cold --out bench/results/latest --heap-mb 8192 --no-peer --neo4j-port 7698
 *          (--only scaling writes bench/results/scaling-latest.md and .json unless --out says otherwise)
 *          --bulk-sizes 1000000 --transactional-sizes 1000000   (the bulk section, bench/bulk.ts; its own
 *          results file, bench/results/load-latest.md and .json)
 *          --quick   (a few minutes: 1 s cells in one round, the 10k graph only, 5 repetitions)
 *          --render bench/results/latest.json   (re-render a saved run's .md; measures nothing)
 * Nothing here asserts a time: a slow run is reported, not failed. It fails only when a request fails or
 * the floor and the API disagree on the data (a peer that disagrees is reported as not compared).
 */
import { spawnSync } from 'node:child_process';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { BULK_TRANSACTION_SIZE, SINGLE_TRANSACTION_LIMIT } from '../src/seed/loader.js';
import { DEFAULT_CONCURRENCY, failures as overheadFailures, runOverhead, type OverheadReport } from './overhead/measure.js';
import { overheadMarkdown } from './overhead/report.js';
import { startSides } from './overhead/sides.js';
import { DEFAULT_SIZES, growth, runScaling, scalingMarkdown, type SizeResult } from './scaling.js';
import { bulkStep } from './bulk-step.js';
import { dbHitsStep } from './db-hits.js';
import { coldStep } from './first-request.js';
import { measureRelevance, relevanceMarkdown, relevanceVerdict, searchOverHttp, type RelevanceReport } from './relevance.js';
import { argument } from './support/cli.js';
import { startBenchNeo4j } from './support/neo4j.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
/** Bolt port of the benchmark's own Neo4j by default (away from the API's default 7687 and the tests'); --neo4j-port. */
const BENCH_PORT = 7698;
const WORK_DIR = path.join(ROOT, '.bench');
export const LOAD_TARGET_RELATIONSHIPS_PER_SECOND = 50_000;
/** "Flat": the largest graph's median within this factor of the smallest's. */
export const FLAT_FACTOR = 1.5;

interface Args {
  sizes: number[];
  concurrency: number[];
  /** Measured seconds per cell and side (split over `rounds` interleaved rounds). */
  durationSeconds: number;
  rounds: number;
  repetitions: number;
  /** A few minutes instead of ~25: short cells, one round, one scaling size. */
  quick: boolean;
  /** Time @neo4j/graphql beside the API and the floor (off with --no-peer). */
  peer: boolean;
  only: 'overhead' | 'scaling' | 'bulk' | 'db-hits' | 'cold' | null;
  out: string;
  /** Bolt port of the benchmark's own Neo4j. */
  port: number;
  /** Neo4j heap for the scaling step: a load is one transaction, held in the heap until it commits. */
  heapMb: number;
}

function parseArgs(argv: string[]): Args {
  const value = (name: string) => argument(argv, name);
  const list = (name: string, fallback: readonly number[]) => {
    const raw = value(name);
    const items = raw ? raw.split(',').map(Number) : [...fallback];
    if (items.some((n) => !Number.isInteger(n) || n < 1)) throw new Error(`--${name}: a comma-separated list of positive integers (got ${raw})`);
    return items;
  };
  const positive = (name: string, fallback: number) => {
    const n = Number(value(name) ?? fallback);
    if (!Number.isFinite(n) || n <= 0) throw new Error(`--${name}: a positive number (got ${value(name)})`);
    return n;
  };
  const only = (value('only') ?? null) as Args['only'];
  if (only !== null && !['overhead', 'scaling', 'bulk', 'db-hits', 'cold'].includes(only)) throw new Error(`--only: overhead, scaling, bulk, db-hits or cold (got ${only})`);
  const quick = argv.includes('--quick');
  return {
    sizes: list('sizes', quick ? [DEFAULT_SIZES[0]!] : DEFAULT_SIZES),
    concurrency: list('concurrency', DEFAULT_CONCURRENCY),
    durationSeconds: positive('duration', quick ? 1 : 4),
    rounds: positive('rounds', quick ? 1 : 2),
    repetitions: positive('repetitions', quick ? 5 : 30),
    quick,
    peer: !argv.includes('--no-peer'),
    only,
    // A scaling-only run has its own file, so that it never overwrites the committed overhead run's.
    out: value('out') ?? path.join(ROOT, 'bench', 'results', only === 'scaling' ? 'scaling-latest' : 'latest'),
    heapMb: positive('heap-mb', 8192),
    port: positive('neo4j-port', BENCH_PORT),
  };
}

/** The first line a command prints (on stdout, or stderr as `java -version` does), or "unknown". */
function command(cmd: string, args: string[]): string {
  const r = spawnSync(cmd, args, { encoding: 'utf8' });
  return `${r.stdout ?? ''}${r.stderr ?? ''}`.trim().split('\n')[0] || 'unknown';
}

function machine(): Record<string, string> {
  return {
    cpu: `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'unknown'}`,
    memory: `${(os.totalmem() / 2 ** 30).toFixed(1)} GiB`,
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    node: process.version,
    java: command('java', ['-version']),
    neo4j: '5.26 (embedded launcher, neo4j-local/pom.xml)',
    commit: command('git', ['rev-parse', '--short', 'HEAD']),
    loadAverageAtStart: os.loadavg().map((n) => n.toFixed(2)).join(' '),
  };
}

/** The overhead comparison, and the judged search relevance on the same seed graph and API (bench/relevance.ts). */
async function overheadStep(args: Args, log: (line: string) => void): Promise<{ overhead: OverheadReport; relevance: RelevanceReport }> {
  const neo4j = await startBenchNeo4j({ port: args.port, dataDir: path.join(WORK_DIR, 'neo4j-seed'), heapMb: 2048, pageCacheMb: 512 });
  try {
    const bolt = { uri: neo4j.settings.uri, username: 'neo4j', password: '', database: 'neo4j' };
    const sides = await startSides(bolt, { peer: args.peer, log });
    try {
      const relevance = await measureRelevance(searchOverHttp(sides.apiUrl));
      log(`search relevance: first-hit accuracy ${relevance.firstHitAccuracy.toFixed(3)}, MRR ${relevance.meanReciprocalRank.toFixed(3)}`);
      const overhead = await runOverhead(
        {
          apiUrl: sides.apiUrl,
          floorUrl: sides.floorUrl,
          peerUrl: sides.peerUrl,
          neo4jUri: bolt.uri,
          pids: { ...sides.pids, neo4j: neo4j.local.pid },
          concurrency: args.concurrency,
          durationSeconds: args.durationSeconds,
          rounds: args.rounds,
          warmupSeconds: args.quick ? 0.5 : 1,
        },
        log,
      );
      return { overhead, relevance };
    } finally {
      await sides.stop();
    }
  } finally {
    await neo4j.stop();
  }
}

interface Verdict {
  /** Overrides met / missed for a line reported beside the targets. */
  mark?: string;
  target: string;
  met: boolean | null;
  measured: string;
  why?: string;
}

function loadVerdict(results: readonly SizeResult[]): Verdict {
  const largest = results.at(-1)!;
  const rate = largest.load.relationshipsPerSecond;
  const met = rate >= LOAD_TARGET_RELATIONSHIPS_PER_SECOND;
  return {
    target: `loading at least ${LOAD_TARGET_RELATIONSHIPS_PER_SECOND.toLocaleString('en')} relationships/s`,
    met,
    measured: results.map((r) => `${r.label}: ${Math.round(r.load.relationshipsPerSecond).toLocaleString('en')} relationships/s (${Math.round(r.load.recordsPerSecond).toLocaleString('en')} records/s)`).join('; '),
    ...(met
      ? {}
      : {
          why:
            'Every record goes through Cypher in a transaction and updates indexes: a node the entity_key unique index, its ' +
            'label\'s name, kind and date range indexes, the dataset index and the full-text index; a relationship its per-type key ' +
            'constraint. Statement time grows with that index work, and each commit applies the index updates on one thread. A ' +
            `first load above ${SINGLE_TRANSACTION_LIMIT.toLocaleString('en')} records (the 100k and 1M graphs) commits in parts of at most ` +
            `${BULK_TRANSACTION_SIZE.toLocaleString('en')} records; its write time also includes the minute before the first ` +
            'write, spent checking every key against other datasets and hashing every record. What closes it for a first load: ' +
            '`npm run seed -- --bulk`, the offline bulk importer, which writes the store files directly and builds the indexes ' +
            'afterwards; its rate at 1M nodes is in bench/results/load-latest.md (docs/benchmarks.md, section 3).',
        }),
  };
}

function flatVerdict(results: readonly SizeResult[]): Verdict {
  const names = ['lookup', 'deepPage'] as const;
  const factors = names.map((n) => ({ name: n, factor: growth(results, n) }));
  const first = results[0]!;
  const last = results.at(-1)!;
  const met = results.length < 2 ? null : factors.every((f) => f.factor <= FLAT_FACTOR);
  const worse = factors.filter((f) => f.factor > FLAT_FACTOR);
  return {
    target: `indexed lookups and deep pages flat from ${first.label} to ${last.label} nodes (median within ×${FLAT_FACTOR})`,
    met,
    measured: factors.map((f) => `${f.name} ×${f.factor.toFixed(2)} (${first.queries[f.name].median.toFixed(1)} → ${last.queries[f.name].median.toFixed(1)} ms)`).join('; '),
    ...(met === false
      ? {
          why:
            `${worse.map((w) => w.name).join(' and ')} grew more than ×${FLAT_FACTOR}. Both read through indexes (entity_key; the label's ` +
            'name index with a keyset start), so the growth is the store no longer fitting the page cache or the JVM heap, not the plan; ' +
            'a larger page cache (LOCAL_NEO4J page cache, or the server\'s server.memory.pagecache.size) closes it.',
        }
      : {}),
  };
}

/** Agreement pages: read in order from the AGREEMENT(enacted) index, only the page's agreements grouped; growth is reported with why. */
function agreementPageNote(results: readonly SizeResult[]): Verdict | null {
  if (results.length < 2 || !results[0]!.queries.agreementsPage) return null;
  const factor = growth(results, 'agreementsPage');
  const first = results[0]!;
  const last = results.at(-1)!;
  const flat = factor <= FLAT_FACTOR;
  return {
    mark: flat ? '**flat**' : '**grows**',
    target: `agreement pages from ${first.label} to ${last.label} nodes within ×${FLAT_FACTOR} (an index-ordered page; reported beside the targets)`,
    met: flat,
    measured: `agreementsPage ×${factor.toFixed(2)} (${first.queries.agreementsPage.median.toFixed(1)} → ${last.queries.agreementsPage.median.toFixed(1)} ms)`,
    ...(flat
      ? {}
      : {
          why:
            'The page reads its agreement keys in order from the AGREEMENT(enacted) range index and groups only those ' +
            '(cypher/agreement/page-unfiltered.cypher); its totalCount counts the distinct agreementKeys of the ' +
            'AGREEMENT(agreementKey) index, which grows with the number of agreements, and a larger store outgrows the page cache.',
        }),
  };
}

function verdictLine(v: Verdict): string {
  const mark = v.mark ?? (v.met === null ? 'not measured' : v.met ? '**met**' : '**missed**');
  return `- ${mark}: ${v.target}. Measured: ${v.measured}.${v.why ? `\n  - Why, and what would close it: ${v.why}` : ''}`;
}

/** Everything a run measured: what the results file is rendered from (and re-rendered by --render). */
interface SavedRun {
  machine: Record<string, string>;
  started: string;
  command: string;
  minutes: number;
  loadAverageAtEnd: string;
  overhead: OverheadReport | null;
  /** Absent in runs saved before it was measured. */
  relevance?: RelevanceReport | null;
  scaling: SizeResult[] | null;
}

function verdicts(run: SavedRun): Verdict[] {
  const out: Verdict[] = [];
  for (const t of run.overhead?.targets ?? []) {
    const why = t.misses.length ? [...new Set(t.misses.map((m) => m.explanation))].slice(0, 3).join(' ') : undefined;
    out.push({ target: t.target, met: t.met, measured: t.measured, ...(why ? { why } : {}) });
  }
  if (run.relevance) out.push(relevanceVerdict(run.relevance));
  if (run.scaling && run.scaling.length > 0) {
    out.push(loadVerdict(run.scaling), flatVerdict(run.scaling));
    const agreements = agreementPageNote(run.scaling);
    if (agreements) out.push(agreements);
  }
  return out;
}

function render(run: SavedRun): string {
  return [
    '# Benchmark results',
    '',
    `Run ${run.started} with \`${run.command}\`, ${run.minutes.toFixed(1)} minutes. How to read this: docs/benchmarks.md.`,
    '',
    '## Machine',
    '',
    ...Object.entries(run.machine).map(([k, v]) => `- ${k}: ${v}`),
    `- load average at the end: ${run.loadAverageAtEnd}`,
    '',
    '## Targets',
    '',
    ...verdicts(run).map(verdictLine),
    '',
    ...(run.overhead ? [overheadMarkdown(run.overhead), ''] : []),
    ...(run.relevance ? [relevanceMarkdown(run.relevance), ''] : []),
    ...(run.scaling ? ['## Scaling: synthetic graphs through the real loader and the API', '', scalingMarkdown(run.scaling), ''] : []),
  ].join('\n') + '\n';
}

async function main(): Promise<number> {
  const argv = process.argv.slice(2);
  if (argv.includes('--render')) {
    // Re-render a saved run (after changing how results are explained); nothing is measured again.
    const file = argument(argv, 'render');
    if (!file?.endsWith('.json')) throw new Error('--render: the .json file a run wrote (bench/results/latest.json)');
    const saved = JSON.parse(await readFile(file, 'utf8')) as SavedRun;
    await writeFile(file.replace(/\.json$/, '.md'), render(saved));
    process.stderr.write(`bench: rendered ${file.replace(/\.json$/, '.md')}\n`);
    return 0;
  }
  const args = parseArgs(argv);
  const log = (line: string) => process.stderr.write(`bench: ${line}\n`);
  if (args.only === 'bulk' || args.only === null) await bulkStep(argv, args, log, machine());
  if (args.only === 'db-hits' || args.only === null) await dbHitsStep({ port: args.port, warm: 3, out: path.join(ROOT, 'bench', 'results', 'db-hits'), progress: log });
  if (args.only === 'cold' || args.only === null) await coldStep(args.port, path.join(ROOT, 'bench', 'results', 'first-request'), log);
  if (args.only === 'bulk' || args.only === 'db-hits' || args.only === 'cold') return 0;
  const about = machine();
  const started = new Date();
  log(`machine: ${about.cpu}, ${about.memory}, load average ${about.loadAverageAtStart}`);

  let overhead: OverheadReport | null = null;
  let relevance: RelevanceReport | null = null;
  let scaling: SizeResult[] | null = null;
  if (args.only !== 'scaling') {
    log(`overhead: saved operations at ${args.concurrency.join(', ')} clients, ${args.durationSeconds} s per cell and side`);
    ({ overhead, relevance } = await overheadStep(args, log));
  }
  if (args.only !== 'overhead') {
    log(`scaling: ${args.sizes.join(', ')} nodes`);
    scaling = await runScaling(
      { sizes: args.sizes, port: args.port, workDir: WORK_DIR, heapMb: args.heapMb, pageCacheMb: 2048, repetitions: args.repetitions },
      log,
    );
  }

  const saved: SavedRun = {
    machine: about,
    started: started.toISOString(),
    command: `npm run bench${process.argv.length > 2 ? ` -- ${process.argv.slice(2).join(' ')}` : ''}`,
    minutes: (Date.now() - started.getTime()) / 60_000,
    loadAverageAtEnd: os.loadavg().map((n) => n.toFixed(2)).join(' '),
    overhead,
    relevance,
    scaling,
  };
  const md = render(saved);
  await mkdir(path.dirname(args.out), { recursive: true });
  await writeFile(`${args.out}.md`, md);
  await writeFile(`${args.out}.json`, `${JSON.stringify({ ...saved, verdicts: verdicts(saved) }, null, 2)}\n`);
  process.stdout.write(`${md}\n`);
  log(`written ${path.relative(ROOT, args.out)}.md and .json`);

  const failures = overhead ? overheadFailures(overhead) : 0;
  if (failures > 0) {
    log(`${failures} failed checks or requests; zero were expected.`);
    return 1;
  }
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  },
);
