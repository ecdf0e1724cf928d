/**
 * The IDE page and the HTTP settings around it: GraphiQL with no CDN, the example tabs, CORS, and
 * field suggestions hidden when introspection is off.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadExampleOperations } from '../../src/http/ide.js';
import { startTestServer, type TestServer } from '../support/server.js';

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

  it('serves GraphiQL with every script, style and worker inline (no CDN)', () => {
    expect(html).toContain('renderYogaGraphiQL');
    // Nothing the page would fetch: no external script, stylesheet, font, image or import.
    expect(html.match(/<(script|link|img|iframe)\b[^>]*\b(src|href)\s*=\s*["']?(https?:)?\/\//gi) ?? []).toEqual([]);
    expect(html.match(/url\(\s*["']?(https?:)?\/\//gi) ?? []).toEqual([]);
    expect(html.match(/@import\s+(url\()?["']?(https?:)?\/\//gi) ?? []).toEqual([]);
    expect(html).not.toMatch(/apollographql\.com|unpkg\.com|jsdelivr\.net|cdnjs|embeddable-sandbox/);
  });

  it('opens every operation of operations/ as a tab', () => {
    const examples = loadExampleOperations();
    expect(examples.map((e) => e.name)).toContain('who-chairs-firearms');
    expect(examples[0]!.name).toBe('who-chairs-firearms');
    for (const example of examples) {
      const name = /(?:query|mutation)\s+(\w+)/.exec(example.query)?.[1];
      expect(name, example.name).toBeDefined();
      expect(html).toContain(JSON.stringify(example.query).slice(1, -1).slice(0, 200));
    }
  });

  it('still answers GraphQL over GET and POST from other clients at the same path', async () => {
    const get = await fetch(`${server.url}?query=${encodeURIComponent('{ __typename }')}`, { headers: { accept: 'application/json' } });
    expect(await get.json()).toMatchObject({ data: { __typename: 'Query' } });
    const post = await server.gql<{ __typename: string }>('{ __typename }');
    expect(post.body.data).toEqual({ __typename: 'Query' });
  });

  it('suggests field names while introspection is on', async () => {
    const res = await server.gql('{ nod(id: "meeting:firearms-promotion") { id } }');
    expect(res.status).toBe(400);
    expect(res.body.errors?.[0]?.message).toMatch(/Did you mean "node(s)?"/);
  });
});

describe('INTROSPECTION=false', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ INTROSPECTION: 'false' });
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('refuses introspection and gives no field suggestions that would leak the schema', async () => {
    const introspection = await server.gql('{ __schema { types { name } } }');
    expect(introspection.body.errors?.[0]?.message).toMatch(/introspection/i);
    const typo = await server.gql('{ nod(id: "meeting:firearms-promotion") { id } }');
    expect(typo.status).toBe(400);
    expect(typo.body.errors?.[0]?.message).toMatch(/Cannot query field "nod"/);
    expect(typo.body.errors?.[0]?.message).not.toMatch(/Did you mean/);
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
