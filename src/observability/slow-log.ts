/**
 * The slow-query log: an operation that takes longer than the threshold is logged once, at warn
 * level, with what an operator needs to find and reproduce it: operation name, document hash,
 * variables (secrets redacted by name and by what they look like, observed.ts), round trips, time in
 * Neo4j and the Cypher statements' names (never their parameters). An analyst's Cypher statement and
 * its parameters (the variables the `cypher` field reads) are never logged, only their size.
 */
import type { ApolloServerPlugin } from '@apollo/server';
import { visit, type DocumentNode } from 'graphql';
import type { Logger } from '../logger.js';
import { operationNameOf, redact, type ObservedContext } from './observed.js';

/** The root field that runs analyst Cypher (schema/analytics.graphql). */
const ANALYST_FIELD = 'cypher';

/** The variables a document passes to the analyst Cypher field, at any depth of its arguments. */
function analystVariables(document: DocumentNode | undefined): Set<string> {
  const names = new Set<string>();
  if (!document) return names;
  visit(document, {
    Field(field) {
      if (field.name.value !== ANALYST_FIELD) return;
      for (const argument of field.arguments ?? []) {
        visit(argument, {
          Variable(variable) {
            names.add(variable.name.value);
          },
        });
      }
    },
  });
  return names;
}

/** The variables as logged: redacted (observed.ts), the analyst's statement and parameters by size only. */
function loggedVariables(variables: Record<string, unknown>, document: DocumentNode | undefined, redactKeys: readonly string[]): unknown {
  const analyst = analystVariables(document);
  const shown = Object.fromEntries(
    Object.entries(variables).map(([name, value]) => [
      name,
      analyst.has(name) ? `[analyst Cypher, ${typeof value === 'string' ? value.length : JSON.stringify(value ?? null).length} characters]` : value,
    ]),
  );
  return redact(shown, redactKeys);
}

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
              variables: loggedVariables(request.variables ?? {}, rc.document, settings.redact),
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
