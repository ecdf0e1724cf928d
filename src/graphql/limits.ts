/**
 * What one request may ask for, and the error a client gets when it asks for more. Every limit is
 * a setting (src/config.ts, `limits`) and every rejection names the limit, the number found, and
 * what to do instead:
 *
 * - depth, aliases, directives: graphql-armor's validation rules; cost: an upper bound of what the
 *   answer can hold, from the graph's measured statistics (cost.ts; refused when it cannot be estimated
 *   too) → GRAPHQL_VALIDATION_FAILED (HTTP 400, before anything runs);
 * - tokens: graphql-js's own parser limit (`parseOptions.maxTokens`) → GRAPHQL_PARSE_FAILED (400).
 *   graphql-armor's max-tokens plugin is not used: it turns syntax errors into HTTP 500;
 * - batched operations, body size, malformed bodies: Express middleware → BAD_REQUEST (400 / 413 / 415);
 * - result size: MAX_RESULT_ITEMS objects and list items, MAX_RESULT_BYTES of the data as sent (keys
 *   and values), counted while it is produced (result-budget.ts) → BAD_USER_INPUT, `limit: resultSize` (400);
 * - time: every transaction gets at most what is left of the request's deadline (so Neo4j stops
 *   the work too), and a request still running at the deadline is answered with QUERY_TIMEOUT, 503
 *   (408 while its body is still arriving).
 *
 * Every guard fails closed (guards.ts): one that cannot measure a request refuses it, LIMIT_CHECK_FAILED.
 */
import type { ApolloServerPlugin } from '@apollo/server';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import type { ErrorRequestHandler, RequestHandler, Response } from 'express';
import { GraphQLError, type ValidationContext, type ValidationRule } from 'graphql';
import type { Config } from '../config.js';
import type { Logger } from '../logger.js';
import { ErrorCode, statusOf } from '../errors.js';
import { costPlugin } from './cost.js';
import { guardedRule, guardFailure } from './guards.js';
import { costRefusal, explainEstimate, notEstimable } from './cost-messages.js';
import type { GraphStats } from '../repositories/stats-repository.js';
import { resultBudgetPlugin, type BudgetMeter } from './result-budget.js';
import { RETRY_AFTER_SECONDS, statusPlugin } from './status.js';

export type Limits = Config['limits'];

/** The code of HTTP-level rejections (the same one Apollo Server uses for malformed requests). */
export const BAD_REQUEST = 'BAD_REQUEST';

/** The validation rules' limits (the cost estimate's refusals are cost-messages.ts's). */
type LimitName = 'depth' | 'aliases' | 'directives';

const ADVICE: Record<LimitName, { setting: string; measured: (n: number) => string; todo: string }> = {
  depth: { setting: 'MAX_DEPTH', measured: (n) => `${n} levels deep`, todo: 'Ask for fewer nested levels, or start a second query from the ids you already have.' },
  aliases: { setting: 'MAX_ALIASES', measured: (n) => `using ${n} aliases`, todo: 'Use fewer aliases: fetch several objects with `nodes(ids:)` or a list field instead.' },
  directives: { setting: 'MAX_DIRECTIVES', measured: (n) => `using ${n} directives`, todo: 'Use fewer directives, e.g. one @include on a fragment instead of one per field.' },
};

/** graphql-armor reports "… limit of N exceeded, found M."; the number found is what the client needs. */
function foundIn(message: string): number | undefined {
  const match = /found (\d+(?:\.\d+)?)/.exec(message);
  return match?.[1] === undefined ? undefined : Math.ceil(Number(match[1]));
}

export function limitError(limit: LimitName, max: number, found: number | undefined): GraphQLError {
  const { setting, measured: describe, todo } = ADVICE[limit];
  if (found !== undefined) found = Number.isFinite(found) ? (found < 1e15 ? Math.ceil(found) : found) : Number.MAX_VALUE;
  const measured = found === undefined ? 'over the limit' : describe(found);
  return new GraphQLError(`The operation is ${measured}; the ${limit} limit is ${max} (${setting}). ${todo}`, {
    extensions: { code: 'GRAPHQL_VALIDATION_FAILED', limit, max, ...(found === undefined ? {} : { found }) },
  });
}

function reporter(limit: LimitName, max: number) {
  return {
    propagateOnRejection: false,
    exposeLimits: true,
    onReject: [
      (ctx: ValidationContext | null, error: GraphQLError) => {
        ctx?.reportError(limitError(limit, max, foundIn(error.message)));
      },
    ],
  };
}

/** One graphql-armor validation rule alone (the others off), wrapped to fail closed (guards.ts). */
function armorRule(limit: LimitName, setting: string, options: ConstructorParameters<typeof ApolloArmor>[0]): ValidationRule[] {
  const off = { enabled: false } as const;
  const { validationRules } = new ApolloArmor({ maxDepth: off, costLimit: off, maxAliases: off, maxDirectives: off, maxTokens: off, blockFieldSuggestion: off, ...options }).protect();
  return validationRules.map((rule) => guardedRule(limit, setting, rule));
}

/** What the cost estimate reads besides the limits: the graph's statistics (graph-stats-cache.ts). */
export interface EstimateDeps {
  stats?: () => Promise<GraphStats | undefined>;
  seen?: (versions: string | undefined) => void;
  analystMaxRows?: number;
}

/**
 * Depth, cost, alias and directive limits as validation rules (Apollo caches validation per
 * document, so a repeated operation is not re-measured). Field suggestions ("Did you mean …") are
 * masked when introspection is off, since they would reveal the schema piece by piece. Every rule
 * fails closed: one that throws refuses the operation (LIMIT_CHECK_FAILED) instead of letting it by.
 */
export function armor(limits: Limits, introspection: boolean, estimate: EstimateDeps = {}): { validationRules: ValidationRule[]; plugins: ApolloServerPlugin[] } {
  const validationRules = [
    ...armorRule('depth', 'MAX_DEPTH', { maxDepth: { n: limits.maxDepth, ignoreIntrospection: true, flattenFragments: true, ...reporter('depth', limits.maxDepth) } }),
    ...armorRule('aliases', 'MAX_ALIASES', { maxAliases: { n: limits.maxAliases, allowList: [], ...reporter('aliases', limits.maxAliases) } }),
    ...armorRule('directives', 'MAX_DIRECTIVES', { maxDirectives: { n: limits.maxDirectives, ...reporter('directives', limits.maxDirectives) } }),
  ];
  // Syntax-only cost (a list counts once) is replaced by the type-aware estimate of cost.ts; armor's
  // max-tokens plugin turns syntax errors into HTTP 500, so graphql-js's own limit (parseOptions) is used.
  const { validationRules: suggestions, plugins: armorPlugins } = new ApolloArmor({
    maxDepth: { enabled: false },
    costLimit: { enabled: false },
    maxAliases: { enabled: false },
    maxDirectives: { enabled: false },
    maxTokens: { enabled: false },
    blockFieldSuggestion: { enabled: !introspection },
  }).protect();
  const budget = resultBudgetPlugin();
  const cost = costPlugin({
    maxCost: limits.maxCost,
    maxItems: limits.maxResultItems,
    analystMaxRows: estimate.analystMaxRows ?? 1_000,
    stats: estimate.stats ?? (async () => undefined),
    seen: estimate.seen,
    tooCostly: costRefusal,
    notEstimable: (reason) => notEstimable(limits.maxCost, reason),
    explain: explainEstimate,
    actual: (query) => (query?.budget as BudgetMeter | undefined)?.resolvedItems ?? 0,
  });
  // The budget's one error replaces the answer first (its willSendResponse runs before the cost's, which puts
  // the cost on the answer sent), then the status is the errors' (status.ts).
  return {
    validationRules: [readOnlyOperationsRule, ...validationRules, ...suggestions],
    // graphql-armor's types come from Apollo's CommonJS build; the plugin objects are the same.
    plugins: [budget, cost, statusPlugin(), ...(armorPlugins as unknown as ApolloServerPlugin[])],
  };
}

/**
 * graphql-js validates a `mutation` or `subscription` against a schema without that root type and
 * only fails at execution, as an unnamed (so "internal") error. This API is read-only: say so in
 * validation, with a 400.
 */
export const readOnlyOperationsRule: ValidationRule = (context) => ({
  OperationDefinition(node) {
    if (context.getSchema().getRootType(node.operation)) return;
    context.reportError(
      new GraphQLError(`This API has no ${node.operation}s: it is read-only. Send a query instead.`, {
        nodes: [node],
        extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
      }),
    );
  },
});

/** Apollo's `parseOptions`: graphql-js stops parsing after this many tokens (a 400, not a 500). */
export function parseOptions(limits: Limits): { maxTokens: number } {
  return { maxTokens: limits.maxTokens };
}

/** The error at the bottom of a chain of `originalError`s. */
function rootCause(error: Error): Error {
  let cause: Error & { originalError?: Error | undefined } = error;
  while (cause.originalError) cause = cause.originalError;
  return cause;
}

/**
 * Gives graphql-js's terse token-limit message the setting and the way out, and a parser that failed
 * (rather than refused) the LIMIT_CHECK_FAILED refusal of guards.ts.
 */
export function limitsPlugin(limits: Limits): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didEncounterErrors({ errors }) {
          for (const error of errors) {
            if (error.message.startsWith('Too many errors processing variables') && error.extensions['code'] === undefined) {
              // graphql-js stops after 50 invalid variable values; this is the client's input too.
              error.message = 'Too many invalid variable values (graphql-js stops after 50); fix the ones reported and send the operation again.';
              error.extensions['code'] = 'BAD_USER_INPUT';
            }
            if (error.extensions['code'] === 'GRAPHQL_PARSE_FAILED' && !(rootCause(error) instanceof GraphQLError)) {
              // The parser itself failed (a document nested past the call stack): the token guard could not measure it.
              const failure = guardFailure('tokens', 'MAX_TOKENS', rootCause(error));
              error.message = failure.message;
              Object.assign(error.extensions, failure.extensions);
            }
            if (/Document contains more tha[nt] \d+ tokens/.test(error.message)) {
              error.message = `The operation has more than ${limits.maxTokens} tokens, the limit (MAX_TOKENS); parsing stopped. Send a smaller operation: fewer fields, aliases or literal values (pass values as variables).`;
              error.extensions['limit'] = 'tokens';
              error.extensions['max'] = limits.maxTokens;
            }
          }
        },
      };
    },
  };
}

/** A response in the shape every GraphQL client understands, for rejections before Apollo runs. */
export function sendGraphQLError(res: Response, status: number, message: string, extensions: Record<string, unknown>): void {
  if (res.headersSent) return;
  res.status(status).type('application/json; charset=utf-8').send(JSON.stringify({ errors: [{ message, extensions }] }));
}

/** Express: rejects batches above `maxBatch` operations (or any batch when batching is off). */
export function batchLimit(limits: Limits): RequestHandler {
  return (req, res, next) => {
    const body: unknown = req.body;
    if (req.method !== 'POST' || !Array.isArray(body)) return next();
    if (limits.maxBatch === 0) {
      return sendGraphQLError(res, 400, 'Batched requests are turned off (MAX_BATCH=0): send one operation per request.', {
        code: BAD_REQUEST,
        limit: 'batch',
        max: 0,
      });
    }
    if (body.length > limits.maxBatch) {
      return sendGraphQLError(
        res,
        400,
        `The batch holds ${body.length} operations; the limit is ${limits.maxBatch} (MAX_BATCH). Send the rest in another request.`,
        { code: BAD_REQUEST, limit: 'batch', max: limits.maxBatch, found: body.length },
      );
    }
    next();
  };
}

/**
 * Express: the request deadline, set before the body is read, so it bounds the body's arrival too.
 * Read by the GraphQL context (see `transactionTimeoutMs`). At the deadline a request whose body is
 * still arriving gets 408 and its connection is closed; one that is running gets 503 QUERY_TIMEOUT.
 */
export function requestDeadline(limits: Limits): RequestHandler {
  return (req, res, next) => {
    const deadline = Date.now() + limits.requestTimeoutMs;
    res.locals['deadline'] = deadline;
    const timer = setTimeout(() => {
      if (!req.complete) {
        res.setHeader('connection', 'close');
        sendGraphQLError(
          res,
          408,
          `The request's body did not arrive within the ${limits.requestTimeoutMs} ms allowed for the whole request (REQUEST_TIMEOUT_MS); send it at once.`,
          { code: BAD_REQUEST, limit: 'time', max: limits.requestTimeoutMs },
        );
        return;
      }
      if (!res.headersSent) res.set('retry-after', String(RETRY_AFTER_SECONDS));
      sendGraphQLError(
        res,
        statusOf(ErrorCode.QUERY_TIMEOUT),
        `The request took longer than the ${limits.requestTimeoutMs} ms allowed (REQUEST_TIMEOUT_MS) and was stopped. Ask for less (smaller pages, fewer nested lists) or try again later.`,
        { code: ErrorCode.QUERY_TIMEOUT, limit: 'time', max: limits.requestTimeoutMs },
      );
    }, limits.requestTimeoutMs);
    timer.unref();
    res.once('close', () => clearTimeout(timer));
    res.once('finish', () => clearTimeout(timer));
    next();
  };
}

/**
 * A transaction timeout for work started now: the configured one, but never beyond the request's
 * deadline, so the database stops work nobody will wait for. Never 0 (Neo4j reads 0 as "no limit").
 */
export function transactionTimeoutMs(res: Response, queryTimeoutMs: number): number {
  const deadline = res.locals['deadline'];
  if (typeof deadline !== 'number') return queryTimeoutMs;
  return Math.max(1, Math.min(queryTimeoutMs, deadline - Date.now()));
}

interface BodyParserError {
  type?: string;
  status?: number;
  expose?: boolean;
  message?: string;
}

/**
 * Express error handler for the /graphql route: body-parser failures become GraphQL-shaped
 * 4xx answers (too large → 413, bad JSON → 400, unsupported charset → 415); a late write after
 * the deadline answered is ignored; anything else is a masked, logged 500.
 */
export function requestErrorHandler(limits: Limits, logger: Logger): ErrorRequestHandler {
  return (err: unknown, _req, res, _next) => {
    if (res.headersSent) {
      // The deadline already answered; Apollo finishing late cannot write any more.
      logger.debug({ err }, 'late response ignored (the request deadline answered first)');
      return;
    }
    const e = (typeof err === 'object' && err !== null ? err : {}) as BodyParserError;
    switch (e.type) {
      case 'entity.too.large':
        return sendGraphQLError(
          res,
          413,
          `The request body is larger than ${limits.bodyLimit}, the limit (BODY_LIMIT). Send a smaller operation, or fewer operations in a batch.`,
          { code: BAD_REQUEST, limit: 'bodySize', max: limits.bodyLimit },
        );
      case 'entity.parse.failed':
        return sendGraphQLError(res, 400, `The request body is not a JSON object or array: ${e.message ?? 'parse error'}.`, { code: BAD_REQUEST });
      case 'charset.unsupported':
      case 'encoding.unsupported':
        return sendGraphQLError(res, 415, `${e.message ?? 'Unsupported encoding'}: send the body as UTF-8 JSON.`, { code: BAD_REQUEST });
      default:
        if (typeof e.status === 'number' && e.status >= 400 && e.status < 500 && e.expose) {
          return sendGraphQLError(res, e.status, e.message ?? 'Bad request.', { code: BAD_REQUEST });
        }
        logger.error({ err }, 'unexpected error in the HTTP layer (masked for the client)');
        return sendGraphQLError(res, 500, 'Internal server error: the error was logged on the server.', { code: ErrorCode.INTERNAL_SERVER_ERROR });
    }
  };
}
