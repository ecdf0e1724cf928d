/**
 * The check that makes a forgotten navigation declaration fail loudly: run when the schema is built (at
 * startup and in every test that builds it). On the vocabulary's entity types, Agreement and the edge types
 * they return, every field that reads entities must be declared in src/domain/navigation.ts (whose
 * declaration derives its resolver and its compiled projection) or, for a paged `…Connection`, have a
 * resolver of its own. Without it, the field would answer `null` (or fail on a non-null type) on both
 * paths, with nothing else noticing.
 */
import { getNamedType, isInterfaceType, isObjectType, isUnionType, type GraphQLNamedType, type GraphQLObjectType, type GraphQLSchema } from 'graphql';
import { NAVIGATION, navigationOf } from '../domain/navigation.js';
import { NODE_LABELS } from '../domain/vocabulary.js';

/** The types whose values are graph records: the vocabulary's labels, agreements, and the interfaces over them. */
const RECORD_TYPES: ReadonlySet<string> = new Set<string>([...NODE_LABELS, 'Agreement', 'Node', 'Entity']);

/** Whether values of `type` hold graph records: a record type, a union of them, or an object with a field that does. */
function readsRecords(type: GraphQLNamedType, seen: Set<string> = new Set()): boolean {
  if (RECORD_TYPES.has(type.name)) return true;
  if (isUnionType(type)) return type.getTypes().every((t) => RECORD_TYPES.has(t.name));
  if (!(isObjectType(type) || isInterfaceType(type)) || seen.has(type.name)) return false;
  seen.add(type.name);
  return Object.values(type.getFields()).some((f) => readsRecords(getNamedType(f.type), seen));
}

/** The problems, one sentence each (none: every navigation field is declared and has its resolver). */
export function navigationProblems(schema: GraphQLSchema): string[] {
  const problems: string[] = [];
  const start = [...NODE_LABELS, 'Agreement', ...Object.keys(NAVIGATION)];
  const types = new Map<string, GraphQLObjectType>();
  const visit = (name: string): void => {
    const type = schema.getType(name);
    if (!isObjectType(type) || types.has(name)) return;
    types.set(name, type);
    for (const field of Object.values(type.getFields())) {
      const target = getNamedType(field.type);
      // An edge object (ChairEdge, …): its ends are navigation fields too.
      if (isObjectType(target) && !RECORD_TYPES.has(target.name) && !target.name.endsWith('Connection') && readsRecords(target)) visit(target.name);
    }
  };
  for (const name of start) visit(name);
  for (const [name, type] of types) {
    for (const field of Object.values(type.getFields())) {
      const target = getNamedType(field.type);
      const declared = navigationOf(name, field.name);
      if (declared !== undefined) {
        if (!field.resolve) problems.push(`${name}.${field.name} is declared in src/domain/navigation.ts but has no resolver (src/resolvers/related.ts derives one).`);
        continue;
      }
      if (!readsRecords(target)) continue;
      if (target.name.endsWith('Connection')) {
        if (!field.resolve) problems.push(`${name}.${field.name} pages records but has no resolver.`);
        continue;
      }
      problems.push(`${name}.${field.name} reads ${target.name} from the graph but has no declaration in src/domain/navigation.ts: it would answer null on both paths.`);
    }
  }
  for (const [name, fields] of Object.entries(NAVIGATION)) {
    const type = schema.getType(name);
    for (const field of Object.keys(fields)) {
      if (!isObjectType(type) || !type.getFields()[field]) problems.push(`src/domain/navigation.ts declares ${name}.${field}, which the schema does not have.`);
    }
  }
  return problems;
}

/** Throws, listing every problem, when a navigation field is undeclared or a declaration has no field. */
export function assertNavigationDeclared(schema: GraphQLSchema): void {
  const problems = navigationProblems(schema);
  if (problems.length > 0) throw new Error(`Navigation fields (src/domain/navigation.ts):\n- ${problems.join('\n- ')}`);
}
