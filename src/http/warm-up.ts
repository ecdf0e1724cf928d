/**
 * Cold start: before `/ready` says 200, the saved operations (operations/*.graphql, with their
 * defaults) run once through the schema, so Neo4j has planned and cached every statement they
 * compile to and the process has loaded and compiled its code paths. Until then `/ready` answers
 * 503 `warming`, and a load balancer keeps the instance out of rotation. The warm-up goes
 * straight to graphql-js (not through Apollo's plugins), so metrics and the slow-query log count
 * only real requests.
 */
import { graphql, type GraphQLSchema } from 'graphql';
import { createContext, type ContextDeps } from '../graphql/context.js';
import type { Logger } from '../logger.js';
import { loadExampleOperations } from './ide.js';

export interface WarmUpResult {
  operations: number;
  failed: string[];
  ms: number;
}

export async function warmUp(schema: GraphQLSchema, deps: ContextDeps, logger: Logger, timeoutMs: number): Promise<WarmUpResult> {
  const started = performance.now();
  const failed: string[] = [];
  const operations = loadExampleOperations();
  for (const { name, query } of operations) {
    // A fresh query context per operation: a context pins the dataset versions it saw.
    const context = createContext(deps, logger, { operationName: `warm-up:${name}`, timeoutMs });
    const result = await graphql({ schema, source: query, contextValue: context }).catch((error: unknown) => ({ errors: [error] }));
    if (result.errors?.length) failed.push(name);
  }
  const ms = Math.round(performance.now() - started);
  logger.info({ operations: operations.length, failed, ms }, 'warm-up done: statement caches primed');
  return { operations: operations.length, failed, ms };
}
