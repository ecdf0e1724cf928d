/** The `--bulk` side of `npm run seed` (src/seed/cli.ts): the local Neo4j only, with the importer's progress. */
import type { Config } from '../../config.js';
import { LocalNeo4jError } from '../../local-neo4j/local-neo4j.js';
import { SeedValidationError } from '../format.js';
import { SeedLoadError, type LoadSummary } from '../loader.js';
import { bulkLoad } from './bulk-load.js';
import { BulkImportError } from './import-tool.js';

export async function runBulk(config: Config, dir: string, progress: (msg: string) => void, describe: (s: LoadSummary) => string): Promise<number> {
  if (config.neo4j.uri) {
    process.stderr.write(
      'seed --bulk writes the store files of the local Neo4j (the importer runs on the database host with the database stopped), ' +
        'so it needs NEO4J_URI unset: load your own Neo4j with `npm run seed`, without --bulk (docs/operations.md).\n',
    );
    return 1;
  }
  try {
    progress(`bulk load into the local Neo4j's database (${config.localNeo4j.dataDir}); it replaces that database`);
    const { summary, timings, connection } = await bulkLoad(dir, { local: { ...config.localNeo4j, progress }, progress });
    await connection.close();
    const { nodes, relationships } = { nodes: summary.nodes.created, relationships: summary.relationships.created };
    const seconds = timings.writeMs / 1000;
    process.stdout.write(`${describe(summary)}\n`);
    process.stdout.write(
      `  bulk load     ${seconds.toFixed(1)} s: ${Math.round(nodes / seconds)} nodes/s, ${Math.round(relationships / seconds)} relationships/s ` +
        `(CSV ${(timings.csvMs / 1000).toFixed(1)} s, import ${(timings.importMs / 1000).toFixed(1)} s, swap and start ` +
        `${(timings.swapMs / 1000).toFixed(1)} s, indexes ${(timings.schemaMs / 1000).toFixed(1)} s)\n`,
    );
    return 0;
  } catch (error) {
    if (error instanceof SeedValidationError || error instanceof SeedLoadError || error instanceof BulkImportError || error instanceof LocalNeo4jError) {
      process.stderr.write(`${error.message}\n`);
      return 1;
    }
    throw error;
  }
}
