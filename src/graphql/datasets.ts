/** What the API says about each dataset's source document, read from the seed folders' dataset.yaml. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import type { DatasetInfo } from './context.js';

export function readDatasetInfo(seedDirs: string[]): Map<string, DatasetInfo> {
  const info = new Map<string, DatasetInfo>();
  const dirs = new Set<string>();
  for (const dir of seedDirs) {
    dirs.add(path.resolve(dir));
    const parent = path.dirname(path.resolve(dir));
    if (existsSync(parent)) {
      for (const sibling of readdirSync(parent, { withFileTypes: true })) {
        if (sibling.isDirectory()) dirs.add(path.join(parent, sibling.name));
      }
    }
  }
  for (const dir of dirs) {
    const file = path.join(dir, 'dataset.yaml');
    if (!existsSync(file)) continue;
    const doc = parse(readFileSync(file, 'utf8')) as { id?: string; title?: string; source?: { asOf?: string } } | null;
    if (doc?.id) info.set(doc.id, { title: doc.title ?? doc.id, asOf: doc.source?.asOf ? String(doc.source.asOf) : null });
  }
  return info;
}
