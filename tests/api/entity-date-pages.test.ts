/**
 * Entity roots in date order (`orderBy: {field: DATE}`): an undated entity sorts after every dated one in
 * either direction (src/repositories/entity-repository.ts). A backward page (`last:`/`before:`) is read
 * against the order asked for and turned round, so it must still see the undated entities at the end:
 * `last: 3` is the tail of the forward walk, and walking back page by page gives the forward walk. Every
 * root, both directions, on both execution paths (the compiled statement and the field resolvers).
 */
import { describe, expect, it } from 'vitest';
import { ENTITY_TYPES } from '../../src/domain/vocabulary.js';
import { useTestServer, type TestServer } from '../support/server.js';

const compiled = useTestServer({ EXECUTION: 'compiled' });
const resolvers = useTestServer({ EXECUTION: 'resolvers' });

const ROOTS = Object.values(ENTITY_TYPES)
  .map((t) => t.root)
  .filter((r): r is NonNullable<typeof r> => r !== null);

// The opening dates (vocabulary `life.opens`) that each root's type shows, in entity/filter's coalesce order.
const OPENING: Record<string, string> = {
  plans: 'adopted { value }',
  organisations: 'established { value }',
  meetings: 'established { value } firstConvened { value }',
  capabilities: 'introduced { value }',
};

const page = (root: string) => `query Page($first: Int, $after: String, $last: Int, $before: String, $order: EntityOrder) {
  ${root}(first: $first, after: $after, last: $last, before: $before, orderBy: $order) {
    totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor } edges { node { id ${OPENING[root] ?? ''} } } } }`;

interface Walk {
  ids: string[];
  dates: (string | null)[];
  total: number;
}

function opening(node: Record<string, { value: string } | null | undefined>): string | null {
  for (const field of ['adopted', 'established', 'firstConvened', 'introduced']) {
    if (node[field]) return node[field].value;
  }
  return null;
}

async function walk(server: TestServer, root: string, direction: string, backward = false): Promise<Walk> {
  const out: Walk = { ids: [], dates: [], total: 0 };
  let cursor: string | null = null;
  for (let n = 0; n < 60; n++) {
    const order = { field: 'DATE', direction };
    const variables = backward ? { last: 6, before: cursor, order } : { first: 6, after: cursor, order };
    const d = (await server.data(page(root), variables)) as Record<string, { totalCount: number; pageInfo: Record<string, any>; edges: { node: any }[] }>;
    const connection = d[root]!;
    const nodes = connection.edges.map((e) => e.node);
    out.total = connection.totalCount;
    if (backward) {
      out.ids.unshift(...nodes.map((x) => x.id as string));
      out.dates.unshift(...nodes.map(opening));
      if (!connection.pageInfo.hasPreviousPage) break;
      cursor = connection.pageInfo.startCursor;
    } else {
      out.ids.push(...nodes.map((x) => x.id as string));
      out.dates.push(...nodes.map(opening));
      if (!connection.pageInfo.hasNextPage) break;
      cursor = connection.pageInfo.endCursor;
    }
  }
  return out;
}

const CASES = ROOTS.flatMap((root) => ['ASC', 'DESC'].map((direction) => ({ root, direction })));

describe('entity roots in date order, paged backwards', () => {
  it.each(CASES)('$root DATE $direction: last and before give the forward walk, undated last, compiled and field by field', async ({ root, direction }) => {
    const forward = await walk(resolvers, root, direction);
    expect(forward.ids).toHaveLength(forward.total);
    expect(new Set(forward.ids).size).toBe(forward.total);
    // The forward walk: the dated entities in the order asked for, then the undated ones.
    const firstUndated = forward.dates.indexOf(null);
    const dated = forward.dates.slice(0, firstUndated === -1 ? undefined : firstUndated) as string[];
    if (firstUndated !== -1) expect(forward.dates.slice(firstUndated).every((d) => d === null)).toBe(true);
    const sorted = [...dated].sort();
    expect(dated).toEqual(direction === 'ASC' ? sorted : sorted.reverse());
    for (const server of [compiled, resolvers]) {
      const label = `${root} ${direction} ${server === compiled ? 'compiled' : 'resolvers'}`;
      expect((await walk(server, root, direction)).ids, `${label} forward`).toEqual(forward.ids);
      const d = (await server.data(page(root), { last: 3, order: { field: 'DATE', direction } })) as Record<string, { edges: { node: any }[] }>;
      expect(d[root]!.edges.map((e) => e.node.id), `${label} last: 3`).toEqual(forward.ids.slice(-3));
      expect((await walk(server, root, direction, true)).ids, `${label} backward walk`).toEqual(forward.ids);
    }
  });

  it('the seed has dated and undated entities on one root, so the date order crosses into the undated tail', async () => {
    const mixed = [];
    for (const root of ROOTS) {
      const { dates } = await walk(compiled, root, 'ASC');
      if (dates.includes(null) && dates.some((d) => d !== null)) mixed.push(root);
    }
    expect(mixed.length).toBeGreaterThan(0);
  });
});
