/** The toy entity type of docs/extending.md, end to end: list, filter, node(id:), navigation, search. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/server.js';

let api: TestServer;
beforeAll(async () => {
  api = await startTestServer();
});
afterAll(async () => {
  await api.stop();
});

describe('checkpoints', () => {
  it('lists, filters, reads by id with navigation, and is found by search', async () => {
    const d = await api.data(`{
      all: checkpoints { totalCount edges { node { id name kind opened { value } } } }
      ports: checkpoints(filter: { kinds: [PORT] }) { totalCount edges { node { id } } }
      narita: node(id: "checkpoint:narita") { ... on Checkpoint { name country { id } provenance { section } } }
      search(text: "Narita", types: [CHECKPOINT]) { node { id } }
    }`);
    expect(d.all.totalCount).toBe(2);
    expect(d.all.edges.map((e: any) => e.node.id)).toEqual(['checkpoint:narita', 'checkpoint:yokohama']);
    expect(d.all.edges[0].node).toMatchObject({ kind: 'AIRPORT', opened: { value: '1978-05' } });
    expect(d.ports.edges.map((e: any) => e.node.id)).toEqual(['checkpoint:yokohama']);
    expect(d.narita).toEqual({ name: 'Narita Airport', country: { id: 'country:japan' }, provenance: { section: '2.(1)' } });
    expect(d.search.map((h: any) => h.node.id)).toEqual(['checkpoint:narita']);
  });
});
