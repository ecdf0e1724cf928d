/**
 * The slow-query log: an operation that takes longer than the threshold is logged once, at warn
 * level, with what an operator needs to find and reproduce it: operation name, document hash,
 * variables (secrets redacted by name), round trips, time in Neo4j and the Cypher statements'
 * names (never their parameters).
 */
import type { ApolloServerPlugin } from '@apollo/server';
import type { Logger } from '../logger.js';
import { operationNameOf, redact, type ObservedContext } from './observed.js';

export interface SlowLogSettings {
  /** Operations slower than this many milliseconds are logged; 0 turns the log off. */
  thresholdMs: number;
  /** Variable names (substrings, case-insensitive) whose values are never logged. */
  redact: readonly string[];
}

export function slowQueryLog(settings: SlowLogSettings, logger: Logger): ApolloServerPlugin<ObservedContext> {
  const log = logger.child({ component: 'slow-query' });
  return {
    async requestDidStart({ contextValue }) {
      if (settings.thresholdMs <= 0) return {};
      const started = performance.now();
      let documentHash: string | undefined;
      return {
        async didResolveSource({ queryHash }) {
          documentHash = queryHash;
        },
        async willSendResponse(rc) {
          const { request, errors } = rc;
          const durationMs = performance.now() - started;
          if (durationMs < settings.thresholdMs) return;
          const name = operationNameOf(rc) ?? 'anonymous';
          const observed = contextValue.query.observed;
          log.warn(
            {
              operation: name,
              documentHash,
              variables: redact(request.variables ?? {}, settings.redact),
              durationMs: Math.round(durationMs),
              roundTrips: contextValue.query.roundTrips ?? 0,
              neo4jMs: observed ? Math.round(observed.neo4jMs) : undefined,
              statements: observed?.statements,
              errors: errors?.length ?? 0,
            },
            `slow operation ${name}: ${Math.round(durationMs)} ms (threshold ${settings.thresholdMs} ms)`,
          );
        },
      };
    },
  };
}
