/**
 * Compiled `neighbourhood`: the centre and every ring up to the depth asked, in one statement. Each
 * ring is the repository's own (the `analytics/ring` fragment, as `analytics/expand` reads it) from
 * the entities the previous ring reached first; a ring over `ringRows` rows, or one whose new nodes
 * reach the node limit, ends the expansion, where the service's rules end it too. The rings are then
 * folded by the service's own rules (`NeighbourhoodFold`: distances, the limit, `truncated`, the
 * relationships' directions), so the two paths answer alike. Every node is projected for the
 * selection on `nodes { node }` (the centre also for `centre`), and each relationship carries the
 * `start`/`end` the selection asks for under `__c`. Refused arguments, and a centre that is missing or
 * an observation, are handed back to the resolver, which reports them.
 */
import { getNamedType, type GraphQLNamedType } from 'graphql';
import type { ExpansionRow } from '../repositories/analytics-repository.js';
import type { EntityRecord } from '../repositories/records.js';
import { NEIGHBOURHOOD_BOUNDS, NeighbourhoodFold, neighbourhoodArguments } from '../services/analytics-service.js';
import { FALLBACK, mapLiteral, type Emit } from './emit.js';
import { selectionAt } from './analyst-roots.js';
import { projectEntity } from './project.js';
import type { RootTranslator } from './roots.js';

type Compiled = { __c?: Record<string, unknown> };

/** Takes `start`/`end` off the relationship records (they travel there): by record, for `attachEnds`. */
export function liftEnds(rels: readonly object[]): Map<object, Record<string, unknown>> {
  const ends = new Map<object, Record<string, unknown>>();
  for (const rel of rels as Compiled[]) {
    if (rel.__c) ends.set(rel, rel.__c);
    delete rel.__c;
  }
  return ends;
}

/** Puts them on the views the resolvers read (`{rel, direction}`). */
export function attachEnds(views: readonly { rel: object }[], ends: Map<object, Record<string, unknown>>): void {
  for (const view of views) {
    const c = ends.get(view.rel);
    if (c) (view as Compiled).__c = c;
  }
}

/** The relationship record as analytics/expand returns it, with `start`/`end` under `__c` when selected. */
function relationship(e: Emit, type: GraphQLNamedType, nodes: ReturnType<typeof selectionAt>['nodes']): string {
  const ends: [string, string][] = [];
  for (const concrete of e.concreteTypes(type)) {
    for (const group of e.fieldsOf(concrete, nodes)) {
      if (group.name === 'start' || group.name === 'end') {
        ends.push([group.key, projectEntity(e, group.name === 'start' ? 'nbStart' : 'nbEnd', getNamedType(group.def.type), group.nodes)]);
      }
    }
  }
  return ends.length > 0 ? `nbRel {.*, __c: ${mapLiteral(ends)}}` : 'nbRel';
}

export const neighbourhood: RootTranslator = (args, repos) => {
  // Throws for refused arguments: the resolver then reports them in its own words.
  const { key, depth, limit, types } = neighbourhoodArguments(args as Parameters<typeof neighbourhoodArguments>[0]);
  const ring = repos.analytics.text('analytics/ring');
  return {
    // The rings are written out one by one: the depth is in the text.
    variant: String(depth),
    bound: limit,
    params: { id: key, types, limit: NEIGHBOURHOOD_BOUNDS.ringRows + 1, ringRows: NEIGHBOURHOOD_BOUNDS.ringRows, nodeLimit: limit },
    build: (e, field, nodes) => {
      const type = getNamedType(field.type);
      const entity = e.schema.getType('Entity')!;
      const nodeSelection = selectionAt(e, type, nodes, ['nodes', 'node']).nodes;
      const centre = projectEntity(e, 'c', entity, [...selectionAt(e, type, nodes, ['centre']).nodes, ...nodeSelection]);
      const relSelection = selectionAt(e, type, nodes, ['relationships']);
      const node = projectEntity(e, 'nbNode', entity, nodeSelection);
      const rel = relationship(e, relSelection.type, relSelection.nodes);
      // Ring i from frontier f(i-1); seen(i) is every node reached so far (the centre included).
      let text = `OPTIONAL MATCH (c:Entity {key: $id}) WHERE NOT c:Observation WITH c, CASE WHEN c IS NULL THEN [] ELSE [c.key] END AS f0, CASE WHEN c IS NULL THEN [] ELSE [c.key] END AS seen0 `;
      const carried = ['c'];
      for (let i = 1; i <= depth; i++) {
        text +=
          `CALL (f${i - 1}) { UNWIND f${i - 1} AS key ${ring} ` +
          `WITH n.key AS fromKey, m AS nbNode, r {.*, type: type(r), startKey: startNode(r).key, endKey: endNode(r).key} AS nbRel, startNode(r) AS nbStart, endNode(r) AS nbEnd ` +
          `RETURN collect({fromKey: fromKey, node: ${node}, rel: ${rel}}) AS ring${i} } `;
        carried.push(`ring${i}`);
        if (i < depth) {
          text +=
            `WITH ${carried.join(', ')}, seen${i - 1}, reduce(acc = [], row IN ring${i} | CASE WHEN row.node.key IN acc OR row.node.key IN seen${i - 1} THEN acc ELSE acc + row.node.key END) AS new${i} ` +
            `WITH ${carried.join(', ')}, seen${i - 1} + new${i} AS seen${i}, ` +
            `CASE WHEN size(ring${i}) > $ringRows OR size(seen${i - 1}) + size(new${i}) > $nodeLimit THEN [] ELSE new${i} END AS f${i} `;
        }
      }
      return `${text}RETURN CASE WHEN c IS NULL THEN null ELSE ${centre} END AS centre, [${carried.slice(1).join(', ')}] AS rings`;
    },
    columns: ['centre', 'rings'],
    finish: (rows) => {
      const centre = rows[0]?.['centre'] as EntityRecord | null | undefined;
      if (!centre) return FALLBACK;
      const rings = rows[0]!['rings'] as (ExpansionRow & { rel: Compiled })[][];
      // `start`/`end` travel on the relationship record; they belong on the view the resolvers read.
      const ends = liftEnds(rings.flat().map((row) => row.rel));
      const fold = new NeighbourhoodFold(key, depth, limit);
      for (let i = 0; i < rings.length; i++) if (fold.ring(rings[i]!, i + 1).length === 0) break;
      const result = fold.result(centre);
      attachEnds(result.relationships, ends);
      return result;
    },
  };
};
