/**
 * One HTTP status per error code (issue 27), whichever part of the server raised the error: QUERY_TIMEOUT is
 * 503 with Retry-After whether the request's deadline or Neo4j's transaction timeout fired (it was 200 or 503);
 * BAD_USER_INPUT is 400 whether graphql-js or a resolver refused the argument. A response with data beside
 * its errors stays 200, as the GraphQL-over-HTTP spec requires.
 */
import { Writable } from 'node:stream';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/server.js';

/** `agreements { parties { … on Country { … } } }` nested `levels` times from Japan (tests/hardening/work-budget.test.ts). */
function fanOut(levels: number): string {
  return `{ node(id: "country:japan") { ... on Country { ${'agreements { parties { ... on Country { '.repeat(levels)}name ${'} } } '.repeat(levels)}} } }`;
}

/** No estimate or size budget stands in the way of a fan-out. */
const UNBOUNDED = { MAX_COST: '1000000000000000', MAX_DEPTH: '40', MAX_RESULT_ITEMS: '1000000000000', MAX_RESULT_BYTES: '1000000000000' };

/** What the Neo4j-clock server logged at warn or above: the driver's own error, which the response masks. */
const neo4jClockLog: string[] = [];
const neo4jClockLogger = pino(
  { level: 'warn' },
  new Writable({
    write(chunk: Buffer, _encoding, done) {
      neo4jClockLog.push(chunk.toString());
      done();
    },
  }),
);

let api: TestServer;
/** The fan-out compiled into one statement, which Neo4j's own clock stops first. */
let neo4jClock: TestServer;
/** The request's deadline fires first (no cost or size budget to stop the fan-out before it). */
let requestClock: TestServer;
beforeAll(async () => {
  api = await startTestServer();
  // Neo4j's clock must fire before its transaction memory limit does: the compiled fan-out, lighter since the
  // selection-only projections, filled the memory limit within about 2 s in two clean-clone CI runs
  // (DATABASE_OUT_OF_MEMORY, not QUERY_TIMEOUT); at 500 ms the clock fires well before.
  neo4jClock = await startTestServer({ ...UNBOUNDED, QUERY_TIMEOUT_MS: '500', REQUEST_TIMEOUT_MS: '60000' }, { logger: neo4jClockLogger });
  // Run field by field (the estimate is over MAX_RESULT_ITEMS), so no one statement runs long: the request's clock fires.
  requestClock = await startTestServer({ ...UNBOUNDED, MAX_RESULT_ITEMS: '1000000000', REQUEST_TIMEOUT_MS: '1500' });
});
afterAll(async () => {
  await api?.stop();
  await neo4jClock?.stop();
  await requestClock?.stop();
});

async function post(server: TestServer, query: string, variables?: Record<string, unknown>) {
  const res = await fetch(server.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json' },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await res.json()) as { data?: unknown; errors?: { extensions?: Record<string, unknown> }[] };
  return { status: res.status, retryAfter: res.headers.get('retry-after'), body, code: body.errors?.[0]?.extensions?.['code'] };
}

describe('QUERY_TIMEOUT is 503 with Retry-After, whichever clock fired', () => {
  it("Neo4j's transaction timeout", async () => {
    // Neo4j cannot stop a statement while it plans it, and the compiled fan-out is new to this Neo4j: a first request
    // has Neo4j plan and cache it, whatever it answers; the second one then runs past the 500 ms and is stopped by the
    // transaction timeout (once /ready says the database answers). This case failed in clean-clone CI runs as
    // DATABASE_UNAVAILABLE: the fan-out made Neo4j throw its own NullPointerException within 20 ms once its plan was
    // cached (tests/compiler/nested-positions.test.ts), and then, fixed, filled its memory limit before Neo4j's 2 s
    // timeout check came (the local Neo4j now checks every 100 ms). On failure, the message shows the logged error.
    await post(neo4jClock, fanOut(5));
    const ready = neo4jClock.url.replace(/\/graphql$/, '/ready');
    for (let i = 0; i < 60 && (await fetch(ready)).status !== 200; i++) await new Promise((r) => setTimeout(r, 500));
    neo4jClockLog.length = 0;
    const res = await post(neo4jClock, fanOut(5));
    expect(res.code, `${JSON.stringify(res.body.errors)}\nlogged: ${neo4jClockLog.join('')}`).toBe('QUERY_TIMEOUT');
    expect(res.body.errors?.[0]?.extensions).toMatchObject({ max: 500 });
    expect(res.status).toBe(503);
    expect(res.retryAfter).toBe('5');
  });

  it("the request's deadline", async () => {
    const res = await post(requestClock, fanOut(5));
    expect(res.code, JSON.stringify(res.body.errors)).toBe('QUERY_TIMEOUT');
    expect(res.body.errors?.[0]?.extensions).toMatchObject({ max: 1500 });
    expect(res.status).toBe(503);
    expect(res.retryAfter).toBe('5');
  });
});

describe('BAD_USER_INPUT is 400, whoever refused the value', () => {
  it('a resolver (a page size out of range)', async () => {
    const res = await post(api, '{ meetings(first: -1) { totalCount } }');
    expect(res.code).toBe('BAD_USER_INPUT');
    expect(res.status).toBe(400);
  });

  it('graphql-js (a variable of the wrong type)', async () => {
    const res = await post(api, 'query Q($n: Int) { meetings(first: $n) { totalCount } }', { n: 'ten' });
    expect(res.code).toBe('BAD_USER_INPUT');
    expect(res.status).toBe(400);
  });

  it('but beside data that was answered, the response is 200 with the error in it', async () => {
    const res = await post(api, `{ ok: countries(first: 1) { totalCount } bad: node(id: "${'x'.repeat(301)}") { id } }`);
    expect(res.code).toBe('BAD_USER_INPUT');
    expect(res.status).toBe(200);
    expect((res.body.data as { ok: { totalCount: number } }).ok.totalCount).toBeGreaterThan(0);
  });
});

describe('NOT_FOUND is 404', () => {
  it('an unknown id where the question needs one', async () => {
    const res = await post(api, '{ shortestPath(from: "country:japan", to: "country:atlantis") { paths { length } } }');
    expect(res.code).toBe('NOT_FOUND');
    expect(res.status).toBe(404);
  });
});
