/**
 * Persisted documents as real clients send them, against TRUSTED_DOCUMENTS=require: Apollo
 * Client's persisted-queries link with its defaults (hash first, then hash + its own printed text,
 * `__typename` added by its cache), Relay-style `doc_id` / `id`, and a folder of client apps'
 * manifests that the server picks up without a restart.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApolloClient, HttpLink, InMemoryCache, gql } from '@apollo/client';
import { PersistedQueryLink } from '@apollo/client/link/persisted-queries';
import { print } from 'graphql';
import { AgreementDetailDocument, WhoChairsTheFirearmsMeetingDocument } from '../../src/generated/client/graphql.js';
import { startTestServer, type TestServer } from '../support/server.js';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

let server: TestServer;
let dir: string;
/** The bodies Apollo Client sent, in order. */
const sent: { query?: string; extensions?: { persistedQuery?: { sha256Hash: string } } }[] = [];

function apollo(): ApolloClient {
  const recordingFetch: typeof fetch = async (input, init) => {
    sent.push(JSON.parse(String(init?.body)) as (typeof sent)[number]);
    return fetch(input, init);
  };
  return new ApolloClient({
    cache: new InMemoryCache(),
    // The link's defaults; it only needs a sha256 function.
    link: new PersistedQueryLink({ sha256 }).concat(new HttpLink({ uri: server.url, fetch: recordingFetch })),
  });
}

async function post(body: unknown) {
  const res = await fetch(server.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return { status: res.status, body: (await res.json()) as { data?: any; errors?: { message: string; extensions?: { code?: string } }[] } };
}

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'trusted-apps-'));
  // A Relay app's persisted-queries file: its own ids (md5 here) → text.
  writeFileSync(path.join(dir, 'relay-app.json'), JSON.stringify({ '3f1b2d0c9a8e7f6d5c4b3a2918070605': 'query RelaySpain { node(id: "country:spain") { id } }' }));
  server = await startTestServer({ TRUSTED_DOCUMENTS: 'require', TRUSTED_DOCUMENTS_DIR: dir });
});
afterAll(async () => {
  await server?.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe("Apollo Client's persisted-queries link, with its defaults", () => {
  it('runs a trusted operation: hash first, then its printed text once, then the hash alone', async () => {
    const first = await apollo().query({ query: WhoChairsTheFirearmsMeetingDocument });
    expect(first.error).toBeUndefined();
    expect(JSON.stringify(first.data)).toContain('Chair of the National Public Safety Commission');
    expect(sent[0]!.query).toBeUndefined();
    expect(sent[0]!.extensions?.persistedQuery?.sha256Hash).toMatch(/^[0-9a-f]{64}$/);
    // Apollo's own text (with the __typename its cache adds), hashed by Apollo: accepted.
    const retry = sent.find((b) => b.query);
    if (retry) {
      expect(retry.query).toContain('__typename');
      expect(sha256(retry.query!)).toBe(retry.extensions?.persistedQuery?.sha256Hash);
    }

    sent.length = 0;
    const again = await apollo().query({ query: WhoChairsTheFirearmsMeetingDocument });
    expect(again.error).toBeUndefined();
    expect(sent).toHaveLength(1);
    expect(sent[0]!.query).toBeUndefined(); // known by its hash now
  });

  it('accepts the sha256 of graphql print() of a manifest document, with no text', async () => {
    const res = await post({ extensions: { persistedQuery: { version: 1, sha256Hash: sha256(print(AgreementDetailDocument)) } }, variables: { id: 'agreement:tpp' } });
    expect(res.status).toBe(200);
    expect(res.body.data.node.parties).toHaveLength(12);
  });

  it('refuses an operation that is not trusted, with PERSISTED_QUERY_REQUIRED', async () => {
    const result = await apollo()
      .query({ query: gql`query NotTrusted { node(id: "country:spain") { id } }` })
      .then((r) => r.error, (e: unknown) => e);
    // Apollo's ServerError keeps the server's answer in bodyText.
    expect((result as { bodyText?: string }).bodyText).toMatch(/PERSISTED_QUERY_REQUIRED.*|only runs trusted documents/);
  });

  it('answers a wrong hash with PERSISTED_QUERY_NOT_FOUND, never an internal error', async () => {
    const unknown = await post({ extensions: { persistedQuery: { version: 1, sha256Hash: 'f'.repeat(64) } } });
    expect(unknown.body.errors?.[0]?.extensions?.code).toBe('PERSISTED_QUERY_NOT_FOUND');
    const text = print(AgreementDetailDocument);
    const mismatch = await post({ query: text, extensions: { persistedQuery: { version: 1, sha256Hash: 'e'.repeat(64) } }, variables: { id: 'agreement:tpp' } });
    expect(mismatch.body.errors?.[0]?.extensions?.code).toBe('PERSISTED_QUERY_NOT_FOUND');
    const malformed = await post({ extensions: { persistedQuery: { version: 1, sha256Hash: 'not-a-hash' } } });
    expect(malformed.body.errors?.[0]?.extensions?.code).toBe('PERSISTED_QUERY_NOT_FOUND');
  });
});

describe('Relay-style persisted ids and per-app manifests', () => {
  it("runs a Relay app's document by `doc_id` and by `id`, from its manifest in the folder", async () => {
    for (const key of ['doc_id', 'id']) {
      const res = await post({ [key]: '3f1b2d0c9a8e7f6d5c4b3a2918070605', variables: {} });
      expect(res.status, key).toBe(200);
      expect(res.body.data, key).toEqual({ node: { id: 'country:spain' } });
    }
    const unknown = await post({ doc_id: 'deadbeef', variables: {} });
    expect(unknown.body.errors?.[0]?.extensions?.code).toBe('PERSISTED_QUERY_NOT_FOUND');
  });

  it("picks up a new app's manifest (Apollo's manifest format) without a restart", async () => {
    const id = sha256('query PortalTpp { node(id: "agreement:tpp") { id } }');
    expect((await post({ documentId: `sha256:${id}` })).body.errors?.[0]?.extensions?.code).toBe('PERSISTED_QUERY_NOT_FOUND');
    writeFileSync(
      path.join(dir, 'partner-portal.json'),
      JSON.stringify({ format: 'apollo-persisted-query-manifest', version: 1, operations: [{ id, name: 'PortalTpp', type: 'query', body: 'query PortalTpp { node(id: "agreement:tpp") { id } }' }] }),
    );
    await expect.poll(async () => (await post({ documentId: `sha256:${id}` })).body.data, { timeout: 10_000, interval: 300 }).toEqual({ node: { id: 'agreement:tpp' } });
    // Its text is trusted too, as is every other app's.
    expect((await post({ query: 'query PortalTpp { node(id: "agreement:tpp") { id } }' })).status).toBe(200);
  });
});
