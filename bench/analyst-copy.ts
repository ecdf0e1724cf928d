/**
 * `npx tsx bench/analyst-copy.ts [--port 7696]`: what keeping the analyst's copy costs (docs/analytics.md, "Where
 * analyst Cypher runs"). Two local Neo4js, the public one on --port and the analyst's on the next port, data in
 * .bench/analyst-copy/; rounds of the copy through Bolt (src/seed/copy.ts) after each kind of load, then the
 * store-file copy at rest (src/seed/analyst-store.ts) and one round after it. For each round: wall time and the
 * CPU seconds each Neo4j process spent (from /proc). Prints a Markdown table; asserts nothing.
 */
import { readFileSync } from 'node:fs';
import { cp, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { loadConfig } from '../src/config.js';
import { startLocalNeo4j, type LocalNeo4j } from '../src/local-neo4j/local-neo4j.js';
import { createLogger } from '../src/logger.js';
import { CypherCatalog } from '../src/neo4j/cypher-catalog.js';
import { createDriver, Database } from '../src/neo4j/database.js';
import { applySchema } from '../src/neo4j/migrate.js';
import { copyStoreToAnalyst } from '../src/seed/analyst-store.js';
import { copyDatasets } from '../src/seed/copy.js';
import { loadDataset } from '../src/seed/loader.js';
import { generateSynthetic, writeSynthetic } from './synthetic/generate.js';

const WORK = '.bench/analyst-copy';
const portArg = process.argv.indexOf('--port');
const PORT = portArg > 0 ? Number(process.argv[portArg + 1]) : 7696;
const dirs = { public: `${WORK}/public`, analyst: `${WORK}/analyst` };

const cpuSeconds = (pid: number): number => {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
};

interface Side {
  neo4j: LocalNeo4j;
  db: Database;
}

async function start(port: number, dataDir: string, heapMb: number): Promise<Side> {
  const neo4j = await startLocalNeo4j({ port, dataDir, startTimeoutMs: 600_000, heapMb, pageCacheMb: 128, progress: () => undefined });
  const settings = { uri: neo4j.uri, username: 'neo4j', password: '', database: 'neo4j', queryTimeoutMs: 120_000 };
  return { neo4j, db: new Database(createDriver(settings), settings, createLogger('silent')) };
}

async function stop(...sides: Side[]): Promise<void> {
  for (const side of sides) {
    await side.db.close();
    await side.neo4j.stop();
  }
}

const rows: string[] = ['| round | wall time | public Neo4j CPU | analyst Neo4j CPU | copied |', '|---|---|---|---|---|'];

async function round(what: string, pub: Side, analyst: Side, catalog: CypherCatalog): Promise<void> {
  const [p0, a0, t0] = [cpuSeconds(pub.neo4j.pid), cpuSeconds(analyst.neo4j.pid), performance.now()];
  const summary = await copyDatasets(pub.db, analyst.db, catalog);
  const seconds = (performance.now() - t0) / 1000;
  const copied = summary.loaded.map((l) => `${l.dataset}: ${l.nodes.created + l.nodes.updated} nodes, ${l.relationships.created + l.relationships.updated} relationships`);
  rows.push(
    `| ${what} | ${seconds.toFixed(1)} s | ${(cpuSeconds(pub.neo4j.pid) - p0).toFixed(2)} s | ${(cpuSeconds(analyst.neo4j.pid) - a0).toFixed(2)} s | ${copied.join('; ') || '—'} |`,
  );
  process.stderr.write(`${rows.at(-1)}\n`);
}

async function main(): Promise<void> {
  await rm(WORK, { recursive: true, force: true });
  const catalog = await CypherCatalog.load();
  let pub = await start(PORT, dirs.public, 1024);
  let analyst = await start(PORT + 1, dirs.analyst, 512);
  try {
    await applySchema(pub.db, catalog);
    await applySchema(analyst.db, catalog);
    await loadDataset(pub.db, catalog, 'seeds/japan-customs-2016');
    await round('the shipped dataset, first copy', pub, analyst, catalog);
    await round('nothing changed (every 2 s)', pub, analyst, catalog);
    const changed = `${WORK}/renamed`;
    await cp('seeds/japan-customs-2016', changed, { recursive: true });
    const meetings = path.join(changed, 'meetings.yaml');
    await writeFile(meetings, (await readFile(meetings, 'utf8')).replace('Promotion of Measures against Firearms', 'Promotion of Measures against Firearms (renamed)'));
    await loadDataset(pub.db, catalog, changed);
    await round('the shipped dataset reloaded with one name changed', pub, analyst, catalog);
    await writeSynthetic(generateSynthetic(10_000), `${WORK}/synthetic-10k`);
    await loadDataset(pub.db, catalog, `${WORK}/synthetic-10k`);
    await round('a synthetic dataset of 10 000 nodes, first copy', pub, analyst, catalog);
  } finally {
    await stop(pub, analyst);
  }
  const config = loadConfig({
    ANALYST_CYPHER_TOKEN: 'bench-analyst-copy-token',
    LOCAL_NEO4J_PORT: String(PORT),
    LOCAL_NEO4J_DATA_DIR: dirs.public,
    LOCAL_ANALYST_NEO4J_PORT: String(PORT + 1),
    LOCAL_ANALYST_NEO4J_DATA_DIR: dirs.analyst,
  });
  const copiedAtRest = await copyStoreToAnalyst(config);
  analyst = await start(PORT + 1, dirs.analyst, 512);
  pub = await start(PORT, dirs.public, 1024);
  try {
    await round('after the store-file copy at rest (both just started)', pub, analyst, catalog);
  } finally {
    await stop(pub, analyst);
  }
  await rm(WORK, { recursive: true, force: true });
  process.stdout.write(`${rows.join('\n')}\n\nstore files: ${copiedAtRest}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
