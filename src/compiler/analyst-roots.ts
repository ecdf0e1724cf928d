/**
 * Compiled translators of the analyst roots. `lineage`: the subject and its whole SUPERSEDES chain
 * (each link with the relationship to its predecessor) in one statement; the order of the steps
 * is the service's own (`orderLineage`), over the rows. An unknown id or one that is not a plan or
 * a meeting is handed back to the resolver, which reports it. `shortestPath`: both endpoints and the
 * paths (each node projected for the selection, each relationship whole) in one statement; the
 * order, the cut and `truncated` are the service's own (`pathResult`), over the rows. Refused
 * arguments, an endpoint that is missing or an observation, and a path from an entity to itself are
 * handed back to the resolver.
 */
import { getNamedType, type FieldNode, type GraphQLNamedType } from 'graphql';
import type { GraphRelationshipRecord } from '../repositories/analytics-repository.js';
import type { EntityRecord } from '../repositories/records.js';
import { orderLineage, pathArguments, pathResult } from '../services/analytics-service.js';
import { OPENING_DATE_PROPERTIES } from '../domain/vocabulary.js';
import { FALLBACK, type Emit } from './emit.js';
import { projectEntity, reads } from './project.js';
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

/**
 * The entity `v` (null when there is none), projected for the selection on the root's field `name`; when the
 * document does not select that field, only its key (whether it exists is all the answer needs: no labels read).
 */
export function projectEnd(e: Emit, type: GraphQLNamedType, nodes: readonly FieldNode[], v: string, name: string): string {
  const selected = selectionAt(e, type, nodes, [name]).nodes;
  const projected = selected.length === 0 ? `${v} {.\`key\`}` : projectEntity(e, v, e.schema.getType('Entity')!, selected);
  return `CASE WHEN ${v} IS NULL THEN null ELSE ${projected} END`;
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
      // The steps are ordered by their opening dates (orderLineage) and read them and `dissolved` (LineageStep).
      const s = projectEntity(e, 's', entity, subject.nodes);
      const m = projectEntity(e, 'm', entity, step.nodes, [...OPENING_DATE_PROPERTIES, 'dissolved']);
      // Of the SUPERSEDES relationship, only what the steps' fields read (src/resolvers/analytics.ts LineageStep):
      // its ends' keys (the order), `on` for supersededOn, the provenance its selection asks for.
      const stepFields = selectionAt(e, type, nodes, ['steps']);
      const properties = new Set<string>();
      for (const concrete of e.concreteTypes(stepFields.type)) {
        for (const group of e.fieldsOf(concrete, stepFields.nodes)) {
          if (group.name === 'supersededOn') properties.add('on');
          if (group.name === 'provenance') for (const p of reads(e, group, {})) properties.add(p);
        }
      }
      const x = [...[...properties].map((p) => `.\`${p}\``), 'type: type(x)', 'startKey: m.key', 'endKey: previous.key'].join(', ');
      // SUPERSEDES joins Entity nodes only (the loaders): its far ends' labels are not checked.
      return (
        `OPTIONAL MATCH (s:Entity {key: $id}) WHERE s:Plan OR s:Meeting ` +
        `RETURN CASE WHEN s IS NULL THEN null ELSE ${s} END AS subject, ` +
        `CASE WHEN s IS NULL THEN [] ELSE COLLECT { MATCH (s)-[:SUPERSEDES*0..25]-(m) WITH DISTINCT m ` +
        `OPTIONAL MATCH (m)-[x:SUPERSEDES]->(previous) WITH m, x, previous ORDER BY m.key ` +
        `RETURN {node: ${m}, supersedes: x {${x}}} } END AS rows`
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

export const shortestPath: RootTranslator = (args) => {
  const { from, to } = args as { from: string; to: string };
  // Throws for refused arguments: the resolver then reports them in its own words.
  const { maxHops, limit, types } = pathArguments(args as Parameters<typeof pathArguments>[0]);
  if (from === to) throw new Error('a path from an entity to itself: the resolver answers it');
  const fn = args['all'] === true ? 'allShortestPaths' : 'shortestPath';
  return {
    // Cypher takes neither the function nor the hop bound as a parameter: both are in the text.
    variant: `${fn}|${maxHops}`,
    bound: limit + 1,
    params: { from, to, types, pathLimit: limit + 1 },
    build: (e, field, nodes) => {
      const type = getNamedType(field.type);
      const entity = e.schema.getType('Entity')!;
      const end = (v: string, name: string) => projectEnd(e, type, nodes, v, name);
      const step = projectEntity(e, 'n', entity, selectionAt(e, type, nodes, ['paths', 'nodes']).nodes);
      // The ends are not `a` and `b`: the projection of an agreement (agreementClauses) matches those
      // names inside its subqueries, and Neo4j refuses a subquery variable that shadows an outer one.
      return (
        `OPTIONAL MATCH (fromNode:Entity {key: $from}) WHERE NOT fromNode:Observation ` +
        `OPTIONAL MATCH (toNode:Entity {key: $to}) WHERE NOT toNode:Observation ` +
        `RETURN ${end('fromNode', 'from')} AS source, ${end('toNode', 'to')} AS target, ` +
        `CASE WHEN fromNode IS NULL OR toNode IS NULL THEN [] ELSE COLLECT { MATCH p = ${fn}((fromNode)-[*..${maxHops}]-(toNode)) ` +
        `WHERE all(r IN relationships(p) WHERE $types IS NULL OR type(r) IN $types) AND none(x IN nodes(p) WHERE x:Observation) ` +
        `RETURN {nodes: [n IN nodes(p) | ${step}], rels: [r IN relationships(p) | r {.*, type: type(r), startKey: startNode(r).key, endKey: endNode(r).key}]} ` +
        `LIMIT toInteger($pathLimit) } END AS paths`
      );
    },
    columns: ['source', 'target', 'paths'],
    finish: (rows) => {
      const row = rows[0];
      const source = row?.['source'] as EntityRecord | null | undefined;
      const target = row?.['target'] as EntityRecord | null | undefined;
      if (!source || !target) return FALLBACK;
      return pathResult(source, target, maxHops, row!['paths'] as { nodes: EntityRecord[]; rels: GraphRelationshipRecord[] }[], limit);
    },
  };
};
