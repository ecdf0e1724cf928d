/** What the observability plugins share: the request context they read, and bounded labels. */
import { Kind, type DocumentNode } from 'graphql';
import type { QueryContext } from '../neo4j/database.js';

/** The part of the GraphQL context the plugins read (GraphQLContext has it). */
export interface ObservedContext {
  query: QueryContext & { roundTrips?: number };
}

const NAME = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;
/** Distinct operation names kept as label values; later new names share one series. */
const MAX_NAMES = 200;
const seen = new Set<string>();

/**
 * The operation name as a metric label. Names are chosen by clients, so the set of label values is
 * bounded: malformed names and any beyond the first 200 distinct ones are reported as `other`.
 */
export function operationLabel(name: string | null | undefined): string {
  if (!name) return 'anonymous';
  if (!NAME.test(name)) return 'other';
  if (seen.has(name)) return name;
  if (seen.size >= MAX_NAMES) return 'other';
  seen.add(name);
  return name;
}

/**
 * A copy of `value` with every property whose name contains one of `keys` (case-insensitive)
 * replaced, at any depth: what the slow-query log prints of an operation's variables.
 */
export function redact(value: unknown, keys: readonly string[], depth = 0): unknown {
  if (depth > 20) return '[too deep]';
  if (Array.isArray(value)) return value.map((v) => redact(v, keys, depth + 1));
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>).map(([k, v]) => [
        k,
        keys.some((key) => k.toLowerCase().includes(key)) ? '[redacted]' : redact(v, keys, depth + 1),
      ]),
    );
  }
  return value;
}

/**
 * The name of the operation a request ran, as far as it got: the resolved operation, else the
 * name the client sent, else the name of the document's only operation (a request refused by
 * validation has no resolved operation).
 */
export function operationNameOf(rc: { operationName?: string | null; request: { operationName?: string | null }; document?: DocumentNode }): string | undefined {
  if (rc.operationName) return rc.operationName;
  if (rc.request.operationName) return rc.request.operationName;
  const operations = rc.document?.definitions.filter((d) => d.kind === Kind.OPERATION_DEFINITION) ?? [];
  return operations.length === 1 && operations[0]!.kind === Kind.OPERATION_DEFINITION ? operations[0]!.name?.value : undefined;
}
