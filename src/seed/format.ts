/**
 * The seed dataset format (docs/seed-format.md) and its whole-dataset validation. Nothing is written to
 * the database until every file of a dataset passes: a reviewer gets every problem at once, each as
 * `file › record key › reason`.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { isSeq, LineCounter, parseDocument } from 'yaml';
import { z } from 'zod';

// The vocabulary lives in src/domain/ (every layer shares it); the seed format re-exports it.
import { ENDPOINTS, KEY_PREFIX, type NodeLabel, type RelationshipType } from '../domain/vocabulary.js';
import { datasetFile, NODE_PROPS, nodeRecord, RELATIONSHIP_PROPS, relationshipRecord, seedFile } from './schemas.js';
export { EXTRA_LABELS, KEY_PREFIX, NODE_LABELS, RELATIONSHIP_TYPES, type NodeLabel, type RelationshipType } from '../domain/vocabulary.js';
export { isPartialDate, KEY_PATTERN, NODE_PROPS, RELATIONSHIP_PROPS } from './schemas.js';

export type PropValue = string | number | boolean | string[] | number[];
export type Props = Record<string, PropValue>;

export interface SourceRef {
  section: string;
  quote: string | null;
  /** Why this record is a reading (implied by the source, not stated); null when the source states it. */
  reading: string | null;
}

export interface SeedNode {
  file: string;
  key: string;
  label: NodeLabel;
  extraLabels: string[];
  name: string;
  aliases: string[];
  props: Props;
  source: SourceRef;
}

export interface SeedRelationship {
  file: string;
  key: string;
  type: RelationshipType;
  from: string;
  to: string;
  props: Props;
  source: SourceRef;
}

export interface Dataset {
  id: string;
  title: string;
  source: { file: string; publisher?: string | undefined; asOf?: string | undefined };
  dir: string;
  nodes: SeedNode[];
  relationships: SeedRelationship[];
}

export interface ValidationProblem {
  file: string;
  key: string;
  reason: string;
  /** The line of the record in its file (YAML files). */
  line?: number | undefined;
}

export class SeedValidationError extends Error {
  constructor(
    readonly dir: string,
    readonly problems: ValidationProblem[],
  ) {
    super(
      `invalid seed dataset ${dir} (${problems.length} problem${problems.length === 1 ? '' : 's'}):\n` +
        problems.map((p) => `  - ${p.file} › ${p.key} › ${p.reason}${p.line ? ` (line ${p.line})` : ''}`).join('\n'),
    );
    this.name = 'SeedValidationError';
  }
}

function issues(error: z.ZodError, prefix?: string): string[] {
  return error.issues.map((i) => {
    const where = [...(prefix ? [prefix] : []), ...i.path.map(String)].join('.');
    return where ? `${where}: ${i.message}` : i.message;
  });
}

/** Neo4j stores primitives and homogeneous lists of primitives; nested objects and nulls are refused. */
function propProblem(name: string, value: unknown): string | null {
  if (typeof value === 'string' || typeof value === 'boolean') return null;
  if (typeof value === 'number') return Number.isFinite(value) ? null : `${name}: must be a finite number`;
  if (Array.isArray(value)) {
    const kinds = new Set(value.map((v) => typeof v));
    if (kinds.size > 1) return `${name}: a list must hold one type`;
    const [k] = [...kinds];
    if (k !== undefined && k !== 'string' && k !== 'number') return `${name}: a list may hold only strings or numbers`;
    return null;
  }
  return `${name}: must be a string, number, boolean or list (got ${value === null ? 'null' : typeof value})`;
}

function recordKey(raw: unknown, index: number): string {
  if (raw !== null && typeof raw === 'object' && 'key' in raw && typeof raw.key === 'string' && raw.key !== '') return raw.key;
  return `#${index + 1}`;
}

function checkSpan(props: Props, problems: string[]): void {
  for (const [a, b] of [
    ['from', 'until'],
    ['established', 'dissolved'],
  ] as const) {
    const start = props[a];
    const end = props[b];
    if (typeof start === 'string' && typeof end === 'string' && end < start && !start.startsWith(end)) {
      problems.push(`${b} (${end}) is before ${a} (${start})`);
    }
  }
}

/**
 * Reads and parses one file of a dataset into `parsed` (and the lines of its records into `recordLines`);
 * false when it cannot be parsed, with its problems added. A YAML alias bomb (an alias expanded past the
 * yaml library's limit) is one such problem.
 */
async function readSeedFile(
  dir: string,
  file: string,
  parsed: Map<string, unknown>,
  recordLines: Map<string, Record<string, number[]>>,
  add: (file: string, key: string, reason: string, line?: number) => void,
): Promise<boolean> {
  const content = await readFile(path.join(dir, file), 'utf8');
  if (file.endsWith('.json')) {
    // Generated datasets (bench/synthetic) are JSON: the same shape, parsed many times faster than YAML.
    try {
      parsed.set(file, JSON.parse(content) as unknown);
      return true;
    } catch (error) {
      add(file, '-', `JSON: ${(error as Error).message.slice(0, 200)}`);
      return false;
    }
  }
  const lineCounter = new LineCounter();
  const doc = parseDocument(content, { uniqueKeys: true, lineCounter });
  if (doc.errors.length > 0) {
    for (const e of doc.errors) add(file, '-', `YAML: ${e.message.split('\n')[0]}`, e.linePos?.[0]?.line);
    return false;
  }
  const sections: Record<string, number[]> = {};
  for (const section of ['nodes', 'relationships']) {
    const seq = doc.get(section, true);
    if (isSeq(seq)) sections[section] = seq.items.map((item) => lineCounter.linePos((item as { range?: [number] }).range?.[0] ?? 0).line);
  }
  recordLines.set(file, sections);
  try {
    parsed.set(file, doc.toJS());
  } catch (error) {
    add(file, '-', `YAML: ${(error as Error).message.split('\n')[0]}: an alias may be expanded at most 100 times in a file`);
    return false;
  }
  return true;
}

/** Reads and validates a dataset folder; throws SeedValidationError listing every problem found. */
export async function readDataset(dir: string): Promise<Dataset> {
  const problems: ValidationProblem[] = [];
  // Where each record starts: file → section → line of the i-th record; and record key → line.
  const recordLines = new Map<string, Record<string, number[]>>();
  const lineOfKey = new Map<string, number>();
  const add = (file: string, k: string, reason: string, line = lineOfKey.get(`${file}\u0000${k}`)) => problems.push({ file, key: k, reason, line });
  let unreadable = false;

  let entries: string[];
  try {
    entries = (await readdir(dir)).filter((f) => f.endsWith('.yaml') || f.endsWith('.yml') || f.endsWith('.json')).sort();
  } catch (error) {
    throw new SeedValidationError(dir, [{ file: dir, key: '-', reason: `cannot read folder: ${(error as Error).message}` }]);
  }
  if (!entries.includes('dataset.yaml')) {
    throw new SeedValidationError(dir, [{ file: 'dataset.yaml', key: '-', reason: 'missing: every dataset folder needs a dataset.yaml' }]);
  }

  const parsed = new Map<string, unknown>();
  for (const file of entries) {
    // Whatever a file holds, it is one problem of that file, never a crash with a stack trace.
    try {
      if (!(await readSeedFile(dir, file, parsed, recordLines, add))) unreadable = true;
    } catch (error) {
      add(file, '-', `cannot be read: ${String((error as Error).message ?? error).split('\n')[0]!.slice(0, 200)}`);
      unreadable = true;
    }
  }


  let header: z.output<typeof datasetFile> | undefined;
  const head = datasetFile.safeParse(parsed.get('dataset.yaml'));
  if (head.success) header = head.data;
  else if (parsed.has('dataset.yaml')) for (const m of issues(head.error)) add('dataset.yaml', '-', m);

  const nodes: SeedNode[] = [];
  const relationships: SeedRelationship[] = [];
  const seen = new Map<string, string>(); // key → file where first defined (nodes and relationships share one key space)
  // Every well-formed node record, even one with bad properties, so that its problems do not reappear as
  // "dangling reference" on each relationship that points at it.
  // A record too broken to have a label still has its key: null, so its relationships are not also reported.
  const knownLabels = new Map<string, NodeLabel | null>();

  const claim = (file: string, k: string): boolean => {
    const first = seen.get(k);
    if (first !== undefined) {
      add(file, k, `duplicate key (first defined in ${first})`);
      return false;
    }
    seen.set(k, file);
    return true;
  };

  for (const [file, content] of parsed) {
    if (file === 'dataset.yaml') continue;
    const shape = seedFile.safeParse(content ?? {});
    if (!shape.success) {
      for (const m of issues(shape.error)) add(file, '-', m);
      continue;
    }
    (shape.data.nodes ?? []).forEach((raw, i) => {
      const k = recordKey(raw, i);
      const line = recordLines.get(file)?.['nodes']?.[i];
      if (line !== undefined) lineOfKey.set(`${file}\u0000${k}`, line);
      const r = nodeRecord.safeParse(raw);
      if (!r.success) {
        for (const m of issues(r.error)) add(file, k, m);
        if (!k.startsWith('#') && !knownLabels.has(k)) knownLabels.set(k, null);
        return;
      }
      const rec = r.data;
      const own: string[] = [];
      const prefix = KEY_PREFIX[rec.label];
      if (!rec.key.startsWith(`${prefix}:`)) own.push(`a ${rec.label} key must start with "${prefix}:"`);
      if (rec.extraLabels?.includes('Minister') && rec.label !== 'Office') own.push('extra label Minister is only for Office');
      const props = rec.props ?? {};
      for (const [name, value] of Object.entries(props)) {
        const p = propProblem(name, value);
        if (p) own.push(p);
      }
      const typed = NODE_PROPS[rec.label].safeParse(props);
      if (!typed.success) own.push(...issues(typed.error, 'props'));
      checkSpan(props as Props, own);
      for (const m of own) add(file, rec.key, m);
      if (!claim(file, rec.key)) return;
      knownLabels.set(rec.key, rec.label);
      if (own.length > 0) return;
      nodes.push({
        file,
        key: rec.key,
        label: rec.label,
        extraLabels: [...new Set(rec.extraLabels ?? [])].sort(),
        name: rec.name,
        aliases: rec.aliases ?? [],
        props: props as Props,
        source: { section: rec.source.section, quote: rec.source.quote ?? null, reading: rec.source.reading ?? null },
      });
    });
    (shape.data.relationships ?? []).forEach((raw, i) => {
      const k = recordKey(raw, i);
      const line = recordLines.get(file)?.['relationships']?.[i];
      if (line !== undefined) lineOfKey.set(`${file}\u0000${k}`, line);
      const r = relationshipRecord.safeParse(raw);
      if (!r.success) {
        for (const m of issues(r.error)) add(file, k, m);
        return;
      }
      const rec = r.data;
      const own: string[] = [];
      const props = rec.props ?? {};
      for (const [name, value] of Object.entries(props)) {
        const p = propProblem(name, value);
        if (p) own.push(p);
      }
      const typed = RELATIONSHIP_PROPS[rec.type].safeParse(props);
      if (!typed.success) own.push(...issues(typed.error, 'props'));
      checkSpan(props as Props, own);
      if (rec.from === rec.to) own.push('a relationship may not join a node to itself');
      for (const m of own) add(file, rec.key, m);
      if (!claim(file, rec.key) || own.length > 0) return;
      relationships.push({
        file,
        key: rec.key,
        type: rec.type,
        from: rec.from,
        to: rec.to,
        props: props as Props,
        source: { section: rec.source.section, quote: rec.source.quote ?? null, reading: rec.source.reading ?? null },
      });
    });
  }

  // References and endpoint labels, once every node is known.
  const agreements = new Map<string, SeedRelationship>();
  for (const rel of relationships) {
    const from = knownLabels.get(rel.from);
    const to = knownLabels.get(rel.to);
    // With a file that could not be read, its nodes are unknown: references to them are not errors of their own.
    if (from === undefined && !unreadable) add(rel.file, rel.key, `dangling reference: from "${rel.from}" is not a node of this dataset`);
    if (to === undefined && !unreadable) add(rel.file, rel.key, `dangling reference: to "${rel.to}" is not a node of this dataset`);
    const allowed = ENDPOINTS[rel.type];
    if (from && to && allowed) {
      const ok = allowed.some(([a, b]) => (a === '*' || a === from) && (b === '*' || b === to));
      if (!ok) {
        add(rel.file, rel.key, `${rel.type} may not go from ${from} to ${to} (allowed: ${allowed.map(([a, b]) => `${a}→${b}`).join(', ')})`);
      }
    }
    if (rel.type === 'AGREEMENT') {
      const group = String(rel.props.agreementKey);
      const first = agreements.get(group);
      // Agreement pages read an agreement's place in name or date order from any one of its edges (cypher/agreement/page-unfiltered.cypher).
      if (first && (first.props.kind !== rel.props.kind || first.props.name !== rel.props.name || first.props.enacted !== rel.props.enacted)) {
        add(rel.file, rel.key, `edges of agreement ${group} disagree on kind, name or enactment date (see ${first.key})`);
      }
      if (first && first.from !== rel.from) add(rel.file, rel.key, `edges of agreement ${group} must share their from-side (see ${first.key})`);
      if (!first) agreements.set(group, rel);
    }
  }

  if (problems.length > 0 || !header) {
    if (!header && problems.length === 0) add('dataset.yaml', '-', 'unreadable');
    throw new SeedValidationError(dir, problems);
  }
  return { id: header.id, title: header.title, source: header.source, dir, nodes, relationships };
}
