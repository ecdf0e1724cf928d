/**
 * Guards fail closed, through the real server (issue 27): a document the parser cannot get through
 * (nested past the call stack) is refused by the token guard with LIMIT_CHECK_FAILED and its setting,
 * not a bare "Maximum call stack size exceeded"; documents that multiply through fragments are
 * measured by the depth and alias guards, not skipped; the server answers afterwards.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/server.js';

let api: TestServer;
beforeAll(async () => {
  // Tokens and bytes enough that the parser's call stack, not the token count or the body size, is what gives
  // out (about 3 tokens and 6 bytes a level).
  api = await startTestServer({ MAX_TOKENS: '200000', BODY_LIMIT: '1mb' });
});
afterAll(async () => {
  await api?.stop();
});

describe('guards fail closed', () => {
  it('a document nested past the parser’s call stack is refused by the token guard: LIMIT_CHECK_FAILED, 400', async () => {
    // Deep enough for any frame size: 6,000 levels sometimes parsed, once the parser's functions were optimised
    // (smaller frames) by the tests run before it in the same worker, and the depth guard refused it instead.
    const depth = 50_000;
    const res = await api.gql(`{ ${'a { '.repeat(depth)}b${' }'.repeat(depth)} }`);
    expect(res.status).toBe(400);
    expect(res.body.errors).toHaveLength(1);
    expect(res.body.errors![0]!.extensions).toMatchObject({ code: 'LIMIT_CHECK_FAILED', limit: 'tokens', setting: 'MAX_TOKENS' });
    expect(res.body.errors![0]!.message).toMatch(/could not be checked .* refused rather than run unchecked/);
  });

  it('doubling fragments are measured, not skipped: 2^30 aliases are refused by MAX_ALIASES', async () => {
    let fragments = 'fragment P0 on Query { x: __typename }\n';
    for (let k = 1; k <= 30; k++) fragments += `fragment P${k} on Query { ...P${k - 1} ...P${k - 1} }\n`;
    const res = await api.gql(`{ ...P30 }\n${fragments}`);
    expect(res.status).toBe(400);
    expect(res.body.errors?.[0]?.extensions).toMatchObject({ code: 'GRAPHQL_VALIDATION_FAILED', limit: 'aliases', found: 2 ** 30 });
  });

  it('doubling fragments deep inside lists are measured by the depth guard', async () => {
    let fragments = 'fragment P0 on Country { agreements { parties { ... on Country { name } } } }\n';
    for (let k = 1; k <= 20; k++) fragments += `fragment P${k} on Country { agreements { parties { ... on Country { ...P${k - 1} } } } }\n`;
    const res = await api.gql(`{ node(id: "country:japan") { ...P20 } }\n${fragments}`);
    expect(res.status).toBe(400);
    expect(res.body.errors?.[0]?.extensions).toMatchObject({ code: 'GRAPHQL_VALIDATION_FAILED', limit: 'depth' });
  });

  it('the server answers afterwards', async () => {
    expect((await api.gql('{ countries(first: 1) { totalCount } }')).status).toBe(200);
  });
});
