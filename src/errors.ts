/**
 * The one error module. Every error a client can see is a GraphQLError subclass with an
 * `extensions.code`; anything else is masked in `formatError` and logged in full.
 */
import { GraphQLError } from 'graphql';

export const ErrorCode = {
  BAD_USER_INPUT: 'BAD_USER_INPUT',
  NOT_FOUND: 'NOT_FOUND',
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  FORBIDDEN: 'FORBIDDEN',
  DATABASE_UNAVAILABLE: 'DATABASE_UNAVAILABLE',
  QUERY_TIMEOUT: 'QUERY_TIMEOUT',
  /** Neo4j had not the memory this request needed (its transaction's or the server's pool). */
  DATABASE_OUT_OF_MEMORY: 'DATABASE_OUT_OF_MEMORY',
  /** A reload committed under the request again and again until its deadline (src/neo4j/consistency.ts). */
  DATASET_CHANGED: 'DATASET_CHANGED',
  /** The server drains (SIGTERM). */
  SHUTTING_DOWN: 'SHUTTING_DOWN',
  /** A guard could not measure the request, so it refused it (src/graphql/guards.ts). */
  LIMIT_CHECK_FAILED: 'LIMIT_CHECK_FAILED',
  INTERNAL_SERVER_ERROR: 'INTERNAL_SERVER_ERROR',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

/**
 * The one HTTP status of each error code, whichever part of the server raised it (a resolver, a plugin,
 * the request deadline, the database's own clock). A GraphQL response gets the status of its errors'
 * codes (the most severe one) unless it also carries data (src/graphql/status.ts). `BAD_REQUEST`, the
 * HTTP layer's code, is the exception: its status is the HTTP problem's own (400, 405, 406, 408, 413, 415, 431).
 */
export const HTTP_STATUS: Readonly<Record<string, number>> = {
  BAD_USER_INPUT: 400,
  GRAPHQL_PARSE_FAILED: 400,
  GRAPHQL_VALIDATION_FAILED: 400,
  LIMIT_CHECK_FAILED: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  INTERNAL_SERVER_ERROR: 500,
  DATABASE_UNAVAILABLE: 503,
  QUERY_TIMEOUT: 503,
  DATABASE_OUT_OF_MEMORY: 503,
  DATASET_CHANGED: 503,
  SHUTTING_DOWN: 503,
};

/** The HTTP status of an error code (400 for a code of the client's own making that is not listed). */
export function statusOf(code: unknown): number {
  return (typeof code === 'string' ? HTTP_STATUS[code] : undefined) ?? 400;
}

export class BadUserInputError extends GraphQLError {
  constructor(message: string, argument?: string) {
    super(message, { extensions: { code: ErrorCode.BAD_USER_INPUT, ...(argument ? { argument } : {}) } });
  }
}

export class NotFoundError extends GraphQLError {
  constructor(message: string) {
    super(message, { extensions: { code: ErrorCode.NOT_FOUND } });
  }
}

export class ForbiddenError extends GraphQLError {
  constructor(message: string) {
    super(message, { extensions: { code: ErrorCode.FORBIDDEN, http: { status: 403 } } });
  }
}

export class UnauthenticatedError extends GraphQLError {
  constructor(message: string) {
    super(message, { extensions: { code: ErrorCode.UNAUTHENTICATED, http: { status: 401 } } });
  }
}

/** The database cannot be reached: HTTP 503, so clients and load balancers retry later. */
export class DatabaseUnavailableError extends GraphQLError {
  constructor(message = 'The graph database is unavailable right now; try again shortly.') {
    super(message, { extensions: { code: ErrorCode.DATABASE_UNAVAILABLE, http: { status: 503 } } });
  }
}

/** The database stopped a query that ran past its time budget. */
export class QueryTimeoutError extends GraphQLError {
  constructor(timeoutMs: number) {
    super(`The query took longer than the ${timeoutMs} ms allowed and was stopped. Ask for less (smaller pages, fewer nested lists) or try again later.`, {
      extensions: { code: ErrorCode.QUERY_TIMEOUT, limit: 'time', max: timeoutMs, http: { status: 503 } },
    });
  }
}

/** Neo4j ran out of memory for this request: its transaction's limit or the server's memory pool. */
export class DatabaseOutOfMemoryError extends GraphQLError {
  constructor(neo4jCode: string) {
    super(
      `The database ran out of memory for this request (${neo4jCode.split('.').pop()}). Ask for less (smaller pages, fewer nested lists, fewer fields) or try again later.`,
      { extensions: { code: ErrorCode.DATABASE_OUT_OF_MEMORY, http: { status: 503 } } },
    );
  }
}

const UNAVAILABLE_CODES = new Set([
  'ServiceUnavailable',
  'SessionExpired',
  'Neo.TransientError.General.DatabaseUnavailable',
  'Neo.ClientError.Database.DatabaseNotFound',
  'Neo.TransientError.Database.DatabaseUnavailable',
]);

const TIMEOUT_CODES = new Set([
  'Neo.ClientError.Transaction.TransactionTimedOut',
  'Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration',
  // Stopped while waiting for a lock (its timeout): the driver reports the 5.x code, ClientError.
  'Neo.ClientError.Transaction.LockClientStopped',
  'Neo.TransientError.Transaction.LockClientStopped',
]);

/** The `code` of a driver (or any) error, when it has a string one. */
export function codeOf(error: unknown): string | undefined {
  if (typeof error === 'object' && error !== null && 'code' in error) {
    const code = (error as { code: unknown }).code;
    return typeof code === 'string' ? code : undefined;
  }
  return undefined;
}

/** True when a driver error means "the database is not there" rather than "the query is wrong". */
export function isUnavailable(error: unknown): boolean {
  const code = codeOf(error);
  if (code && UNAVAILABLE_CODES.has(code)) return true;
  const message = error instanceof Error ? error.message : '';
  return /ECONNREFUSED|ECONNRESET|connection.*(closed|refused|acquisition timed out)|Pool is closed|Could not perform discovery/i.test(
    message,
  );
}

export function isTimeout(error: unknown): boolean {
  const code = codeOf(error);
  return code !== undefined && TIMEOUT_CODES.has(code);
}

/** Turns a driver error into the client-facing error it stands for (or returns it unchanged). */
export function translateDriverError(error: unknown, timeoutMs: number): unknown {
  if (error instanceof GraphQLError) return error;
  if (isUnavailable(error)) return new DatabaseUnavailableError();
  if (codeOf(error) === 'Neo.ClientError.Transaction.Terminated') {
    // Someone (an operator, a shutdown) terminated the transaction: not the client's fault, retryable.
    return new DatabaseUnavailableError('The database stopped this request: its transaction was terminated (by an operator or a shutdown). Try again.');
  }
  if (isTimeout(error)) return new QueryTimeoutError(timeoutMs);
  return error;
}

/**
 * Every Neo4j error that reaches the client untranslated gets a code by its classification, never
 * INTERNAL_SERVER_ERROR (the full error is logged by the caller): memory → DATABASE_OUT_OF_MEMORY; a
 * timeout or a stopped lock wait → QUERY_TIMEOUT; any other transient error, a database failure or a
 * refusal of the API's own credentials → DATABASE_UNAVAILABLE (retry later); a statement or request the
 * database refused → BAD_USER_INPUT. Undefined for errors that are not Neo4j's.
 */
export function neo4jClientError(error: unknown, timeoutMs: number): GraphQLError | undefined {
  const code = codeOf(error);
  if (code === undefined || !code.startsWith('Neo.')) return undefined;
  const translated = translateDriverError(error, timeoutMs);
  if (translated instanceof GraphQLError) return translated;
  const [, classification, category = '', title = ''] = code.split('.');
  if (/memory/i.test(title)) return new DatabaseOutOfMemoryError(code);
  if (classification === 'TransientError' || classification === 'DatabaseError' || ['Security', 'Database', 'Cluster', 'Routing'].includes(category)) {
    return new DatabaseUnavailableError(`The database could not answer this request (${title || code}); try again shortly.`);
  }
  return new BadUserInputError(`The database refused this request (${title || code}); check the values of its arguments.`);
}
