/**
 * Prometheus metrics (prom-client) at `/metrics`: requests by operation, outcome and error code;
 * latency, round trips and time in Neo4j per operation; limits hit by kind; the database sessions
 * in use; the loaded datasets and their versions; and the process's own metrics (CPU, memory,
 * event-loop lag, GC). Each app has its own registry, so several apps in one process (the tests)
 * do not collide.
 */
import type { ApolloServerPlugin } from '@apollo/server';
import type { RequestHandler } from 'express';
import client from 'prom-client';
import type { Database } from '../neo4j/database.js';
import type { DatasetRepository } from '../repositories/dataset-repository.js';
import type { ObservedContext } from './observed.js';
import { operationLabel, operationNameOf } from './observed.js';

const SECONDS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

export interface Metrics {
  registry: client.Registry;
  plugin: ApolloServerPlugin<ObservedContext>;
}

export interface MetricsOptions {
  db: Database;
  datasets: DatasetRepository;
}

export function createMetrics({ db, datasets }: MetricsOptions): Metrics {
  const registry = new client.Registry();
  client.collectDefaultMetrics({ register: registry });

  const requests = new client.Counter({
    name: 'graphql_requests_total',
    help: 'GraphQL operations answered, by operation name, outcome (success or error) and the first error code.',
    labelNames: ['operation', 'outcome', 'code'] as const,
    registers: [registry],
  });
  const duration = new client.Histogram({
    name: 'graphql_request_duration_seconds',
    help: 'Time from receiving a GraphQL operation to sending its response, by operation name.',
    labelNames: ['operation'] as const,
    buckets: SECONDS,
    registers: [registry],
  });
  const roundTrips = new client.Histogram({
    name: 'graphql_request_round_trips',
    help: 'Database transactions one operation cost, by operation name.',
    labelNames: ['operation'] as const,
    buckets: [0, 1, 2, 3, 5, 8, 13],
    registers: [registry],
  });
  const neo4jTime = new client.Histogram({
    name: 'graphql_request_neo4j_seconds',
    help: 'Time one operation spent waiting on Neo4j, by operation name.',
    labelNames: ['operation'] as const,
    buckets: SECONDS,
    registers: [registry],
  });
  const statements = new client.Counter({
    name: 'neo4j_statements_total',
    help: 'Cypher statements run for GraphQL operations, by statement name (the file under cypher/).',
    labelNames: ['statement'] as const,
    registers: [registry],
  });
  const limitsHit = new client.Counter({
    name: 'graphql_limit_rejections_total',
    help: 'Operations refused by a limit, by limit (depth, cost, aliases, directives, resultSize, …).',
    labelNames: ['limit'] as const,
    registers: [registry],
  });
  new client.Gauge({
    name: 'neo4j_sessions_active',
    help: 'Neo4j sessions open right now (each holds one pooled connection).',
    registers: [registry],
    collect() {
      this.set(db.activeSessions);
    },
  });
  new client.Gauge({
    name: 'neo4j_pool_max_size',
    help: 'The most connections the driver pools to Neo4j.',
    registers: [registry],
    collect() {
      const size = (db.driver as unknown as { _config?: { maxConnectionPoolSize?: number } })._config?.maxConnectionPoolSize;
      if (typeof size === 'number') this.set(size);
    },
  });
  new client.Gauge({
    name: 'dataset_info',
    help: 'The datasets loaded in Neo4j (1 per dataset), with their content version and when they were loaded.',
    labelNames: ['dataset', 'version', 'loaded_at'] as const,
    registers: [registry],
    async collect() {
      this.reset();
      // A scrape must not hang on a frozen database: a short transaction, and no series on failure.
      const found = await datasets.versions({ operationName: 'metrics', timeoutMs: 2_000 }).catch(() => []);
      for (const d of found) this.set({ dataset: d.id, version: d.version ?? '', loaded_at: d.loadedAt ?? '' }, 1);
    },
  });

  const plugin: ApolloServerPlugin<ObservedContext> = {
    async requestDidStart({ contextValue }) {
      const started = performance.now();
      return {
        async willSendResponse(rc) {
          const { response, errors } = rc;
          const operation = operationLabel(operationNameOf(rc));
          const body = response.body.kind === 'single' ? response.body.singleResult : undefined;
          // The errors as the client sees them (codes after masking), else the request's own.
          const found: readonly { extensions?: Readonly<Record<string, unknown>> }[] = body?.errors ?? errors ?? [];
          const first = found[0];
          const code = first ? String(first.extensions?.['code'] ?? 'INTERNAL_SERVER_ERROR') : '';
          requests.inc({ operation, outcome: found.length ? 'error' : 'success', code });
          duration.observe({ operation }, (performance.now() - started) / 1000);
          const observed = contextValue.query.observed;
          if (observed) {
            roundTrips.observe({ operation }, contextValue.query.roundTrips ?? 0);
            neo4jTime.observe({ operation }, observed.neo4jMs / 1000);
            for (const name of observed.statements) statements.inc({ statement: name });
          }
          for (const error of found) {
            const limit = error.extensions?.['limit'];
            if (typeof limit === 'string') limitsHit.inc({ limit });
          }
        },
      };
    },
  };
  return { registry, plugin };
}

/** `/metrics` in Prometheus's text format; with a token set, only for `Authorization: Bearer <token>`. */
export function metricsHandler(registry: client.Registry, token: string | undefined): RequestHandler {
  return (req, res, next) => {
    if (token !== undefined && req.headers.authorization !== `Bearer ${token}`) {
      res.status(401).set('www-authenticate', 'Bearer').json({ error: 'metrics need the bearer token set in METRICS_TOKEN' });
      return;
    }
    registry.metrics().then((text) => {
      res.type(registry.contentType).send(text);
    }, next);
  };
}

/** /metrics on the public port with neither a token nor a port of its own: closed, saying how to open it. */
export const closedMetrics: RequestHandler = (_req, res) => {
  res.status(403).json({
    error: 'metrics are not served to anyone here: set METRICS_TOKEN (then send Authorization: Bearer <token>), or METRICS_PORT to serve them on a port of their own, or METRICS_OPEN=true outside production',
  });
};
