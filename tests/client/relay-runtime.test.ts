/**
 * Relay's own runtime (relay-runtime: Environment, Network, Store) against TRUSTED_DOCUMENTS=require,
 * as a Relay app runs in production: the compiler's artifact carries only the persisted id
 * (`params.id`, `text: null`), the network layer sends `doc_id` with the variables, and the app's
 * persisted-queries file (`{ "<md5>": "<text>" }`, what `persistConfig` writes) sits in the server's
 * TRUSTED_DOCUMENTS_DIR. The artifact below is written as relay-compiler writes it for the query in
 * its `text`: there is no compiler here, and the runtime is what is under test.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Environment, Network, RecordSource, Store, fetchQuery, type ConcreteRequest, type FetchFunction } from 'relay-runtime';
import { startTestServer, type TestServer } from '../support/server.js';

/** The operation as relay-compiler prints it (`__typename` added, `id` last). */
const text = `query RelayPartnerQuery(
  $id: ID!
) {
  node(id: $id) {
    __typename
    ... on Country {
      name
    }
    id
  }
}
`;
const md5 = (s: string) => createHash('md5').update(s).digest('hex');

/** relay-compiler's artifact for `text` with persisted queries on (RelayPartnerQuery.graphql.ts). */
function artifact(id: string): ConcreteRequest {
  const argumentDefinitions = [{ defaultValue: null, kind: 'LocalArgument', name: 'id' }] as const;
  const node = {
    alias: null,
    args: [{ kind: 'Variable', name: 'id', variableName: 'id' }],
    concreteType: null,
    kind: 'LinkedField',
    name: 'node',
    plural: false,
    selections: [
      { alias: null, args: null, kind: 'ScalarField', name: '__typename', storageKey: null },
      { kind: 'InlineFragment', selections: [{ alias: null, args: null, kind: 'ScalarField', name: 'name', storageKey: null }], type: 'Country', abstractKey: null },
      { alias: null, args: null, kind: 'ScalarField', name: 'id', storageKey: null },
    ],
    storageKey: null,
  } as const;
  return {
    fragment: { argumentDefinitions, kind: 'Fragment', metadata: null, name: 'RelayPartnerQuery', selections: [node], type: 'Query', abstractKey: null },
    kind: 'Request',
    operation: { argumentDefinitions, kind: 'Operation', name: 'RelayPartnerQuery', selections: [node] },
    params: { id, metadata: {}, name: 'RelayPartnerQuery', operationKind: 'query', text: null },
  } as unknown as ConcreteRequest;
}

let server: TestServer;
let dir: string;
/** The bodies the network layer sent. */
const sent: Record<string, unknown>[] = [];

/** The network layer of Relay's persisted-queries guide: the id, never the text. */
function environment(): Environment {
  const fetchFn: FetchFunction = async (params, variables) => {
    const body = { doc_id: params.id, variables };
    sent.push(body);
    const res = await fetch(server.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    return (await res.json()) as never;
  };
  return new Environment({ network: Network.create(fetchFn), store: new Store(new RecordSource()) });
}

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'relay-app-'));
  writeFileSync(path.join(dir, 'relay-app.json'), JSON.stringify({ [md5(text)]: text }, null, 2));
  server = await startTestServer({ TRUSTED_DOCUMENTS: 'require', TRUSTED_DOCUMENTS_DIR: dir });
});
afterAll(async () => {
  await server?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe("relay-runtime's Environment and Network with persisted ids, against a require server", () => {
  it('runs the persisted query by its id, and the store holds the record', async () => {
    const env = environment();
    const data = await fetchQuery(env, artifact(md5(text)), { id: 'country:spain' }).toPromise();
    expect(data).toEqual({ node: { __typename: 'Country', name: 'Spain', id: 'country:spain' } });
    expect(sent.at(-1)).toEqual({ doc_id: md5(text), variables: { id: 'country:spain' } });
    expect(JSON.stringify(sent)).not.toContain('query');
    // Normalised by Relay's store under the node's id.
    expect(env.getStore().getSource().get('country:spain')).toMatchObject({ __typename: 'Country', name: 'Spain' });
  });

  it("fails with the server's PERSISTED_QUERY_NOT_FOUND for an id the server does not know", async () => {
    const result = fetchQuery(environment(), artifact(md5(`${text} `)), { id: 'country:spain' }).toPromise();
    // Relay keeps the server's answer in the error's `source`.
    await expect(result).rejects.toMatchObject({ source: { errors: [{ extensions: { code: 'PERSISTED_QUERY_NOT_FOUND' } }] } });
  });
});
