/**
 * Trusted documents: with TRUSTED_DOCUMENTS=require the server runs only the documents of the
 * manifest codegen writes (by `documentId`, Apollo's persisted-query hash, or the same text), and
 * answers anything else with HTTP 400 and PERSISTED_QUERY_REQUIRED. The manifest itself:
 * trusted-documents-manifest.unit.test.ts.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { GraphQLClient } from 'graphql-request';
import { getIntrospectionQuery, type DocumentNode } from 'graphql';
import * as documents from '../../src/generated/client/graphql.js';
import { WhoChairsTheFirearmsMeetingDocument } from '../../src/generated/client/graphql.js';
import { loadConfig } from '../../src/config.js';
import { loadExampleOperations } from '../../src/http/ide.js';
import { useTestServer, type TestServer } from '../support/server.js';
import { expectType } from './typed-client.js';

const MANIFEST = 'src/generated/client/persisted-documents.json';

/** operation name → "sha256:<hex>", from the `__meta__.hash` the client preset puts on each document. */
const hashes = new Map<string, string>();
for (const value of Object.values(documents)) {
  const doc = value as unknown as DocumentNode & { __meta__?: { hash?: string } };
  const operation = doc?.definitions?.find((d) => d.kind === 'OperationDefinition');
  if (doc?.__meta__?.hash && operation?.kind === 'OperationDefinition' && operation.name) hashes.set(operation.name.value, doc.__meta__.hash);
}

/** A graphql-request client that sends `documentId` instead of the operation text. */
function persistedClient(url: string): GraphQLClient {
  return new GraphQLClient(url, {
    requestMiddleware: (request) => {
      const body = JSON.parse(String(request.body)) as { query: string; operationName?: string; variables?: unknown };
      const documentId = hashes.get(body.operationName ?? '');
      if (!documentId) throw new Error(`no persisted document for ${body.operationName}`);
      return { ...request, body: JSON.stringify({ documentId, operationName: body.operationName, variables: body.variables }) };
    },
  });
}

async function post(server: TestServer, body: unknown) {
  const res = await fetch(server.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json' },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as { data?: Record<string, unknown> | null; errors?: { message: string; extensions?: { code?: string } }[] } };
}

describe('TRUSTED_DOCUMENTS=require', () => {
  const server = useTestServer({ TRUSTED_DOCUMENTS: 'require' });

  it('runs a generated document by its documentId (typed, through graphql-request)', async () => {
    const data = await persistedClient(server.url).request(WhoChairsTheFirearmsMeetingDocument);
    const meeting = expectType(data.node, 'Meeting');
    expect(meeting.chairs.find((c) => c.role === 'CHIEF')?.office.name).toBe('Chair of the National Public Safety Commission');
  });

  it("runs it by Apollo's extensions.persistedQuery.sha256Hash, and by GET", async () => {
    const hex = hashes.get('AgreementDetail')!.replace(/^sha256:/, '');
    const apq = await post(server, { extensions: { persistedQuery: { version: 1, sha256Hash: hex } }, variables: { id: 'agreement:tpp' } });
    expect(apq.status).toBe(200);
    expect((apq.body.data?.['node'] as { parties: unknown[] }).parties).toHaveLength(12);

    const url = new URL(server.url);
    url.searchParams.set('documentId', hashes.get('PartnerAgreements')!);
    url.searchParams.set('variables', JSON.stringify({ id: 'country:spain' }));
    const res = await fetch(url, { headers: { accept: 'application/json' } });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { data: { node: { agreements: { enacted: { value: string } }[] } } };
    expect(body.data.node.agreements[0]!.enacted.value).toBe('2015-05');
  });

  it("runs the operation files' own text (what the IDE's example tabs send)", async () => {
    const example = loadExampleOperations().find((e) => e.name === 'who-chairs-firearms')!;
    expect(example.query).toContain('#'); // comments and the file's own field order
    const res = await post(server, { query: example.query });
    expect(res.status).toBe(200);
    expect(res.body.errors).toBeUndefined();
    expect(JSON.stringify(res.body.data)).toContain('Chair of the National Public Safety Commission');
  });

  it('refuses any other document with HTTP 400 and PERSISTED_QUERY_REQUIRED', async () => {
    const res = await post(server, { query: '{ node(id: "agreement:tpp") { id } }' });
    expect(res.status).toBe(400);
    expect(res.body.data).toBeUndefined();
    expect(res.body.errors?.[0]?.extensions?.code).toBe('PERSISTED_QUERY_REQUIRED');
    expect(res.body.errors?.[0]?.message).toMatch(/only runs trusted documents.*documentId/);

    // A trusted document with one more field is another document.
    const changed = loadExampleOperations().find((e) => e.name === 'who-chairs-firearms')!.query.replace('name\n', 'name\n      aliases\n');
    expect((await post(server, { query: changed })).body.errors?.[0]?.extensions?.code).toBe('PERSISTED_QUERY_REQUIRED');

    const get = await fetch(`${server.url}?query=${encodeURIComponent('{ __typename nodes(ids: []) { id } }')}`, { headers: { accept: 'application/json' } });
    expect(get.status).toBe(400);
  });

  it('answers an unknown documentId with PERSISTED_QUERY_NOT_FOUND', async () => {
    const res = await post(server, { documentId: `sha256:${'0'.repeat(64)}` });
    expect(res.status).toBe(400);
    expect(res.body.errors?.[0]?.extensions?.code).toBe('PERSISTED_QUERY_NOT_FOUND');
  });

  it('lets introspection through while introspection is on (the IDE docs explorer keeps working)', async () => {
    const res = await post(server, { query: getIntrospectionQuery() });
    expect(res.status).toBe(200);
    expect((res.body.data?.['__schema'] as { queryType: { name: string } }).queryType.name).toBe('Query');
  });
});

describe('TRUSTED_DOCUMENTS=require with introspection off (production)', () => {
  const server = useTestServer({ TRUSTED_DOCUMENTS: 'require', INTROSPECTION: 'false' });

  it('refuses introspection too, and still runs trusted documents', async () => {
    const res = await post(server, { query: getIntrospectionQuery() });
    expect(res.status).toBe(400);
    expect(res.body.errors?.[0]?.extensions?.code).toBe('PERSISTED_QUERY_REQUIRED');
    const data = await persistedClient(server.url).request(documents.SearchAsYouTypeDocument, { text: 'customs' });
    expect(data.search.length).toBeGreaterThan(0);
  });
});

describe('TRUSTED_DOCUMENTS=allow', () => {
  const server = useTestServer({ TRUSTED_DOCUMENTS: 'allow' });

  it('accepts document ids and any other operation text', async () => {
    const byId = await persistedClient(server.url).request(documents.AgreementDetailDocument, { id: 'agreement:cmaa:spain' });
    expect(expectType(byId.node, 'Agreement').enacted?.value).toBe('2015-05');
    const adHoc = await post(server, { query: '{ node(id: "country:spain") { id } }' });
    expect(adHoc.status).toBe(200);
    expect(adHoc.body.data).toEqual({ node: { id: 'country:spain' } });
  });
});

describe('the manifest file on disk', () => {
  it('is the one the server reads by default', () => {
    expect(loadConfig({}).trustedDocuments.manifest).toBe(MANIFEST);
    expect(Object.keys(JSON.parse(readFileSync(path.resolve(MANIFEST), 'utf8')) as object).length).toBe(hashes.size);
  });
});
