/**
 * Border checkpoints (a toy type of the extending experiment, docs/extending.md): the root list with its kinds
 * filter, `node(id:)` with its navigation (`country` over LOCATED_IN, `staffedBy` over its own STAFFS) and search,
 * on the compiled path and the field resolvers, each answer expected from the seed records.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readDataset, type Dataset } from '../../src/seed/format.js';
import { MAIN_DATASET_DIR } from '../seed/helpers.js';
import { startTestServer, type TestServer } from '../support/server.js';

let compiled: TestServer;
let resolvers: TestServer;
let seed: Dataset;
beforeAll(async () => {
  [compiled, resolvers, seed] = await Promise.all([startTestServer(), startTestServer({ EXECUTION: 'resolvers' }), readDataset(MAIN_DATASET_DIR)]);
});
afterAll(async () => {
  await Promise.all([compiled?.stop(), resolvers?.stop()]);
});

const checkpoints = () => seed.nodes.filter((n) => n.label === 'Checkpoint').sort((a, b) => a.name.localeCompare(b.name));
const ends = (type: string, end: 'from' | 'to', key: string) =>
  seed.relationships.filter((r) => r.type === type && r[end === 'from' ? 'to' : 'from'] === key).map((r) => r[end]).sort();

describe.each([
  ['compiled', () => compiled],
  ['resolvers', () => resolvers],
] as const)('checkpoints (%s)', (_, api) => {
  it('lists every checkpoint of the seed with its own properties, by name', async () => {
    const data = await api().data<{ checkpoints: { totalCount: number; edges: { node: Record<string, unknown> }[] } }>(
      '{ checkpoints(first: 100) { totalCount edges { node { id name aliases kind established { value } description } } } }',
    );
    const expected = checkpoints();
    expect(expected.length).toBeGreaterThan(1);
    expect(data.checkpoints.totalCount).toBe(expected.length);
    expect(data.checkpoints.edges.map((e) => e.node)).toEqual(
      expected.map((n) => ({
        id: n.key,
        name: n.name,
        aliases: n.aliases ?? [],
        kind: n.props['kind'],
        established: n.props['established'] === undefined ? null : { value: n.props['established'] },
        description: n.props['description'] ?? null,
      })),
    );
  });

  it('filters by kind', async () => {
    const data = await api().data<{ checkpoints: { edges: { node: { id: string } }[] } }>('{ checkpoints(first: 100, filter: { kinds: [SEAPORT] }) { edges { node { id } } } }');
    const seaports = checkpoints().filter((n) => n.props['kind'] === 'SEAPORT').map((n) => n.key);
    expect(seaports.length).toBeGreaterThan(0);
    expect(data.checkpoints.edges.map((e) => e.node.id)).toEqual(seaports);
  });

  it('node(id:) reads its country and the offices that staff it', async () => {
    for (const c of checkpoints()) {
      const { node } = await api().data<{ node: { country: { id: string } | null; staffedBy: { id: string }[] } }>(
        'query C($id: ID!) { node(id: $id) { ... on Checkpoint { country { id } staffedBy { id } } } }',
        { id: c.key },
      );
      expect(node.country?.id ?? null, c.key).toBe(ends('LOCATED_IN', 'to', c.key)[0] ?? null);
      expect(node.staffedBy.map((o) => o.id).sort(), c.key).toEqual(ends('STAFFS', 'from', c.key));
    }
    expect(checkpoints().some((c) => ends('STAFFS', 'from', c.key).length > 0)).toBe(true);
  });

  it('search finds a checkpoint by its alias, with its type', async () => {
    const narita = checkpoints().find((n) => n.aliases?.includes('Narita'))!;
    const { search } = await api().data<{ search: { node: { id: string; __typename: string } }[] }>('{ search(text: "Narita", types: [CHECKPOINT]) { node { id __typename } } }');
    expect(search[0]?.node).toEqual({ id: narita.key, __typename: 'Checkpoint' });
  });
});
