/**
 * Observability for operators, wired in one place: Prometheus metrics, OpenTelemetry traces and the
 * slow-query log (docs/operations.md). The HTTP server mounts what this returns. /metrics is served
 * only with a token (METRICS_TOKEN), on a port of its own (METRICS_PORT), or when explicitly opened
 * (METRICS_OPEN=true, refused in production).
 */
import http from 'node:http';
import type { ApolloServerPlugin } from '@apollo/server';
import express, { type Express } from 'express';
import type { Config } from '../config.js';
import type { Logger } from '../logger.js';
import type { Database } from '../neo4j/database.js';
import type { Repositories } from '../repositories/index.js';
import { closedMetrics, createMetrics, metricsHandler } from './metrics.js';
import type { ObservedContext } from './observed.js';
import { slowQueryLog } from './slow-log.js';
import { createTracing } from './tracing.js';

export interface Observability {
  plugins: ApolloServerPlugin<ObservedContext>[];
  /** Mounts `/metrics` on the public app, or starts its own listener when METRICS_PORT is set. */
  mount(app: Express): Promise<void>;
  stop(): Promise<void>;
}

export function createObservability(config: Config, logger: Logger, db: Database, repos: Repositories): Observability {
  const settings = config.observability;
  const plugins: ApolloServerPlugin<ObservedContext>[] = [slowQueryLog(settings.slowQuery, logger)];
  const metrics = settings.metrics.enabled ? createMetrics({ db, datasets: repos.datasets }) : undefined;
  if (metrics) plugins.push(metrics.plugin);
  const tracing = settings.tracing ? createTracing(settings.tracing) : undefined;
  if (tracing) {
    plugins.push(tracing.plugin);
    db.instrumentation = tracing.instrumentation;
  }
  let own: http.Server | undefined;
  return {
    plugins,
    async mount(app) {
      if (!metrics) return;
      const { token, port, open } = settings.metrics;
      const handler = metricsHandler(metrics.registry, token);
      if (port === undefined) {
        // On the public port only with a token, or when explicitly opened (never in production: config.ts).
        app.get('/metrics', token !== undefined || open ? handler : closedMetrics);
        return;
      }
      const metricsApp = express();
      metricsApp.disable('x-powered-by');
      metricsApp.get('/metrics', handler);
      own = http.createServer(metricsApp);
      const server = own;
      await new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        server.listen(settings.metrics.port, config.http.host, () => resolve());
      });
    },
    async stop() {
      const server = own;
      if (server?.listening) await new Promise<void>((r) => server.close(() => r()));
      await tracing?.shutdown().catch((error: unknown) => logger.warn({ err: error }, 'could not flush traces'));
    },
  };
}
