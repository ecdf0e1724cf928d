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
  INTERNAL_SERVER_ERROR: 'INTERNAL_SERVER_ERROR',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

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
    super(`The query took longer than the ${timeoutMs} ms allowed and was stopped.`, {
      extensions: { code: ErrorCode.QUERY_TIMEOUT },
    });
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
  'Neo.TransientError.Transaction.LockClientStopped',
  'Neo.TransientError.Transaction.Terminated',
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
