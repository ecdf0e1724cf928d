/**
 * The analyst's copy made from the store files, while the public local Neo4j's store is at rest: `npm start`
 * does this before it starts that Neo4j, when analyst Cypher runs on its own local Neo4j
 * (src/lifecycle/analyst-database.ts). Whatever was loaded while the API was stopped (`npm run seed`, a bulk
 * load of a million nodes) is in the copy from the first moment, and the copier (src/seed/copy.ts) finds the
 * versions equal and has nothing to send through Bolt. Cost: the copy of the database's store and transaction
 * log folders (about 260 MB for the shipped dataset, most of it the preallocated log; about a second).
 *
 * The store is copied beside the analyst's data folder, then swapped in (src/seed/bulk/store-swap.ts). A store
 * another Neo4j has open (the public one's port, or the analyst one's, answers) is left alone.
 */
import { existsSync } from 'node:fs';
import { cp, mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import type { Config } from '../config.js';
import { isPortInUse } from '../local-neo4j/local-neo4j.js';
import { hasStore, STORE_PARTS, swapStore } from './bulk/store-swap.js';

/** Copies the public local Neo4j's store into the analyst's data folder; says what it did, in words (it never throws). */
export async function copyStoreToAnalyst(config: Config): Promise<string | undefined> {
  try {
    return await copyStore(config);
  } catch (error) {
    return `the analyst's copy was not made from the store files (${error instanceof Error ? error.message : String(error)}); it is copied through Bolt instead`;
  }
}

async function copyStore(config: Config): Promise<string | undefined> {
  const analyst = config.analyst.database;
  if (!config.analyst.token || analyst.kind !== 'local' || config.neo4j.uri) return undefined;
  const source = path.resolve(config.localNeo4j.dataDir);
  const target = path.resolve(analyst.dataDir);
  if (!hasStore(source)) return undefined;
  for (const port of [config.localNeo4j.port, analyst.port]) {
    if (await isPortInUse(port)) return `the store files were not copied: a Neo4j runs on port ${port}`;
  }
  const started = performance.now();
  const staging = `${target}.copy`;
  await rm(staging, { recursive: true, force: true });
  try {
    for (const part of STORE_PARTS) {
      if (existsSync(path.join(source, part))) await cp(path.join(source, part), path.join(staging, 'store', part), { recursive: true });
    }
    await mkdir(target, { recursive: true });
    const swapped = await swapStore(target, path.join(staging, 'store'), path.join(staging, 'previous'));
    await swapped.discard();
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
  return `copied the store files into the analyst's data folder in ${Math.round(performance.now() - started)} ms`;
}
