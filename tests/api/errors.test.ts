/** Bad arguments get BAD_USER_INPUT with a message that says what is accepted. */
import { describe, expect, it } from 'vitest';
import { useTestServer } from '../support/server.js';

const api = useTestServer();

async function errorOf(query: string, variables?: Record<string, unknown>) {
  const res = await api.gql(query, variables);
  expect(res.body.errors?.length, JSON.stringify(res.body)).toBeGreaterThan(0);
  return { status: res.status, error: res.body.errors![0]! };
}

describe('bad input', () => {
  it.each([
    ['first: -1', '{ meetings(first: -1) { totalCount } }', /1 to 100/],
    ['first: 101', '{ meetings(first: 101) { totalCount } }', /1 to 100/],
    ['first and last together', '{ meetings(first: 2, last: 2) { totalCount } }', /either first/],
    ['a forged cursor', '{ meetings(after: "bm90LWEtY3Vyc29y") { totalCount } }', /not a cursor issued by this API/],
    ['a cursor that is not base64', '{ meetings(after: "{}") { totalCount } }', /not a cursor/],
    ['a malformed date', '{ plans(filter: { adopted: { from: "2008-13" } }) { totalCount } }', /YYYY, YYYY-MM or YYYY-MM-DD/],
    ['a date range the wrong way round', '{ plans(filter: { adopted: { from: "2010", to: "2001" } }) { totalCount } }', /after "to"/],
    ['too many ids', `{ nodes(ids: [${Array.from({ length: 101 }, (_, i) => `"x:${i}"`).join(',')}]) { id } }`, /at most 100/],
    ['search first: 0', '{ search(text: "customs", first: 0) { score } }', /1 to 100/],
  ])('%s → BAD_USER_INPUT', async (_name, query, message) => {
    const { error } = await errorOf(query);
    expect(error.extensions?.code).toBe('BAD_USER_INPUT');
    expect(error.message).toMatch(message);
  });

  it('first: 100000 is refused before it reaches the database, saying to ask for smaller pages', async () => {
    const { status, error } = await errorOf('{ meetings(first: 100000) { totalCount } }');
    expect(status).toBe(400);
    expect(error.message).toMatch(/first\/last|1 to 100/);
  });

  it('an unknown enum value is rejected by validation and names the accepted values', async () => {
    const { status, error } = await errorOf('{ meetings(filter: { kinds: [PARTY] }) { totalCount } }');
    expect(status).toBe(400);
    expect(error.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(error.message).toMatch(/MeetingKind/);
  });

  it('a malformed date in variables is BAD_USER_INPUT', async () => {
    const { error } = await errorOf('query Q($d: PartialDate!) { agreements(filter: { asOf: $d }) { totalCount } }', { d: '7 June 2016' });
    expect(error.extensions?.code).toBe('BAD_USER_INPUT');
    expect(error.message).toMatch(/YYYY-MM/);
  });

  it('a wrong variable type is BAD_USER_INPUT', async () => {
    const { error } = await errorOf('query Q($n: Int) { meetings(first: $n) { totalCount } }', { n: 'ten' });
    expect(error.extensions?.code).toBe('BAD_USER_INPUT');
  });
});

describe('two refused root fields', () => {
  const compiled = useTestServer({ EXECUTION: 'compiled' });
  const resolvers = useTestServer({ EXECUTION: 'resolvers' });

  // Found by tests/compiler/differential.test.ts (seed 1313, once the schema had one more type): the compiled
  // path answered the second root's refusal (403), the resolvers the first root's bad argument (400).
  it('answer the same error on both paths: the first root’s bad argument', async () => {
    const query = '{ a1: search(text: "MINISTER", types: [COUNTRY], first: 0) { __typename } a2: cypher(query: "MINISTER") { __typename } }';
    const [a, b] = await Promise.all([compiled.gql(query), resolvers.gql(query)]);
    expect(b.body.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
    expect({ status: a.status, errors: a.body.errors }).toEqual({ status: b.status, errors: b.body.errors });
  });
});
