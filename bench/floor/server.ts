/**
 * The floor behind HTTP, in its own process: a minimal node:http server that answers
 * `POST /` with `{"operation": "<file>", "variables": {...}}` by running that operation's hand-written
 * statement (bench/floor/<file>.cypher) once, in a read transaction through one shared driver, and
 * sending its rows as JSON (`{"data": [...]}`). What a hand-rolled endpoint does, and no more: so the
 * API, the peer and the floor all pay HTTP and JSON. `GET /` answers 200 when the database does.
 *
 *   PORT=4200 NEO4J_URI=bolt://127.0.0.1:7687 npx tsx bench/floor/server.ts
 */
import http from 'node:http';
import neo4j from 'neo4j-driver';
import { createDriver } from '../../src/neo4j/database.js';
import { floorParameters, loadBenchOperations } from '../overhead/operations.js';

const env = process.env;
const database = env['NEO4J_DATABASE'] ?? 'neo4j';
const driver = createDriver({
  uri: env['NEO4J_URI'] ?? 'bolt://127.0.0.1:7687',
  username: env['NEO4J_USERNAME'] ?? 'neo4j',
  password: env['NEO4J_PASSWORD'] ?? '',
  database,
  queryTimeoutMs: 10_000,
});
const statements = new Map(loadBenchOperations().map((op) => [op.file, op.floorCypher]));

function send(res: http.ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

async function answer(raw: string): Promise<[number, unknown]> {
  let request: { operation?: unknown; variables?: unknown };
  try {
    request = JSON.parse(raw) as typeof request;
  } catch {
    return [400, { error: 'the body is not JSON' }];
  }
  const cypher = typeof request.operation === 'string' ? statements.get(request.operation) : undefined;
  if (cypher === undefined) return [404, { error: `no floor statement for ${JSON.stringify(request.operation)}` }];
  const variables = request.variables && typeof request.variables === 'object' ? (request.variables as Record<string, unknown>) : {};
  const session = driver.session({ database, defaultAccessMode: neo4j.session.READ });
  try {
    const result = await session.executeRead((tx) => tx.run(cypher, floorParameters(request.operation as string, variables)), { timeout: 10_000 });
    return [200, { data: result.records.map((r) => r.toObject()) }];
  } finally {
    await session.close();
  }
}

const server = http.createServer((req, res) => {
  if (req.method === 'GET') {
    driver.verifyConnectivity({ database }).then(
      () => send(res, 200, { status: 'ready' }),
      () => send(res, 503, { status: 'unavailable' }),
    );
    return;
  }
  const chunks: Buffer[] = [];
  req.on('data', (c: Buffer) => chunks.push(c));
  req.on('end', () => {
    answer(Buffer.concat(chunks).toString('utf8')).then(
      ([status, body]) => send(res, status, body),
      (error: unknown) => send(res, 500, { error: error instanceof Error ? error.message : String(error) }),
    );
  });
});
server.keepAliveTimeout = 60_000;
server.listen(Number(env['PORT'] ?? 4200), '127.0.0.1', () => process.stdout.write(`floor ready on ${env['PORT'] ?? 4200}\n`));
const stop = () => server.close(() => void driver.close().finally(() => process.exit(0)));
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
