/**
 * The IDE page and the HTTP settings around it: GraphiQL with no CDN, the example tabs, CORS, and
 * field suggestions hidden when introspection is off.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import http from 'node:http';
import { buildClientSchema, buildSchema, printSchema, type IntrospectionQuery } from 'graphql';
import { loadExampleOperations } from '../../src/http/ide.js';
import { startTestServer, useTestServer, type TestServer } from '../support/server.js';

interface IdeConfig {
  tabs: { name: string; query: string }[];
  workers: Record<string, string>;
  schema?: { sdl: string; json: string };
}
/** The bytes of a response body as sent (not decompressed). */
function wireBytes(url: URL, encoding: string): Promise<number> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { headers: { 'accept-encoding': encoding } }, (res) => {
        let n = 0;
        res.on('data', (chunk: Buffer) => (n += chunk.length));
        res.on('end', () => resolve(n));
      })
      .on('error', reject);
  });
}

function statusOf(url: URL, headers: Record<string, string>): Promise<number> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { headers }, (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      })
      .on('error', reject);
  });
}

/** The configuration the server writes into the IDE page. */
function ideConfig(page: string): IdeConfig {
  return JSON.parse(/<script id="ide-config" type="application\/json">(.*?)<\/script>/s.exec(page)![1]!) as IdeConfig;
}

describe('GET /graphql from a browser', () => {
  let server: TestServer;
  let html = '';
  beforeAll(async () => {
    server = await startTestServer();
    const res = await fetch(server.url, { headers: { accept: 'text/html,application/xhtml+xml' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/text\/html/);
    html = await res.text();
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('serves our GraphiQL page, whose scripts, styles and workers all come from this server (no CDN)', async () => {
    expect(html).toContain('<div id="graphiql">');
    // Nothing the page would fetch from elsewhere: no external script, stylesheet, font, image or import.
    expect(html.match(/<(script|link|img|iframe)\b[^>]*\b(src|href)\s*=\s*["']?(https?:)?\/\//gi) ?? []).toEqual([]);
    expect(html).not.toMatch(/apollographql\.com|unpkg\.com|jsdelivr\.net|cdnjs|esm\.sh|embeddable-sandbox/);
    const assets = [...html.matchAll(/(?:src|href)="(\/ide\/assets\/[^"]+)"/g)].map((m) => m[1]!);
    assets.push(...Object.values(ideConfig(html).workers));
    expect(assets.length).toBeGreaterThanOrEqual(5);
    for (const asset of assets) {
      const res = await fetch(new URL(asset, server.origin));
      expect(res.status, asset).toBe(200);
      const body = await res.text();
      expect(body, asset).not.toMatch(/https?:\/\/(unpkg\.com|cdn\.jsdelivr\.net|esm\.sh)/);
      expect(body.match(/url\(\s*["']?(https?:)?\/\//gi) ?? [], asset).toEqual([]);
    }
  });

  it('opens every operation of operations/ as a tab', () => {
    const examples = loadExampleOperations();
    expect(examples.map((e) => e.name)).toContain('who-chairs-firearms');
    expect(examples[0]!.name).toBe('who-chairs-firearms');
    expect(ideConfig(html).tabs.map((t) => t.query)).toEqual(examples.map((e) => e.query));
    for (const example of examples) expect(/(?:query|mutation)\s+(\w+)/.exec(example.query)?.[1], example.name).toBeDefined();
  });

  it('still answers GraphQL over GET and POST from other clients at the same path', async () => {
    const get = await fetch(`${server.url}?query=${encodeURIComponent('{ __typename }')}`, { headers: { accept: 'application/json' } });
    expect(await get.json()).toMatchObject({ data: { __typename: 'Query' } });
    const post = await server.gql<{ __typename: string }>('{ __typename }');
    expect(post.body.data).toEqual({ __typename: 'Query' });
  });

  it('sends the page and its assets compressed, and lets the browser cache them', async () => {
    const pageRes = await fetch(server.url, { headers: { accept: 'text/html', 'accept-encoding': 'br, gzip' } });
    expect(pageRes.headers.get('content-encoding')).toBe('br');
    const etag = pageRes.headers.get('etag');
    expect(etag).toMatch(/^"[^"]+"$/); // strong: no W/ prefix
    // (With node's http: fetch adds `cache-control: no-cache` to a conditional request.)
    expect(await statusOf(new URL(server.url), { accept: 'text/html', 'if-none-match': etag! })).toBe(304);

    const script = /<script type="module" src="([^"]+)"/.exec(html)![1]!;
    expect(script).toMatch(/-[A-Z0-9]{8}\.js$/); // the content's hash is in the name
    const gz = await fetch(new URL(script, server.origin), { headers: { 'accept-encoding': 'gzip' } });
    expect(gz.headers.get('content-encoding')).toBe('gzip');
    expect(gz.headers.get('cache-control')).toMatch(/max-age=31536000.*immutable/);
    // What goes over the wire: brotli makes the script a fraction of its size.
    const raw = await wireBytes(new URL(script, server.origin), 'identity');
    const br = await wireBytes(new URL(script, server.origin), 'br');
    expect(raw).toBeGreaterThan(100_000);
    expect(br).toBeLessThan(raw / 3);
  });

  it('redirects / to the IDE', async () => {
    const res = await fetch(server.origin + '/', { redirect: 'manual' });
    expect(res.status).toBe(302);
    expect(res.headers.get('location')).toBe('/graphql');
  });

  it('publishes the schema as SDL at /schema.graphql and as introspection JSON at /schema.json', async () => {
    const sdl = await fetch(`${server.origin}/schema.graphql`);
    expect(sdl.status).toBe(200);
    const text = await sdl.text();
    expect(text).toMatch(/type Query \{/);
    expect(() => buildSchema(text)).not.toThrow();
    const json = await fetch(`${server.origin}/schema.json`);
    expect(json.headers.get('content-type')).toMatch(/application\/json/);
    const introspection = (await json.json()) as { data: IntrospectionQuery };
    expect(printSchema(buildClientSchema(introspection.data))).toBe(text.trimEnd());
    expect(ideConfig(html).schema).toEqual({ sdl: '/schema.graphql', json: '/schema.json' });
  });

  it('opens a share link (/graphql?query=…) in a browser, while a GraphQL client GET with that query gets JSON', async () => {
    const link = `${server.url}?query=${encodeURIComponent('{ node(id: "country:spain") { id } }')}`;
    const browser = await fetch(link, { headers: { accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8' } });
    expect(browser.headers.get('content-type')).toMatch(/text\/html/);
    for (const accept of ['application/graphql-response+json, application/json', 'application/json', '*/*']) {
      const client = await fetch(link, { headers: { accept } });
      expect(client.headers.get('content-type'), accept).toMatch(/json/);
      expect(await client.json(), accept).toMatchObject({ data: { node: { id: 'country:spain' } } });
    }
  });

  it('suggests field names while introspection is on', async () => {
    const res = await server.gql('{ nod(id: "meeting:firearms-promotion") { id } }');
    expect(res.status).toBe(400);
    expect(res.body.errors?.[0]?.message).toMatch(/Did you mean "node(s)?"/);
  });
});

describe('INTROSPECTION=false', () => {
  const server = useTestServer({ INTROSPECTION: 'false' });

  it('refuses introspection and gives no field suggestions that would leak the schema', async () => {
    const introspection = await server.gql('{ __schema { types { name } } }');
    expect(introspection.body.errors?.[0]?.message).toMatch(/introspection/i);
    const typo = await server.gql('{ nod(id: "meeting:firearms-promotion") { id } }');
    expect(typo.status).toBe(400);
    expect(typo.body.errors?.[0]?.message).toMatch(/Cannot query field "nod"/);
    expect(typo.body.errors?.[0]?.message).not.toMatch(/Did you mean/);
  });

  it('does not publish the schema files, nor offer them in the IDE', async () => {
    for (const file of ['/schema.graphql', '/schema.json']) {
      const res = await fetch(server.origin + file);
      expect(res.status, file).toBe(404);
      expect(await res.text(), file).toMatch(/introspection is off/);
    }
    const page = await (await fetch(server.url, { headers: { accept: 'text/html' } })).text();
    expect(ideConfig(page).schema).toBeUndefined();
  });

  it('still runs ordinary operations', async () => {
    const res = await server.gql<{ node: { id: string } | null }>('{ node(id: "country:spain") { id } }');
    expect(res.body.data?.node?.id).toBe('country:spain');
  });
});

describe('CORS_ORIGINS', () => {
  const preflight = (url: string, origin: string) =>
    fetch(url, {
      method: 'OPTIONS',
      headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
    });

  it('allows any origin by default (desktop clients, any dev server)', async () => {
    const server = await startTestServer();
    try {
      const res = await preflight(server.url, 'http://localhost:5173');
      expect(res.status).toBeLessThan(300);
      expect(res.headers.get('access-control-allow-origin')).toMatch(/^(\*|http:\/\/localhost:5173)$/);
      const post = await fetch(server.url, {
        method: 'POST',
        headers: { origin: 'https://example.org', 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ __typename }' }),
      });
      expect(post.headers.get('access-control-allow-origin')).toMatch(/^(\*|https:\/\/example\.org)$/);
    } finally {
      await server.stop();
    }
  });

  it('allows only the listed origins when set', async () => {
    const server = await startTestServer({ CORS_ORIGINS: 'http://localhost:5173, https://app.example.org' });
    try {
      const allowed = await preflight(server.url, 'https://app.example.org');
      expect(allowed.headers.get('access-control-allow-origin')).toBe('https://app.example.org');
      expect(allowed.headers.get('access-control-allow-methods')).toMatch(/POST/);
      const other = await preflight(server.url, 'https://evil.example.com');
      expect(other.headers.get('access-control-allow-origin')).toBeNull();
      const post = await fetch(server.url, {
        method: 'POST',
        headers: { origin: 'https://evil.example.com', 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ __typename }' }),
      });
      expect(post.headers.get('access-control-allow-origin')).toBeNull();
    } finally {
      await server.stop();
    }
  });
});
