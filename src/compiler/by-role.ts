/**
 * Neighbour fields of one entity that differ only in the relationship's `role` (Meeting.chief and
 * Meeting.deputies: both `CHAIRS` from an Office) read with ONE expansion: the relationships of every role
 * asked for, in the fields' shared order, collected once as `{role, node}`, then split by role, each field
 * keeping its own cap (1 for a single node, $maxItems for a list) before its nodes are projected. The answer
 * is the one each field's own `COLLECT` gives (same filter, same order, same cap); Neo4j expands the
 * relationships and reads their order's properties once instead of once per field.
 */
import { getNamedType, type FieldNode, type GraphQLNamedType } from 'graphql';
import type { Emit, FieldGroup } from './emit.js';
import { FIELD_ORDERS, navigationOf, neighbourOrder as commonOrder, roleCondition, stringLiteral, type RelatedField } from '../domain/navigation.js';

type Project = (e: Emit, v: string, type: GraphQLNamedType, nodes: readonly FieldNode[]) => string;

/** The ORDER BY of a neighbour list: the field's own order, then the common neighbour order, on `r` and `m`. */
export function neighbourOrder(spec: RelatedField, r: string, m: string): string {
  return [...(spec.order === undefined ? [] : FIELD_ORDERS[spec.order].keys(r, m)), ...commonOrder(r, m)].join(', ');
}

/** The pattern and the conditions on the neighbour's labels of a neighbour list. */
export function neighbourPattern(spec: RelatedField, v: string, r: string, m: string): { pattern: string; conditions: string[] } {
  const [type, direction] = spec.way;
  // Every node of a typed label is an Entity (the loaders create them so): with labels, `:Entity` is not checked
  // again (one label check per neighbour less); one label goes in the pattern, several are one condition.
  const labels = spec.labels ?? [];
  const node = labels.length === 1 ? `${m}:${labels[0]}` : labels.length === 0 ? `${m}:Entity` : m;
  const pattern = direction === 'out' ? `(${v})-[${r}:${type}]->(${node})` : `(${v})<-[${r}:${type}]-(${node})`;
  return { pattern, conditions: labels.length > 1 ? [`(${labels.map((l) => `${m}:${l}`).join(' OR ')})`] : [] };
}

export interface ByRole {
  /** The expression of each field read together, by its group. */
  fields: Map<FieldGroup, string>;
  /** Wraps the map of the entity's navigation fields in the binding those expressions read. */
  wrap: (map: string) => string;
}

/** The groups of `typeName`'s selection read together by role, or null when no two share an expansion. */
export function neighboursByRole(e: Emit, v: string, typeName: string, groups: readonly FieldGroup[], maxItems: string, project: Project): ByRole | null {
  const buckets = new Map<string, { spec: RelatedField; group: FieldGroup }[]>();
  for (const group of groups) {
    const spec = navigationOf(typeName, group.name);
    if (spec?.kind !== 'related' || spec.role === undefined || spec.asOf || (spec.shape !== 'node' && spec.shape !== 'nodes')) continue;
    const key = JSON.stringify([spec.way, spec.labels, spec.order ?? null]);
    buckets.set(key, [...(buckets.get(key) ?? []), { spec, group }]);
  }
  const together = [...buckets.values()].filter((bucket) => bucket.length > 1);
  if (together.length === 0) return null;
  const fields = new Map<FieldGroup, string>();
  const bindings: [string, string][] = [];
  for (const bucket of together) {
    const spec = bucket[0]!.spec;
    const [c, r, m] = [e.fresh('c'), e.fresh('r'), e.fresh('m')];
    const { pattern, conditions } = neighbourPattern(spec, v, r, m);
    const roles = [...new Set(bucket.map((b) => b.spec.role!))];
    conditions.push(`${r}.role IN [${roles.map(stringLiteral).join(', ')}]`);
    // Each row projected inside the expansion for the field of its role (`p0`, `p1`, … one per field), where the
    // properties the order read are still at hand; a field reads its own entry of the rows of its role.
    const role = e.fresh('role');
    const entries = bucket.map(({ spec: own, group }, i) => `p${i}: CASE WHEN ${role} = ${stringLiteral(own.role!)} THEN ${project(e, m, getNamedType(group.def.type), group.nodes)} END`);
    bindings.push([
      c,
      `COLLECT { MATCH ${pattern} WHERE ${conditions.join(' AND ')} WITH ${r}, ${m}, ${r}.role AS ${role} ORDER BY ${neighbourOrder(spec, r, m)} RETURN {role: ${role}, ${entries.join(', ')}} }`,
    ]);
    bucket.forEach(({ spec: own, group }, i) => {
      const y = e.fresh('y');
      const single = own.shape === 'node';
      const list = `[${y} IN ${c} WHERE ${roleCondition(y, stringLiteral(own.role!))} | ${y}.p${i}][..${single ? '1' : `toInteger(${maxItems})`}]`;
      fields.set(group, single ? `${list}[0]` : list);
    });
  }
  // Each list bound once, as a one-element list comprehension's variable around the fields that read it.
  const wrap = (map: string) => bindings.reduceRight((inner, [c, list]) => `[${c} IN [${list}] | ${inner}][0]`, map);
  return { fields, wrap };
}
