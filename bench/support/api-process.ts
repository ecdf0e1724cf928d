/**
 * The API under test in its own process (`node --import tsx src/main.ts`), so that a load generator
 * never shares the API's event loop. It serves on loopback against the Neo4j it is given (it starts
 * no Neo4j and loads no seed), outside production so responses carry `extensions.roundTrips`, and
 * logs warnings only. `startApiProcess` resolves once /ready answers 200; `stop` sends SIGTERM (the
 * API drains HTTP and closes its driver) and SIGKILLs after a grace period.
 */
import { spawn } from 'node:child_process';
import net from 'node:net';
import { fileURLToPath } from 'node:url';
import { gracefulStop } from '../../src/child-process.js';

const PROJECT_ROOT = fileURLToPath(new URL('../../', import.meta.url));

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

/** A port that was free a moment ago on 127.0.0.1. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

const delay = (ms: number) => new Promise((r) => setTimeout(r, ms));

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
  const child = spawn(process.execPath, [...(options.nodeArgs ?? []), '--import', 'tsx', 'src/main.ts'], { cwd: PROJECT_ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let tail = '';
  const keep = (chunk: Buffer) => {
    tail = (tail + chunk.toString()).slice(-4000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  let exitCode: number | null | undefined;
  void exited.then((code) => {
    exitCode = code;
  });

  const stop = gracefulStop(child, exited, 15_000);

  const origin = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + (options.readyTimeoutMs ?? 60_000);
  for (;;) {
    if (exitCode !== undefined) {
      throw new Error(`the API process exited during start-up (code ${exitCode}); its last output:\n${tail}`);
    }
    try {
      const res = await fetch(`${origin}/ready`, { signal: AbortSignal.timeout(2_000) });
      await res.text();
      if (res.status === 200) break;
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`the API process was not ready on ${origin} within ${options.readyTimeoutMs ?? 60_000} ms; its last output:\n${tail}`);
    }
    await delay(200);
  }
  return { url: `${origin}/graphql`, port, pid: child.pid ?? -1, stop };
}
