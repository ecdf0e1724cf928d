/**
 * Compiled translators of the analyst roots. `lineage`: the subject and its whole SUPERSEDES chain
 * (each link with the relationship to its predecessor) in one statement; the order of the steps
 * is the service's own (`orderLineage`), over the rows. An unknown id or one that is not a plan or
 * a meeting is handed back to the resolver, which reports it.
 */
import { getNamedType, type FieldNode, type GraphQLNamedType } from 'graphql';
import type { GraphRelationshipRecord } from '../repositories/analytics-repository.js';
import type { EntityRecord } from '../repositories/records.js';
import { orderLineage } from '../services/analytics-service.js';
import { FALLBACK, type Emit } from './emit.js';
import { projectEntity } from './project.js';
import type { RootTranslator } from './roots.js';

/** The selection under `path` (field names) of `nodes`, merged over every alias. */
export function selectionAt(e: Emit, type: GraphQLNamedType, nodes: readonly FieldNode[], path: readonly string[]): { type: GraphQLNamedType; nodes: FieldNode[] } {
  let current = { type, nodes: [...nodes] };
  for (const name of path) {
    const next: FieldNode[] = [];
    let nextType: GraphQLNamedType | null = null;
    for (const concrete of e.concreteTypes(current.type)) {
      for (const group of e.fieldsOf(concrete, current.nodes)) {
        if (group.name !== name) continue;
        next.push(...group.nodes);
        nextType = getNamedType(group.def.type);
      }
    }
    if (!nextType) return { type: current.type, nodes: [] };
    current = { type: nextType, nodes: next };
  }
  return current;
}

export const lineage: RootTranslator = (args) => {
  const id = args['id'] as string;
  if (id.length > 300) throw new Error('id too long');
  return {
    variant: '',
    bound: 1,
    params: { id },
    build: (e, field, nodes) => {
      const type = getNamedType(field.type);
      const subject = selectionAt(e, type, nodes, ['subject']);
      const step = selectionAt(e, type, nodes, ['steps', 'node']);
      const entity = e.schema.getType('Entity')!;
      const s = projectEntity(e, 's', entity, subject.nodes);
      const m = projectEntity(e, 'm', entity, step.nodes);
      return (
        `OPTIONAL MATCH (s:Entity {key: $id}) WHERE s:Plan OR s:Meeting ` +
        `RETURN CASE WHEN s IS NULL THEN null ELSE ${s} END AS subject, ` +
        `CASE WHEN s IS NULL THEN [] ELSE COLLECT { MATCH (s)-[:SUPERSEDES*0..25]-(m:Entity) WITH DISTINCT m ` +
        `OPTIONAL MATCH (m)-[x:SUPERSEDES]->(previous:Entity) WITH m, x, previous ORDER BY m.key ` +
        `RETURN {node: ${m}, supersedes: x {.*, type: type(x), startKey: m.key, endKey: previous.key}} } END AS rows`
      );
    },
    columns: ['subject', 'rows'],
    finish: (rows) => {
      const subject = rows[0]?.['subject'] as EntityRecord | null | undefined;
      if (!subject) return FALLBACK;
      return orderLineage(subject, rows[0]!['rows'] as { node: EntityRecord; supersedes: GraphRelationshipRecord | null }[]);
    },
  };
};
