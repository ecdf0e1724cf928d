/** Field resolvers every entity type shares, and small helpers the domain resolvers use. */
import { SEARCHABLE_LABELS } from '../domain/vocabulary.js';
import type { EntityRecord, LinkRecord, ProvenanceRecord, RelationshipRecord } from '../repositories/records.js';
import type { Neighbour } from '../repositories/entity-repository.js';

/** The GraphQL object type of an entity, from its labels. */
export const TYPE_OF_LABEL: Readonly<Record<string, string>> = Object.fromEntries(SEARCHABLE_LABELS.map((l) => [l, l]));

export function typeOf(record: { labels?: string[] }): string | null {
  for (const label of record.labels ?? []) {
    const type = TYPE_OF_LABEL[label];
    if (type) return type;
  }
  return null;
}

export function provenanceOf(record: EntityRecord | RelationshipRecord): ProvenanceRecord {
  return {
    dataset: record.dataset,
    section: record.sourceSection,
    quote: record.sourceQuote ?? null,
    inferred: record['inferred'] === true,
    reading: typeof record['reading'] === 'string' ? record['reading'] : null,
  };
}

export const entityFields = {
  id: (e: EntityRecord) => e.key,
  aliases: (e: EntityRecord) => e.aliases ?? [],
  provenance: (e: EntityRecord) => provenanceOf(e),
};

/** A string property, or null. */
export function str(e: EntityRecord | RelationshipRecord, property: string): string | null {
  const v = e[property];
  return typeof v === 'string' ? v : null;
}

export function num(e: EntityRecord | RelationshipRecord, property: string): number | null {
  const v = e[property];
  return typeof v === 'number' ? v : null;
}

/** A relationship as an edge of the schema, oriented from its start node to its end node. */
export function linkOf(self: string, n: Neighbour, direction: 'out' | 'in'): LinkRecord {
  return direction === 'out' ? { rel: n.rel, fromKey: self, toKey: n.node.key } : { rel: n.rel, fromKey: n.node.key, toKey: self };
}
