/**
 * The version of a loaded dataset: the content hash of every record it holds (the sorted per-record
 * `contentHash`es, hashed once more). The loader writes it last, as `(:Dataset {id, version, loadedAt})`,
 * so a reader that sees a new version sees the whole load; HTTP caching derives its ETags from it.
 */
import { createHash } from 'node:crypto';

export const DATASET_VERSION_STATEMENT = 'seed/dataset-version';

/** The dataset's version from the content hashes of its nodes and relationships (order does not matter). */
export function datasetVersion(contentHashes: readonly string[]): string {
  const hash = createHash('sha256');
  for (const h of [...contentHashes].sort()) hash.update(h).update('\n');
  return `sha256:${hash.digest('hex')}`;
}

/** The parameters of `seed/dataset-version` for a load of `id` whose records have these content hashes. */
export function datasetVersionParams(id: string, contentHashes: readonly string[]): { id: string; version: string; loadedAt: string } {
  return { id, version: datasetVersion(contentHashes), loadedAt: new Date().toISOString() };
}
