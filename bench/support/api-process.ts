/**
 * The API under test in its own process (`node <npm start's flags> --import tsx src/main.ts`), so that a load generator
 * never shares the API's event loop. It serves on loopback against the Neo4j it is given (it starts
 * no Neo4j and loads no seed), outside production so responses carry `extensions.roundTrips`, with
 * HTTP caching off, and logs warnings only. `startApiProcess` resolves once /ready answers 200; `stop`
 * sends SIGTERM (the API drains HTTP and closes its driver) and SIGKILLs after a grace period.
 */
import { freePort } from './free-port.js';
import { startServerProcess } from './server-process.js';

export { freePort };

export interface ApiProcessOptions {
  /** Bolt URI of a running Neo4j that already holds the data (`bolt://127.0.0.1:7687`). */
  neo4jUri: string;
  /** Port on 127.0.0.1; 0 or absent picks a free one. */
  port?: number;
  username?: string;
  password?: string;
  database?: string;
  /** More environment for the API (e.g. `{ QUERY_TIMEOUT_MS: '5000' }`); applied last. */
  env?: Record<string, string>;
  /** Extra node flags before the script (e.g. `['--cpu-prof', '--cpu-prof-dir=prof']` to profile the API). */
  nodeArgs?: string[];
  /** Give up waiting for /ready after this long (default 60 s). */
  readyTimeoutMs?: number;
}

export interface ApiProcess {
  /** The GraphQL endpoint, `http://127.0.0.1:PORT/graphql`. */
  url: string;
  port: number;
  /** The API process's id (benchmarks read its CPU time from /proc). */
  pid: number;
  /** Stops the process (SIGTERM, then SIGKILL after 15 s); resolves when it has exited. */
  stop(): Promise<void>;
}

export async function startApiProcess(options: ApiProcessOptions): Promise<ApiProcess> {
  const port = options.port && options.port > 0 ? options.port : await freePort();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'development',
    HOST: '127.0.0.1',
    PORT: String(port),
    LOG_LEVEL: 'warn',
    NEO4J_URI: options.neo4jUri,
    NEO4J_USERNAME: options.username ?? process.env['NEO4J_USERNAME'] ?? 'neo4j',
    NEO4J_PASSWORD: options.password ?? process.env['NEO4J_PASSWORD'] ?? '',
    NEO4J_DATABASE: options.database ?? process.env['NEO4J_DATABASE'] ?? 'neo4j',
    SEED_ON_START: 'false',
    TRUSTED_DOCUMENTS: 'off',
    HTTP_CACHE: 'off',
    ...options.env,
  };
  const server = await startServerProcess({
    name: 'the API process',
    script: 'src/main.ts',
    port,
    env,
    readyPath: '/ready',
    ...(options.nodeArgs ? { nodeArgs: options.nodeArgs } : {}),
    // Ready means warmed up (every saved operation planned once): on a busy machine that takes minutes.
    readyTimeoutMs: options.readyTimeoutMs ?? 300_000,
  });
  return { url: `${server.origin}/graphql`, port, pid: server.pid, stop: server.stop };
}
