/**
 * The statements an operation compiles to, without running them: for snapshot tests, and to read
 * what the compiler makes of a document (`explainOperation(compiler, schema, document, variables)`).
 */
import {
  getArgumentValues,
  getOperationAST,
  getVariableValues,
  Kind,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLResolveInfo,
  type GraphQLSchema,
} from 'graphql';
import type { OperationCompiler } from './compiler.js';
import { ROOTS } from './roots.js';

export interface ExplainedStatement {
  /** The root field's response key. */
  field: string;
  cypher: string;
  params: Record<string, unknown>;
}

/** Each compiled root field of the operation with its statement and parameters; other roots are left out. */
export function explainOperation(
  compiler: OperationCompiler,
  schema: GraphQLSchema,
  document: DocumentNode,
  rawVariables: Record<string, unknown> = {},
  repos: Parameters<(typeof ROOTS)[string]>[1],
): ExplainedStatement[] {
  const operation = getOperationAST(document);
  if (!operation) throw new Error('no single operation in the document');
  const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], rawVariables);
  if (coerced.errors) throw coerced.errors[0]!;
  const variables = coerced.coerced;
  const fragments = Object.fromEntries(
    document.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((d) => [d.name.value, d]),
  );
  const query = schema.getQueryType()!;
  const out: ExplainedStatement[] = [];
  for (const selection of operation.selectionSet.selections) {
    if (selection.kind !== Kind.FIELD) continue;
    const field = selection as FieldNode;
    const name = field.name.value;
    const translator = ROOTS[name];
    if (!translator) continue;
    const key = field.alias?.value ?? name;
    const def = query.getFields()[name]!;
    const args = getArgumentValues(def, field, variables);
    const prepared = translator(args, repos, [field]);
    const info = {
      fieldName: name,
      fieldNodes: [field],
      parentType: query,
      path: { prev: undefined, key, typename: 'Query' },
      schema,
      fragments,
      operation,
      variableValues: variables,
    } as unknown as GraphQLResolveInfo;
    const compiled = compiler.compile(name, prepared, info);
    out.push({ field: key, cypher: compiled.cypher, params: { ...prepared.params, ...compiled.emit.bind(variables), maxItems: compiler.maxResultItems } });
  }
  return out;
}
