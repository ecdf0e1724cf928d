/**
 * The cost estimate of an operation: an upper bound of the objects and list items its answer can hold on the
 * loaded graph, computed once the operation and its variables are known and before anything runs (an Apollo
 * plugin: validation rules do not see the variables). The selection is walked as graphql-js will execute it
 * (fragments spread once per selection, @skip/@include, aliases, each concrete type of an interface or union, the
 * largest counting); every field counts 1, a list 1 plus, per item, 1 and what the item selects:
 *
 * - a navigation list (an entity's posts, a meeting's members, …): the most neighbours any node of that type
 *   has in the loaded graph (src/neo4j/graph-stats.ts, counted by the loaders);
 * - a connection: its `first`/`last` (20 when absent), at most what its label or filter can hold;
 * - an analyst query: its own `first`/`limit`/`maxHops`, or the measured size where that is smaller;
 * - introspection: counted exactly over the schema (introspection-cost.ts).
 *
 * The rules are in cost-bounds.ts. An operation over MAX_COST is refused with the two or three lists that make
 * it large, their measured sizes and what to ask instead. The guard fails closed: an operation the estimate
 * cannot walk (it throws, or it expands past MAX_ESTIMATE_STEPS fields) is refused, never run unchecked.
 */
import type { ApolloServerPlugin } from '@apollo/server';
import {
  GraphQLError,
  getNamedType,
  getOperationAST,
  getNullableType,
  isAbstractType,
  isLeafType,
  isListType,
  isObjectType,
  Kind,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLNamedType,
  type GraphQLObjectType,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from 'graphql';
import { collectFields, collectSubfields } from 'graphql/execution/collectFields.js';
import { getArgumentValues, getVariableValues } from 'graphql/execution/values.js';
import type { QueryContext } from '../neo4j/database.js';
import type { GraphStats } from '../repositories/stats-repository.js';
import { listBound, scopeOf, type Args, type Bound, type BoundContext, type Scope } from './cost-bounds.js';
import { CountStopped, introspectionCost } from './introspection-cost.js';

/** Fields the estimate walks at most (fragments spread in fragments can expand a small document exponentially). */
export const MAX_ESTIMATE_STEPS = 10_000;

/** A list of the operation and what it adds to the estimate. */
export interface ListCost {
  /** Its response path, `countries.edges.node.agreements`. */
  path: string;
  /** `Country.agreements`. */
  field: string;
  /** Items it can hold for each object it is asked of. */
  each: number;
  bound: Bound;
  /** Items it can hold in the whole answer (`each` times the items of the lists above it). */
  total: number;
  /** Its paginated form beside it (`agreementsConnection`), if the type has one. */
  paged?: string;
}

export interface Estimate {
  cost: number;
  /** The lists with the most items in the whole answer, largest first (at most three). */
  largest: ListCost[];
}

/** Thrown when the estimate cannot be completed: the operation is refused (fail closed). */
export class NotEstimable extends Error {}

class Walk {
  private steps = 0;
  readonly lists = new Map<string, ListCost>();

  constructor(
    private readonly schema: GraphQLSchema,
    private readonly fragments: Record<string, FragmentDefinitionNode>,
    private readonly variables: Record<string, unknown>,
    private readonly bounds: BoundContext,
    private readonly stopAt: number,
  ) {}

  selection(type: GraphQLObjectType, fields: Map<string, readonly FieldNode[]>, path: string, reach: number, scope: Scope): number {
    let cost = 0;
    for (const [key, nodes] of fields) cost += this.field(type, nodes, path === '' ? key : `${path}.${key}`, reach, scope);
    return cost;
  }

  private field(parent: GraphQLObjectType, nodes: readonly FieldNode[], path: string, reach: number, scope: Scope): number {
    if (++this.steps > MAX_ESTIMATE_STEPS) {
      throw new NotEstimable(`its fragments expand to more than ${MAX_ESTIMATE_STEPS} fields`);
    }
    const name = nodes[0]!.name.value;
    if (name === '__typename') return 1;
    if (name === '__schema' || name === '__type') return this.introspection(nodes);
    const def = parent.getFields()[name];
    if (def === undefined) return 0;
    let args: Args | null;
    try {
      args = getArgumentValues(def, nodes[0]!, this.variables);
    } catch {
      // An argument execution will refuse (e.g. null for a non-null one): the field answers an error and nothing under it.
      args = null;
    }
    const named = getNamedType(def.type);
    const list = isListType(getNullableType(def.type));
    const bound = list || named.name.endsWith('Connection') ? listBound(parent, def, args, scope, this.bounds) : undefined;
    let items = list ? bound!.items : 1;
    // Asked of n distinct nodes (a page), a list holds at most the n largest counts together, not n times the largest.
    if (list && bound!.top && scope.distinct !== undefined && scope.distinct > 0) items = Math.min(items, bound!.top(scope.distinct) / scope.distinct);
    if (list) this.note(path, parent, name, bound!, reach * items);
    if (isLeafType(named)) return 1 + (list ? items : 0);
    const below = { ...scopeOf(parent, def, args, scope, bound?.items ?? 1, this.bounds.stats), distinct: distinctBelow(parent, name, scope, items, bound) };
    let child = 0;
    for (const type of this.concrete(named)) {
      child = Math.max(child, this.selection(type, collectSubfields(this.schema, this.fragments, this.variables, type, nodes), path, reach * items, below));
    }
    return 1 + (list ? items * (1 + child) : child);
  }

  private introspection(nodes: readonly FieldNode[]): number {
    try {
      return introspectionCost(this.schema, this.fragments, this.variables, nodes, this.stopAt);
    } catch (error) {
      if (error instanceof CountStopped) return this.stopAt + 1;
      throw error;
    }
  }

  private concrete(type: GraphQLNamedType): readonly GraphQLObjectType[] {
    if (isObjectType(type)) return [type];
    return isAbstractType(type) ? this.schema.getPossibleTypes(type) : [];
  }

  private note(path: string, parent: GraphQLObjectType, name: string, bound: Bound, total: number): void {
    const known = this.lists.get(path);
    if (known !== undefined && known.total >= total) return;
    const paged = parent.getFields()[`${name}Connection`] ? `${name}Connection` : undefined;
    this.lists.set(path, { path, field: `${parent.name}.${name}`, each: bound.items, bound, total, ...(paged ? { paged } : {}) });
  }
}

/** Objects that hold one node each: the node of an edge, a hit, a lineage step, a state (`Type.field` → field). */
const HOLDS_ONE = new Set(['SearchHit.node', 'NeighbourhoodNode.node', 'LineageStep.node', 'MeetingState.meeting', 'CommonMember.member', 'PartnerAgreementKinds.partner', 'PartnerCoverage.partner']);

/**
 * How many distinct nodes the objects under a field are, per object asked (cost-bounds.ts uses it: n distinct
 * nodes hold at most the n largest counts together): a page's items, the items of a list of distinct nodes, the
 * children of a tree's distinct nodes, and the one node an edge (a hit, a step, …) holds; otherwise unknown.
 */
function distinctBelow(parent: GraphQLObjectType, name: string, scope: Scope, items: number, bound: Bound | undefined): number | undefined {
  if (name === 'edges' && parent.name.endsWith('Connection')) return items;
  if (bound?.distinct) return items;
  if ((name === 'node' && parent.name.endsWith('Edge')) || HOLDS_ONE.has(`${parent.name}.${name}`)) return scope.distinct;
  if (name === 'node' && parent.name === 'Query') return 1;
  if (bound?.disjoint && scope.distinct !== undefined) return Math.max(1, Math.ceil(scope.distinct * items));
  return undefined;
}

export interface EstimateArgs {
  schema: GraphQLSchema;
  document: DocumentNode;
  operation: OperationDefinitionNode | undefined;
  variables: Record<string, unknown>;
  bounds: BoundContext;
  /** The estimate stops counting introspection beyond this (MAX_COST). */
  stopAt?: number;
}

/** The estimate of one operation (see the header). Throws NotEstimable when it cannot be completed. */
export function estimateCost(args: EstimateArgs): Estimate {
  const { schema, operation } = args;
  const root = operation ? schema.getRootType(operation.operation) : undefined;
  if (!operation || !root) return { cost: 0, largest: [] };
  const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], args.variables, { maxErrors: 50 });
  // Variables that do not fit: execution refuses them before any field resolves.
  if (coerced.errors) return { cost: 0, largest: [] };
  const fragments: Record<string, FragmentDefinitionNode> = {};
  for (const d of args.document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments[d.name.value] = d;
  const walk = new Walk(schema, fragments, coerced.coerced, args.bounds, args.stopAt ?? Number.MAX_SAFE_INTEGER);
  const cost = walk.selection(root, collectFields(schema, fragments, coerced.coerced, root, operation.selectionSet), '', 1, {});
  const largest = [...walk.lists.values()].filter((l) => l.total > 0).sort((a, b) => b.total - a.total).slice(0, 3);
  return { cost, largest };
}

/**
 * The estimated cost of one operation of a document (tests and tools): with `stats`, as the API estimates it;
 * without, every list the data bounds counts as `maxItems` (MAX_RESULT_ITEMS, 10,000 by default).
 */
export function operationCost(args: {
  schema: GraphQLSchema;
  document: DocumentNode;
  variables?: Record<string, unknown>;
  operationName?: string | undefined;
  stats?: GraphStats | undefined;
  maxItems?: number;
}): number {
  const operation = getOperationAST(args.document, args.operationName) ?? undefined;
  const bounds = { stats: args.stats, maxItems: args.maxItems ?? 10_000, analystMaxRows: 1_000 };
  return estimateCost({ schema: args.schema, document: args.document, operation, variables: args.variables ?? {}, bounds }).cost;
}

/** Estimates remembered per parsed document (Apollo hands the same object for the same text); per document at most this many. */
const ESTIMATES_PER_DOCUMENT = 64;
const estimates = new WeakMap<object, Map<string, Estimate>>();

function rememberedAs(variables: Record<string, unknown>): string | undefined {
  try {
    return JSON.stringify(variables);
  } catch {
    return undefined;
  }
}

/**
 * `estimateCost`, remembered per document object, operation, variable values and statistics: a saved operation
 * sent again is not walked again until a load changes the statistics.
 */
export function cachedEstimate(args: EstimateArgs): Estimate {
  let known = estimates.get(args.document);
  if (!known) {
    known = new Map();
    estimates.set(args.document, known);
  }
  const stats = args.bounds.stats?.versions ?? '';
  const key = rememberedAs(args.variables);
  // Variables too deeply nested to write as JSON (a 5,000-deep analyst parameter): estimated, not remembered; the
  // field that reads them refuses them with its own message.
  if (key === undefined) return estimateCost(args);
  const id = `${args.operation?.name?.value ?? ''}\u0000${stats}\u0000${key}`;
  const hit = known.get(id);
  if (hit !== undefined) return hit;
  const estimate = estimateCost(args);
  if (known.size >= ESTIMATES_PER_DOCUMENT) known.delete(known.keys().next().value!);
  known.set(id, estimate);
  return estimate;
}

export interface CostOptions {
  maxCost: number;
  /** MAX_RESULT_ITEMS: a list nothing else bounds counts as this many items. */
  maxItems: number;
  /** ANALYST_CYPHER_MAX_ROWS. */
  analystMaxRows: number;
  /** The graph's statistics now (src/graphql/graph-stats-cache.ts). */
  stats: () => Promise<GraphStats | undefined>;
  /** A request read the datasets at these versions (the statistics refresh when they changed). */
  seen?: (versions: string | undefined) => void;
  /** The error of an operation over the limit; and of one the estimate could not walk. */
  tooCostly: (max: number, estimate: Estimate) => GraphQLError;
  notEstimable: (reason: string) => GraphQLError;
  /** The lists that make an operation large, for the error of one the result budget stopped while it ran. */
  explain?: (estimate: Estimate) => { text: string; largest: Record<string, unknown>[] };
  /** Objects and list items the request resolved (the result budget's counter). */
  actual: (query: QueryContext | undefined) => number;
}

/**
 * The cost limit: an operation estimated above `maxCost` is refused (HTTP 400) before anything runs, and so is
 * one the estimate cannot complete. Every response carries `extensions.cost: { estimated, actual, limit }`.
 */
export function costPlugin(options: CostOptions): ApolloServerPlugin {
  return {
    async requestDidStart() {
      let estimated: Estimate | null = null;
      return {
        async didResolveOperation({ schema, document, request, operation, contextValue }) {
          let estimate: Estimate;
          try {
            const stats = await options.stats();
            estimate = cachedEstimate({
              schema,
              document,
              operation,
              variables: request.variables ?? {},
              bounds: { stats, maxItems: options.maxItems, analystMaxRows: options.analystMaxRows },
              stopAt: options.maxCost,
            });
          } catch (error) {
            // Fail closed: an operation whose cost is unknown does not run.
            const refusal = options.notEstimable(error instanceof NotEstimable ? error.message : 'the estimate failed');
            refusal.extensions['http'] = { status: 400 };
            throw refusal;
          }
          estimated = estimate;
          // The compiler reads it: an operation whose worst case exceeds the result budget runs field by
          // field, where the budget is counted while it runs (src/compiler/compiler.ts).
          const query = (contextValue as { query?: QueryContext } | undefined)?.query;
          if (query) query.estimatedCost = estimate.cost;
          if (estimate.cost > options.maxCost) {
            const error = options.tooCostly(options.maxCost, estimate);
            error.extensions['http'] = { status: 400 };
            throw error;
          }
        },
        async willSendResponse({ response, contextValue }) {
          const query = (contextValue as { query?: QueryContext } | undefined)?.query;
          options.seen?.(query?.datasetVersions);
          if (response.body.kind !== 'single') return;
          const result = response.body.singleResult;
          const cost = { estimated: estimated === null ? null : readableCost(estimated.cost), actual: options.actual(query), limit: options.maxCost };
          result.extensions = { ...result.extensions, cost };
          // Stopped by the result budget while it ran: say which lists made it that large, and what to ask instead.
          if (estimated !== null && estimated.largest.length > 0 && options.explain && result.errors?.some((e) => e.extensions?.['limit'] === 'resultSize')) {
            const { text, largest } = options.explain(estimated);
            result.errors = result.errors.map((e) => (e.extensions?.['limit'] === 'resultSize' ? { ...e, message: `${e.message} ${text}`, extensions: { ...e.extensions, largest } } : e));
          }
        },
      };
    },
  };
}

/** A cost as JSON can carry it (Infinity is not JSON). */
export function readableCost(n: number): number {
  return Number.isFinite(n) ? Math.ceil(n) : Number.MAX_VALUE;
}
