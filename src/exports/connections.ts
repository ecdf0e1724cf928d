/**
 * List exports: one per root connection, with its table of entity-tables.ts or the default of its node type
 * (default-table.ts). The parameters are the root's filter fields (`kind=EPA` or `kinds=EPA,CMAA`,
 * `enacted.from=2008`), `orderBy=FIELD[:ASC|DESC]` and `limit`; the rows are read page by page through the same
 * GraphQL field a client would use.
 */
import { getNamedType, isInputObjectType, isListType, isNonNullType, isObjectType, type GraphQLField, type GraphQLSchema } from 'graphql';
import type { Row } from './columns.js';
import { connectionNodeType, defaultTable } from './default-table.js';
import { ENTITY_TABLES, type EntityTable } from './entity-tables.js';
import { bad, checkKnown, coerce, describeInput, int, one, type Accepted, type Params } from './params.js';

export const DEFAULT_ROWS = 1_000;
export const MAX_ROWS = 5_000;
/** Rows per page an export reads; the start-up warm-up reads one row more, so both page statements (first, after a cursor) are planned. */
export const PAGE = 100;

export interface ConnectionExport {
  root: GraphQLField<unknown, unknown>;
  table: EntityTable;
  operation: string;
  accepted: Accepted;
}

export type Run = (operation: string, variables: Row, accepted: Accepted) => Promise<Row>;

function acceptedOf(root: GraphQLField<unknown, unknown>): Accepted {
  const accepted: Accepted = { limit: `the most rows, 1 to ${MAX_ROWS} (default ${DEFAULT_ROWS}); read page by page` };
  const filterType = getNamedType(root.args.find((a) => a.name === 'filter')?.type ?? null);
  if (filterType && isInputObjectType(filterType)) {
    for (const f of Object.values(filterType.getFields())) {
      const named = getNamedType(f.type);
      if (isInputObjectType(named)) {
        for (const sub of Object.values(named.getFields())) accepted[`${f.name}.${sub.name}`] = describeInput(sub.type);
      } else {
        accepted[f.name] = describeInput(f.type);
        if (isListType(isNonNullType(f.type) ? f.type.ofType : f.type) && f.name.endsWith('s')) accepted[f.name.slice(0, -1)] = `same as ${f.name}`;
      }
    }
  }
  const orderType = getNamedType(root.args.find((a) => a.name === 'orderBy')?.type ?? null);
  if (orderType && isInputObjectType(orderType)) {
    const field = orderType.getFields()['field'];
    accepted['orderBy'] = `FIELD or FIELD:ASC or FIELD:DESC, FIELD ${field ? describeInput(field.type) : ''}`.trim();
  }
  return accepted;
}

/** Every root connection, by root field name: its table chosen by hand, or the default of its node type. */
export function connectionExports(schema: GraphQLSchema): Map<string, ConnectionExport> {
  const out = new Map<string, ConnectionExport>();
  for (const root of Object.values(schema.getQueryType()!.getFields())) {
    const type = getNamedType(root.type);
    const node = isObjectType(type) && type.name.endsWith('Connection') ? connectionNodeType(schema, type.name) : null;
    if (!node) continue;
    const table = ENTITY_TABLES.get(root.name) ?? defaultTable(node);
    const args = root.args.filter((a) => ['first', 'after', 'filter', 'orderBy'].includes(a.name));
    const operation = `query Export${type.name}(${args.map((a) => `$${a.name}: ${a.type.toString()}`).join(', ')}) {
      ${root.name}(${args.map((a) => `${a.name}: $${a.name}`).join(', ')}) {
        edges { node { ${table.selection} } }
        pageInfo { hasNextPage endCursor }
      }
    }`;
    out.set(root.name, { root, table, operation, accepted: acceptedOf(root) });
  }
  return out;
}

function variablesOf(spec: ConnectionExport, params: Params): Row {
  checkKnown(params, spec.accepted);
  const filterType = getNamedType(spec.root.args.find((a) => a.name === 'filter')?.type ?? null);
  const filter: Row = {};
  if (filterType && isInputObjectType(filterType)) {
    const fields = filterType.getFields();
    for (const [name, raw] of Object.entries(params)) {
      if (name === 'limit' || name === 'orderBy') continue;
      const [head, sub] = name.split('.', 2) as [string, string | undefined];
      const field = Object.hasOwn(fields, head) ? fields[head] : Object.hasOwn(fields, `${head}s`) ? fields[`${head}s`] : undefined;
      if (!field) continue;
      if (sub !== undefined) {
        const inner = getNamedType(field.type);
        const subField = isInputObjectType(inner) && Object.hasOwn(inner.getFields(), sub) ? inner.getFields()[sub] : undefined;
        if (!subField) continue;
        filter[field.name] = { ...((filter[field.name] as Row | undefined) ?? {}), [sub]: coerce(subField.type, raw, name, spec.accepted) };
      } else {
        filter[field.name] = coerce(field.type, raw, name, spec.accepted);
      }
    }
  }
  const variables: Row = {};
  if (Object.keys(filter).length > 0) variables['filter'] = filter;
  const order = one(params, 'orderBy', spec.accepted);
  if (order !== undefined) {
    const orderType = getNamedType(spec.root.args.find((a) => a.name === 'orderBy')?.type ?? null);
    const fields = orderType && isInputObjectType(orderType) ? orderType.getFields() : {};
    const [field = '', direction] = order.split(':', 2);
    variables['orderBy'] = {
      ...(fields['field'] ? { field: coerce(fields['field'].type, [field], 'orderBy', spec.accepted) } : {}),
      ...(direction !== undefined && fields['direction'] ? { direction: coerce(fields['direction'].type, [direction], 'orderBy', spec.accepted) } : {}),
    };
  }
  return variables;
}

/** Reads up to `limit` nodes of the connection; `more` says whether there were more. */
export async function readConnection(spec: ConnectionExport, params: Params, run: Run): Promise<{ nodes: Row[]; more: boolean }> {
  const variables = variablesOf(spec, params);
  const limit = int(params, 'limit', spec.accepted) ?? DEFAULT_ROWS;
  if (limit < 1 || limit > MAX_ROWS) throw bad(`limit: 1 to ${MAX_ROWS} rows (got ${limit}).`, spec.accepted);
  const nodes: Row[] = [];
  let after: string | null = null;
  let more = true;
  while (more && nodes.length < limit) {
    const data = await run(spec.operation, { ...variables, first: Math.min(PAGE, limit - nodes.length), after }, spec.accepted);
    const page = data[spec.root.name] as { edges: { node: Row }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } };
    nodes.push(...page.edges.map((e) => e.node));
    more = page.pageInfo.hasNextPage;
    after = page.pageInfo.endCursor;
  }
  return { nodes, more };
}
