/**
 * The steps of a GraphQL request over HTTP, in order, written once: the request's deadline (which
 * also bounds how long its body may take to arrive), the body under BODY_LIMIT, the batch limit, the
 * trusted-documents rules, HTTP caching of GET queries, Apollo (run again while a reload changed the
 * data under it) and the error handler that words the HTTP layer's refusals. The general chain mounts
 * it at /graphql after CORS and the other routes; the fast lane (fast-lane.ts) calls the very same
 * router first for a plain JSON POST that needs neither.
 */
import express, { type RequestHandler, type Router } from 'express';
import type { Logger } from '../logger.js';
import { batchLimit, requestDeadline, requestErrorHandler, type Limits } from '../graphql/limits.js';
import { consistentGraphQL, type ConsistentRun } from './consistent-graphql.js';
import { jsonBody } from './json-body.js';

export interface GraphQLChainOptions {
  limits: Limits;
  /** The trusted-documents middleware in force (it may answer the request itself). */
  trustedDocuments: RequestHandler;
  /** HTTP caching of GET queries (none when HTTP_CACHE=off). */
  httpCache: RequestHandler[];
  run: ConsistentRun;
  logger: Logger;
}

export function graphqlChain(options: GraphQLChainOptions): Router {
  const { limits } = options;
  const router = express.Router();
  router.use(
    '/graphql',
    requestDeadline(limits),
    jsonBody(limits.bodyLimit),
    batchLimit(limits),
    options.trustedDocuments,
    ...options.httpCache,
    consistentGraphQL(options.run),
    requestErrorHandler(limits, options.logger),
  );
  return router;
}
