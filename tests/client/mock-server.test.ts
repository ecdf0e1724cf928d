/**
 * `npm run mock` (scripts/mock-server.ts): the same schema with made-up answers and no Neo4j. Every
 * saved operation of operations/ gets an answer with data and no errors; `node(id:)` answers the
 * seed's entity of that id, by type and name.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadExampleOperations } from '../../src/http/ide.js';
import { startMockServer } from '../../scripts/mock-server.js';

let mock: Awaited<ReturnType<typeof startMockServer>>;
beforeAll(async () => {
  mock = await startMockServer(0);
});
afterAll(async () => {
  await mock?.stop();
});

async function post(query: string, variables: Record<string, unknown> = {}) {
  const res = await fetch(mock.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables }) });
  return { status: res.status, body: (await res.json()) as { data?: Record<string, unknown> | null; errors?: unknown[] } };
}

describe('the mock server', () => {
  it.each(loadExampleOperations().map((e) => [e.name, e.query] as const))('answers %s with data and no errors', async (_name, query) => {
    const res = await post(query);
    expect(res.body.errors).toBeUndefined();
    expect(res.status).toBe(200);
    expect(Object.values(res.body.data ?? {}).length).toBeGreaterThan(0);
  });

  it("answers node(id:) with the seed's entity: its type and name", async () => {
    const res = await post('query($id: ID!) { node(id: $id) { __typename id ... on Meeting { name } } }', { id: 'meeting:firearms-promotion' });
    expect(res.body.data).toEqual({ node: { __typename: 'Meeting', id: 'meeting:firearms-promotion', name: 'Meeting for the Promotion of Measures against Firearms' } });
  });
});
