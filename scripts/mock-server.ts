/**
 * `npm run mock`: the API for UI work and front-end tests with no Neo4j and no Java. It is the API's own GraphQL
 * layer (schema, resolvers, services, operation limits, error format: the same arguments are refused with the
 * same errors, `first: 500` included) over the seed dataset held in memory (scripts/mock/): the seed is read and
 * validated by the loader's own reader, so every value is the seed's (an agreement is an agreement, a date keeps
 * its precision, a `totalCount` counts the edges a page walks through, a meeting's chief is its chief). What the
 * in-memory stand-ins cannot do like the database: search matches words and prefixes without the full-text
 * ranking, and a few analyst queries (timeline, common members, common ground, partners by kinds, Cypher) answer
 * MOCK_UNSUPPORTED.
 *
 *   npm run mock                    http://localhost:4001/graphql (PORT to change it; the API's limit settings apply)
 */
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import cors from 'cors';
import express from 'express';
import { loadConfig } from '../src/config.js';
import { createContext, type GraphQLContext } from '../src/graphql/context.js';
import { createFormatError } from '../src/graphql/errors.js';
import { armor, limitsPlugin, parseOptions } from '../src/graphql/limits.js';
import { budgetedSchema } from '../src/graphql/result-budget.js';
import { buildSchema } from '../src/graphql/schema.js';
import { createLogger } from '../src/logger.js';
import type { QueryContext } from '../src/neo4j/database.js';
import { readDataset, type Dataset } from '../src/seed/format.js';
import { MemoryGraph } from './mock/memory-graph.js';
import { MOCK_UNSUPPORTED, memoryRepositories } from './mock/memory-repositories.js';
import { memoryGraphStats } from './mock/memory-stats.js';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
export const MOCK_SEED_DIR = path.join(ROOT, 'seeds/japan-customs-2016');

/** The seed the mock serves, read and validated as `npm run seed` reads it. */
export function mockDataset(dir = MOCK_SEED_DIR): Promise<Dataset> {
  return readDataset(dir);
}

export async function startMockServer(port: number, env: Record<string, string | undefined> = process.env): Promise<{ url: string; stop(): Promise<void> }> {
  const config = loadConfig({ ...env, NEO4J_URI: undefined, PORT: undefined, LOG_LEVEL: env['LOG_LEVEL'] ?? 'warn' });
  const logger = createLogger(config.logLevel);
  const dataset = await mockDataset();
  const graph = new MemoryGraph(dataset);
  const repos = memoryRepositories(graph);
  const datasets = new Map([[dataset.id, { title: dataset.title, asOf: dataset.source.asOf ?? null }]]);
  // The cost estimate bounds each list by what the seed holds, as the API's does with the loader's statistics.
  const stats = await memoryGraphStats(graph);
  const apiFormatError = createFormatError(logger, config.neo4j.queryTimeoutMs);
  const limits = armor(config.limits, true, { stats: async () => stats, analystMaxRows: config.analyst.maxRows });
  const apollo = new ApolloServer<GraphQLContext>({
    schema: budgetedSchema(buildSchema()),
    validationRules: limits.validationRules,
    parseOptions: parseOptions(config.limits),
    allowBatchedHttpRequests: config.limits.maxBatch > 0,
    csrfPrevention: false,
    introspection: true,
    includeStacktraceInErrorResponses: false,
    // MOCK_UNSUPPORTED is the mock's own answer (what needs the database), not an error to mask as the API would.
    formatError: (formatted, error) =>
      formatted.extensions?.['code'] === MOCK_UNSUPPORTED ? { message: formatted.message, locations: formatted.locations, path: formatted.path, extensions: { code: MOCK_UNSUPPORTED } } : apiFormatError(formatted, error),
    plugins: [ApolloServerPluginLandingPageDisabled(), limitsPlugin(config.limits), ...limits.plugins],
  });
  await apollo.start();
  const app = express();
  const server = http.createServer(app);
  app.use(
    '/graphql',
    cors(),
    express.json({ limit: config.limits.bodyLimit }),
    expressMiddleware(apollo, {
      context: async ({ req }) => {
        // The API's own request context: services over the in-memory repositories and the work budget's meter.
        const query: QueryContext = {};
        return createContext({ config, repos, datasets }, logger, query, req.headers.authorization);
      },
    }),
  );
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const address = server.address();
  const actual = typeof address === 'object' && address ? address.port : port;
  return {
    url: `http://localhost:${actual}/graphql`,
    stop: async () => {
      await apollo.stop();
      await new Promise<void>((r) => server.close(() => r()));
    },
  };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { url } = await startMockServer(Number(process.env['PORT'] ?? 4001));
  process.stdout.write(`mock API (the API's GraphQL layer over the seed in memory, no Neo4j) at ${url}\n`);
}
