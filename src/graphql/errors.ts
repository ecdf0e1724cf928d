/** Apollo's formatError: known errors pass with their code; anything else is masked and logged. */
import type { GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import { GraphQLError } from 'graphql';
import type { Logger } from '../logger.js';
import { BadUserInputError, ErrorCode, neo4jClientError } from '../errors.js';

const PASS_THROUGH = new Set<string>([
  ...Object.values(ErrorCode).filter((c) => c !== ErrorCode.INTERNAL_SERVER_ERROR),
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'PERSISTED_QUERY_REQUIRED',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
]);

export function createFormatError(logger: Logger, queryTimeoutMs: number) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = unwrapResolverError(error);
    // A Neo4j error no layer translated still gets a code of its own (src/errors.ts), and is logged in full.
    const neo4j = neo4jClientError(original, queryTimeoutMs);
    if (neo4j) {
      logger.warn({ err: original, path: formatted.path }, `Neo4j error answered as ${String(neo4j.extensions['code'])}`);
      return { ...formatted, message: neo4j.message, extensions: { code: neo4j.extensions['code'] } };
    }
    let code = formatted.extensions?.['code'];
    // A literal that a scalar rejects (e.g. a malformed PartialDate) fails validation, but it is bad
    // user input, and the scalar's message already says what is accepted.
    if (code === 'GRAPHQL_VALIDATION_FAILED' && original instanceof GraphQLError && original.originalError instanceof BadUserInputError) {
      code = ErrorCode.BAD_USER_INPUT;
      formatted = { ...formatted, extensions: { ...formatted.extensions, code } };
    }
    if (typeof code === 'string' && PASS_THROUGH.has(code)) {
      // Coerced-variable and argument errors from graphql-js also arrive as BAD_USER_INPUT.
      const { stacktrace: _stack, http: _http, ...extensions } = formatted.extensions ?? {};
      return { ...formatted, extensions };
    }
    if (original instanceof GraphQLError && original.extensions['code'] === undefined && !(original.originalError instanceof Error)) {
      return formatted;
    }
    logger.error({ err: original, path: formatted.path }, 'unexpected error (masked for the client)');
    return {
      message: 'Internal server error: the error was logged on the server.',
      ...(formatted.path ? { path: formatted.path } : {}),
      ...(formatted.locations ? { locations: formatted.locations } : {}),
      extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR },
    };
  };
}
