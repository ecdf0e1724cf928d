/**
 * The bulk importer's input: the loader's own rows (same properties, provenance and content hashes as a
 * transactional load, src/seed/loader.ts) written as CSV node and relationship files with csv-stringify.
 *
 * The importer gives each column one type for a whole file, so rows are grouped by their property signature
 * (every non-null property's name and type) and each group gets its own file with its own header. Types follow
 * what the transactional load stores: the driver sends a JavaScript number as a float, so numbers are `double`;
 * a null property is left out (an empty, unquoted field), an empty string is kept (a quoted empty field).
 */
import { createWriteStream } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { finished } from 'node:stream/promises';
import { stringify } from 'csv-stringify/sync';
import type { NodeRow, RelationshipRow } from '../rows.js';
import { SeedLoadError } from '../loader.js';

/** Separates array elements and labels in a field (`--array-delimiter`): a character no seed text uses. */
export const ARRAY_DELIMITER = '\u001f';
export const ARRAY_DELIMITER_OPTION = 'U+001F';

type Value = string | number | boolean | string[] | number[] | null | undefined;
type ColumnType = 'string' | 'double' | 'boolean' | 'string[]' | 'double[]';

export interface ImportFiles {
  nodes: string[];
  relationships: string[];
  /** Some value holds a line break: the importer must be told (it is slower then). */
  multiline: boolean;
  /**
   * Empty lists, which a CSV field cannot carry (an empty field is no property): set after the import
   * (src/seed/bulk/after-import.ts).
   */
  emptyLists: {
    nodes: { key: string; props: Record<string, never[]> }[];
    relationships: { key: string; from: string; props: Record<string, never[]> }[];
  };
}

function emptyListsOf(props: Record<string, Value>): Record<string, never[]> | null {
  let empty: Record<string, never[]> | null = null;
  for (const p in props) {
    const v = props[p];
    if (Array.isArray(v) && v.length === 0) (empty ??= {})[p] = [];
  }
  return empty;
}

function columnType(value: Value, property: string, key: string): ColumnType | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return 'string';
  if (typeof value === 'number') return 'double';
  if (typeof value === 'boolean') return 'boolean';
  if (Array.isArray(value)) {
    // An empty list is stored as one by the transactional load; a typed empty array reads back the same.
    if (value.every((v) => typeof v === 'number') && value.length > 0) return 'double[]';
    if (value.every((v) => typeof v === 'string')) return 'string[]';
  }
  throw new SeedLoadError(`${key}: property ${property} has a value the bulk importer cannot write (${JSON.stringify(value)}); load without --bulk.`);
}

/** Writes one value as a field; reports line breaks and refuses the array delimiter inside text. */
function field(value: Value, key: string, seen: { multiline: boolean }): string | null {
  // An empty list has no CSV form (it is set after the import); null and an empty list are both an empty field.
  if (value === null || value === undefined) return null;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value) && value.length === 0) return null;
  const text = Array.isArray(value) ? value.map(String).join(ARRAY_DELIMITER) : value;
  if (text.includes(ARRAY_DELIMITER) && (!Array.isArray(value) || value.some((v) => String(v).includes(ARRAY_DELIMITER)))) {
    throw new SeedLoadError(`${key}: a value holds the character U+001F, which the bulk import uses to separate list items; load without --bulk.`);
  }
  if (!seen.multiline && (text.includes('\n') || text.includes('\r'))) seen.multiline = true;
  return text;
}

type Record_ = { key: string; props: Record<string, Value> };

interface Group<R extends Record_> {
  header: string[];
  properties: string[];
  members: R[];
}

/**
 * Groups rows by property signature, keeping references only (the fields are made while writing, a chunk at a
 * time). The signature of a row's properties in their own order is looked up first, so the sorted one is built
 * once per shape, not once per row.
 */
function group<R extends Record_>(rows: readonly R[], fixedHeader: readonly string[], skip: ReadonlySet<string>): Group<R>[] {
  const bySignature = new Map<string, Group<R>>();
  const byShape = new Map<string, Group<R>>();
  for (const row of rows) {
    let shape = '';
    for (const p in row.props) {
      const v = row.props[p];
      if (v === null || v === undefined || skip.has(p)) continue;
      shape += `${p}\u0000${Array.isArray(v) ? `[${v.length === 0 ? 'e' : typeof v[0]}` : typeof v},`;
    }
    let g = byShape.get(shape);
    if (!g) {
      const typed = Object.keys(row.props)
        .filter((p) => !skip.has(p))
        .sort()
        .map((p) => [p, columnType(row.props[p], p, row.key)] as const)
        .filter((c): c is readonly [string, ColumnType] => c[1] !== null);
      const signature = typed.map(([p, t]) => `${p}:${t}`).join(',');
      g = bySignature.get(signature);
      if (!g) {
        g = { header: [...fixedHeader, ...typed.map(([p, t]) => `${p}:${t}`)], properties: typed.map(([p]) => p), members: [] };
        bySignature.set(signature, g);
      }
      byShape.set(shape, g);
    } else {
      // Same shape, so the same column types, unless a list mixes types: checked on the row's own values.
      for (const p of g.properties) if (Array.isArray(row.props[p])) columnType(row.props[p], p, row.key);
    }
    g.members.push(row);
  }
  return [...bySignature.values()];
}

/** Rows per csv-stringify call: its synchronous API over a chunk is several times faster than a stream event per row. */
const CHUNK = 20_000;

async function writeCsv<R extends Record_>(file: string, g: Group<R>, fixed: (row: R) => (string | null)[], seen: { multiline: boolean }): Promise<void> {
  // quoted_empty: an empty string stays a (quoted) empty string; null is an empty field, which the importer skips.
  const out = createWriteStream(file);
  const write = (text: string) => (out.write(text) ? Promise.resolve() : new Promise<void>((r) => out.once('drain', () => r())));
  try {
    await write(stringify([g.header]));
    const { properties } = g;
    for (let i = 0; i < g.members.length; i += CHUNK) {
      const chunk = g.members.slice(i, i + CHUNK).map((row) => {
        const fields = fixed(row);
        for (const p of properties) fields.push(field(row.props[p], row.key, seen));
        return fields;
      });
      await write(stringify(chunk, { quoted_empty: true }));
    }
  } catch (error) {
    // A refused value: close the file before reporting, so nothing is left open or failing later.
    out.on('error', () => undefined);
    out.destroy();
    await finished(out).catch(() => undefined);
    throw error;
  }
  out.end();
  await finished(out);
}

/** Writes the node and relationship files into `dir` (created); returns their paths for the importer. */
export async function writeImportFiles(dir: string, nodeRows: readonly NodeRow[], relRows: readonly RelationshipRow[]): Promise<ImportFiles> {
  await mkdir(dir, { recursive: true });
  const seen = { multiline: false };
  // The key is the importer's node id (`key:ID` also stores it as the `key` property, a string).
  const nodeGroups = group(nodeRows, ['key:ID', ':LABEL'], new Set(['key']));
  const nodeFixed = (r: NodeRow) => [r.key, field(['Entity', ...r.labels], r.key, seen)];
  const relGroups = group(relRows, [':START_ID', ':END_ID', ':TYPE'], new Set());
  const relFixed = (r: RelationshipRow) => [r.from, r.to, r.type];
  const emptyLists: ImportFiles['emptyLists'] = { nodes: [], relationships: [] };
  for (const r of nodeRows) {
    const props = emptyListsOf(r.props);
    if (props) emptyLists.nodes.push({ key: r.key, props });
  }
  for (const r of relRows) {
    const props = emptyListsOf(r.props);
    if (props) emptyLists.relationships.push({ key: r.key, from: r.from, props });
  }
  const files: ImportFiles = { nodes: [], relationships: [], multiline: false, emptyLists };
  for (const [i, g] of nodeGroups.entries()) {
    const file = path.join(dir, `nodes-${i + 1}.csv`);
    await writeCsv(file, g, nodeFixed, seen);
    files.nodes.push(file);
  }
  for (const [i, g] of relGroups.entries()) {
    const file = path.join(dir, `relationships-${i + 1}.csv`);
    await writeCsv(file, g, relFixed, seen);
    files.relationships.push(file);
  }
  files.multiline = seen.multiline;
  return files;
}
