/**
 * HTTP caching of reads (src/http/http-cache.ts): GET queries carry an ETag from the dataset versions,
 * the document and the variables; a repeat with If-None-Match is a 304 that runs nothing; a changed
 * dataset changes the ETag; POST, mutations and errors are never cached.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDataset } from '../../src/seed/loader.js';
import { closeTestDb, testDb, writesToDatabase } from '../support/db.js';
import { startTestServer, type TestServer } from '../support/server.js';
import { smallDataset, uniqueSlug, writeDataset } from '../seed/helpers.js';

// Loads a throw-away dataset to change the data version: alone, never beside another api file.
writesToDatabase();

const manifest = JSON.parse(readFileSync('src/generated/client/persisted-documents.json', 'utf8')) as Record<string, string>;
const [whoChairsId] = Object.entries(manifest).find(([, doc]) => doc.includes('WhoChairsTheFirearmsMeeting'))!;
const QUERY = '{ node(id: "meeting:firearms-promotion") { id ... on Meeting { name } } }';

let api: TestServer;
const throwAway = `test-http-cache-${uniqueSlug('')}`;

beforeAll(async () => {
  api = await startTestServer({ TRUSTED_DOCUMENTS: 'allow', HTTP_CACHE: 'on', HTTP_CACHE_REFRESH_MS: '50', HTTP_CACHE_MAX_AGE: '30' });
});
afterAll(async () => {
  const { db, catalog } = await testDb();
  await loadDataset(db, catalog, writeDataset(throwAway, {}));
  await api?.stop();
  await closeTestDb();
});

function get(params: Record<string, string>, headers: Record<string, string> = {}) {
  return fetch(`${api.url}?${new URLSearchParams(params)}`, { headers: { accept: 'application/json', ...headers } });
}

async function etagOf(params: Record<string, string>): Promise<string> {
  const res = await get(params);
  expect(res.status).toBe(200);
  await res.text();
  return res.headers.get('etag')!;
}

describe('HTTP caching of GET queries', () => {
  it('a trusted document by id: ETag and a CDN-usable Cache-Control, then 304 with no body on a repeat', async () => {
    const first = await get({ documentId: whoChairsId });
    expect(first.status).toBe(200);
    expect(((await first.json()) as { data: { node: { id: string } } }).data.node.id).toBe('meeting:firearms-promotion');
    const etag = first.headers.get('etag');
    expect(etag).toMatch(/^W\/".+"$/);
    expect(first.headers.get('cache-control')).toBe('public, max-age=30, s-maxage=30');

    const again = await get({ documentId: whoChairsId }, { 'if-none-match': etag! });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
    expect(again.headers.get('etag')).toBe(etag);
  });

  it('plain GET queries too; other variables, another ETag (key order in the variables does not matter)', async () => {
    const plain = await etagOf({ query: QUERY });
    expect(plain).toBeTruthy();
    expect((await get({ query: QUERY }, { 'if-none-match': plain })).status).toBe(304);

    const q = 'query Q($id: ID!, $text: String!) { node(id: $id) { id } search(text: $text, first: 1) { node { id } } }';
    const a = await etagOf({ query: q, variables: JSON.stringify({ id: 'meeting:firearms-promotion', text: 'customs' }) });
    const sameReordered = await etagOf({ query: q, variables: '{"text": "customs", "id": "meeting:firearms-promotion"}' });
    const other = await etagOf({ query: q, variables: JSON.stringify({ id: 'meeting:drug-abuse-hq', text: 'customs' }) });
    expect(sameReordered).toBe(a);
    expect(other).not.toBe(a);
    expect(other).not.toBe(plain);
  });

  it('never caches POST, errors or mutations', async () => {
    const post = await fetch(api.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: QUERY }) });
    expect(post.status).toBe(200);
    await post.text();
    expect(post.headers.get('cache-control') ?? '').not.toMatch(/public|max-age/);
    const repeat = await fetch(api.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'if-none-match': post.headers.get('etag') ?? '*' },
      body: JSON.stringify({ query: QUERY }),
    });
    expect(repeat.status).toBe(200);
    expect(((await repeat.json()) as { data: unknown }).data).toBeTruthy();

    for (const query of ['{ nope }', 'mutation { nope }', '{ shortestPath(from: "office:prime-minister", to: "meeting:firearms-promotion", maxHops: 100000) { maxHops } }']) {
      const res = await get({ query });
      const body = (await res.json()) as { errors?: unknown[] };
      expect(body.errors?.length, query).toBeGreaterThan(0);
      expect(res.headers.get('etag'), query).toBeNull();
      expect(res.headers.get('cache-control'), query).toBe('no-store');
      expect((await get({ query }, { 'if-none-match': '*' })).status, query).not.toBe(304);
    }
  });

  it('a changed dataset changes every ETag; reloading the same data keeps it', async () => {
    const { db, catalog } = await testDb();
    const slug = uniqueSlug('c');
    const before = await etagOf({ query: QUERY });

    await loadDataset(db, catalog, writeDataset(throwAway, smallDataset(slug)));
    const loaded = await waitForEtagOtherThan(before);

    await loadDataset(db, catalog, writeDataset(throwAway, smallDataset(slug)));
    await new Promise((r) => setTimeout(r, 200)); // several refreshes of the versions
    await etagOf({ query: QUERY }); // starts a refresh if one is due
    expect(await etagOf({ query: QUERY })).toBe(loaded);

    const edited = smallDataset(slug);
    edited['meetings.yaml'].nodes[0]!.name = `Renamed council ${slug}`;
    await loadDataset(db, catalog, writeDataset(throwAway, edited));
    const changed = await waitForEtagOtherThan(loaded);
    expect(changed).not.toBe(before);
    // The old ETag no longer matches: the answer is sent again.
    expect((await get({ query: QUERY }, { 'if-none-match': loaded })).status).toBe(200);
  });
});

/** The versions are refreshed in the background every 50 ms here: poll until the new one is in use. */
async function waitForEtagOtherThan(old: string): Promise<string> {
  const deadline = Date.now() + 5_000;
  for (;;) {
    const etag = await etagOf({ query: QUERY });
    if (etag !== old) return etag;
    if (Date.now() > deadline) throw new Error(`the ETag is still ${old} 5 s after the load`);
    await new Promise((r) => setTimeout(r, 25));
  }
}
