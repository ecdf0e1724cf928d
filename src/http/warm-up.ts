/**
 * Cold start: before `/ready` says 200, every statement a client can ask for runs once, so Neo4j has
 * planned and cached it and the process has loaded and compiled its code paths: the saved operations
 * (operations/*.graphql) and the explorer's (operations/explorer/*.graphql), with their defaults, through
 * the schema; then every export (`/export/…`, lists two pages deep, questions and graph files with the
 * shipped dataset's keys) through the export routes' own handlers. Until then `/ready` answers 503
 * `warming`, and a load balancer keeps the instance out of rotation. The warm-up goes straight to
 * graphql-js and the handlers (not through Apollo's plugins or HTTP), so metrics and the slow-query log
 * count only real requests.
 */
import path from 'node:path';
import { graphql, type GraphQLSchema } from 'graphql';
import { createContext, type ContextDeps } from '../graphql/context.js';
import type { Logger } from '../logger.js';
import { loadExampleOperations, OPERATIONS_DIR } from './ide.js';

export interface WarmUpResult {
  /** Saved and explorer operations run. */
  operations: number;
  /** Exports run (0 without `exports`). */
  exports: number;
  /** Names of the operations and exports that failed (logged; the warm-up goes on). */
  failed: string[];
  ms: number;
}

export interface WarmUpOptions {
  timeoutMs: number;
  /** Runs every export once: how many, and the names that failed (src/exports/router.ts `warm`). */
  exports?: () => Promise<{ count: number; failed: string[] }>;
}

export async function warmUp(schema: GraphQLSchema, deps: ContextDeps, logger: Logger, options: WarmUpOptions): Promise<WarmUpResult> {
  const started = performance.now();
  const failed: string[] = [];
  const operations = [...loadExampleOperations(), ...loadExampleOperations(path.join(OPERATIONS_DIR, 'explorer'))];
  for (const { name, query } of operations) {
    // A fresh query context per operation: a context pins the dataset versions it saw.
    const context = createContext(deps, logger, { operationName: `warm-up:${name}`, timeoutMs: options.timeoutMs });
    const result = await graphql({ schema, source: query, contextValue: context }).catch((error: unknown) => ({ errors: [error] }));
    if (result.errors?.length) failed.push(name);
  }
  const operationsMs = Math.round(performance.now() - started);
  const exported = options.exports ? await options.exports() : { count: 0, failed: [] };
  failed.push(...exported.failed);
  const ms = Math.round(performance.now() - started);
  const exports = exported.count;
  logger.info({ operations: operations.length, exports, failed, ms, operationsMs }, 'warm-up done: statement caches primed');
  return { operations: operations.length, exports, failed, ms };
}
