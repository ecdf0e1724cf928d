/**
 * Compiled `stateAsOf(date)`: what existed and held on a date, in one statement, by the rules the statements of
 * cypher/analytics/state-… apply too (src/domain/navigation.ts): meetings and agreements by the one "exists as of"
 * rule over the life the loader stored (existsCondition), the administrations, parents and hostings by their own
 * periods (inForceCondition: an unknown end is "still is").
 * The value has the service's shape (`StateAsOfView`: meetings by name, hostings by hosted body,
 * start and host), with each navigation the selection asks for under `__c`. The agreements are
 * sorted here with the service's own comparator (`localeCompare`, which Cypher's ORDER BY is not).
 */
import { getNamedType, type FieldNode, type GraphQLField, type GraphQLNamedType } from 'graphql';
import type { AgreementRecord } from '../repositories/records.js';
import { OPENING_DATE_PROPERTIES } from '../domain/vocabulary.js';
import { existsCondition, inForceCondition } from '../domain/navigation.js';
import { parsePartialDate } from '../services/dates.js';
import { mapLiteral, type Emit } from './emit.js';
import { agreementClauses, agreementReads, MAX_ITEMS, projectAgreement, projectEdge, projectEntity } from './project.js';
import type { RootTranslator } from './roots.js';

/** The date that opens `v`'s life as the source gives it (vocabulary `openingDateOf`). */
const openingDate = (v: string): string => `coalesce(${OPENING_DATE_PROPERTIES.map((p) => `${v}.${p}`).join(', ')})`;

/** The date's first and last days, as the domain's fragments read them (the statements of cypher/analytics/state-… take the same). */
const DAYS = '$stateDays';

/** `v` (an entity or agreement relationship) exists on the date (the domain's existsCondition). */
const exists = (v: string): string => existsCondition(v, DAYS);

/** `r`'s period (`from`, `until`) is in force on the date (the domain's inForceCondition). */
const held = (r: string): string => inForceCondition(r, DAYS);

/** The field groups named `name` that `nodes` select on the object type `type`. */
function groupsOf(e: Emit, type: GraphQLNamedType, nodes: readonly FieldNode[], name: string) {
  return e.concreteTypes(type).flatMap((t) => e.fieldsOf(t, nodes).filter((g) => g.name === name));
}

function build(e: Emit, field: GraphQLField<unknown, unknown>, nodes: readonly FieldNode[]): string {
  const stateType = getNamedType(field.type);
  const meetingGroups = groupsOf(e, stateType, nodes, 'meetings');
  const meetingStateType = e.schema.getType('MeetingState')!;
  const stateNodes = meetingGroups.flatMap((g) => g.nodes);
  const meetingNodes = groupsOf(e, meetingStateType, stateNodes, 'meeting').flatMap((g) => g.nodes);
  const meetingState: [string, string][] = [];
  for (const g of groupsOf(e, meetingStateType, stateNodes, 'administeredBy')) {
    meetingState.push([
      g.key,
      `COLLECT { MATCH (m)-[a:ADMINISTERED_BY]->(o:Entity) WHERE ${held('a')} RETURN ${projectEdge(e, 'a', 'm', 'o', getNamedType(g.def.type), g.nodes)} }`,
    ]);
  }
  for (const g of groupsOf(e, meetingStateType, stateNodes, 'parent')) {
    meetingState.push([g.key, `head(COLLECT { MATCH (m)-[p:PART_OF]->(x:Meeting) WHERE ${held('p')} RETURN ${projectEntity(e, 'x', getNamedType(g.def.type), g.nodes)} })`]);
  }
  const meetingCompiled = meetingState.length > 0 ? `, __c: ${mapLiteral(meetingState)}` : '';
  const meetings =
    `COLLECT { MATCH (m:Meeting) WHERE ${exists('m')} WITH m, ${openingDate('m')} AS since ` +
    `WITH m, since ORDER BY m.name LIMIT toInteger(${MAX_ITEMS}) ` +
    `RETURN {meeting: ${projectEntity(e, 'm', e.schema.getType('Meeting')!, meetingNodes)}, since: since${meetingCompiled}} }`;

  const hostingGroups = groupsOf(e, stateType, nodes, 'hostings');
  const hostingType = hostingGroups[0] ? getNamedType(hostingGroups[0].def.type) : e.schema.getType('HostingEdge')!;
  const hostings =
    `COLLECT { MATCH (host:Entity)-[h:HOSTED]->(body:Entity) WHERE ${held('h')} ` +
    `WITH host, h, body ORDER BY body.key, coalesce(h.from, ''), host.key LIMIT toInteger(${MAX_ITEMS}) ` +
    `RETURN ${projectEdge(e, 'h', 'host', 'body', hostingType, hostingGroups.flatMap((g) => g.nodes))} }`;

  const compiled: [string, string][] = [];
  for (const g of groupsOf(e, stateType, nodes, 'agreements')) {
    compiled.push([
      g.key,
      `COLLECT { MATCH (:Entity)-[r:AGREEMENT]->(:Entity) WHERE ${exists('r')} ` +
        `WITH DISTINCT r.agreementKey AS key LIMIT toInteger(${MAX_ITEMS}) CALL (key) { ${agreementClauses(e, 'key', 'ag', ['enacted', ...agreementReads(e, g.nodes)])} RETURN ag } ` +
        `RETURN ${projectAgreement(e, 'ag', g.nodes, true)} }`,
    ]);
  }
  const c = compiled.length > 0 ? `, __c: ${mapLiteral(compiled)}` : '';
  return `RETURN {date: $stateDate, meetings: ${meetings}, hostings: ${hostings}${c}} AS value`;
}

/** The service's order of agreements: by enactment (undated last), then key. */
const byEnactment = (x: AgreementRecord, y: AgreementRecord): number => `${x.enacted ?? '~'}|${x.key}`.localeCompare(`${y.enacted ?? '~'}|${y.key}`);

export const stateAsOf: RootTranslator = (args) => {
  // A date that does not parse is handed back to the resolver, which reports it.
  const day = parsePartialDate(args['date'] as string, 'date');
  return {
    variant: '',
    bound: 1,
    params: { stateDate: day.value, stateDays: [day.earliest, day.latest] },
    build,
    columns: ['value'],
    finish: (rows) => {
      const value = rows[0]?.['value'] as { __c?: Record<string, AgreementRecord[]> } | undefined;
      for (const list of Object.values(value?.__c ?? {})) list.sort(byEnactment);
      return value ?? null;
    },
  };
};
