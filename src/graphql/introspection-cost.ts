/**
 * The size of an introspection field's answer (`__schema`, `__type`), counted exactly: the schema is in memory,
 * so the selection is walked over the schema's own introspection values (graphql-js's resolvers of `__Schema`,
 * `__Type`, …) and every field and list item counted, as the response will hold them. The count stops as soon as
 * it passes `stopAt` (nested `ofType { fields { type { fields … } } }` could otherwise take long to count).
 */
import {
  defaultFieldResolver,
  getNamedType,
  getNullableType,
  isListType,
  isObjectType,
  SchemaMetaFieldDef,
  TypeMetaFieldDef,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLField,
  type GraphQLObjectType,
  type GraphQLResolveInfo,
  type GraphQLSchema,
} from 'graphql';
import { collectSubfields } from 'graphql/execution/collectFields.js';
import { getArgumentValues } from 'graphql/execution/values.js';

/** Thrown when the count passes its limit. */
export class CountStopped extends Error {}

export function introspectionCost(
  schema: GraphQLSchema,
  fragments: Readonly<Record<string, FragmentDefinitionNode>>,
  variables: Record<string, unknown>,
  nodes: readonly FieldNode[],
  stopAt: number,
): number {
  let count = 0;
  const info = { schema } as GraphQLResolveInfo;
  const add = (n: number): void => {
    count += n;
    if (count > stopAt) throw new CountStopped();
  };
  const field = (def: GraphQLField<unknown, unknown>, source: unknown, fieldNodes: readonly FieldNode[]): void => {
    add(1);
    let args: Record<string, unknown>;
    try {
      args = getArgumentValues(def, fieldNodes[0]!, variables);
    } catch {
      return; // an argument execution refuses: the field answers an error, nothing below it
    }
    const value = (def.resolve ?? defaultFieldResolver)(source, args, undefined, info);
    const type = getNamedType(def.type);
    if (value === null || value === undefined || !isObjectType(type)) {
      if (Array.isArray(value)) add(value.length);
      return;
    }
    const values: unknown[] = isListType(getNullableType(def.type)) ? [...(value as Iterable<unknown>)] : [value];
    if (isListType(getNullableType(def.type))) add(values.length);
    const sub = collectSubfields(schema, fragments, variables, type, fieldNodes as FieldNode[]);
    for (const item of values) object(type, item, sub);
  };
  const object = (type: GraphQLObjectType, source: unknown, sub: Map<string, readonly FieldNode[]>): void => {
    for (const [, fieldNodes] of sub) {
      const name = fieldNodes[0]!.name.value;
      if (name === '__typename') add(1);
      else {
        const def = type.getFields()[name];
        if (def) field(def, source, fieldNodes);
      }
    }
  };
  const name = nodes[0]!.name.value;
  field(name === '__schema' ? SchemaMetaFieldDef : TypeMetaFieldDef, undefined, nodes);
  return count;
}
