/**
 * The operation compiler: each compiled root field of an operation becomes ONE Cypher statement
 * that returns the whole tree its selection asks for (see docs/architecture.md, "The compiled
 * path"). It plugs into the schema: a compiled root resolver runs the statement and returns
 * records that carry their navigation under `__c`, by response key; every other field resolver
 * first looks there, and only falls back to its own (DataLoader) work when the value is absent.
 * Compiled statements are cached per root field node of a parsed document (Apollo caches parsed,
 * validated documents), the values of the variables that steer @skip/@include, and the root's
 * statement variant, in a bounded LRU; a request binds its variables as parameters.
 */
import {
  defaultFieldResolver,
  isObjectType,
  Kind,
  visit,
  type DocumentNode,
  type FieldNode,
  type GraphQLFieldResolver,
  type GraphQLResolveInfo,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from 'graphql';
import { BadUserInputError } from '../errors.js';
import type { Database, QueryContext } from '../neo4j/database.js';
import { fenced } from '../neo4j/consistency.js';
import type { Repositories } from '../repositories/index.js';
import { compact } from '../neo4j/cypher-text.js';
import { Emit, FALLBACK, NotCompilable } from './emit.js';
import { ROOTS, type Prepared } from './roots.js';

/** What the compiler reads of a request's GraphQL context (src/graphql/context.ts): its database context. */
interface CompilerContext {
  query: QueryContext;
}

export interface CompilerOptions {
  /** Most items one response may hold; every list the statement reads is cut at this. */
  maxResultItems?: number;
  /** Compiled statements kept (least recently used go first). */
  cacheSize?: number;
}

export interface CompiledStatement {
  cypher: string;
  /** The same statement inside its own fence reads: what runs (src/neo4j/consistency.ts, `fenced`). */
  fencedCypher: string;
  /** The name the statement carries in the transaction metadata and the query log. */
  name: string;
  /** The statement's columns (several statements of one request run as one: database.ts, `together`). */
  columns: readonly string[];
  emit: Emit;
}

let nextId = 0;
const nodeIds = new WeakMap<FieldNode, number>();
const directiveVariables = new WeakMap<OperationDefinitionNode, string[]>();

/** The variables an operation's @skip/@include directives read (they steer the statement's shape). */
function shapeVariables(info: GraphQLResolveInfo): string[] {
  let names = directiveVariables.get(info.operation);
  if (!names) {
    const found = new Set<string>();
    const doc: DocumentNode = { kind: Kind.DOCUMENT, definitions: [info.operation, ...Object.values(info.fragments)] };
    visit(doc, {
      Directive(node) {
        if (node.name.value !== 'skip' && node.name.value !== 'include') return;
        for (const arg of node.arguments ?? []) if (arg.value.kind === Kind.VARIABLE) found.add(arg.value.name.value);
      },
    });
    names = [...found].sort();
    directiveVariables.set(info.operation, names);
  }
  return names;
}

export class OperationCompiler {
  readonly maxResultItems: number;
  private readonly cacheSize: number;
  private readonly cache = new Map<string, CompiledStatement>();

  constructor(
    private readonly db: Database,
    private readonly repos: Repositories,
    options: CompilerOptions = {},
  ) {
    this.maxResultItems = options.maxResultItems ?? 10_000;
    this.cacheSize = options.cacheSize ?? 1_000;
  }

  /** Wraps the schema's resolvers (in place): compiled roots first, and navigation that reads `__c`. */
  install(schema: GraphQLSchema): GraphQLSchema {
    const query = schema.getQueryType();
    for (const type of Object.values(schema.getTypeMap())) {
      if (!isObjectType(type) || type.name.startsWith('__')) continue;
      for (const field of Object.values(type.getFields())) {
        const own: GraphQLFieldResolver<unknown, CompilerContext> = field.resolve ?? defaultFieldResolver;
        if (type === query) {
          if (ROOTS[field.name]) field.resolve = this.rootResolver(field.name, own);
        } else if (field.resolve) {
          field.resolve = (source, args, ctx, info) => {
            const compiled = (source as { __c?: Record<string, unknown> } | null)?.__c;
            if (compiled !== undefined && compiled !== null && Object.hasOwn(compiled, info.path.key)) return compiled[info.path.key as string];
            return own(source, args, ctx, info);
          };
        }
      }
    }
    return schema;
  }

  private rootResolver(name: string, own: GraphQLFieldResolver<unknown, CompilerContext>): GraphQLFieldResolver<unknown, CompilerContext> {
    return (source, args, ctx, info) => {
      let prepared: Prepared;
      try {
        prepared = ROOTS[name]!(args, this.repos, info.fieldNodes);
      } catch {
        // Bad arguments: the resolver reports them in its own words, and as early as on the resolver path (not
        // from inside a promise), so that of two refused roots both paths answer the same one's error.
        return own(source, args, ctx, info);
      }
      return this.runCompiled(name, prepared, own, source, args, ctx, info);
    };
  }

  private async runCompiled(
    name: string,
    prepared: Prepared,
    own: GraphQLFieldResolver<unknown, CompilerContext>,
    ...[source, args, ctx, info]: Parameters<GraphQLFieldResolver<unknown, CompilerContext>>
  ): Promise<unknown> {
    // Worst case beyond the result budget (the cost estimate multiplies every list by its bound):
    // run field by field, where the budget is counted while the operation runs and stops it.
    const estimated = ctx.query.estimatedCost;
    if (estimated !== undefined && estimated > this.maxResultItems) return own(source, args, ctx, info);
    if (prepared.bound > this.maxResultItems) {
      throw new BadUserInputError(`limit: resultSize: this field could return ${prepared.bound} items; at most ${this.maxResultItems} a response.`, 'resultSize');
    }
    let compiled: CompiledStatement;
    try {
      compiled = this.compile(name, prepared, info);
    } catch (error) {
      if (error instanceof NotCompilable) return own(source, args, ctx, info);
      throw error;
    }
    const params = { ...prepared.params, ...compiled.emit.bind(info.variableValues), maxItems: this.maxResultItems };
    const rows = await this.db.readFenced(compiled.cypher, compiled.fencedCypher, params, ctx.query, compiled.columns);
    const value = prepared.finish(rows);
    if (value === FALLBACK) return own(source, args, ctx, info);
    return value;
  }

  /** The statement of this root field for this selection and variant: from the cache, or emitted now. */
  compile(name: string, prepared: Prepared, info: GraphQLResolveInfo): CompiledStatement {
    const fieldNode = info.fieldNodes[0]!;
    let id = nodeIds.get(fieldNode);
    if (id === undefined) {
      id = nextId++;
      nodeIds.set(fieldNode, id);
    }
    const shape = shapeVariables(info).map((v) => JSON.stringify(info.variableValues[v] ?? null));
    const key = `${id}|${shape.join(',')}|${prepared.variant}`;
    const hit = this.cache.get(key);
    if (hit) {
      this.cache.delete(key);
      this.cache.set(key, hit);
      return hit;
    }
    const emit = new Emit(info.schema, info.fragments, info.variableValues, {
      agreementRecord: this.repos.agreements.recordExpression,
    });
    const field = info.parentType.getFields()[name]!;
    const cypher = prepared.build(emit, field, info.fieldNodes);
    // The leading comment names the statement for logs, metrics and traces (`compiled/<root field>`, a
    // bounded set), and says which operation and response key it serves.
    // The rest is folded (compact.ts): it is sent, packed and looked up by its text on every request.
    const text = `// compiled/${name}: ${info.operation.name?.value ?? 'anonymous'}.${info.path.key}\n${compact(cypher)}`;
    const wrapped = fenced(text, prepared.columns);
    const firstLine = wrapped.indexOf('\n') + 1;
    const compiled = { cypher: text, fencedCypher: wrapped.slice(0, firstLine) + compact(wrapped.slice(firstLine)), name, columns: prepared.columns, emit };
    this.cache.set(key, compiled);
    if (this.cache.size > this.cacheSize) this.cache.delete(this.cache.keys().next().value!);
    return compiled;
  }
}
