/**
 * The HTTP server: Apollo Server 5 on Express 5 at /graphql, the offline GraphiQL IDE on GET
 * /graphql from a browser, /health (the process is up) and /ready (Neo4j answers).
 */
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import cors from 'cors';
import express from 'express';
import type { Config } from '../config.js';
import type { Logger } from '../logger.js';
import type { Database, QueryContext } from '../neo4j/database.js';
import type { Repositories } from '../repositories/index.js';
import { createContext, type DatasetInfo, type GraphQLContext } from '../graphql/context.js';
import { createFormatError } from '../graphql/errors.js';
import { budgetedSchema } from '../graphql/result-budget.js';
import { buildSchema } from '../graphql/schema.js';
import { GraphStatsCache } from '../graphql/graph-stats-cache.js';
import { OperationCompiler } from '../compiler/compiler.js';
import { armor, limitsPlugin, parseOptions, transactionTimeoutMs } from '../graphql/limits.js';
import { createObservability } from '../observability/index.js';
import { warmUp, type WarmUpResult } from './warm-up.js';
import { runConsistently } from './consistent-graphql.js';
import { fastLane } from './fast-lane.js';
import { graphqlChain } from './graphql-chain.js';
import { securityHeaders } from './security-headers.js';
import { createDraining } from './draining.js';
import { answerClientErrors } from './client-errors.js';
import { httpCacheFor } from './http-cache.js';
import { createExportRouter } from '../exports/router.js';
import { createExplorerRouter } from '../explorer/route.js';
import { createIdeRouter } from './ide.js';
import { trustedDocumentsMiddleware, trustedDocumentsOffMiddleware } from './trusted-documents.js';

/** Relative settings (the trusted-documents manifest) are read from the project's root. */
const PROJECT_ROOT = fileURLToPath(new URL('../../', import.meta.url));

export interface AppDeps {
  config: Config;
  logger: Logger;
  db: Database;
  repos: Repositories;
  datasets: ReadonlyMap<string, DatasetInfo>;
}

export interface App {
  httpServer: http.Server;
  /** Listens on the configured host and port (or the given port; 0 picks a free one). */
  listen(port?: number): Promise<{ url: string; port: number }>;
  /** Runs the saved and explorer operations and every export once (src/http/warm-up.ts); `/ready` answers 503 `warming` meanwhile. */
  warmUp(): Promise<WarmUpResult>;
  stop(): Promise<void>;
}

/** Adds `extensions.roundTrips` (database transactions this operation cost) outside production. */
function roundTripPlugin(expose: boolean): ApolloServerPlugin<GraphQLContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response, contextValue }) {
          if (!expose || response.body.kind !== 'single') return;
          const count = (contextValue.query as QueryContext & { roundTrips?: number }).roundTrips ?? 0;
          response.body.singleResult.extensions = { ...response.body.singleResult.extensions, roundTrips: count };
        },
      };
    },
  };
}

export async function createApp(deps: AppDeps): Promise<App> {
  const { config, logger, db } = deps;
  const log = logger.child({ component: 'http' });
  const app = express();
  app.disable('x-powered-by');
  // Receiving a request (headers and body) may take at most the request's deadline on every route:
  // /graphql answers a late body itself at the deadline (limits.ts, 408); Node's own check, a second
  // later, closes any other connection still sending (408, client-errors.ts). Checked every second.
  const receiveMs = config.limits.requestTimeoutMs + 1_000;
  const httpServer = http.createServer({ requestTimeout: receiveMs, headersTimeout: Math.min(60_000, receiveMs), connectionsCheckingInterval: 1_000 }, app);
  answerClientErrors(httpServer);

  const observability = createObservability(config, logger, db, deps.repos);
  // The graph's statistics the cost estimate bounds lists by (read at warm-up or on first use, again after a load).
  const graphStats = new GraphStatsCache(deps.repos.stats, log, config.neo4j.queryTimeoutMs);
  const limits = armor(config.limits, config.graphql.introspection, {
    stats: () => graphStats.current(),
    seen: (versions) => graphStats.seen(versions),
    analystMaxRows: config.analyst.maxRows,
  });
  // Compiled roots first (one statement each), then the work budget counts every field either way.
  const compiler = config.execution === 'compiled' ? new OperationCompiler(db, deps.repos, { maxResultItems: config.limits.maxResultItems }) : undefined;
  const schema = budgetedSchema(buildSchema({ compiler }));
  const apollo = new ApolloServer<GraphQLContext>({
    schema,
    validationRules: limits.validationRules,
    parseOptions: parseOptions(config.limits),
    allowBatchedHttpRequests: config.limits.maxBatch > 0,
    // The API is public and read-only, with no cookies or credentials to abuse, and CORS already
    // lets any origin read it: CSRF prevention would only break plain GET requests (see
    // docs/limits-and-guarantees.md).
    csrfPrevention: false,
    introspection: config.graphql.introspection,
    // With introspection off, errors must not leak the schema either ("Did you mean …?" suggestions).
    hideSchemaDetailsFromClientErrors: !config.graphql.introspection,
    includeStacktraceInErrorResponses: false,
    formatError: createFormatError(log, config.neo4j.queryTimeoutMs),
    plugins: [
      // In-flight requests may run to their deadline before connections are cut.
      ApolloServerPluginDrainHttpServer({ httpServer, stopGracePeriodMillis: config.limits.requestTimeoutMs + 1_000 }),
      ApolloServerPluginLandingPageDisabled(),
      // Unused (HTTP caching is src/http/http-cache.ts), and its per-field hook makes Apollo wrap every resolver.
      ApolloServerPluginCacheControlDisabled(),
      roundTripPlugin(config.env !== 'production'),
      limitsPlugin(config.limits),
      ...limits.plugins,
      ...(observability.plugins as ApolloServerPlugin<GraphQLContext>[]),
    ],
  });
  await apollo.start();

  const draining = createDraining();
  const trustedDocuments =
    config.trustedDocuments.mode === 'off'
      ? trustedDocumentsOffMiddleware()
      : trustedDocumentsMiddleware({
          mode: config.trustedDocuments.mode,
          manifest: path.resolve(PROJECT_ROOT, config.trustedDocuments.manifest),
          manifestsDir: path.resolve(PROJECT_ROOT, config.trustedDocuments.dir),
          allowIntrospection: config.graphql.introspection,
          logger: log,
        });
  const run = runConsistently(
    apollo,
    async ({ req, res }) => {
      const body = req.body as { operationName?: unknown } | undefined;
      const query: QueryContext & { roundTrips: number } = {
        operationName: typeof body?.operationName === 'string' ? body.operationName.slice(0, 100) : undefined,
        roundTrips: 0,
        onRoundTrip: () => {
          query.roundTrips += 1;
        },
        observed: { statements: [], neo4jMs: 0 },
        // Read when each transaction starts: never past the request's deadline.
        get timeoutMs() {
          return transactionTimeoutMs(res, config.neo4j.queryTimeoutMs);
        },
      };
      return createContext(deps, log, query, req.headers.authorization);
    },
    (contextValue) => contextValue.query,
  );
  // One chain of steps for every GraphQL request (src/http/graphql-chain.ts); a JSON operation from a
  // non-browser client reaches it first, before CORS and the other routes (src/http/fast-lane.ts).
  const chain = graphqlChain({ limits: config.limits, trustedDocuments, httpCache: httpCacheFor(deps), run, logger: log });
  // Security headers on every answer, the fast lane's too (src/http/security-headers.ts).
  app.use(securityHeaders());
  app.use(fastLane({ bodyLimit: config.limits.bodyLimit, draining: () => draining.active, chain }));
  app.use(draining.middleware);
  app.use(cors({ origin: config.http.corsOrigins === '*' ? true : config.http.corsOrigins, maxAge: 600 }));

  app.get('/health', (_req, res) => {
    res.json({ status: 'ok' });
  });
  let warming = false;
  app.get('/ready', async (_req, res) => {
    if (warming) {
      res.status(503).json({ status: 'warming', database: 'up' });
      return;
    }
    const ready = await db.ping();
    res.status(ready ? 200 : 503).json({ status: ready ? 'ready' : 'unavailable', database: ready ? 'up' : 'down' });
  });

  await observability.mount(app);
  const exportRouter = createExportRouter(deps, schema);
  app.use('/export', exportRouter);
  app.use('/explore', createExplorerRouter());

  app.use(await createIdeRouter({ schema, introspection: config.graphql.introspection, logger: log }));

  app.use(chain);

  return {
    httpServer,
    listen: (port = config.http.port) =>
      new Promise((resolve, reject) => {
        httpServer.once('error', (error: NodeJS.ErrnoException) => {
          reject(
            error.code === 'EADDRINUSE'
              ? new Error(`port ${port} is already in use: stop what uses it or set PORT to a free port.`)
              : error,
          );
        });
        httpServer.listen(port, config.http.host, () => {
          const address = httpServer.address();
          const actual = typeof address === 'object' && address ? address.port : port;
          resolve({ url: `http://${config.http.host === '127.0.0.1' ? 'localhost' : config.http.host}:${actual}/graphql`, port: actual });
        });
      }),
    warmUp: async () => {
      warming = true;
      try {
        await graphStats.refresh();
        if (!config.warmUp) {
          log.info('warm-up skipped (WARM_UP=false): the first request of each statement plans it');
          return { operations: 0, exports: 0, failed: [], ms: 0 };
        }
        return await warmUp(schema, deps, log, { timeoutMs: config.neo4j.queryTimeoutMs, exports: () => exportRouter.warm() });
      } finally {
        warming = false;
      }
    },
    stop: async () => {
      draining.start();
      await apollo.stop();
      if (httpServer.listening) await new Promise<void>((r) => httpServer.close(() => r()));
      await observability.stop();
    },
  };
}
