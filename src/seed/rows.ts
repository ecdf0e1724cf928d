/**
 * The rows the loader writes: a seed record flattened to the properties Neo4j stores, with the content hash
 * that lets a reload skip what did not change.
 */
import { createHash } from 'node:crypto';
import type { PropValue, SeedNode, SeedRelationship } from './format.js';

export const BATCH_SIZE = 2_000;

/** JSON with object keys sorted, so equal content always hashes equally. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** The hash of everything a node stores (not which file it came from: moving a record between files is no change). */
export function nodeHash(dataset: string, n: SeedNode): string {
  const { key, label, extraLabels, name, aliases, props, source } = n;
  return sha256(canonical({ dataset, key, label, extraLabels, name, aliases, props, source }));
}

export function relationshipHash(dataset: string, r: SeedRelationship): string {
  const { key, type, from, to, props, source } = r;
  return sha256(canonical({ dataset, key, type, from, to, props, source }));
}

export interface NodeRow {
  key: string;
  labels: string[];
  props: Record<string, PropValue | null>;
}

export interface RelationshipRow {
  key: string;
  type: string;
  from: string;
  to: string;
  props: Record<string, PropValue | null>;
}

export function nodeRow(dataset: string, n: SeedNode): NodeRow {
  return {
    key: n.key,
    labels: [n.label, ...n.extraLabels],
    props: {
      ...n.props,
      key: n.key,
      name: n.name,
      // None when empty (no property): every reader reads a missing list as empty, and the bulk importer cannot write an empty one.
      aliases: n.aliases.length > 0 ? n.aliases : null,
      // Full-text indexes read string properties only: the aliases are searchable through this one.
      aliasesText: n.aliases.join(' | '),
      dataset,
      sourceSection: n.source.section,
      sourceQuote: n.source.quote,
      inferred: n.source.reading !== null,
      reading: n.source.reading,
      contentHash: nodeHash(dataset, n),
    },
  };
}

export function relationshipRow(dataset: string, r: SeedRelationship): RelationshipRow {
  return {
    key: r.key,
    type: r.type,
    from: r.from,
    to: r.to,
    props: {
      ...r.props,
      key: r.key,
      dataset,
      sourceSection: r.source.section,
      sourceQuote: r.source.quote,
      inferred: r.source.reading !== null,
      reading: r.source.reading,
      contentHash: relationshipHash(dataset, r),
    },
  };
}

export function batches<T>(items: readonly T[], size = BATCH_SIZE): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
