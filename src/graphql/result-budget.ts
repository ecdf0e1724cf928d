/**
 * The work budget of one operation, enforced while it runs (the cost estimate, cost.ts, is only a
 * forecast): every resolved field and every list item counts against MAX_RESULT_ITEMS, every
 * resolved string or JSON value's length against MAX_RESULT_BYTES, and the request's deadline is
 * checked as fields resolve, so a busy event loop cannot carry an operation past it.
 *
 * Past a limit, every further database read of the request fails at once (so no list fans out
 * any more), and the answer is one error: BAD_USER_INPUT with `limit: resultSize` (or QUERY_TIMEOUT for the
 * deadline), the setting and the number, HTTP 400 (503). The heap therefore holds at most about
 * one budget of results per request, whatever the query.
 */
import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, defaultFieldResolver, getNamedType, isObjectType, isScalarType, type GraphQLSchema } from 'graphql';
import { ErrorCode } from '../errors.js';
import type { QueryContext } from '../neo4j/database.js';

export interface ResultBudget {
  maxResultItems: number;
  maxResultBytes: number;
  requestTimeoutMs: number;
}

interface Spent {
  items: number;
  bytes: number;
  stopped?: GraphQLError;
}

/** Fields between two looks at the clock. */
const CLOCK_EVERY = 256;

function sizeOf(value: unknown): number {
  if (typeof value === 'string') return value.length;
  if (value === null || value === undefined || typeof value !== 'object') return 8;
  try {
    return JSON.stringify(value).length;
  } catch {
    return 0;
  }
}

export function resultSizeError(setting: 'MAX_RESULT_ITEMS' | 'MAX_RESULT_BYTES', max: number, found: number): GraphQLError {
  const what = setting === 'MAX_RESULT_ITEMS' ? 'objects and list items' : 'bytes of values';
  return new GraphQLError(
    `The response grew past ${max} ${what}, the limit (${setting}), after ${found}; it was stopped. Ask for less: smaller pages (first/last), fewer nested lists, fewer fields, or split the operation.`,
    { extensions: { code: ErrorCode.BAD_USER_INPUT, limit: 'resultSize', setting, max, found, http: { status: 400 } } },
  );
}

function deadlineError(timeoutMs: number): GraphQLError {
  return new GraphQLError(
    `The request took longer than the ${timeoutMs} ms allowed (REQUEST_TIMEOUT_MS) and was stopped. Ask for less (smaller pages, fewer nested lists) or try again later.`,
    { extensions: { code: ErrorCode.QUERY_TIMEOUT, limit: 'time', max: timeoutMs, http: { status: 503 } } },
  );
}

export function resultBudgetPlugin(budget: ResultBudget): ApolloServerPlugin {
  return {
    async requestDidStart() {
      const spent: Spent = { items: 0, bytes: 0 };
      const started = Date.now();
      const deadline = started + budget.requestTimeoutMs;
      // Stopping is asynchronous (budgetedSchema's resolvers and every later database read reject):
      // a field that threw here synchronously would make graphql-js abandon its siblings'
      // promises, whose later rejections nobody handles.
      const stop = (query: QueryContext | undefined, error: GraphQLError): void => {
        spent.stopped ??= error;
        if (query) query.stopped ??= spent.stopped;
      };
      return {
        async executionDidStart() {
          return {
            willResolveField({ info, contextValue }) {
              const query = (contextValue as { query?: QueryContext }).query;
              if (spent.stopped) return;
              spent.items += 1;
              if (spent.items > budget.maxResultItems) stop(query, resultSizeError('MAX_RESULT_ITEMS', budget.maxResultItems, spent.items));
              if (spent.items % CLOCK_EVERY === 0 && Date.now() > deadline) stop(query, deadlineError(budget.requestTimeoutMs));
              const leaf = isScalarType(getNamedType(info.returnType));
              return (error, result) => {
                if (error || spent.stopped) return;
                if (Array.isArray(result)) spent.items += result.length;
                if (leaf && result !== null && result !== undefined) spent.bytes += sizeOf(result);
                if (spent.items > budget.maxResultItems) stop(query, resultSizeError('MAX_RESULT_ITEMS', budget.maxResultItems, spent.items));
                else if (spent.bytes > budget.maxResultBytes) stop(query, resultSizeError('MAX_RESULT_BYTES', budget.maxResultBytes, spent.bytes));
              };
            },
          };
        },
        async willSendResponse({ response }) {
          const stopped = spent.stopped;
          if (!stopped || response.body.kind !== 'single') return;
          // One clear error instead of a tree of nulls and one error per stopped field.
          response.body.singleResult = { errors: [{ message: stopped.message, extensions: { ...stopped.extensions, http: undefined } }] };
          response.http.status = (stopped.extensions['http'] as { status: number }).status;
        },
      };
    },
  };
}

/**
 * Makes every field of the schema resolve to the request's stop error once its budget is spent
 * (a rejected promise, so graphql-js finishes the level and goes no deeper). Cached records (a
 * DataLoader's) would otherwise let a fan-out go on without a single database read.
 */
export function budgetedSchema(schema: GraphQLSchema): GraphQLSchema {
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) {
      const resolve = field.resolve ?? defaultFieldResolver;
      field.resolve = (source, args, context: { query?: QueryContext } | undefined, info) => {
        const stopped = context?.query?.stopped;
        return stopped ? Promise.reject(stopped) : resolve(source, args, context, info);
      };
    }
  }
  return schema;
}
