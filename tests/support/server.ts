/** The real API on a free loopback port, against the test run's Neo4j, and a tiny GraphQL client. */
import { afterAll, beforeAll, expect } from 'vitest';
import { loadConfig, type Config } from '../../src/config.js';
import { createLogger, type Logger } from '../../src/logger.js';
import { createApp } from '../../src/http/server.js';
import { appDeps } from '../../src/http/wiring.js';
import { testDb, neo4jSettings } from './db.js';

export interface GraphQLResponse<T = Record<string, unknown>> {
  status: number;
  body: {
    data?: T | null;
    errors?: { message: string; extensions?: { code?: string; [k: string]: unknown }; path?: (string | number)[] }[];
    extensions?: { roundTrips?: number; [k: string]: unknown };
  };
}

export interface TestServer {
  url: string;
  origin: string;
  config: Config;
  gql<T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>, headers?: Record<string, string>): Promise<GraphQLResponse<T>>;
  /** The data of an operation that must succeed: asserts HTTP 200 and no errors. */
  data<T = any>(query: string, variables?: Record<string, unknown>): Promise<T>;
  /** The first error of an operation that must fail: asserts there is one. */
  error(query: string, variables?: Record<string, unknown>): Promise<NonNullable<GraphQLResponse['body']['errors']>[number]>;
  stop(): Promise<void>;
}

/** `logger`: where the app logs (tests that read the logs pass their own); silent by default. */
export async function startTestServer(env: Record<string, string> = {}, options: { logger?: Logger } = {}): Promise<TestServer> {
  const { db, catalog } = await testDb();
  const s = neo4jSettings();
  const config = loadConfig({ NEO4J_URI: s.uri, NEO4J_DATABASE: s.database, LOG_LEVEL: 'silent', PORT: '0', ...env });
  const app = await createApp(appDeps(config, options.logger ?? createLogger(config.logLevel), db, catalog));
  const { url } = await app.listen(0);
  const origin = new URL(url).origin;
  const server: TestServer = {
    url,
    origin,
    config,
    async gql(query, variables, headers) {
      const res = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json', ...headers },
        body: JSON.stringify({ query, variables }),
      });
      return { status: res.status, body: (await res.json()) as GraphQLResponse['body'] } as never;
    },
    async data(query, variables) {
      const res = await server.gql(query, variables);
      expect(res.body.errors, JSON.stringify(res.body.errors)).toBeUndefined();
      expect(res.status).toBe(200);
      return res.body.data as never;
    },
    async error(query, variables) {
      const res = await server.gql(query, variables);
      expect(res.body.errors, 'expected an error').toBeDefined();
      return res.body.errors![0]!;
    },
    stop: () => app.stop(),
  };
  return server;
}

/**
 * The API for the tests of a file (or of a describe block): started before them, stopped after them.
 *
 *     const api = useTestServer({ EXECUTION: 'resolvers' });
 *     it('…', async () => expect(await api.data('{ … }')).toEqual(…));
 *
 * Call it at the top level of a test file or of a describe block; use the server inside tests and hooks
 * (it exists from the first beforeAll on). The longer form it replaces still works: `startTestServer()` in
 * a beforeAll and `stop()` in an afterAll.
 */
export function useTestServer(env: Record<string, string> = {}, options: { logger?: Logger } = {}): TestServer {
  let server: TestServer | undefined;
  beforeAll(async () => {
    server = await startTestServer(env, options);
  });
  afterAll(async () => {
    await server?.stop();
    server = undefined;
  });
  const current = (): TestServer => {
    if (!server) throw new Error('useTestServer: the server runs from the beforeAll hooks to the afterAll hooks; use it inside them or in tests');
    return server;
  };
  return {
    get url() {
      return current().url;
    },
    get origin() {
      return current().origin;
    },
    get config() {
      return current().config;
    },
    gql: (query, variables, headers) => current().gql(query, variables, headers),
    data: (query, variables) => current().data(query, variables),
    error: (query, variables) => current().error(query, variables),
    stop: () => current().stop(),
  };
}
