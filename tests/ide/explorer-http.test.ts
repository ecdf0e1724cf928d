/**
 * The explorer's page and assets over HTTP: compressed (gzip and brotli, as the browser asks), cached as they
 * should be (the hashed script and stylesheet for a year, the page revalidated by ETag), and a page that a
 * strict Content-Security-Policy allows (no inline script, event handler or style attribute).
 */
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/server.js';

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
}, 120_000);
afterAll(() => server?.stop());

interface Raw {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  /** The bytes as sent (still compressed). */
  body: Buffer;
}

/** A GET that keeps the body as sent (fetch would decompress it). */
function get(path: string, headers: Record<string, string> = {}): Promise<Raw> {
  return new Promise((resolve, reject) => {
    const req = request(`${server.origin}${path}`, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('/explore over HTTP', () => {
  it('serves a page a strict Content-Security-Policy allows, revalidated by ETag', async () => {
    const page = await get('/explore');
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    expect(page.headers['cache-control']).toBe('no-cache');
    const html = page.body.toString('utf8');
    for (const tag of html.match(/<script\b[^>]*>/g) ?? []) expect(tag).toMatch(/\bsrc="\/explore\/assets\/|type="application\/json"/);
    expect(html).not.toMatch(/\son[a-z]+\s*=/i);
    expect(html).not.toMatch(/\sstyle\s*=/i);
    expect(html).not.toMatch(/<style\b/i);
    expect(html).toMatch(/"ExplorerStateAsOf"/);
    const again = await get('/explore', { 'if-none-match': String(page.headers['etag']) });
    expect(again.status).toBe(304);
  });

  it('compresses the page and its assets, and lets browsers keep the hashed assets for a year', async () => {
    const html = (await get('/explore')).body.toString('utf8');
    const assets = [...html.matchAll(/(?:src|href)="(\/explore\/assets\/[^"]+)"/g)].map((m) => m[1]!);
    expect(assets.map((a) => a.split('.').pop()).sort()).toEqual(['css', 'js']);
    const sizes: Record<string, number> = {};
    for (const path of [...assets, '/explore']) {
      const plain = await get(path, { 'accept-encoding': 'identity' });
      expect(plain.headers['content-encoding']).toBeUndefined();
      for (const encoding of ['gzip', 'br']) {
        const packed = await get(path, { 'accept-encoding': encoding });
        expect(packed.status).toBe(200);
        expect(packed.headers['content-encoding'], `${path} ${encoding}`).toBe(encoding);
        expect(packed.body.length).toBeLessThan(plain.body.length * 0.5);
        sizes[`${path.split('/').pop()} ${encoding}`] = packed.body.length;
      }
      sizes[`${path.split('/').pop()} plain`] = plain.body.length;
      if (path !== '/explore') expect(plain.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    }
    process.stdout.write(`explorer bytes: ${JSON.stringify(sizes)}\n`);
  });

  it('answers 404 for an asset it does not have', async () => {
    const res = await get('/explore/assets/explorer-000000000000.js');
    expect(res.status).toBe(404);
    expect(res.body.toString('utf8')).toMatch(/reload \/explore/);
  });
});
