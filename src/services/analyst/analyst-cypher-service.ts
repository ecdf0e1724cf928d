/**
 * Analyst Cypher, sandboxed: off unless a token is configured; the caller presents it as
 * `Authorization: Bearer <token>`; the statement must pass the policy (cypher-policy.ts: no files,
 * URLs, administration commands, writes, unlisted procedures, internal ids, or expressions Neo4j cannot
 * stop); the parameters are a small plain JSON object; it runs in a READ transaction of the analyst's
 * own database (never the public one unless explicitly allowed: src/lifecycle/analyst-database.ts)
 * within the analyst timeout (never past the request's deadline) and at most `maxRows` rows come back.
 * Every refusal is FORBIDDEN with the reason, every mistake BAD_USER_INPUT, a database that is not
 * answering (the analyst's restarts after a runaway statement) DATABASE_UNAVAILABLE (HTTP 503, Retry-After),
 * never INTERNAL_SERVER_ERROR.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import { GraphQLError } from 'graphql';
import { BadUserInputError, codeOf, DatabaseUnavailableError, ForbiddenError, QueryTimeoutError, UnauthenticatedError } from '../../errors.js';
import type { QueryContext } from '../../neo4j/database.js';
import type { AnalystCypherRepository, CypherRows } from '../../repositories/analyst-cypher-repository.js';
import { checkAnalystCypher } from './cypher-policy.js';

/** Analyst Cypher settings (src/config.ts, `analyst`). No token: the feature is off. */
export interface AnalystSettings {
  token?: string | undefined;
  timeoutMs: number;
  maxRows: number;
}

/** Analyst transactions are named `analyst:<operation>`: the watchdog watches those (a colon no GraphQL name holds). */
export const ANALYST_OPERATION_PREFIX = 'analyst:';

const REFUSED_ON_PUBLIC =
  'Analyst Cypher is not available on this server: it would run on the public database (NEO4J_URI), where one runaway ' +
  'statement slows every public request. Set ANALYST_NEO4J_URI to a read replica or a second database, or ' +
  'ANALYST_CYPHER_ON_PUBLIC_DATABASE=true to accept that risk (docs/analytics.md).';

/** 503 with Retry-After: the analyst's database is not answering for now; public queries are not affected. */
function analystUnavailable(reason: string | undefined): DatabaseUnavailableError {
  const error = new DatabaseUnavailableError(
    `Analyst Cypher is unavailable for a moment: ${reason ?? "the analyst's database is not answering"}. ` +
      'It recovers by itself within seconds; try again then. Public queries are not affected.',
  );
  error.extensions['http'] = { status: 503, headers: new Map([['retry-after', '5']]) };
  return error;
}

export interface CypherResultView extends CypherRows {
  maxRows: number;
}

export const MAX_CYPHER_LENGTH = 20_000;
/** Parameters: nesting depth and number of values (lists, maps and scalars together). */
export const PARAM_BOUNDS = { maxDepth: 32, maxValues: 10_000 } as const;

function sha256(text: string): Buffer {
  return createHash('sha256').update(text, 'utf8').digest();
}

/** Checks the parameters' shape without recursion (a 5,000-deep value must not overflow the stack). */
function checkParams(params: unknown): Record<string, unknown> {
  if (params == null) return {};
  if (typeof params !== 'object' || Array.isArray(params)) {
    throw new BadUserInputError('params: a JSON object of parameters, e.g. {"key": "meeting:firearms-promotion"}.', 'params');
  }
  const stack: [unknown, number][] = [[params, 1]];
  let values = 0;
  while (stack.length > 0) {
    const [value, depth] = stack.pop()!;
    values += 1;
    if (depth > PARAM_BOUNDS.maxDepth) {
      throw new BadUserInputError(`params: nested more than ${PARAM_BOUNDS.maxDepth} levels deep; send flatter parameters.`, 'params');
    }
    if (values > PARAM_BOUNDS.maxValues) {
      throw new BadUserInputError(`params: more than ${PARAM_BOUNDS.maxValues} values; send fewer parameters (or fewer list items).`, 'params');
    }
    if (value !== null && typeof value === 'object') {
      for (const child of Array.isArray(value) ? value : Object.values(value)) stack.push([child, depth + 1]);
    }
  }
  return params as Record<string, unknown>;
}

/** A database error caused by the statement: the analyst's to fix (or a refusal), never internal. */
function analystError(error: unknown): unknown {
  if (error instanceof GraphQLError) return error;
  const code = codeOf(error);
  if (code === undefined || !code.startsWith('Neo.')) return error;
  const message = error instanceof Error ? error.message.slice(0, 500) : String(error);
  if (code === 'Neo.ClientError.Statement.AccessMode' || code.startsWith('Neo.ClientError.Security.')) {
    return new ForbiddenError(`Analyst Cypher is read-only: the database refused the statement (${message}).`);
  }
  if (/MemoryPoolOutOfMemory|MemoryLimit|OutOfMemory/i.test(code) || /more memory than was allowed/i.test(message)) {
    const e = new BadUserInputError(`query: the statement needed more memory than one transaction may use (db.memory.transaction.max); ask for less (aggregate, LIMIT, fewer collected values). ${message}`, 'query');
    e.extensions['limit'] = 'memory';
    return e;
  }
  return new BadUserInputError(`query: the database could not run the statement: ${message}`, 'query');
}

export class AnalystCypherService {
  constructor(
    private readonly repo: AnalystCypherRepository | undefined,
    private readonly ctx: QueryContext,
    private readonly settings: AnalystSettings | undefined,
  ) {}

  async cypher(query: string, params: unknown, authorization: string | undefined): Promise<CypherResultView> {
    const settings = this.settings;
    if (!settings?.token) {
      throw new ForbiddenError('Analyst Cypher is disabled on this server (set ANALYST_CYPHER_TOKEN, 16 or more characters, to enable it).');
    }
    const presented = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? '')?.[1];
    if (!presented || !timingSafeEqual(sha256(presented), sha256(settings.token))) {
      throw new UnauthenticatedError('Analyst Cypher needs the analyst token: send the header "Authorization: Bearer <token>".');
    }
    if (query.trim().length === 0 || query.length > MAX_CYPHER_LENGTH) {
      throw new BadUserInputError(`query: a Cypher statement of 1 to ${MAX_CYPHER_LENGTH} characters.`, 'query');
    }
    const values = checkParams(params);
    checkAnalystCypher(query, values);
    const repo = this.repo;
    if (!repo) throw new ForbiddenError(REFUSED_ON_PUBLIC);
    const unavailable = repo.unavailable();
    if (unavailable) throw analystUnavailable(unavailable);
    // The analyst budget, but never past what is left of the request's own deadline.
    const remaining = this.ctx.timeoutMs;
    const timeoutMs = remaining === undefined ? settings.timeoutMs : Math.min(settings.timeoutMs, remaining);
    const operationName = `${ANALYST_OPERATION_PREFIX}${this.ctx.operationName ?? 'anonymous'}`;
    const ctx: QueryContext = { operationName, onRoundTrip: this.ctx.onRoundTrip, timeoutMs };
    const started = Date.now();
    try {
      const result = await repo.runReadOnly(query, values, settings.maxRows, ctx);
      return { ...result, maxRows: settings.maxRows };
    } catch (error) {
      if (!(error instanceof DatabaseUnavailableError)) throw analystError(error);
      // Past its time limit, the statement was stopped by restarting the analyst's database (the watchdog):
      // its caller is told it took too long; anyone else, that the database is coming back.
      if (Date.now() - started >= timeoutMs) throw new QueryTimeoutError(timeoutMs);
      throw analystUnavailable(repo.unavailable());
    }
  }
}
