/**
 * Neo4j's work per saved operation, compiled statement against the floor (`npm run bench:db-hits`, or
 * `npm run bench -- --only db-hits`): a fresh Neo4j with the seed graph (bench/support/neo4j.ts); for every
 * saved operation (operations/*.graphql at its defaults, mapped to its floor statement and parameters by
 * bench/overhead/operations.ts), the statement the compiler emits for it (src/compiler/explain.ts, the
 * same text and parameters the API binds) and the floor's bench/floor/<file>.cypher each run a few times
 * warm, then once under PROFILE. The plan tree's db hits and rows are summed per side, with the root's
 * GlobalMemory (bytes, when Neo4j reports it), and the top operators by db hits. Both sides must return
 * the same ids (bench/overhead/check.ts, `compareIds`). Db hits do not depend on the machine's load, so
 * the table is deterministic for one graph and one Neo4j version.
 *
 * The API runs each compiled statement inside its consistency fence (src/neo4j/consistency.ts): two reads
 * of the LoadFence node (its `until` and the published dataset versions) around the work. The fenced text
 * is profiled too ("as run"), and the verdict (≤ 1.1× the floor, issue 26) is on it: it is what Neo4j does per request.
 *
 * Options: --neo4j-port 7697 --api-port 0 (a free one) --warm 3 --out bench/results/db-hits (writes .md and .json)
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'graphql';
import neo4j, { type Driver, type Integer, type ProfiledPlan } from 'neo4j-driver';
import { OperationCompiler } from '../src/compiler/compiler.js';
import { explainOperation } from '../src/compiler/explain.js';
import { buildSchema } from '../src/graphql/schema.js';
import { fenced } from '../src/neo4j/consistency.js';
import { CypherCatalog } from '../src/neo4j/cypher-catalog.js';
import { createDriver } from '../src/neo4j/database.js';
import { createRepositories } from '../src/repositories/index.js';
import { checkOperation, compareIds } from './overhead/check.js';
import { startApiProcess } from './support/api-process.js';
import { loadBenchOperations, type BenchOperation } from './overhead/operations.js';
import { argument, runIfMain } from './support/cli.js';
import { startBenchNeo4j } from './support/neo4j.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
/** Issue 26: every saved operation's Neo4j work per request within this factor of the floor's. */
export const DB_HITS_TARGET = 1.1;
const TOP_OPERATORS = 3;

export interface Operator {
  operator: string;
  dbHits: number;
  rows: number;
  /** What the operator reads or does (its `Details` argument), shortened. */
  details: string;
}

export interface Profile {
  dbHits: number;
  rows: number;
  /** The plan's GlobalMemory in bytes, or null when Neo4j did not report it. */
  memoryBytes: number | null;
  /** Rows the statement returned. */
  records: number;
  top: Operator[];
}

export interface DbHitsRow {
  operation: string;
  file: string;
  compiled: Profile;
  /** The compiled statement inside its consistency fence, as the API runs it. */
  asRun: Profile;
  floor: Profile;
  /** asRun.dbHits / floor.dbHits: the verdict's number. */
  ratio: number;
  /** compiled.dbHits / floor.dbHits: without the fence reads. */
  ratioUnfenced: number;
  withinTarget: boolean;
  idsMatch: boolean;
  ids: { compiled: number; floor: number; missing: string[]; extra: string[] };
}

function operators(plan: ProfiledPlan, into: Operator[] = []): Operator[] {
  into.push({
    operator: plan.operatorType.replace(/@neo4j$/, ''),
    dbHits: plan.dbHits,
    rows: plan.rows,
    details: String(plan.arguments['Details'] ?? '').replace(/\s+/g, ' ').slice(0, 120),
  });
  for (const child of plan.children) operators(child, into);
  return into;
}

function memoryOf(plan: ProfiledPlan): number | null {
  const raw = plan.arguments['GlobalMemory'] as unknown;
  const n = neo4j.isInt(raw) ? (raw as Integer).toNumber() : Number(raw);
  return raw === undefined || !Number.isFinite(n) ? null : n;
}

/** Runs `cypher` `warm` times, then once under PROFILE; the summed plan and the rows as plain objects. */
async function profile(driver: Driver, database: string, cypher: string, params: Record<string, unknown>, warm: number): Promise<{ profile: Profile; rows: unknown[]; keys: string[] }> {
  const session = driver.session({ database, defaultAccessMode: neo4j.session.READ });
  try {
    for (let i = 0; i < warm; i++) await session.executeRead((tx) => tx.run(cypher, params));
    const { result, keys } = await session.executeRead(async (tx) => {
      const run = tx.run(`PROFILE\n${cypher}`, params);
      return { keys: (await run.keys()).map(String), result: await run };
    });
    const plan = result.summary.profile;
    if (!plan) throw new Error('PROFILE returned no plan');
    const all = operators(plan);
    return {
      profile: {
        dbHits: all.reduce((s, o) => s + o.dbHits, 0),
        rows: all.reduce((s, o) => s + o.rows, 0),
        memoryBytes: memoryOf(plan),
        records: result.records.length,
        top: all.filter((o) => o.dbHits > 0).sort((a, b) => b.dbHits - a.dbHits).slice(0, TOP_OPERATORS),
      },
      rows: result.records.map((r) => r.toObject()),
      keys,
    };
  } finally {
    await session.close();
  }
}

/** The statements the API runs for an operation: one a compiled root field (several run in one transaction). */
function compiledStatements(compiler: OperationCompiler, schema: ReturnType<typeof buildSchema>, repos: ReturnType<typeof createRepositories>, op: BenchOperation) {
  // The API receives no variables and applies the declared defaults; pass only those that have one.
  const variables = Object.fromEntries(Object.entries(op.variables).filter(([, v]) => v !== null));
  const statements = explainOperation(compiler, schema, parse(op.query), variables, repos);
  if (statements.length === 0) throw new Error(`${op.file}: no compiled root field`);
  return statements;
}

/** Summed over several statements: db hits, rows and records add up; memory is the largest; the top operators of all. */
function summed(profiles: Profile[]): Profile {
  const memory = profiles.map((p) => p.memoryBytes).filter((m): m is number => m !== null);
  return {
    dbHits: profiles.reduce((s, p) => s + p.dbHits, 0),
    rows: profiles.reduce((s, p) => s + p.rows, 0),
    memoryBytes: memory.length > 0 ? Math.max(...memory) : null,
    records: profiles.reduce((s, p) => s + p.records, 0),
    top: profiles.flatMap((p) => p.top).sort((a, b) => b.dbHits - a.dbHits).slice(0, TOP_OPERATORS),
  };
}

export async function measureDbHits(driver: Driver, database: string, apiUrl: string, warm: number, progress: (line: string) => void = () => undefined): Promise<DbHitsRow[]> {
  const schema = buildSchema();
  const repos = createRepositories({} as never, await CypherCatalog.load());
  const compiler = new OperationCompiler({} as never, repos);
  const rows: DbHitsRow[] = [];
  for (const op of loadBenchOperations()) {
    const statements = compiledStatements(compiler, schema, repos, op);
    const parts = [];
    for (const statement of statements) parts.push(await profile(driver, database, statement.cypher, statement.params, warm));
    const compiled = { profile: summed(parts.map((p) => p.profile)), rows: parts.flatMap((p) => p.rows) };
    // The first statement wrapped as the compiler wraps it (src/compiler/compiler.ts; its columns are its
    // keys): the difference is the fence pair, paid once per request however many statements run together.
    const first = await profile(driver, database, fenced(statements[0]!.cypher, parts[0]!.keys), statements[0]!.params, warm);
    const asRun = {
      profile: statements.length === 1 ? first.profile : { ...compiled.profile, dbHits: compiled.profile.dbHits + first.profile.dbHits - parts[0]!.profile.dbHits },
    };
    const floor = await profile(driver, database, op.floorCypher, op.floorParams, warm);
    // The answers compared as the overhead bench compares them: the API's GraphQL data against the floor's rows.
    const ids = (await checkOperation(op, { apiUrl, driver, database }, 3)).ids ?? compareIds(null, floor.rows);
    const ratio = asRun.profile.dbHits / floor.profile.dbHits;
    rows.push({
      operation: op.name,
      file: op.file,
      compiled: compiled.profile,
      asRun: asRun.profile,
      floor: floor.profile,
      ratio,
      ratioUnfenced: compiled.profile.dbHits / floor.profile.dbHits,
      withinTarget: ratio <= DB_HITS_TARGET,
      idsMatch: ids.match && ids.api > 0,
      ids: { compiled: ids.api, floor: ids.floor, missing: ids.missing, extra: ids.extra },
    });
    progress(`${op.name}: compiled ${compiled.profile.dbHits} (as run ${asRun.profile.dbHits}), floor ${floor.profile.dbHits}, ×${ratio.toFixed(2)}${ids.match ? '' : ` IDS DIFFER: missing from the floor ${ids.missing.join(',')}; only in the floor ${ids.extra.join(',')}`}`);
  }
  return rows;
}

const fmt = (n: number) => n.toLocaleString('en-US');
const kib = (b: number | null) => (b === null ? '–' : `${(b / 1024).toFixed(0)}`);
const geomean = (xs: number[]) => Math.exp(xs.reduce((s, x) => s + Math.log(x), 0) / Math.max(1, xs.length));

export function dbHitsMarkdown(rows: DbHitsRow[], meta: { neo4j: string; date: string; warm: number }): string {
  const over = rows.filter((r) => !r.withinTarget).sort((a, b) => b.ratio - a.ratio);
  const lines = [
    '# Db hits per saved operation: compiled statement against the floor',
    '',
    `${meta.date}, Neo4j ${meta.neo4j}, the seed graph; each statement run ${meta.warm} times warm, then once under PROFILE (\`npm run bench:db-hits\`).`,
    'Db hits and rows are summed over the plan tree; memory is the plan\'s GlobalMemory. "As run" is the compiled statement inside',
    `its consistency fence (two reads of the LoadFence node), as the API sends it; the verdict is as run / floor ≤ ${DB_HITS_TARGET}.`,
    '',
    '| Operation | Compiled db hits | As run (fenced) | Floor db hits | Ratio (as run) | Ratio (unfenced) | Rows compiled / floor | Memory KiB compiled / floor | Ids | Verdict |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---|---|',
    ...rows.map(
      (r) =>
        `| ${r.operation} | ${fmt(r.compiled.dbHits)} | ${fmt(r.asRun.dbHits)} | ${fmt(r.floor.dbHits)} | ${r.ratio.toFixed(2)} | ${r.ratioUnfenced.toFixed(2)} | ${fmt(r.compiled.rows)} / ${fmt(r.floor.rows)} | ${kib(r.compiled.memoryBytes)} / ${kib(r.floor.memoryBytes)} | ${r.idsMatch ? `same (${r.ids.compiled})` : `DIFFER (−${r.ids.missing.length} +${r.ids.extra.length})`} | ${r.withinTarget ? 'within' : `over by ${((r.ratio / DB_HITS_TARGET - 1) * 100).toFixed(0)}%`} |`,
    ),
    '',
    `Geometric mean of the ratios: ${geomean(rows.map((r) => r.ratio)).toFixed(2)} as run, ${geomean(rows.map((r) => r.ratioUnfenced)).toFixed(2)} unfenced. ` +
      `${rows.length - over.length} of ${rows.length} operations within ${DB_HITS_TARGET}×.`,
    '',
  ];
  if (over.length > 0) lines.push('## Where the extra work is (operations over the target, worst first)', '');
  for (const r of over) {
    const list = (p: Profile) => p.top.map((o) => `${o.operator} ${fmt(o.dbHits)} (${o.details.replace(/\|/g, '\\|') || '–'})`).join('; ');
    lines.push(`- **${r.operation}** ×${r.ratio.toFixed(2)}: compiled (as run) top operators: ${list(r.asRun)}. Floor: ${list(r.floor)}.`);
  }
  return lines.join('\n') + '\n';
}

async function neo4jVersion(driver: Driver, database: string): Promise<string> {
  const r = await driver.executeQuery('CALL dbms.components() YIELD versions RETURN versions[0] AS v', {}, { database });
  return String(r.records[0]?.get('v') ?? 'unknown');
}

/** The whole step: its own Neo4j, the table, the results files. Returns the rows (run.ts's hook). */
export async function dbHitsStep(options: { port: number; apiPort?: number; warm: number; out: string; progress?: (line: string) => void }): Promise<DbHitsRow[]> {
  const progress = options.progress ?? ((line: string) => process.stdout.write(`${line}\n`));
  const bench = await startBenchNeo4j({ port: options.port, dataDir: path.join(ROOT, '.bench', `neo4j-db-hits-${options.port}`), heapMb: 1024, pageCacheMb: 256, progress });
  const driver = createDriver(bench.settings);
  const api = await startApiProcess({ neo4jUri: bench.settings.uri, port: options.apiPort }).catch(async (error: unknown) => {
    await driver.close();
    await bench.stop();
    throw error;
  });
  try {
    // Plans made after the load, on online indexes and fresh statistics: the same plans on every run.
    await driver.executeQuery('CALL db.awaitIndexes(300)', {}, { database: bench.settings.database });
    await driver.executeQuery('CALL db.clearQueryCaches()', {}, { database: bench.settings.database });
    const rows = await measureDbHits(driver, bench.settings.database, api.url, options.warm, progress);
    const meta = { neo4j: await neo4jVersion(driver, bench.settings.database), date: new Date().toISOString().slice(0, 10), warm: options.warm };
    await mkdir(path.dirname(options.out), { recursive: true });
    await writeFile(`${options.out}.json`, JSON.stringify({ ...meta, target: DB_HITS_TARGET, rows }, null, 2) + '\n');
    await writeFile(`${options.out}.md`, dbHitsMarkdown(rows, meta));
    progress(`wrote ${path.relative(ROOT, options.out)}.md and .json`);
    const differ = rows.filter((r) => !r.idsMatch);
    if (differ.length > 0) throw new Error(`the compiled statement and the floor return different ids for ${differ.map((r) => r.operation).join(', ')}`);
    return rows;
  } finally {
    await api.stop();
    await driver.close();
    await bench.stop();
  }
}

runIfMain(import.meta.url, async () => {
  const argv = process.argv.slice(2);
  const port = Number(argument(argv, 'neo4j-port') ?? 7697);
  const warm = Number(argument(argv, 'warm') ?? 3);
  if (!Number.isInteger(port) || port < 1) throw new Error('--neo4j-port: a port number');
  if (!Number.isInteger(warm) || warm < 0) throw new Error('--warm: a whole number of warm runs');
  await dbHitsStep({ port, apiPort: Number(argument(argv, 'api-port') ?? 0), warm, out: path.resolve(argument(argv, 'out') ?? path.join(ROOT, 'bench', 'results', 'db-hits')) });
});
