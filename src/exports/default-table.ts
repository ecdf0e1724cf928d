/**
 * The export table of a root connection that has none chosen by hand in entity-tables.ts, read off its node's
 * GraphQL type, so a new root list is exported as soon as it is in the schema: every field without required
 * arguments that is a value (a list of values joined), a date (its four columns), one or more entities (their
 * ids) or the provenance. Other fields (edge objects, computed views) are left to a hand-chosen table.
 */
import {
  getNamedType,
  getNullableType,
  isEnumType,
  isListType,
  isNonNullType,
  isObjectType,
  isInterfaceType,
  isScalarType,
  type GraphQLField,
  type GraphQLObjectType,
  type GraphQLSchema,
} from 'graphql';
import { col, date, DATE, joined, provenance, PROVENANCE, type Column } from './columns.js';
import type { EntityTable } from './entity-tables.js';

/** The node type of a `…Connection` (its `edges { node }`), or null when the type is no connection. */
export function connectionNodeType(schema: GraphQLSchema, connection: string): GraphQLObjectType | null {
  const type = schema.getType(connection);
  if (!isObjectType(type)) return null;
  const edge = getNamedType(type.getFields()['edges']?.type ?? null);
  const node = isObjectType(edge) ? getNamedType(edge.getFields()['node']?.type ?? null) : null;
  return isObjectType(node) ? node : null;
}

function columnsOf(field: GraphQLField<unknown, unknown>): { selection: string; columns: Column[] } | null {
  if (field.args.some((a) => isNonNullType(a.type) && a.defaultValue === undefined)) return null;
  const inner = getNullableType(field.type);
  const list = isListType(inner);
  const named = getNamedType(field.type);
  const { name } = field;
  if (isScalarType(named) || isEnumType(named)) return { selection: name, columns: [list ? joined(name) : col(name)] };
  if (named.name === 'SourceDate') return list ? { selection: `${name} ${DATE}`, columns: [joined(name, 'value')] } : { selection: `${name} ${DATE}`, columns: date(name) };
  // Every node of this dataset is stated, so `provenance.reading` is left out (always empty), as in entity-tables.ts.
  if (named.name === 'Provenance' && !list) return { selection: `${name} ${PROVENANCE}`, columns: provenance(name, false) };
  const hasId = (isObjectType(named) || isInterfaceType(named)) && Object.hasOwn(named.getFields(), 'id');
  if (hasId) return { selection: `${name} { id }`, columns: [list ? joined(name, 'id') : col(`${name}.id`)] };
  return null;
}

/** The default table of a node type: its value, date, entity and provenance fields, in schema order. */
export function defaultTable(type: GraphQLObjectType): EntityTable {
  const parts = Object.values(type.getFields()).flatMap((f) => columnsOf(f) ?? []);
  return { selection: parts.map((p) => p.selection).join(' '), columns: parts.flatMap((p) => p.columns) };
}
