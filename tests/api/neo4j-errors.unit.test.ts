/**
 * Every Neo4j error gets a code of its own, never INTERNAL_SERVER_ERROR (issue 27: a memory-pool error and
 * a stopped lock wait were answered as internal errors), and each code has its one HTTP status. The errors
 * are the driver's own (`Neo4jError`, with Neo4j's status codes as the 5.x driver reports them).
 */

/** A driver error with Neo4j's status code. */
const newError = (message: string, code: string) => new Neo4jError(message, code, '50N42', 'error: general processing exception', { OPERATION: '', OPERATION_CODE: '0', CURRENT_SCHEMA: '/' });
import { GraphQLError } from 'graphql';
import { Neo4jError } from 'neo4j-driver';
import { describe, expect, it } from 'vitest';
import { HTTP_STATUS, neo4jClientError, translateDriverError } from '../../src/errors.js';
import { createFormatError } from '../../src/graphql/errors.js';
import { createLogger } from '../../src/logger.js';

const cases: [string, string, number][] = [
  ['Neo.TransientError.General.MemoryPoolOutOfMemoryError', 'DATABASE_OUT_OF_MEMORY', 503],
  ['Neo.TransientError.General.TransactionMemoryLimit', 'DATABASE_OUT_OF_MEMORY', 503],
  ['Neo.ClientError.Transaction.LockClientStopped', 'QUERY_TIMEOUT', 503],
  ['Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration', 'QUERY_TIMEOUT', 503],
  ['Neo.ClientError.Transaction.Terminated', 'DATABASE_UNAVAILABLE', 503],
  ['Neo.TransientError.Transaction.DeadlockDetected', 'DATABASE_UNAVAILABLE', 503],
  ['Neo.TransientError.General.DatabaseUnavailable', 'DATABASE_UNAVAILABLE', 503],
  ['Neo.DatabaseError.General.UnknownError', 'DATABASE_UNAVAILABLE', 503],
  ['Neo.DatabaseError.Statement.ExecutionFailed', 'DATABASE_UNAVAILABLE', 503],
  ['Neo.ClientError.Security.Unauthorized', 'DATABASE_UNAVAILABLE', 503],
  ['Neo.ClientError.Statement.ArithmeticError', 'BAD_USER_INPUT', 400],
  ['Neo.ClientError.Statement.ArgumentError', 'BAD_USER_INPUT', 400],
];

describe('Neo4j errors', () => {
  it.each(cases)('%s → %s (HTTP %i)', (neo4jCode, code, status) => {
    const error = neo4jClientError(newError('the database said no', neo4jCode), 1000);
    expect(error).toBeInstanceOf(GraphQLError);
    expect(error!.extensions['code']).toBe(code);
    expect(HTTP_STATUS[code]).toBe(status);
    // The client is told what happened in words, not Neo4j's own message.
    expect(error!.message).not.toContain('the database said no');
  });

  it('a stopped lock wait (the 5.x driver reports it as a ClientError) was an internal error; it is a timeout', () => {
    const translated = translateDriverError(newError('LockClient[42] is stopped', 'Neo.ClientError.Transaction.LockClientStopped'), 1000);
    expect((translated as GraphQLError).extensions?.['code']).toBe('QUERY_TIMEOUT');
  });

  it('an error that is not Neo4j’s is left to the masking of formatError', () => {
    expect(neo4jClientError(new Error('a bug'), 1000)).toBeUndefined();
  });

  it('formatError answers an untranslated Neo4j error with its code, not INTERNAL_SERVER_ERROR', () => {
    const format = createFormatError(createLogger('silent'), 1000);
    const original = newError('Pool out of memory', 'Neo.TransientError.General.MemoryPoolOutOfMemoryError');
    const located = new GraphQLError(original.message, { path: ['countries'], originalError: original });
    const formatted = format({ message: original.message, path: ['countries'], extensions: { code: 'INTERNAL_SERVER_ERROR' } }, located);
    expect(formatted.extensions).toEqual({ code: 'DATABASE_OUT_OF_MEMORY' });
    expect(formatted.path).toEqual(['countries']);
    expect(formatted.message).toMatch(/ran out of memory .* ask for less/i);
  });
});
