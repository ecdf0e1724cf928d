/**
 * The peer of the overhead benchmark (@neo4j/graphql over bench/peer/type-defs.graphql) answers every saved
 * operation's question (bench/peer/operations/) with the same ids as the API, as the benchmark checks before
 * timing. The peer's schema is executed in this process here; the benchmark serves it over HTTP.
 */
import { Neo4jGraphQL } from '@neo4j/graphql';
import { graphql, type GraphQLSchema } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compareIds, loadBenchOperations, queryApi } from '../../bench/overhead.js';
import { peerBody } from '../../bench/overhead/operations.js';
import { closeTestDb, neo4jSettings, testDb } from '../support/db.js';
import { startTestServer, type TestServer } from '../support/server.js';

const operations = loadBenchOperations();
let api: TestServer;
let schema: GraphQLSchema;

beforeAll(async () => {
  api = await startTestServer();
  const { db } = await testDb();
  const { peerTypeDefs } = await import('../../bench/peer/schema.js');
  schema = await new Neo4jGraphQL({ typeDefs: peerTypeDefs(), driver: db.driver }).getSchema();
});
afterAll(async () => {
  await api?.stop();
  await closeTestDb();
});

describe('the peer (@neo4j/graphql)', () => {
  it('has a question for every saved operation', () => {
    expect(operations.filter((op) => op.peer === null).map((op) => op.file)).toEqual([]);
  });

  it.each(operations.map((op) => [op.name, op] as const))('%s: the same ids as the API', async (_, op) => {
    const body = JSON.parse(peerBody(op)!) as { query: string; operationName: string; variables: Record<string, unknown> };
    const [peer, ours] = await Promise.all([
      graphql({ schema, source: body.query, operationName: body.operationName, variableValues: body.variables, contextValue: { sessionConfig: { database: neo4jSettings().database } } }),
      queryApi(api.url, op),
    ]);
    expect(peer.errors).toBeUndefined();
    expect(ours.errors).toBeUndefined();
    const ids = compareIds(ours.data, peer.data);
    expect(ids.api).toBeGreaterThan(0);
    expect({ missing: ids.missing, extra: ids.extra }).toEqual({ missing: [], extra: [] });
  });
});
