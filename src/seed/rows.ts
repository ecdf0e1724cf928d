/**
 * The rows the loader writes: a seed record flattened to the properties Neo4j stores, with the content hash
 * that lets a reload skip what did not change.
 */
import { createHash } from 'node:crypto';
import { searchPropertiesOf } from '../domain/search-text.js';
import { AGREEMENT_LIFE, ENTITY_TYPES, lifeOf, type NodeLabel } from '../domain/vocabulary.js';
import type { PropValue, SeedNode, SeedRelationship } from './format.js';

/**
 * The version of what the loader derives from a record (search keys and phrases, life): part of every content
 * hash, so that a change here rewrites every record at the next load instead of leaving the old derivation.
 */
const DERIVED_FORMAT = 2;

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
  return sha256(canonical({ dataset, key, label, extraLabels, name, aliases, props, source, derived: DERIVED_FORMAT }));
}

export function relationshipHash(dataset: string, r: SeedRelationship): string {
  const { key, type, from, to, props, source } = r;
  return sha256(canonical({ dataset, key, type, from, to, props, source, derived: DERIVED_FORMAT }));
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

/** `sourceDate`: the dataset's `source.asOf`, from which an undated record's life is counted (vocabulary `lifeOf`). */
export function nodeRow(dataset: string, n: SeedNode, sourceDate: string | null): NodeRow {
  const { searchText, searchKeys } = searchPropertiesOf(n.name, n.aliases);
  const life = lifeOf(ENTITY_TYPES[n.label as NodeLabel].life, n.props, sourceDate);
  return {
    key: n.key,
    labels: [n.label, ...n.extraLabels],
    props: {
      ...n.props,
      key: n.key,
      name: n.name,
      // None when empty (no property): every reader reads a missing list as empty, and the bulk importer cannot write an empty one.
      aliases: n.aliases.length > 0 ? n.aliases : null,
      // What search reads (src/domain/search-text.ts): the folded phrases of the name and aliases (full-text
      // index entity_search) and their exact keys (entity_search_key). None when empty, as for `aliases`.
      searchText: searchText.length > 0 ? searchText : null,
      searchKeys: searchKeys.length > 0 ? searchKeys : null,
      // Its life as first and last days (`YYYY-MM-DD`), which every "as of" view compares.
      existsFrom: life.from,
      existsUntil: life.until,
      dataset,
      sourceSection: n.source.section,
      sourceQuote: n.source.quote,
      inferred: n.source.reading !== null,
      reading: n.source.reading,
      contentHash: nodeHash(dataset, n),
    },
  };
}

export function relationshipRow(dataset: string, r: SeedRelationship, sourceDate: string | null): RelationshipRow {
  // An agreement's life (the one rule of the vocabulary); other relationships' periods are their own from/until.
  const life = r.type === 'AGREEMENT' ? lifeOf(AGREEMENT_LIFE, r.props, sourceDate) : null;
  return {
    key: r.key,
    type: r.type,
    from: r.from,
    to: r.to,
    props: {
      ...r.props,
      key: r.key,
      ...(life ? { existsFrom: life.from, existsUntil: life.until } : {}),
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
