/**
 * Fan-out operations for the fuzz test: nested unpaginated lists of the real schema (an entity's
 * agreements, an agreement's parties, a body's members, …), walked from real ids through inline
 * fragments, `levels` deep. Each level multiplies what the response would hold.
 */
import fc from 'fast-check';
import { getNamedType, isAbstractType, isListType, getNullableType, isObjectType, type GraphQLNamedType, type GraphQLObjectType } from 'graphql';
import { buildSchema } from '../../src/graphql/schema.js';

const schema = buildSchema();
const STARTS: Record<string, string> = {
  'country:japan': 'Country',
  'organisation:cabinet': 'Organisation',
  'meeting:firearms-promotion': 'Meeting',
  'agreement:tpp': 'Agreement',
  'office:prime-minister': 'Office',
};

/** Object fields that return a list of objects and take no page arguments. */
function unpaginatedLists(type: GraphQLObjectType): string[] {
  return Object.values(type.getFields())
    .filter((f) => isListType(getNullableType(f.type)) && !f.args.some((a) => a.name === 'first' || a.name === 'last'))
    .map((f) => f.name);
}

function concrete(type: GraphQLNamedType): GraphQLObjectType[] {
  if (isObjectType(type)) return [type];
  if (isAbstractType(type)) return [...schema.getPossibleTypes(type)];
  return [];
}

/** Builds a selection on `type` from the choices, `levels` lists deep. */
function selection(type: GraphQLObjectType, levels: number, next: () => number): string {
  const lists = unpaginatedLists(type).filter((f) => concrete(getNamedType(type.getFields()[f]!.type)).length > 0);
  if (levels === 0 || lists.length === 0) return '__typename';
  const width = 1 + (next() % 2);
  const parts: string[] = ['__typename'];
  for (let i = 0; i < width; i++) {
    const name = lists[next() % lists.length]!;
    const targets = concrete(getNamedType(type.getFields()[name]!.type));
    const target = targets[next() % targets.length]!;
    parts.push(`${name} { ... on ${target.name} { ${selection(target, levels - 1, next)} } }`);
  }
  return parts.join(' ');
}

export const fanOutQuery: fc.Arbitrary<string> = fc
  .record({ id: fc.constantFrom(...Object.keys(STARTS)), levels: fc.integer({ min: 2, max: 7 }), choices: fc.array(fc.nat(), { minLength: 64, maxLength: 64 }) })
  .map(({ id, levels, choices }) => {
    let i = 0;
    const next = () => choices[i++ % choices.length]!;
    const start = schema.getType(STARTS[id]!) as GraphQLObjectType;
    return `{ node(id: ${JSON.stringify(id)}) { ... on ${start.name} { ${selection(start, levels, next)} } } }`;
  });
