/**
 * The reload race: a changed copy of a dataset (every `name` gets a suffix) and a check that finds an
 * answer mixing names from before and after a reload.
 */
import { cpSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse, stringify } from 'yaml';

export const SUFFIX = ' (rev)';

function rename(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(rename);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, k === 'name' && typeof v === 'string' ? v + SUFFIX : rename(v)]));
  }
  return value;
}

/** A copy of the dataset folder in which every `name` (nodes and relationship properties) ends with SUFFIX. */
export function changedCopy(dir: string): string {
  const out = mkdtempSync(path.join(os.tmpdir(), 'reload-race-'));
  cpSync(dir, out, { recursive: true });
  for (const file of readdirSync(out).filter((f) => f.endsWith('.yaml') && f !== 'dataset.yaml')) {
    const full = path.join(out, file);
    writeFileSync(full, stringify(rename(parse(readFileSync(full, 'utf8')))));
  }
  return out;
}

/** Every `"name":"…"` in a JSON text. */
export function namesIn(json: string): string[] {
  return [...json.matchAll(/"name":"((?:[^"\\]|\\.)*)"/g)].map((m) => m[1]!);
}

/** 'old', 'new', 'mixed', or 'none' (no names at all). */
export function versionOf(names: readonly string[]): 'old' | 'new' | 'mixed' | 'none' {
  if (names.length === 0) return 'none';
  const revised = names.filter((n) => n.endsWith(SUFFIX)).length;
  return revised === 0 ? 'old' : revised === names.length ? 'new' : 'mixed';
}
