/**
 * Compiled `timeline`, `commonMembers` and `commonGround`: the repository's own statement (`analytics/timeline`,
 * `analytics/common-members`, `analytics/common-ground`) inside the compiled one, each row's entities projected for the
 * selection (with the navigation it asks for under `__c`: an event's agreement, a membership's
 * meeting and post, a relationship's start and end), in one statement. The arguments are checked and the rows turned into answers by
 * the service's own functions (`timelineArguments`, `timelineResult`, `commonMembersArguments`), so
 * both paths answer alike. Refused arguments, meetings that are missing or not meetings, and common-ground
 * ends that are missing, observations or the same, are handed back to the resolver, which reports them.
 */
import { getNamedType, type FieldNode, type GraphQLNamedType } from 'graphql';
import type { CommonNeighbourRecord, MembershipRecord, TimelineRow } from '../repositories/analytics-repository.js';
import type { EntityRecord } from '../repositories/records.js';
import { commonGroundArguments, commonGroundResult, commonMembersArguments, LIST_BOUNDS, timelineArguments, timelineResult } from '../services/analytics-service.js';
import { attachEnds, liftEnds } from './neighbourhood-root.js';
import { FALLBACK, mapLiteral, type Emit } from './emit.js';
import { projectEnd, selectionAt } from './analyst-roots.js';
import { agreementClauses, agreementReads, MAX_ITEMS, projectAgreement, projectEntity } from './project.js';
import type { RootTranslator } from './roots.js';

type Compiled = { __c?: Record<string, unknown> };

/** The entity whose key is `keyExpr`, projected for `nodes` (null when there is none). */
function entityByKey(e: Emit, keyExpr: string, type: GraphQLNamedType, nodes: readonly FieldNode[], keep: readonly string[] = []): string {
  const v = e.fresh('x');
  return `head(COLLECT { MATCH (${v}:Entity {key: ${keyExpr}}) RETURN ${projectEntity(e, v, type, nodes, keep)} })`;
}

/** `__c` entries for the fields of `type` that `nodes` select and `entry` compiles (the others stay the resolvers'). */
function compiledFields(e: Emit, type: GraphQLNamedType, nodes: readonly FieldNode[], entry: (name: string, type: GraphQLNamedType, nodes: FieldNode[]) => string | null): string {
  const entries: [string, string][] = [];
  for (const concrete of e.concreteTypes(type)) {
    for (const group of e.fieldsOf(concrete, nodes)) {
      const value = entry(group.name, getNamedType(group.def.type), group.nodes);
      if (value !== null) entries.push([group.key, value]);
    }
  }
  return entries.length > 0 ? mapLiteral(entries) : '';
}

export const timeline: RootTranslator = (args, repos) => {
  // Throws for refused arguments: the resolver then reports them in its own words.
  const { query, limit } = timelineArguments(args);
  const statement = repos.analytics.text('analytics/timeline');
  return {
    variant: '',
    bound: query.limit,
    params: query,
    build: (e, field, nodes) => {
      const type = getNamedType(field.type);
      const events = selectionAt(e, type, nodes, ['events']);
      const entity = e.schema.getType('Entity')!;
      // The description reads the names of the subject and the related entity (describe).
      const subject = entityByKey(e, 'subject.key', entity, selectionAt(e, type, nodes, ['events', 'subject']).nodes, ['name']);
      const related = entityByKey(e, 'related.key', entity, selectionAt(e, type, nodes, ['events', 'related']).nodes, ['name']);
      const c = compiledFields(e, events.type, events.nodes, (name, _, agreementNodes) => {
        if (name !== 'agreement') return null;
        const ag = e.fresh('ag');
        return (
          `CASE WHEN agreementKey IS NULL THEN null ELSE head(COLLECT { CALL (agreementKey) { ${agreementClauses(e, 'agreementKey', ag, agreementReads(e, agreementNodes))} RETURN ${ag} } ` +
          `RETURN ${projectAgreement(e, ag, agreementNodes, true)} }) END`
        );
      });
      return (
        `CALL () { ${statement} } ` +
        `RETURN collect({kind: kind, date: date, subject: ${subject}, related: CASE WHEN related IS NULL THEN null ELSE ${related} END, ` +
        `agreementKey: agreementKey, agreementName: agreementName, provenance: provenance${c ? `, __c: ${c}` : ''}})[..toInteger(${MAX_ITEMS})] AS rows`
      );
    },
    columns: ['rows'],
    finish: (rows) => {
      const found = (rows[0]?.['rows'] as (TimelineRow & Compiled)[] | undefined) ?? [];
      const result = timelineResult(found, limit);
      result.events.forEach((event, i) => {
        if (found[i]!.__c) (event as Compiled).__c = found[i]!.__c;
      });
      return result;
    },
  };
};

export const commonMembers: RootTranslator = (args, repos) => {
  const meetings = commonMembersArguments(args['meetings'] as string[]);
  const statement = repos.analytics.text('analytics/common-members');
  return {
    variant: '',
    bound: LIST_BOUNDS.maxLimit,
    params: { meetings, limit: LIST_BOUNDS.maxLimit },
    build: (e, field, nodes) => {
      const type = getNamedType(field.type);
      const entity = e.schema.getType('Entity')!;
      const member = entityByKey(e, 'node.key', entity, selectionAt(e, type, nodes, ['member']).nodes);
      const memberships = selectionAt(e, type, nodes, ['memberships']);
      const ms = e.fresh('ms');
      const c = compiledFields(e, memberships.type, memberships.nodes, (name, target, selection) => {
        if (name === 'meeting') return entityByKey(e, `${ms}.meeting`, target, selection);
        if (name === 'via') return `CASE WHEN ${ms}.via IS NULL THEN null ELSE ${entityByKey(e, `${ms}.via`, target, selection)} END`;
        return null;
      });
      const projected = c ? `COLLECT { UNWIND memberships AS ${ms} RETURN ${ms} {.*, __c: ${c}} }` : 'memberships';
      return (
        // Every id must be a meeting's; otherwise the resolver reports which one is not.
        `CALL () { UNWIND $meetings AS id OPTIONAL MATCH (meeting:Entity {key: id}) WHERE meeting:Meeting RETURN count(meeting) = size($meetings) AS allMeetings } ` +
        `OPTIONAL CALL () { ${statement} } ` +
        `RETURN allMeetings, collect(CASE WHEN node IS NULL THEN null ELSE {member: ${member}, memberships: ${projected}} END)[..toInteger(${MAX_ITEMS})] AS rows`
      );
    },
    columns: ['allMeetings', 'rows'],
    finish: (rows) => {
      if (rows[0]?.['allMeetings'] !== true) return FALLBACK;
      return rows[0]['rows'] as { member: EntityRecord; memberships: MembershipRecord[] }[];
    },
  };
};

export const commonGround: RootTranslator = (args, repos) => {
  // Throws for refused arguments (and the same id twice): the resolver then reports them in its own words.
  const { limit, types } = commonGroundArguments(args as Parameters<typeof commonGroundArguments>[0]);
  const { a, b } = args as { a: string; b: string };
  if (a === b) throw new Error('the same id twice: the resolver answers it');
  const statement = repos.analytics.text('analytics/common-ground');
  return {
    variant: '',
    bound: limit + 1,
    params: { a, b, types, limit: limit + 1 },
    build: (e, field, nodes) => {
      const type = getNamedType(field.type);
      const entity = e.schema.getType('Entity')!;
      const end = (v: string, name: string) => projectEnd(e, type, nodes, v, name);
      const node = entityByKey(e, 'node.key', entity, selectionAt(e, type, nodes, ['neighbours', 'node']).nodes);
      const via = (name: string) => {
        const selection = selectionAt(e, type, nodes, ['neighbours', name]);
        const x = e.fresh('x');
        const c = compiledFields(e, selection.type, selection.nodes, (f, target, s) => (f === 'start' || f === 'end' ? entityByKey(e, `${x}.${f}Key`, target, s) : null));
        return c ? `COLLECT { UNWIND ${name} AS ${x} RETURN ${x} {.*, __c: ${c}} }` : name;
      };
      return (
        `OPTIONAL MATCH (endA:Entity {key: $a}) WHERE NOT endA:Observation OPTIONAL MATCH (endB:Entity {key: $b}) WHERE NOT endB:Observation ` +
        `OPTIONAL CALL () { ${statement} } ` +
        `WITH endA, endB, collect(CASE WHEN node IS NULL THEN null ELSE {node: ${node}, viaA: ${via('viaA')}, viaB: ${via('viaB')}} END)[..toInteger(${MAX_ITEMS})] AS rows ` +
        `RETURN ${end('endA', 'a')} AS a, ${end('endB', 'b')} AS b, rows`
      );
    },
    columns: ['a', 'b', 'rows'],
    finish: (rows) => {
      const row = rows[0];
      const endA = row?.['a'] as EntityRecord | null | undefined;
      const endB = row?.['b'] as EntityRecord | null | undefined;
      if (!endA || !endB) return FALLBACK;
      const found = row!['rows'] as CommonNeighbourRecord[];
      const ends = liftEnds(found.flatMap((r) => [...r.viaA, ...r.viaB]));
      const result = commonGroundResult(endA, endB, found, limit);
      attachEnds(result.neighbours.flatMap((n) => [...n.viaA, ...n.viaB]), ends);
      return result;
    },
  };
};
