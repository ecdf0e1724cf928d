/**
 * Root translators: for each compiled root field, the arguments checked exactly as its resolver
 * checks them (any failure hands the field back to the resolver, which reports it with its own
 * message), the statement around the projection of the selection, and the turn of the rows into the
 * value the resolver would have returned.
 */
import { getNamedType, type FieldNode, type GraphQLField, type GraphQLNamedType } from 'graphql';
import type { Repositories } from '../repositories/index.js';
import type { EntityRecord } from '../repositories/records.js';
import { agreementFilter, ENTITY_ROOTS } from '../services/filters.js';
import { connectionOfRows, pageRead, parsePageArgs, type Keyset, type PageRead, type PageRequest } from '../services/pagination.js';
import { lineage, shortestPath } from './analyst-roots.js';
import { commonGround, commonMembers, timeline } from './analyst-lists.js';
import { neighbourhood } from './neighbourhood-root.js';
import { search } from './search-root.js';
import { stateAsOf } from './state-root.js';
import type { Emit } from './emit.js';
import { agreementClauses, agreementReads, ENTITY_TYPES, projectAgreement, projectEntity } from './project.js';

type Row = Record<string, unknown>;


/** A root field ready to run: the variant of its statement, the root's own parameters, and how to read the rows. */
export interface Prepared {
  /** Distinguishes the statement texts this root can emit (with the selection, the cache key). */
  variant: string;
  /** Items the response can hold at most before any nested list (page size, ids). */
  bound: number;
  /** The statement around the projection(s) the emitter makes for the selection. */
  build(e: Emit, field: GraphQLField<unknown, unknown>, nodes: readonly FieldNode[]): string;
  params: Row;
  /** The columns the statement returns (the fenced wrapper collects them; src/neo4j/consistency.ts). */
  columns: readonly string[];
  finish(rows: Row[]): unknown;
}

export type RootTranslator = (args: Record<string, unknown>, repos: Repositories, nodes: readonly FieldNode[]) => Prepared;

const IS_TYPED = (v: string): string => `(${ENTITY_TYPES.map((t) => `${v}:${t}`).join(' OR ')})`;
const agreementId = (id: string): boolean => id.startsWith('agreement:') || id.startsWith('mou:');

/** The value of `n` (an entity) or `ag` (an agreement record) as Node. */
function nodeValue(e: Emit, field: GraphQLField<unknown, unknown>, nodes: readonly FieldNode[]): string {
  const type = getNamedType(field.type);
  return `CASE WHEN ag IS NOT NULL THEN ${projectAgreement(e, 'ag', nodes, true)} WHEN n IS NOT NULL THEN ${projectEntity(e, 'n', type, nodes)} END`;
}

function node(args: Record<string, unknown>): Prepared {
  const id = args['id'] as string;
  if (id.length > 300) throw new Error('id too long');
  const agreement = agreementId(id);
  return {
    variant: agreement ? 'agreement' : 'entity',
    bound: 1,
    params: { id },
    build: (e, field, nodes) =>
      (agreement ? `OPTIONAL CALL () { ${agreementClauses(e, '$id', 'ag', agreementReads(e, nodes))} RETURN ag } ` : 'WITH null AS ag ') +
      `OPTIONAL MATCH (n:Entity {key: $id}) WHERE ag IS NULL AND ${IS_TYPED('n')} ` +
      `RETURN ${nodeValue(e, field, nodes)} AS value`,
    columns: ['value'],
    finish: (rows) => rows[0]?.['value'] ?? null,
  };
}

function nodesRoot(args: Record<string, unknown>): Prepared {
  const ids = args['ids'] as string[];
  if (ids.length > 100) throw new Error('too many ids');
  return {
    variant: '',
    bound: ids.length,
    params: { ids },
    build: (e, field, nodes) =>
      `UNWIND range(0, size($ids) - 1) AS i WITH i, $ids[i] AS id ` +
      `OPTIONAL CALL (id) { WITH id WHERE id STARTS WITH 'agreement:' OR id STARTS WITH 'mou:' ${agreementClauses(e, 'id', 'ag', agreementReads(e, nodes))} RETURN ag } ` +
      `OPTIONAL MATCH (n:Entity {key: id}) WHERE ag IS NULL AND ${IS_TYPED('n')} ` +
      `RETURN ${nodeValue(e, field, nodes)} AS value ORDER BY i`,
    columns: ['value'],
    finish: (rows) => rows.map((r) => r['value'] ?? null),
  };
}

/** The connection object of a page: the edges' cursors and pageInfo exactly as the services make them (pagination.ts). */
function connection(rows: Row[], request: PageRequest): unknown {
  const row = rows[0] ?? {};
  const items = (row['rows'] as { node: EntityRecord; sortValue: Keyset['value'] }[] | undefined) ?? [];
  return { ...connectionOfRows(items, request, (i) => i.node, (i) => i.sortValue), totalCount: row['total'] };
}

/**
 * The page's totalCount, after `rows` (the page, read with the page statement's $after and $limit): a first page
 * with fewer rows than its bound holds every match, so its size is the total and the count statement (the filter
 * run again) is not run; any other page runs it. Null when the selection does not ask for it.
 */
function totalOf(e: Emit, field: GraphQLField<unknown, unknown>, nodes: readonly FieldNode[], count: string): string {
  if (!wantsTotal(e, field, nodes)) return ' WITH rows, null AS total';
  const whole = '$after IS NULL AND size(rows) < toInteger($limit)';
  return ` CALL (rows) { WITH rows WHERE ${whole} RETURN size(rows) AS total UNION ALL WITH rows WHERE NOT (${whole}) CALL () { ${count} } RETURN total }`;
}

/** Whether the selection asks for totalCount (directly or in a fragment). */
function wantsTotal(e: Emit, field: GraphQLField<unknown, unknown>, nodes: readonly FieldNode[]): boolean {
  return e.concreteTypes(getNamedType(field.type)).some((t) => e.fieldsOf(t, nodes).some((g) => g.name === 'totalCount'));
}

/** The projection of the page's item under `edges { node }`. */
function edgeNodes(e: Emit, field: GraphQLField<unknown, unknown>, nodes: readonly FieldNode[]): { type: GraphQLNamedType; nodes: FieldNode[] } {
  const connectionType = e.concreteTypes(getNamedType(field.type))[0]!;
  const edges = e.fieldsOf(connectionType, nodes).filter((g) => g.name === 'edges');
  const edgeType = e.concreteTypes(getNamedType(connectionType.getFields()['edges']!.type))[0]!;
  const nodeType: GraphQLNamedType = getNamedType(edgeType.getFields()['node']!.type);
  const nodeFields = edges.flatMap((g) => e.fieldsOf(edgeType, g.nodes)).filter((g) => g.name === 'node');
  return { type: nodeType, nodes: nodeFields.flatMap((g) => g.nodes) };
}

/** What a page root reads: its page and count statements (the repository's), and how its items are projected. */
interface PageSource {
  page: { cypher: string; params: Row };
  count: { cypher: string; params: Row };
  /** Tells the statement texts apart (with the selection, the cache key). */
  variant: string;
  /** The page statement's item column, and the variable the projection reads it as. */
  column: string;
  item: string;
  project(e: Emit, item: ReturnType<typeof edgeNodes>): string;
}

/** A root connection: the page the repository's statement reads (pageRead, as the services read it), each item projected, and its totalCount. */
function pageRoot<S extends string>(defaultSort: S, source: (args: Record<string, unknown>, repos: Repositories, read: PageRead<S>) => PageSource): RootTranslator {
  return (args, repos) => {
    const request = parsePageArgs(args);
    const read = pageRead(request, args['orderBy'] as { field?: S; direction?: string } | null | undefined, defaultSort);
    const { page, count, variant, column, item, project } = source(args, repos, read);
    const dir = read.descending ? 'DESC' : 'ASC';
    return {
      variant,
      bound: read.limit,
      params: { ...page.params, ...count.params },
      build: (e, field, nodes) => {
        const total = totalOf(e, field, nodes, count.cypher);
        return (
          `CALL () { ${page.cypher} } WITH ${column} AS ${item}, sortValue ORDER BY sortValue ${dir}, ${item}.key ${dir} ` +
          `WITH collect({node: ${project(e, edgeNodes(e, field, nodes))}, sortValue: sortValue}) AS rows${total} RETURN rows, total`
        );
      },
      columns: ['rows', 'total'],
      finish: (rows) => connection(rows, request),
    };
  };
}

function entityPage(root: string): RootTranslator {
  const { label, filter: translate } = ENTITY_ROOTS[root]!;
  return pageRoot('NAME', (args, repos, read) => {
    const filter = translate(args['filter'] as Record<string, unknown> | null | undefined);
    const page = repos.entities.pageStatement({ label, filter, ...read }, 'node');
    const count = repos.entities.countStatement(label, filter);
    return { page, count, variant: `${page.cypher}\n${count.cypher}`, column: 'node', item: 'n', project: (e, item) => projectEntity(e, 'n', item.type, item.nodes) };
  });
}

const agreementsPage: RootTranslator = pageRoot('ENACTED', (args, repos, read) => {
  const filter = agreementFilter(args['filter'] as Record<string, unknown> | null | undefined);
  const page = repos.agreements.pageStatement({ filter, ...read }, false);
  const count = repos.agreements.countStatement(filter);
  return { page, count, variant: page.cypher, column: 'agreement', item: 'ag', project: (e, item) => projectAgreement(e, 'ag', item.nodes, false) };
});

export const ROOTS: Readonly<Record<string, RootTranslator>> = {
  node,
  commonGround,
  commonMembers,
  lineage,
  neighbourhood,
  timeline,
  search,
  shortestPath,
  stateAsOf,
  nodes: nodesRoot,
  agreements: agreementsPage,
  ...Object.fromEntries(Object.keys(ENTITY_ROOTS).map((root) => [root, entityPage(root)])),
};
