/**
 * The fast lane (src/http/fast-lane.ts) takes one JSON operation POSTed without an Origin header
 * straight to Apollo; everything else takes the general chain. A client must not be able to tell
 * them apart: the same request, sent once through each (a browser's Origin header sends it down the
 * general chain), gets the same status and the same body, for answers and for every kind of refusal.
 */
import { describe, expect, it } from 'vitest';
import { useTestServer } from '../support/server.js';

const api = useTestServer({ BODY_LIMIT: '2kb', MAX_BATCH: '3' });

interface Sent {
  status: number;
  body: unknown;
  allowOrigin: string | null;
}

async function send(body: string, headers: Record<string, string> = {}): Promise<Sent> {
  const res = await fetch(api.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json', ...headers },
    body,
  });
  const text = await res.text();
  let parsed: unknown = text;
  try {
    parsed = JSON.parse(text);
  } catch {
    // Not JSON: compared as text.
  }
  return { status: res.status, body: parsed, allowOrigin: res.headers.get('access-control-allow-origin') };
}

/** The request through the lane (no Origin) and through the general chain (a browser's Origin). */
async function bothWays(body: string, headers: Record<string, string> = {}): Promise<{ lane: Sent; chain: Sent }> {
  const lane = await send(body, headers);
  const chain = await send(body, { ...headers, origin: 'http://example.test' });
  // The browser's request really took the general chain: it got its CORS answer.
  expect(chain.allowOrigin).not.toBeNull();
  return { lane, chain };
}

const firearms = JSON.stringify({
  query: 'query Chief($id: ID!) { node(id: $id) { id ... on Meeting { name chief { name } } } }',
  operationName: 'Chief',
  variables: { id: 'meeting:firearms-promotion' },
});

describe('the fast lane answers exactly as the general chain', () => {
  it('a saved question: the same data and round trips', async () => {
    const { lane, chain } = await bothWays(firearms);
    expect(lane.status).toBe(200);
    expect(lane.body).toEqual(chain.body);
    expect((lane.body as { data: { node: { chief: { name: string } } } }).data.node.chief.name).toBe('Chair of the National Public Safety Commission');
  });

  it.each([
    ['a body that is not JSON', '{"query": "{ __typename }"', 400],
    ['JSON that is neither an object nor an array', '42', 400],
    ['a body over BODY_LIMIT', JSON.stringify({ query: `{ __typename ${' '.repeat(3000)}}` }), 413],
    ['an unknown operation name', JSON.stringify({ query: '{ __typename }', operationName: 'Nope' }), 400],
    ['a syntax error', JSON.stringify({ query: '{ meetings(first: ) }' }), 400],
    ['a document id while trusted documents are off', JSON.stringify({ documentId: 'sha256:abc' }), 400],
    ['no query at all', JSON.stringify({ variables: {} }), 400],
  ])('%s: the same refusal', async (_name, body, status) => {
    const { lane, chain } = await bothWays(body);
    expect(lane.status).toBe(status);
    expect(chain.status).toBe(status);
    expect(lane.body).toEqual(chain.body);
    expect(JSON.stringify(lane.body)).toMatch(/"code":"[A-Z_]+"/);
  });

  it('a batch goes down the general chain either way, under MAX_BATCH', async () => {
    const { lane, chain } = await bothWays(`[${firearms},${firearms}]`);
    expect(lane.status).toBe(200);
    expect(lane.body).toEqual(chain.body);
    expect(lane.body).toHaveLength(2);
    const tooMany = await bothWays(`[${firearms},${firearms},${firearms},${firearms}]`);
    expect(tooMany.lane.status).toBe(400);
    expect(tooMany.lane.body).toEqual(tooMany.chain.body);
  });

  it('a body in another charset is refused as the body parser refuses it', async () => {
    const { lane, chain } = await bothWays(firearms, { 'content-type': 'application/json; charset=iso-8859-1' });
    expect(lane.status).toBe(415);
    expect(lane.body).toEqual(chain.body);
  });
});
