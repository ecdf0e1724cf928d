/**
 * The peer in its own process: @neo4j/graphql (read-only type definitions over the seed graph,
 * bench/peer/schema.ts) served by Apollo Server's standalone HTTP server, the library's documented way
 * to serve it. Every response carries `extensions.sessions`: the database sessions the process has
 * opened so far (the library opens one session, one read transaction, per root field), so a client that
 * sends one request at a time can tell the round trips of each.
 *
 *   PORT=4100 NEO4J_URI=bolt://127.0.0.1:7687 npx tsx bench/peer/server.ts
 */
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import { Neo4jGraphQL } from '@neo4j/graphql';
import { createDriver } from '../../src/neo4j/database.js';
import { peerTypeDefs } from './schema.js';

async function main(): Promise<void> {
  const env = process.env;
  const database = env['NEO4J_DATABASE'] ?? 'neo4j';
  const driver = createDriver({
    uri: env['NEO4J_URI'] ?? 'bolt://127.0.0.1:7687',
    username: env['NEO4J_USERNAME'] ?? 'neo4j',
    password: env['NEO4J_PASSWORD'] ?? '',
    database,
    queryTimeoutMs: 10_000,
  });
  let sessions = 0;
  const session = driver.session.bind(driver);
  driver.session = ((config?: Parameters<typeof session>[0]) => {
    sessions += 1;
    return session(config);
  }) as typeof driver.session;

  const schema = await new Neo4jGraphQL({ typeDefs: peerTypeDefs(), driver }).getSchema();
  const server = new ApolloServer({
    schema,
    plugins: [
      {
        async requestDidStart() {
          return {
            async willSendResponse({ response }) {
              if (response.body.kind === 'single') response.body.singleResult.extensions = { sessions };
            },
          };
        },
      },
    ],
  });
  const { url } = await startStandaloneServer(server, {
    listen: { port: Number(env['PORT'] ?? 4100), host: '127.0.0.1' },
    context: async () => ({ sessionConfig: { database } }),
  });
  process.stdout.write(`peer ready at ${url}\n`);
  const stop = () => {
    void server
      .stop()
      .then(() => driver.close())
      .finally(() => process.exit(0));
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

main().catch((error: unknown) => {
  process.stderr.write(`peer failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
