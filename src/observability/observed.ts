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
 * What a secret looks like, whatever it is called: a bearer or basic credential, a JWT, a URL with a
 * password, a `password=…`-style pair (connection strings, query strings), a private key, common API
 * key formats (AWS, GitHub, Slack).
 */
const SECRET_VALUES = [
  /\b(bearer|basic)\s+[A-Za-z0-9._~+/=-]{6,}/i,
  /\beyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]*/,
  /[a-z][a-z0-9+.-]*:\/\/[^\s/:@]+:[^\s/@]+@/i,
  /\b(password|passwd|pwd|secret|token|api[_-]?key|credentials?|auth)\s*[=:]\s*\S+/i,
  /-----BEGIN [A-Z ]*PRIVATE KEY-----/,
  /\b(AKIA[0-9A-Z]{16}|gh[pousr]_[A-Za-z0-9]{30,}|xox[abprs]-[A-Za-z0-9-]{10,})\b/,
];

/** True when a string looks like a secret (SECRET_VALUES). */
export function looksSecret(text: string): boolean {
  return SECRET_VALUES.some((pattern) => pattern.test(text));
}

/**
 * A copy of `value` with every property whose name contains one of `keys` (case-insensitive), and
 * every string that looks like a secret (`looksSecret`), replaced, at any depth: what the slow-query
 * log prints of an operation's variables.
 */
export function redact(value: unknown, keys: readonly string[], depth = 0): unknown {
  if (depth > 20) return '[too deep]';
  if (typeof value === 'string') return looksSecret(value) ? '[redacted]' : value;
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
