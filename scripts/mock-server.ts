/**
 * `npm run mock`: the API's schema with made-up answers for UI work and front-end tests, with no
 * Neo4j and no Java. Ids, names and labels come from the seed YAML (seeds/), so `node(id:)` with a
 * real id answers that entity's type and name; every other field is filled by
 * @graphql-tools/mock (lists of two, enum values of the schema, plausible dates). The answers are
 * not the graph's: use the real API for anything that depends on relationships or counts.
 *
 *   npm run mock                    http://localhost:4001/graphql (PORT to change it)
 */
import { readdirSync, readFileSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ApolloServer } from '@apollo/server';
import { expressMiddleware } from '@as-integrations/express5';
import { addMocksToSchema, type IMocks } from '@graphql-tools/mock';
import { makeExecutableSchema } from '@graphql-tools/schema';
import cors from 'cors';
import express from 'express';
import type { GraphQLSchema } from 'graphql';
import { parse as parseYaml } from 'yaml';

const ROOT = fileURLToPath(new URL('../', import.meta.url));

interface SeedEntity {
  key: string;
  label: string;
  name: string;
}

/** Every node of the seed YAML: key, label (the GraphQL type) and name. */
export function seedEntities(dir = path.join(ROOT, 'seeds/japan-customs-2016')): SeedEntity[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.yaml'))
    .flatMap((f) => ((parseYaml(readFileSync(path.join(dir, f), 'utf8')) as { nodes?: SeedEntity[] } | null)?.nodes ?? []))
    .filter((n) => typeof n.key === 'string' && typeof n.label === 'string' && typeof n.name === 'string');
}

export function createMockSchema(): GraphQLSchema {
  const schema = makeExecutableSchema({ typeDefs: readFileSync(path.join(ROOT, 'generated/schema.graphql'), 'utf8') });
  const entities = seedEntities();
  const byKey = new Map(entities.map((e) => [e.key, e]));
  let i = 0;
  const next = () => entities[i++ % entities.length]!;
  const entity = (id: string) => {
    const e = byKey.get(id);
    return e ? { __typename: e.label, id: e.key, name: e.name } : null;
  };
  const mocks: IMocks = {
    ID: () => next().key,
    String: () => next().name,
    Int: () => 3,
    Float: () => 1.5,
    PartialDate: () => '2015-05',
    Date: () => '2015-05-14',
    JSON: () => ({}),
  };
  return addMocksToSchema({
    schema,
    mocks,
    resolvers: () => ({
      Query: {
        node: (_: unknown, { id }: { id: string }) => entity(id),
        nodes: (_: unknown, { ids }: { ids: string[] }) => ids.map(entity),
      },
    }),
    preserveResolvers: false,
  });
}

export async function startMockServer(port: number): Promise<{ url: string; stop(): Promise<void> }> {
  const app = express();
  const server = http.createServer(app);
  const apollo = new ApolloServer({ schema: createMockSchema(), introspection: true, csrfPrevention: false });
  await apollo.start();
  app.use('/graphql', cors(), express.json(), expressMiddleware(apollo));
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
  process.stdout.write(`mock API (made-up answers over the seed's ids and names, no Neo4j) at ${url}\n`);
}
