/**
 * Projections: the Cypher expression that turns a node, a relationship or an agreement into the
 * record the resolvers already read (`n {.*, labels: labels(n)}`, `{rel, fromKey, toKey}`, the
 * agreement record), plus `__c`: the navigation fields the selection asks for, by response key,
 * computed in the same statement, each from its declaration (src/domain/navigation.ts). Scalar fields
 * keep their (pure) resolvers; navigation fields read `__c` (see compiler.ts), so the whole tree costs
 * one statement.
 */
import { getNamedType, isObjectType, type FieldNode, type GraphQLNamedType } from 'graphql';
import { Emit, mapLiteral, NotCompilable, type FieldGroup } from './emit.js';
import { neighbourOrder, neighbourPattern, neighboursByRole } from './by-role.js';
import { tryParsePartialDate } from '../services/dates.js';
import { SEARCHABLE_LABELS } from '../domain/vocabulary.js';
import { agreementAssembly } from '../domain/agreements.js';
import {
  baseYearOf,
  computedIndexOf,
  existsCondition,
  FIELD_ORDERS,
  inForceCondition,
  navigationOf,
  neighbourOrder as commonOrder,
  ofKinds,
  roleCondition,
  stringLiteral,
  type ObservationsField,
  type PartyAgreementsField,
  type RelatedField,
} from '../domain/navigation.js';

/** The parameter that caps every list the statement reads (the compiler's maxResultItems). */
export const MAX_ITEMS = '$maxItems';

/** The object types that are entities (the rest of Node is Agreement). */
export const ENTITY_TYPES = SEARCHABLE_LABELS;

/** The entries of the agreement record (cypher/agreement/record.cypher), by name, parsed once per text. */
const recordEntries = new Map<string, [string, string][]>();
function entriesOf(record: string): [string, string][] {
  let entries = recordEntries.get(record);
  if (entries) return entries;
  entries = [];
  const body = record.trim().slice(1, -1);
  let depth = 0;
  let start = 0;
  for (let i = 0; i <= body.length; i++) {
    const c = body[i];
    if (c === '(' || c === '[' || c === '{') depth++;
    else if (c === ')' || c === ']' || c === '}') depth--;
    else if (i === body.length || (c === ',' && depth === 0)) {
      const part = body.slice(start, i);
      const colon = part.indexOf(':');
      entries.push([part.slice(0, colon).trim(), part.slice(colon + 1).trim()]);
      start = i + 1;
    }
  }
  recordEntries.set(record, entries);
  return entries;
}

/**
 * Cypher clauses that build the agreement `key` (one row, `as`, or none) with the one assembly
 * (src/domain/agreements.ts) and record (cypher/agreement/record.cypher) of the statements of cypher/agreement/.
 * Only the record's entries in `reads` (and `key`) are read; `partyKeys` is always an entry (it marks the record as
 * an agreement: Node's type resolution), null unless read, and the parties' keys are only read when it is (their
 * nodes when the selection projects parties).
 */
export function agreementClauses(e: Emit, keyExpr: string, as: string, reads: Iterable<string>): string {
  const wanted = new Set(['key', ...reads]);
  const nodes = wanted.has(PARTY_NODES);
  const keys = nodes || wanted.has('partyKeys');
  const record = entriesOf(e.shared.agreementRecord)
    .filter(([name]) => wanted.has(name) || name === 'partyKeys')
    .map(([name, expr]) => `${name}: ${name === 'partyKeys' && !keys ? 'null' : expr}`);
  if (nodes) record.push(`${PARTY_NODES}: fromNodes + toNodes`);
  const assembly = keys ? agreementAssembly(nodes ? 'nodes' : 'keys', { rels: e.fresh('rels'), x: e.fresh('x'), ks: e.fresh('ks'), p: e.fresh('p') }) : agreementAssembly('first');
  return `WITH ${keyExpr} AS key ${assembly} WITH {${record.join(', ')}} AS ${as}`;
}

/**
 * The record entry (built by agreementClauses, never returned: projectAgreement blanks it) that holds the parties'
 * nodes, the Japanese side first, when the selection asks for parties or partners.
 */
const PARTY_NODES = '__parties';

/** The agreement record's entries an Agreement field's resolver reads, where they are not just the field's own name. */
const AGREEMENT_READS: Readonly<Record<string, readonly string[]>> = {
  id: ['key'],
  multilateral: ['partyKeys'],
  inForce: ['existsFrom', 'existsUntil'],
};

/** The stored property each Provenance field reads (src/resolvers/shared.ts `provenanceOf`; the document's title and date come from the dataset). */
const PROVENANCE_READS: Readonly<Record<string, string>> = {
  dataset: 'dataset',
  documentTitle: 'dataset',
  documentAsOf: 'dataset',
  section: 'sourceSection',
  quote: 'sourceQuote',
  inferred: 'inferred',
  reading: 'reading',
};

/** The record properties (or agreement entries) a scalar field reads: `provenance` only those its selection asks for. */
export function reads(e: Emit, group: FieldGroup, table: Readonly<Record<string, readonly string[]>>): readonly string[] {
  if (group.name !== 'provenance') return table[group.name] ?? [group.name];
  const provenance = getNamedType(group.def.type);
  return e.concreteTypes(provenance).flatMap((t) => e.fieldsOf(t, group.nodes).map((g) => PROVENANCE_READS[g.name] ?? 'dataset'));
}

/** The agreement record's entries the selection `nodes` reads (on Agreement, through any fragment). */
export function agreementReads(e: Emit, nodes: readonly FieldNode[]): string[] {
  const entries = new Set<string>();
  const agreement = e.schema.getType('Agreement')!;
  for (const concrete of e.concreteTypes(agreement)) {
    for (const group of e.fieldsOf(concrete, nodes)) {
      if (navigationOf(concrete.name, group.name)?.kind === 'agreementParties') entries.add('partyKeys').add(PARTY_NODES);
      else for (const entry of reads(e, group, AGREEMENT_READS)) entries.add(entry);
    }
  }
  return [...entries];
}

/**
 * The record properties a scalar field's resolver reads, where they are not just the field's own name
 * (src/resolvers/: `id` reads `key`, `measure` its measure and name, …; `provenance`: PROVENANCE_READS). `key` is
 * always projected: navigation that falls back to the resolvers loads by key. `labels` are projected where the
 * type of the entity comes from them (an interface or union: src/resolvers/shared.ts `typeOf`) or a field in
 * LABEL_READS reads them; an object type's position needs none (one label read per entity less).
 */
const PROPERTY_READS: Readonly<Record<string, readonly string[]>> = {
  id: ['key'],
  isMinister: [],
  measure: ['measure', 'name'],
};

/** The scalar fields whose resolver reads the entity's labels (Office.isMinister: the Minister label). */
const LABEL_READS: ReadonlySet<string> = new Set(['isMinister']);

/**
 * The entity `v` (any entity type `type` allows) with the navigation its selection asks for. Only the
 * properties the selection's scalar fields read are projected, plus `keep` (what other code reads besides the
 * entity's own fields, such as a lineage step's dates).
 */
export function projectEntity(e: Emit, v: string, type: GraphQLNamedType, nodes: readonly FieldNode[], keep: readonly string[] = []): string {
  const branches: [string, string][] = [];
  const properties = new Set<string>(['key', ...keep]);
  let labels = !isObjectType(type);
  for (const concrete of e.concreteTypes(type)) {
    if (concrete.name === 'Agreement') continue;
    const entries: [string, string][] = [];
    const groups = e.fieldsOf(concrete, nodes);
    const byRole = neighboursByRole(e, v, concrete.name, groups, MAX_ITEMS, projectEntity);
    for (const group of groups) {
      const expr = byRole?.fields.get(group) ?? navigation(e, v, concrete.name, group);
      if (expr !== null) entries.push([group.key, expr]);
      else for (const property of reads(e, group, PROPERTY_READS)) properties.add(property);
      if (LABEL_READS.has(group.name)) labels = true;
    }
    if (entries.length > 0) branches.push([concrete.name, byRole ? byRole.wrap(mapLiteral(entries)) : mapLiteral(entries)]);
  }
  const base = `${[...properties].map((p) => `.\`${p}\``).join(', ')}${labels ? `, labels: labels(${v})` : ''}`;
  if (branches.length === 0) return `${v} {${base}}`;
  if (branches.length === 1 && e.concreteTypes(type).length === 1) return `${v} {${base}, __c: ${branches[0]![1]}}`;
  // Several types (an interface or union: labels are projected): each branch tests its label. Not the labels bound
  // once (`[l IN [labels(v)] | v {…}][0]`): three such levels nested (agreements › parties › agreements › …) made
  // Neo4j 5.26 fail in both runtimes, "Cannot invoke VirtualNodeValue.id() because value is null" (ExecutionFailed).
  const cases = branches.map(([label, map]) => `WHEN ${v}:\`${label}\` THEN ${map}`).join(' ');
  return `${v} {${base}, __c: CASE ${cases} ELSE {} END}`;
}

/**
 * The agreement record `a` (a map) with its parties or partners when the selection asks for them: from the
 * parties' nodes the record holds when agreementClauses built it (`partyNodes`), else by their keys.
 */
export function projectAgreement(e: Emit, a: string, nodes: readonly FieldNode[], partyNodes: boolean): string {
  const agreement = e.schema.getType('Agreement')!;
  const entries: [string, string][] = [];
  for (const concrete of e.concreteTypes(agreement)) {
    for (const group of e.fieldsOf(concrete, nodes)) {
      const declared = navigationOf(concrete.name, group.name);
      if (declared?.kind !== 'agreementParties') continue;
      const p = e.fresh('p');
      const slice = declared.parties === 'all' ? '' : '[1..]';
      const target = getNamedType(group.def.type);
      if (partyNodes) {
        entries.push([group.key, `COLLECT { UNWIND ${a}.${PARTY_NODES}${slice} AS ${p} RETURN ${projectEntity(e, p, target, group.nodes)} }`]);
      } else {
        const k = e.fresh('k');
        entries.push([group.key, `COLLECT { UNWIND ${a}.partyKeys${slice} AS ${k} MATCH (${p}:Entity {key: ${k}}) RETURN ${projectEntity(e, p, target, group.nodes)} }`]);
      }
    }
  }
  if (entries.length === 0) return a;
  return `${a} {.*, ${partyNodes ? `${PARTY_NODES}: null, ` : ''}__c: ${mapLiteral(entries)}}`;
}

/** A relationship `r` from `from` to `to` as an edge object (ChairEdge, …) of type `edgeType`. */
export function projectEdge(e: Emit, r: string, from: string, to: string, edgeType: GraphQLNamedType, nodes: readonly FieldNode[]): string {
  const entries: [string, string][] = [];
  const properties = new Set<string>();
  for (const concrete of e.concreteTypes(edgeType)) {
    for (const group of e.fieldsOf(concrete, nodes)) {
      const declared = navigationOf(concrete.name, group.name);
      if (declared?.kind === 'edgeEnd') entries.push([group.key, projectEntity(e, declared.end === 'from' ? from : to, getNamedType(group.def.type), group.nodes)]);
      else for (const property of reads(e, group, PROPERTY_READS)) properties.add(property);
    }
  }
  const c = entries.length === 0 ? '' : `, __c: ${mapLiteral(entries)}`;
  // Only the relationship's properties the edge's scalar fields read (`role`, `from`, the provenance, …).
  const rel = [...[...properties].map((p) => `.\`${p}\``), `type: type(${r})`].join(', ');
  // No `fromKey`/`toKey`: only an end's own resolver reads them (src/resolvers/related.ts, `edgeEnd`), and every
  // selected end is projected under `__c` above, so it never runs (two property reads per edge less).
  return `{rel: ${r} {${rel}}${c}}`;
}

/** The Cypher of one navigation field of `v` (of type `typeName`), or null for a field that needs none. */
function navigation(e: Emit, v: string, typeName: string, group: FieldGroup): string | null {
  const declared = navigationOf(typeName, group.name);
  switch (declared?.kind) {
    case 'related':
      return neighbours(e, v, declared, group);
    case 'observations':
      return observations(e, v, declared, group);
    case 'partyAgreements':
      return partyAgreements(e, v, declared, group);
    case 'edgeEnd':
    case 'agreementParties':
      throw new NotCompilable(`${typeName}.${group.name} is read on an edge or an agreement, not an entity`);
    case undefined:
      return null;
  }
}

function neighbours(e: Emit, v: string, spec: RelatedField, group: FieldGroup): string {
  const r = e.fresh('r');
  const m = e.fresh('m');
  const direction = spec.way[1];
  const { pattern, conditions } = neighbourPattern(spec, v, r, m);
  if (spec.role) conditions.push(roleCondition(r, stringLiteral(spec.role)));
  if (spec.asOf) {
    const bounds = e.argument(group, 'asOf', (value) => {
      const day = typeof value === 'string' ? tryParsePartialDate(value) : null;
      return day ? [day.earliest, day.latest] : null;
    });
    conditions.push(`(${bounds} IS NULL OR ${inForceCondition(r, bounds)})`);
  }
  const order = neighbourOrder(spec, r, m);
  const target = getNamedType(group.def.type);
  const single = spec.shape === 'node' || spec.shape === 'edge';
  const isEdge = spec.shape === 'edge' || spec.shape === 'edges';
  const projection = isEdge
    ? direction === 'out'
      ? projectEdge(e, r, v, m, target, group.nodes)
      : projectEdge(e, r, m, v, target, group.nodes)
    : projectEntity(e, m, target, group.nodes);
  const where = conditions.length > 0 ? ` WHERE ${conditions.join(' AND ')}` : '';
  const limit = single ? '1' : `toInteger(${MAX_ITEMS})`;
  const list = `COLLECT { MATCH ${pattern}${where} WITH ${r}, ${m} ORDER BY ${order} LIMIT ${limit} RETURN ${projection} }`;
  return single ? `head(${list})` : list;
}

/** Indicator.observations(years): by year, each with its index recomputed against the base year. */
function observations(e: Emit, v: string, spec: ObservationsField, group: FieldGroup): string {
  const years = e.argument(group, 'years');
  const r = e.fresh('r');
  const m = e.fresh('m');
  const o = e.fresh('o');
  const bv = e.fresh('bv');
  const [type, direction] = spec.way;
  const step = (r: string, m: string): string => {
    // Every node of a typed label is an Entity (neighbourPattern): `:Entity` only when no label is named.
    const labels = spec.labels.length > 0 ? spec.labels.map((l) => `:${l}`).join('') : ':Entity';
    return direction === 'out' ? `(${v})-[${r}:${type}]->(${m}${labels})` : `(${v})<-[${r}:${type}]-(${m}${labels})`;
  };
  const base = `head(COLLECT { MATCH ${step('', o)} WHERE ${o}.year = ${baseYearOf(v)} RETURN ${o}.value })`;
  const order = [...FIELD_ORDERS.byYear.keys(r, m), ...commonOrder(r, m)].join(', ');
  return (
    `COLLECT { WITH ${base} AS ${bv} MATCH ${step(r, m)} ` +
    `WHERE ${years} IS NULL OR ${m}.year IN ${years} ` +
    `WITH ${r}, ${m}, ${bv} ORDER BY ${order} LIMIT toInteger(${MAX_ITEMS}) ` +
    `RETURN ${m} {.*, labels: labels(${m}), computedIndex: ${computedIndexOf(m, bv)}} }`
  );
}

/** Whether the field's argument `name` is in the document (in any of its nodes) or has a default: else it is always null. */
function given(group: FieldGroup, name: string): boolean {
  return group.def.args.some((a) => a.name === name && a.defaultValue !== undefined) || group.nodes.some((n) => n.arguments?.some((a) => a.name.value === name));
}

/**
 * Country.agreements / agreementKinds and Organisation.mous: the agreements `v` is party to, oldest first. The
 * edges of one agreement share their kind, name and enactment date (src/seed/format.ts checks it), so any edge
 * of `v` gives its agreement's kind and date: the kinds need no agreement record, and the records are built
 * only for the agreements the kind filters keep.
 */
function partyAgreements(e: Emit, v: string, spec: PartyAgreementsField, group: FieldGroup): string {
  const k = e.fresh('k');
  const key = e.fresh('key');
  const en = e.fresh('en');
  const kind = e.fresh('kind');
  const ag = e.fresh('ag');
  const byKind: string[] = [];
  const conditions: string[] = [];
  if (spec.agreementKind !== undefined) byKind.push(ofKinds(kind, `[${stringLiteral(spec.agreementKind)}]`));
  // A filter whose argument the document never gives (and that has no default) is off: not emitted, nothing read for it.
  if (spec.filtered && given(group, 'kinds')) {
    const kinds = e.argument(group, 'kinds');
    byKind.push(ofKinds(kind, kinds));
  }
  const reads = agreementReads(e, group.nodes);
  if (spec.filtered && given(group, 'asOf')) {
    const asOf = e.argument(group, 'asOf', (value) => {
      const day = typeof value === 'string' ? tryParsePartialDate(value) : null;
      return day ? [day.earliest, day.latest] : null;
    });
    conditions.push(`(${asOf} IS NULL OR ${existsCondition(ag, asOf)})`);
    reads.push('existsFrom', 'existsUntil');
  }
  const edges = `MATCH (${v})-[${k}:AGREEMENT]-() WITH DISTINCT ${k}.agreementKey AS ${key}, ${k}.enacted AS ${en}, ${k}.kind AS ${kind} ${byKind.length > 0 ? `WHERE ${byKind.join(' AND ')} ` : ''}`;
  const order = `ORDER BY ${en}, ${key} LIMIT toInteger(${MAX_ITEMS}) `;
  if (spec.shape === 'kinds') {
    const kinds = `COLLECT { ${edges}WITH ${kind}, ${en}, ${key} ${order}RETURN ${kind} }`;
    const acc = e.fresh('acc');
    const x = e.fresh('x');
    return `reduce(${acc} = [], ${x} IN ${kinds} | CASE WHEN ${x} IN ${acc} THEN ${acc} ELSE ${acc} + ${x} END)`;
  }
  const where = conditions.length > 0 ? `WHERE ${conditions.join(' AND ')} ` : '';
  return (
    `COLLECT { ${edges}CALL (${key}) { ${agreementClauses(e, key, ag, reads)} RETURN ${ag} } WITH ${ag}, ${en}, ${key} ${where}` +
    `${order}RETURN ${projectAgreement(e, ag, group.nodes, true)} }`
  );
}
