/**
 * The result budget counts the bytes actually sent (issue 27, defect 1): response keys as well as values,
 * every alias on its own, checked while the response is produced. A 90 KB request of 30 aliases of 3,000
 * characters on `name`, over the agreements of one country whose id is repeated in `nodes(ids:)`, once
 * passed both result limits and made a 49.5 MB answer; it is now refused by MAX_RESULT_BYTES, and so is
 * an export file larger than the budget, in every format.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/server.js';

/** `nodes(ids:)` with Japan `ids` times, each agreement answering `aliases` aliases of `length` characters on `name`. */
export function aliasBomb(ids = 18, aliases = 30, length = 3_000): string {
  const fields = Array.from({ length: aliases }, (_, i) => `${`a${i}_`.padEnd(length, 'x')}: name`).join(' ');
  return `{ nodes(ids: [${Array(ids).fill('"country:japan"').join(',')}]) { ... on Country { agreements { ${fields} } } } }`;
}

const MAX_BYTES = 5_000_000;

let api: TestServer;
beforeAll(async () => {
  api = await startTestServer();
});
afterAll(async () => {
  await api?.stop();
});

describe('the byte budget counts what is sent', () => {
  it('the 90 KB alias request is refused by MAX_RESULT_BYTES, stopped soon after the budget ran out', async () => {
    const query = aliasBomb();
    expect(query.length).toBeGreaterThan(90_000);
    expect(query.length).toBeLessThan(100 * 1024);
    const res = await api.gql(query);
    expect(res.status).toBe(400);
    expect(res.body.data).toBeUndefined();
    expect(res.body.errors).toHaveLength(1);
    const error = res.body.errors![0]!;
    expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', limit: 'resultSize', setting: 'MAX_RESULT_BYTES', max: MAX_BYTES });
    // Counted while produced: stopped within about one agreement's worth (30 keys of 3,000 bytes) of the budget.
    const found = error.extensions!['found'] as number;
    expect(found).toBeGreaterThan(MAX_BYTES);
    expect(found).toBeLessThan(MAX_BYTES + 200_000);
    expect(error.message).toMatch(/MAX_RESULT_BYTES/);
  });

  it('the same aliases over one agreement list are an ordinary answer, and the API stays healthy', async () => {
    const res = await api.gql(aliasBomb(1, 3, 20));
    expect(res.status).toBe(200);
    expect(res.body.errors).toBeUndefined();
    expect((await fetch(`${api.origin}/health`)).status).toBe(200);
  });
});

describe('the count is the size of the data as serialised', () => {
  /** Keys (aliases, __typename), nulls, numbers, lists, nested objects, abstract types and introspection. */
  const query = `{ a: countries(first: 5) { totalCount edges { cursor node { id n: name __typename t: __typename agreements { name kind } } } }
    b: node(id: "meeting:firearms-promotion") { ... on Meeting { name chief { name } members { ... on Office { name } ... on Organisation { name kind } } } }
    c: node(id: "no:such") { id } d: __type(name: "Country") { name fields { name } } }`;

  it('a budget of exactly the answer passes it, one byte less refuses it', async () => {
    const body = (await api.gql(query)).body;
    expect(body.errors).toBeUndefined();
    const size = Buffer.byteLength(JSON.stringify(body.data));
    const exact = await startTestServer({ MAX_RESULT_BYTES: String(size) });
    const short = await startTestServer({ MAX_RESULT_BYTES: String(size - 1) });
    try {
      expect((await exact.gql(query)).body.errors).toBeUndefined();
      const refused = await short.gql(query);
      expect(refused.status).toBe(400);
      expect(refused.body.errors?.[0]?.extensions).toMatchObject({ limit: 'resultSize', setting: 'MAX_RESULT_BYTES', found: size });
    } finally {
      await exact.stop();
      await short.stop();
    }
  });
});

describe('exports have the same byte budget', () => {
  let small: TestServer;
  const MAX = 5_000;
  beforeAll(async () => {
    small = await startTestServer({ MAX_RESULT_BYTES: String(MAX) });
  });
  afterAll(async () => {
    await small?.stop();
  });

  it.each(['agreements.csv?limit=5000', 'agreements.json?limit=5000', 'graph.graphml', 'graph.gexf', 'neighbourhood.graphml?id=country:japan&depth=2', 'neighbourhood.json?id=country:japan&depth=2'])(
    '/export/%s larger than the budget is refused while written, and answered under the default budget',
    async (file) => {
      const full = await fetch(`${api.origin}/export/${file}`);
      expect(full.status).toBe(200);
      const size = Buffer.byteLength(await full.text());
      expect(size).toBeGreaterThan(MAX);
      const res = await fetch(`${small.origin}/export/${file}`);
      expect(res.status).toBe(400);
      const body = (await res.json()) as { error: { code: string; message: string; limit?: string; setting?: string; found?: number } };
      expect(body.error).toMatchObject({ code: 'BAD_USER_INPUT', limit: 'resultSize', setting: 'MAX_RESULT_BYTES' });
      expect(body.error.message).toMatch(/MAX_RESULT_BYTES/);
      expect(body.error.found).toBeGreaterThan(MAX);
      // Stopped soon after the budget was spent, not after the whole file was made.
      expect(body.error.found).toBeLessThan(Math.min(size, MAX + 10_000));
    },
  );
});
