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

/**
 * What one request has spent, kept on its query context (`QueryContext.budget`): the schema's
 * resolvers (budgetedSchema) count each field they resolve, and a compiled root counts its whole
 * result tree once when the rows arrive, so the fields under it are not counted (nor wrapped in
 * any plugin hook) one by one.
 */
export class BudgetMeter {
  private items = 0;
  private bytes = 0;
  /** Fields resolved and list items, as the response holds them (`resolvedItems`). */
  private shown = 0;
  stopped: GraphQLError | undefined;
  /** Response keys of the root fields whose result was counted whole. */
  private readonly counted = new Set<string>();

  constructor(
    private readonly budget: ResultBudget,
    private readonly query: QueryContext | undefined,
    private readonly deadline: number,
  ) {}

  // Stopping is asynchronous (budgetedSchema's resolvers and every later database read reject): a
  // field that threw here synchronously would make graphql-js abandon its siblings' promises, whose
  // later rejections nobody handles.
  private stop(error: GraphQLError): void {
    this.stopped ??= error;
    if (this.query) this.query.stopped ??= this.stopped;
  }

  private check(): void {
    if (this.items > this.budget.maxResultItems) this.stop(resultSizeError('MAX_RESULT_ITEMS', this.budget.maxResultItems, this.items));
    else if (this.bytes > this.budget.maxResultBytes) this.stop(resultSizeError('MAX_RESULT_BYTES', this.budget.maxResultBytes, this.bytes));
  }

  /**
   * Objects' fields and list items the operation resolved, as the response holds them, on either path (a
   * compiled root's tree counts more: every property of its records): `extensions.cost.actual` (cost.ts).
   */
  get resolvedItems(): number {
    return this.shown;
  }

  /** A field under a compiled root resolved to `result`: counted for `resolvedItems` only. */
  tally(result: unknown): void {
    this.shown += 1 + (Array.isArray(result) ? result.length : 0);
  }

  /** True for a field under a root whose result was counted whole (`countedTree`). */
  covers(path: Readonly<{ prev: unknown; key: string | number }>): boolean {
    if (this.counted.size === 0) return false;
    let p = path;
    while (p.prev) p = p.prev as typeof p;
    return p !== path && this.counted.has(p.key as string);
  }

  /** A field is about to resolve: one item, and now and then a look at the clock. */
  willResolve(): void {
    if (this.stopped) return;
    this.items += 1;
    this.shown += 1;
    if (this.items > this.budget.maxResultItems) this.stop(resultSizeError('MAX_RESULT_ITEMS', this.budget.maxResultItems, this.items));
    if (this.items % CLOCK_EVERY === 0 && Date.now() > this.deadline) this.stop(deadlineError(this.budget.requestTimeoutMs));
  }

  /** A field resolved to `result` (a leaf's value counts its bytes, a list its items). */
  didResolve(result: unknown, leaf: boolean): void {
    if (this.stopped) return;
    if (Array.isArray(result)) {
      this.items += result.length;
      this.shown += result.length;
    }
    if (leaf && result !== null && result !== undefined) this.bytes += sizeOf(result);
    this.check();
  }

  /**
   * A compiled root's whole value, counted once: every object property and list item is an item,
   * every string its length in bytes, every other value 8. The fields under `rootKey` are not
   * counted again.
   */
  countedTree(rootKey: string, value: unknown): void {
    this.counted.add(rootKey);
    const walk = (v: unknown): void => {
      if (v === null || v === undefined) return;
      if (typeof v === 'string') this.bytes += v.length;
      else if (Array.isArray(v)) {
        this.items += v.length;
        for (const x of v) walk(x);
      } else if (typeof v === 'object') {
        for (const key in v) {
          this.items += 1;
          walk((v as Record<string, unknown>)[key]);
        }
      } else this.bytes += 8;
    };
    walk(value);
    this.check();
  }
}

export function resultBudgetPlugin(budget: ResultBudget): ApolloServerPlugin {
  return {
    async requestDidStart({ contextValue }) {
      const query = (contextValue as { query?: QueryContext } | undefined)?.query;
      const meter = new BudgetMeter(budget, query, Date.now() + budget.requestTimeoutMs);
      if (query) query.budget = meter;
      return {
        async willSendResponse({ response }) {
          const stopped = meter.stopped;
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
      const leaf = isScalarType(getNamedType(field.type));
      field.resolve = (source, args, context: { query?: QueryContext } | undefined, info) => {
        const query = context?.query;
        if (query?.stopped) return Promise.reject(query.stopped);
        const meter = query?.budget as BudgetMeter | undefined;
        if (!meter) return resolve(source, args, context, info);
        if (meter.covers(info.path)) {
          const value = resolve(source, args, context, info);
          if (value instanceof Promise) value.then((v) => meter.tally(v), () => undefined);
          else meter.tally(value);
          return value;
        }
        meter.willResolve();
        const result = resolve(source, args, context, info);
        if (result instanceof Promise) {
          result.then(
            (value) => meter.didResolve(value, leaf),
            () => undefined,
          );
        } else meter.didResolve(result, leaf);
        return result;
      };
    }
  }
  return schema;
}
