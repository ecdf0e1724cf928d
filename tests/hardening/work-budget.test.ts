/**
 * The work budget of a request (issue 17): the 286-byte fan-out query that once took the heap from
 * 180 MB to 4.3 GB and killed the API is refused up front by the cost estimate (unpaginated lists
 * multiply), and when the estimate is set aside the result-size budget stops it while it runs;
 * either way /health keeps answering and the heap stays bounded. The cost message names the real
 * estimate, and an over-long GET is answered in GraphQL JSON.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/server.js';

/** `agreements { parties { … on Country { … } } }` nested `levels` times from Japan. */
export function fanOut(levels: number, leaf = 'name'): string {
  return `{ node(id: "country:japan") { ... on Country { ${'agreements { parties { ... on Country { '.repeat(levels)}${leaf} ${'} } } '.repeat(levels)}} } }`;
}

/** Heap growth allowed while the bombs run (the API shares this process with the test). */
const HEAP_BOUND_MB = 300;

function heapMb(): number {
  // vitest.config.ts runs the test processes with --expose-gc: measure what is retained, not garbage.
  if (!global.gc) throw new Error('run with node --expose-gc (vitest.config.ts sets it)');
  global.gc();
  return process.memoryUsage().heapUsed / 1024 / 1024;
}

async function healthy(origin: string): Promise<boolean> {
  const res = await fetch(`${origin}/health`);
  return res.status === 200 && ((await res.json()) as { status: string }).status === 'ok';
}

let api: TestServer;
/** The same API with the cost estimate set aside: only the result-size budget stands. */
let noEstimate: TestServer;
/** Neither the estimate nor the size budget: only the request deadline stands. */
let onlyDeadline: TestServer;
beforeAll(async () => {
  api = await startTestServer();
  noEstimate = await startTestServer({ MAX_COST: '1000000000000000', MAX_DEPTH: '40', MAX_RESULT_ITEMS: '5000' });
  onlyDeadline = await startTestServer({ MAX_COST: '1000000000000000', MAX_DEPTH: '40', MAX_RESULT_ITEMS: '1000000000', MAX_RESULT_BYTES: '1000000000', REQUEST_TIMEOUT_MS: '1500' });
});
afterAll(async () => {
  await api?.stop();
  await noEstimate?.stop();
  await onlyDeadline?.stop();
});

describe('the fan-out query', () => {
  it('is 286 bytes or so, within the depth limit, and refused up front by the cost estimate with the real number', async () => {
    const query = fanOut(5);
    expect(query.length).toBeLessThan(300);
    const before = heapMb();
    const res = await api.gql(query);
    expect(res.status).toBe(400);
    const error = res.body.errors?.[0];
    expect(error?.extensions).toMatchObject({ code: 'GRAPHQL_VALIDATION_FAILED', limit: 'cost', max: 25_000 });
    const found = error?.extensions?.['found'] as number;
    expect(found).toBeGreaterThan(1e9);
    // The message prints the estimate itself, not its first digit.
    expect(error?.message).toContain(`estimated to cost ${found < 1e15 ? found : found.toPrecision(2).replace('.0e', 'e')};`);
    expect(res.body.extensions?.['roundTrips'] ?? 0).toBe(0);
    expect(heapMb() - before).toBeLessThan(HEAP_BOUND_MB);
  });

  it('larger variants are refused too, /health answers meanwhile, and the heap stays bounded', async () => {
    const before = heapMb();
    const variants = [6, 8, 10].map((n) => fanOut(n)).concat([fanOut(5, 'name agreements { name parties { name } }')]);
    const answers = await Promise.all([...variants.map((q) => api.gql(q)), healthy(api.origin)]);
    for (const res of answers.slice(0, variants.length) as Awaited<ReturnType<TestServer['gql']>>[]) {
      expect(res.status).toBe(400);
      expect(['cost', 'depth']).toContain(res.body.errors?.[0]?.extensions?.['limit']);
    }
    expect(answers[variants.length]).toBe(true);
    expect(heapMb() - before).toBeLessThan(HEAP_BOUND_MB);
  });

  it('one level of the same lists is an ordinary query and is answered', async () => {
    const res = await api.gql(fanOut(1));
    expect(res.body.errors).toBeUndefined();
    expect(((res.body.data as any).node.agreements as unknown[]).length).toBeGreaterThan(0);
  });
});

describe('the result-size budget, enforced while the operation runs', () => {
  it('stops the fan-out query when the estimate lets it through: BAD_USER_INPUT, limit resultSize, the setting and the number', async () => {
    const before = heapMb();
    const running = noEstimate.gql(fanOut(5));
    // The API answers other requests while the fan-out runs.
    expect(await healthy(noEstimate.origin)).toBe(true);
    const res = await running;
    expect(res.status).toBe(400);
    expect(res.body.data).toBeUndefined();
    expect(res.body.errors).toHaveLength(1);
    const error = res.body.errors?.[0];
    expect(error?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', limit: 'resultSize', setting: 'MAX_RESULT_ITEMS', max: 5000 });
    expect(error?.extensions?.['found']).toBeGreaterThan(5000);
    expect(error?.message).toMatch(/grew past 5000 objects and list items, the limit \(MAX_RESULT_ITEMS\)/);
    expect(heapMb() - before).toBeLessThan(HEAP_BOUND_MB);
    expect(await healthy(noEstimate.origin)).toBe(true);
  });

  it('with no size budget, the deadline stops the work itself (not only the answer): QUERY_TIMEOUT, the heap bounded', async () => {
    const before = heapMb();
    const res = await onlyDeadline.gql(fanOut(5));
    expect(res.status).toBe(503);
    expect(res.body.errors?.[0]?.extensions).toMatchObject({ code: 'QUERY_TIMEOUT', limit: 'time' });
    // Execution stopped with the answer: give it the time to run on if it did not, then measure.
    await new Promise((r) => setTimeout(r, 3_000));
    expect(heapMb() - before).toBeLessThan(HEAP_BOUND_MB);
    expect(await healthy(onlyDeadline.origin)).toBe(true);
  });

  it('ordinary operations stay well inside the budget', async () => {
    const res = await noEstimate.gql('{ countries(first: 100) { edges { node { name agreements { name } } } } }');
    expect(res.body.errors).toBeUndefined();
  });
});

describe('rejections in the HTTP layer are GraphQL JSON', () => {
  it('a GET whose URL is too long for the server gets a JSON error naming the limit, not a bare 431', async () => {
    const url = `${api.url}?query=${encodeURIComponent(`{ ${'__typename '.repeat(2000)}}`)}`;
    expect(url.length).toBeGreaterThan(16 * 1024);
    const res = await fetch(url, { headers: { accept: 'application/json' } });
    expect(res.status).toBe(431);
    expect(res.headers.get('content-type')).toMatch(/application\/json/);
    const body = (await res.json()) as { errors?: { message: string; extensions?: Record<string, unknown> }[] };
    expect(body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_REQUEST', limit: 'headerSize' });
    expect(body.errors?.[0]?.message).toMatch(/POST/);
  });
});
