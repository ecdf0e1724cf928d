/**
 * The work budget of one request, enforced while its response is produced (the cost estimate, cost.ts,
 * is only a forecast). It counts what the client will be sent:
 *
 * - MAX_RESULT_BYTES: the bytes of the response's `data` as serialised, keys as well as values: every
 *   field's response key (each alias on its own, `__typename` too), its value as JSON (strings in UTF-8
 *   with their escapes), brackets, braces and commas. A response whose data is exactly the budget passes;
 *   one byte more is refused.
 * - MAX_RESULT_ITEMS: the objects and list items of the response.
 * - the request's deadline, looked at every 256 fields, so a busy event loop cannot carry an operation past it.
 *
 * Every field of the schema is counted as it resolves, on the compiled path and the resolver path alike
 * (a compiled root's fields read its records, so counting them costs no database work). Past a limit,
 * every further field and database read of the request fails at once, and the answer is one error:
 * BAD_USER_INPUT with `limit: resultSize` (QUERY_TIMEOUT for the deadline), the setting and the number.
 * The heap therefore holds at most about one budget of results per request, whatever the query.
 *
 * The meter lives on the request's query context (`createContext` makes it), so a batch shares one, an
 * export counts all its pages against one (its file is counted again as it is written: exports/), and a
 * field resolved without one is refused (the guard is never skipped).
 */
import type { ApolloServerPlugin } from '@apollo/server';
import {
  GraphQLError,
  SchemaMetaFieldDef,
  TypeMetaFieldDef,
  TypeNameMetaFieldDef,
  defaultFieldResolver,
  introspectionTypes,
  getNullableType,
  isLeafType,
  isListType,
  isObjectType,
  type GraphQLFieldResolver,
  type GraphQLLeafType,
  type GraphQLOutputType,
  type GraphQLSchema,
} from 'graphql';
import { ErrorCode } from '../errors.js';
import type { QueryContext } from '../neo4j/database.js';
import { guardFailure } from './guards.js';

export interface ResultBudget {
  maxResultItems: number;
  maxResultBytes: number;
  requestTimeoutMs: number;
}

/** Fields between two looks at the clock. */
const CLOCK_EVERY = 256;

export function resultSizeError(setting: 'MAX_RESULT_ITEMS' | 'MAX_RESULT_BYTES', max: number, found: number): GraphQLError {
  const what = setting === 'MAX_RESULT_ITEMS' ? 'objects and list items' : 'bytes';
  return new GraphQLError(
    `The response grew past ${max} ${what}, the limit (${setting}), after ${found}; it was stopped. Ask for less: smaller pages (first/last), fewer nested lists, fewer fields or shorter aliases, or split the operation.`,
    { extensions: { code: ErrorCode.BAD_USER_INPUT, limit: 'resultSize', setting, max, found } },
  );
}

function deadlineError(timeoutMs: number): GraphQLError {
  return new GraphQLError(
    `The request took longer than the ${timeoutMs} ms allowed (REQUEST_TIMEOUT_MS) and was stopped. Ask for less (smaller pages, fewer nested lists) or try again later.`,
    { extensions: { code: ErrorCode.QUERY_TIMEOUT, limit: 'time', max: timeoutMs } },
  );
}

/** Printable ASCII but `"` and `\`: JSON writes these strings as they are, one byte a character. */
const PLAIN = /^[\x20\x21\x23-\x5b\x5d-\x7e]*$/;

/** Bytes of a string as JSON (quotes, escapes, UTF-8). */
export function jsonStringBytes(text: string): number {
  return PLAIN.test(text) ? text.length + 2 : Buffer.byteLength(JSON.stringify(text));
}

/** How one field's value adds to the response: bytes (with its share of braces and commas) and items. */
interface Sizer {
  bytes(value: unknown): number;
  items(value: unknown): number;
}

function leafSizer(type: GraphQLLeafType): Sizer {
  const serialised = (value: unknown): number => {
    const out = type.serialize(value);
    if (typeof out === 'string') return jsonStringBytes(out);
    const text = JSON.stringify(out);
    return text === undefined ? 4 : Buffer.byteLength(text);
  };
  return {
    bytes(value) {
      if (value === null || value === undefined) return 4;
      if (typeof value === 'string') return jsonStringBytes(value);
      if (typeof value === 'number') return Number.isFinite(value) ? String(value).length : 4;
      if (typeof value === 'boolean') return value ? 4 : 5;
      return serialised(value);
    },
    items: () => 0,
  };
}

// An object's braces and commas: `{` + `}` + one comma between fields = 1 + one byte counted with each field.
const objectSizer: Sizer = {
  bytes: (value) => (value === null || value === undefined ? 4 : 1),
  items: (value) => (value === null || value === undefined ? 0 : 1),
};

function listSizer(inner: Sizer): Sizer {
  return {
    bytes(value) {
      if (value === null || value === undefined || typeof value !== 'object') return 4;
      let bytes = 1;
      let n = 0;
      for (const item of value as Iterable<unknown>) {
        bytes += 1 + inner.bytes(item);
        n += 1;
      }
      return n === 0 ? 2 : bytes;
    },
    items(value) {
      if (value === null || value === undefined || typeof value !== 'object') return 0;
      let items = 0;
      for (const item of value as Iterable<unknown>) items += Math.max(1, inner.items(item));
      return items;
    },
  };
}

function sizerOf(type: GraphQLOutputType): Sizer {
  const nullable = getNullableType(type);
  if (isListType(nullable)) return listSizer(sizerOf(nullable.ofType));
  if (isLeafType(nullable)) return leafSizer(nullable);
  return objectSizer;
}

/**
 * What one request has spent, kept on its query context (`QueryContext.budget`). `items` is read by
 * the cost report (objects and list items resolved).
 */
export class BudgetMeter {
  private itemCount = 0;
  /** The data object's own share of braces (see objectSizer). */
  private byteCount = 1;
  private fields = 0;
  /** Fields resolved (`__typename` aside) and list items: what `extensions.cost.actual` reports. */
  private shown = 0;
  stopped: GraphQLError | undefined;

  constructor(
    private readonly budget: ResultBudget,
    private readonly query: QueryContext | undefined,
    private readonly deadline: number,
  ) {}

  /** Objects and list items resolved so far. */
  get items(): number {
    return this.itemCount;
  }

  /**
   * The fields the answer holds (`__typename` aside, which the cost estimate does not count) and their lists'
   * items, on either path: `extensions.cost.actual` (cost.ts), to set beside the estimate.
   */
  get resolvedItems(): number {
    return this.shown;
  }

  /** Bytes of the response's data so far. */
  get bytes(): number {
    return this.byteCount;
  }

  // Stopping is asynchronous (budgetedSchema's resolvers and every later database read reject): a
  // field that threw here synchronously would make graphql-js abandon its siblings' promises, whose
  // later rejections nobody handles.
  stop(error: GraphQLError): void {
    this.stopped ??= error;
    if (this.query) this.query.stopped ??= this.stopped;
  }

  private check(): void {
    if (this.itemCount > this.budget.maxResultItems) this.stop(resultSizeError('MAX_RESULT_ITEMS', this.budget.maxResultItems, this.itemCount));
    else if (this.byteCount > this.budget.maxResultBytes) this.stop(resultSizeError('MAX_RESULT_BYTES', this.budget.maxResultBytes, this.byteCount));
  }

  /** A field resolved: `"key":` and its value as they will be serialised. */
  field(key: string | number, value: unknown, sizer: Sizer, shown = true): void {
    if (this.stopped) return;
    if (shown) this.shown += 1 + (Array.isArray(value) ? value.length : 0);
    try {
      // Response keys are GraphQL names (ASCII): quotes, colon, and the comma or brace before it.
      this.byteCount += String(key).length + 4 + sizer.bytes(value);
      this.itemCount += sizer.items(value);
    } catch (error) {
      // A value the meter cannot measure is not sent unmeasured.
      this.stop(guardFailure('resultSize', 'MAX_RESULT_BYTES', error));
      return;
    }
    this.check();
    this.fields += 1;
    if (this.fields % CLOCK_EVERY === 0 && Date.now() > this.deadline) this.stop(deadlineError(this.budget.requestTimeoutMs));
  }

  /** Text produced outside GraphQL (an export file, as it is written), against MAX_RESULT_BYTES. */
  addBytes(bytes: number): void {
    if (this.stopped) return;
    this.byteCount += bytes;
    this.check();
  }
}

/** The meter of the request's query context; made once per context (see `createContext`). */
export function meterOf(query: QueryContext, budget: ResultBudget): BudgetMeter {
  if (query.budget instanceof BudgetMeter) return query.budget;
  const meter = new BudgetMeter(budget, query, Date.now() + budget.requestTimeoutMs);
  query.budget = meter;
  return meter;
}

/** Replaces an answer whose budget ran out by its one error (and the status of its code). */
export function resultBudgetPlugin(): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response, contextValue }) {
          const stopped = ((contextValue as { query?: QueryContext } | undefined)?.query?.budget as BudgetMeter | undefined)?.stopped;
          if (!stopped || response.body.kind !== 'single') return;
          // One clear error instead of a tree of nulls and one error per stopped field.
          response.body.singleResult = { errors: [{ message: stopped.message, extensions: { ...stopped.extensions } }] };
        },
      };
    },
  };
}

function noMeter(): GraphQLError {
  return guardFailure('resultSize', 'MAX_RESULT_BYTES', new Error('the request has no work budget'));
}

type Resolver = GraphQLFieldResolver<unknown, { query?: QueryContext } | undefined>;

/** `resolve`, counted: refused once the budget is spent (or when there is no budget), measured when it resolves. */
function metered(resolve: Resolver, sizer: Sizer): Resolver {
  return (source, args, context, info) => {
    const query = context?.query;
    const meter = query?.budget as BudgetMeter | undefined;
    if (!meter) return Promise.reject(noMeter());
    if (query!.stopped) return Promise.reject(query!.stopped);
    const result = resolve(source, args, context, info);
    if (result instanceof Promise) {
      result.then(
        (value) => meter.field(info.path.key, value, sizer, info.fieldName !== '__typename'),
        () => undefined,
      );
    } else meter.field(info.path.key, result, sizer, info.fieldName !== '__typename');
    return result;
  };
}

const budgeted = new WeakSet<GraphQLSchema>();
let metaMetered = false;

/**
 * `__typename`, `__schema`, `__type` and the introspection types' fields are graphql-js's own shared
 * definitions, not fields of the schema: they are metered there, for the schemas made by
 * `budgetedSchema` and requests that carry a meter (graphql-js's own introspection of a schema, e.g. the
 * IDE's schema file, runs without one and is left as it was), and other schemas are left alone.
 */
function meterMetaFields(): void {
  if (metaMetered) return;
  metaMetered = true;
  const fields = [TypeNameMetaFieldDef, SchemaMetaFieldDef, TypeMetaFieldDef, ...introspectionTypes.filter(isObjectType).flatMap((t) => Object.values(t.getFields()))];
  for (const field of fields as { resolve?: Resolver; type: GraphQLOutputType }[]) {
    const own = field.resolve ?? (defaultFieldResolver as Resolver);
    const counted = metered(own, sizerOf(field.type));
    field.resolve = (source, args, context, info) =>
      budgeted.has(info.schema) && context?.query?.budget ? counted(source, args, context, info) : own(source, args, context, info);
  }
}

/**
 * Makes every field of the schema count what it adds to the response, and resolve to the request's
 * stop error once its budget is spent (a rejected promise, so graphql-js finishes the level and goes no
 * deeper). Cached records (a DataLoader's, a compiled root's) would otherwise let a fan-out go on
 * without a single database read.
 */
export function budgetedSchema(schema: GraphQLSchema): GraphQLSchema {
  meterMetaFields();
  budgeted.add(schema);
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) {
      field.resolve = metered((field.resolve ?? defaultFieldResolver) as Resolver, sizerOf(field.type));
    }
  }
  return schema;
}
