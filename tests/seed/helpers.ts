/** Throw-away datasets for the seed tests: their own dataset id and keys, written to a temp folder. */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { stringify } from 'yaml';
import { READ_FENCE } from '../../src/neo4j/consistency.js';
import type { CypherCatalog } from '../../src/neo4j/cypher-catalog.js';
import type { Database } from '../../src/neo4j/database.js';

export const MAIN_DATASET_DIR = fileURLToPath(new URL('../../seeds/japan-customs-2016', import.meta.url));
export const MAIN_DATASET_ID = 'japan-customs-2016';
export const SOURCE_FILE = path.join(MAIN_DATASET_DIR, 'source', '000_14cb3c5dfad2246e.txt');

export type Files = Record<string, unknown>;

/** A unique slug so that throw-away keys never collide with the main dataset or another test run. */
export function uniqueSlug(prefix = 't'): string {
  return `${prefix}${randomBytes(4).toString('hex')}`;
}

/** Writes dataset.yaml (with the given id) plus the given files into a fresh temp folder. */
export function writeDataset(id: string, files: Files): string {
  const dir = mkdtempSync(path.join(tmpdir(), `seed-${id}-`));
  writeFileSync(
    path.join(dir, 'dataset.yaml'),
    stringify({ id, title: `throw-away dataset ${id}`, source: { file: 'none.txt', asOf: '2016-06-07' } }),
  );
  for (const [name, content] of Object.entries(files)) {
    writeFileSync(path.join(dir, name), typeof content === 'string' ? content : stringify(content));
  }
  return dir;
}

/** A small valid dataset: two organisations, a meeting, and two relationships between them. */
export function smallDataset(slug: string) {
  return {
    'organisations.yaml': {
      nodes: [
        { key: `organisation:${slug}-ministry`, label: 'Organisation', name: `Ministry ${slug}`, aliases: ['MX'], props: { kind: 'MINISTRY', established: '2001-01' }, source: { section: 'T.1' } },
        { key: `organisation:${slug}-bureau`, label: 'Organisation', name: `Bureau ${slug}`, props: { kind: 'BUREAU' }, source: { section: 'T.1', quote: 'a bureau' } },
      ],
      relationships: [
        { key: `part-of:${slug}-bureau`, type: 'PART_OF', from: `organisation:${slug}-bureau`, to: `organisation:${slug}-ministry`, source: { section: 'T.1' } },
      ],
    },
    'meetings.yaml': {
      nodes: [
        { key: `meeting:${slug}-council`, label: 'Meeting', name: `Council ${slug}`, props: { kind: 'PROMOTION_MEETING', established: '2008-12' }, source: { section: 'T.2' } },
      ],
      relationships: [
        { key: `member-of:${slug}-ministry`, type: 'MEMBER_OF', from: `organisation:${slug}-ministry`, to: `meeting:${slug}-council`, props: { from: '2009' }, source: { section: 'T.2' } },
      ],
    },
  };
}

/**
 * The dataset versions as every reader's fence read sees them (consistency/read-fence: published on the fence
 * node) and as the (:Dataset) nodes hold them (stats/versions scans them): a load or removal must leave them equal.
 */
export async function fenceAndScannedVersions(db: Database, catalog: CypherCatalog): Promise<{ fence: string; scanned: string; published: boolean }> {
  const [fence] = await db.read(READ_FENCE, {});
  const [scanned] = await db.read(catalog.get('stats/versions'), {});
  const [published] = await db.read("OPTIONAL MATCH (f:LoadFence {id: 'global'}) RETURN f.versions IS NOT NULL AS published", {});
  return { fence: String(fence?.['versions']), scanned: String(scanned?.['versions']), published: published?.['published'] === true };
}
