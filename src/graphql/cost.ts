/**
 * The cost estimate of an operation, computed from the schema's types and the request's variables
 * once the operation is resolved and before anything runs (graphql-query-complexity; an Apollo
 * plugin, because validation rules do not see the variables). Every field costs 1 plus what it selects, times how many items it can
 * return:
 *
 * - a connection (`…Connection`): its `first`/`last` (the largest page, 100, when it comes from a
 *   variable or is absent); its `edges` are that page, not a second multiplier;
 * - a list with a `limit` or `ids` argument: that number (`nodes(ids:)` counts its ids);
 * - any other list (an entity's agreements, an agreement's parties, …): UNPAGINATED_LIST_BOUND.
 *
 * So nested unpaginated lists multiply: five levels of `agreements { parties { … } }` are refused
 * here, up front. What the estimate misses, the result-size budget (result-budget.ts) stops while the
 * operation runs.
 */
import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, getNamedType, getNullableType, isListType } from 'graphql';
import { getComplexity, type ComplexityEstimatorArgs } from 'graphql-query-complexity';

/** What one unpaginated list field is assumed to hold (the documented bound; README, MAX_COST). */
export const UNPAGINATED_LIST_BOUND = 10;
/** The largest page a connection returns (src/services/pagination.ts, MAX_PAGE_SIZE). */
const LARGEST_PAGE = 100;

function count(value: unknown): number | undefined {
  if (typeof value === 'number' && Number.isFinite(value) && value >= 0) return Math.min(value, Number.MAX_SAFE_INTEGER);
  if (Array.isArray(value)) return value.length;
  return undefined;
}

/** How many items a field can return, by the rules above. */
export function itemsOf({ field, args, type }: Pick<ComplexityEstimatorArgs, 'field' | 'args' | 'type'>): number {
  const returned = getNullableType(field.type);
  if (getNamedType(returned).name.endsWith('Connection')) return count(args['first']) ?? count(args['last']) ?? LARGEST_PAGE;
  if (!isListType(returned)) return 1;
  // The edges (or nodes) of a connection: already counted by the connection's own page size.
  if (type.name.endsWith('Connection')) return 1;
  return count(args['limit']) ?? count(args['ids']) ?? UNPAGINATED_LIST_BOUND;
}

function estimate(options: ComplexityEstimatorArgs): number {
  // Introspection (__schema, __type) is answered from memory; the introspection setting governs it.
  if (options.field.name.startsWith('__')) return 0;
  return (1 + options.childComplexity) * itemsOf(options);
}

/** The estimated cost of one operation of a document. */
export function operationCost(args: { schema: Parameters<typeof getComplexity>[0]['schema']; document: Parameters<typeof getComplexity>[0]['query']; variables?: Record<string, unknown>; operationName?: string | undefined }): number {
  return getComplexity({
    schema: args.schema,
    query: args.document,
    variables: args.variables ?? {},
    ...(args.operationName ? { operationName: args.operationName } : {}),
    estimators: [estimate],
  });
}

/** Costs remembered per parsed document (Apollo hands the same object for the same text); per document at most this many variable sets. */
const COSTS_PER_DOCUMENT = 64;
const costs = new WeakMap<object, Map<string, number>>();

/**
 * `operationCost`, remembered per document object, operation and variable values: a saved operation
 * sent again with the same variables is not walked again. Documents are parsed and validated once
 * by Apollo's cache, so the same text arrives as the same object.
 */
export function cachedOperationCost(args: Parameters<typeof operationCost>[0]): number {
  let known = costs.get(args.document);
  if (!known) {
    known = new Map();
    costs.set(args.document, known);
  }
  const key = `${args.operationName ?? ''}\u0000${JSON.stringify(args.variables ?? {})}`;
  const hit = known.get(key);
  if (hit !== undefined) return hit;
  const cost = operationCost(args);
  if (known.size >= COSTS_PER_DOCUMENT) known.delete(known.keys().next().value!);
  known.set(key, cost);
  return cost;
}

/** The cost limit: an operation estimated above `maxCost` is refused (HTTP 400) with `tooCostly`'s error. */
export function costPlugin(maxCost: number, tooCostly: (max: number, actual: number) => GraphQLError): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, request, operationName, contextValue }) {
          let cost: number;
          try {
            cost = cachedOperationCost({ schema, document, variables: request.variables ?? {}, operationName: operationName ?? undefined });
          } catch {
            // Variables that do not fit the operation: execution reports them (BAD_USER_INPUT) before any work.
            return;
          }
          // The compiler reads it: an operation whose worst case exceeds the result budget runs field by
          // field, where the budget is counted while it runs (src/compiler/compiler.ts).
          const query = (contextValue as { query?: { estimatedCost?: number } } | undefined)?.query;
          if (query) query.estimatedCost = cost;
          if (cost > maxCost) {
            const error = tooCostly(maxCost, cost);
            error.extensions['http'] = { status: 400 };
            throw error;
          }
        },
      };
    },
  };
}
