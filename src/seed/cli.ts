/**
 * `npm run seed [-- path/to/dataset]`: validates a dataset folder and loads it into Neo4j (the configured
 * one, or the local Neo4j when NEO4J_URI is unset). Exits 1 with every problem listed on a bad dataset.
 * `npm run seed -- --bulk [path/to/dataset]`: the local Neo4j's whole database from the offline bulk importer
 * (src/seed/bulk/bulk-load.ts).
 * `npm run seed -- --remove <dataset id>`: removes a loaded dataset, its (:Dataset) node included (src/seed/remove.ts).
 */
import path from 'node:path';
import { loadConfigOrExit } from '../config.js';
import { createLogger } from '../logger.js';
import { connect } from '../runtime.js';
import { SeedValidationError, readDataset } from './format.js';
import { SeedLoadError, loadDataset, type LoadSummary } from './loader.js';
import { runBulk } from './bulk/cli.js';
import { removeDataset } from './remove.js';

function describe(summary: LoadSummary): string {
  const line = (what: string, c: LoadSummary['nodes']) =>
    `  ${what.padEnd(14)} created ${c.created}, updated ${c.updated}, unchanged ${c.unchanged}, removed ${c.removed}`;
  return [`dataset ${summary.dataset}`, line('nodes', summary.nodes), line('relationships', summary.relationships)].join('\n');
}

/** `--remove <id>`: connects, removes the dataset, says what went. */
async function remove(config: ReturnType<typeof loadConfigOrExit>, id: string | undefined): Promise<number> {
  if (!id || id.startsWith('--')) {
    process.stderr.write('usage: npm run seed -- --remove <dataset id>   (the id in the dataset\'s dataset.yaml, e.g. japan-customs-2016)\n');
    return 2;
  }
  const connection = await connect(config, createLogger(config.logLevel));
  try {
    const removed = await removeDataset(connection.db, connection.catalog, id, (msg) => process.stdout.write(`seed: ${msg}\n`));
    process.stdout.write(`dataset ${removed.dataset} removed: ${removed.nodes} nodes, ${removed.relationships} relationships, and its version\n`);
    return 0;
  } catch (error) {
    if (error instanceof SeedLoadError) {
      process.stderr.write(`${error.message}\n`);
      return 1;
    }
    throw error;
  } finally {
    await connection.close();
  }
}

async function main(): Promise<number> {
  const config = loadConfigOrExit();
  const args = process.argv.slice(2);
  const removeAt = args.indexOf('--remove');
  if (removeAt !== -1) return remove(config, args[removeAt + 1]);
  const bulk = args.includes('--bulk');
  const dir = path.resolve(args.find((a) => a !== '--bulk') ?? config.seed.dir);
  const progress = (msg: string) => process.stdout.write(`seed: ${msg}\n`);

  // Validate before connecting: a bad dataset should not wait for a database to start.
  try {
    const dataset = await readDataset(dir);
    progress(`${dir}: ${dataset.nodes.length} nodes, ${dataset.relationships.length} relationships are valid`);
  } catch (error) {
    if (error instanceof SeedValidationError) {
      process.stderr.write(`${error.message}\n`);
      return 1;
    }
    throw error;
  }

  if (bulk) return runBulk(config, dir, progress, describe);
  const logger = createLogger(config.logLevel);
  progress('connecting to Neo4j');
  const connection = await connect(config, logger);
  try {
    progress('loading');
    const summary = await loadDataset(connection.db, connection.catalog, dir, progress);
    process.stdout.write(`${describe(summary)}\n`);
    return 0;
  } catch (error) {
    if (error instanceof SeedValidationError || error instanceof SeedLoadError) {
      process.stderr.write(`${error.message}\n`);
      return 1;
    }
    throw error;
  } finally {
    await connection.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`seed failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  },
);
