/**
 * Security headers on every page and answer (issue 27): a Content-Security-Policy (scripts, workers and
 * connections from this origin only, no framing), X-Frame-Options, X-Content-Type-Options, on the IDE,
 * the explorer, the exports, the probes, GraphQL answers on both chains and a 404. That the IDE and the
 * explorer work under the policy is checked in the browser (tests/ide/*-browser.test.ts).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/server.js';

let api: TestServer;
beforeAll(async () => {
  api = await startTestServer();
});
afterAll(async () => {
  await api?.stop();
});

const post = { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ countries(first: 1) { totalCount } }' }) };

describe('security headers', () => {
  it.each([
    ['the IDE', '/graphql', { headers: { accept: 'text/html' } }],
    ['/ (to the IDE)', '/', { redirect: 'manual' as const }],
    ['the explorer', '/explore', {}],
    ['an export', '/export/agreements.csv', {}],
    ['/health', '/health', {}],
    ['a GraphQL answer (fast lane)', '/graphql', post],
    ['a GraphQL answer (general chain)', '/graphql', { ...post, headers: { ...post.headers, origin: 'http://example.test' } }],
  ])('%s', async (_name, path, init) => {
    const res = await fetch(`${api.origin}${path}`, init as RequestInit);
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toMatch(/default-src 'self'/);
    expect(csp).toMatch(/script-src 'self'(;|$)/);
    expect(csp).toMatch(/frame-ancestors 'none'/);
    expect(csp).toMatch(/object-src 'none'/);
    expect(res.headers.get('x-frame-options')).toBe('DENY');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('x-powered-by')).toBeNull();
  });

  it("a page that does not exist: Express's own 404, with a stricter policy still (nothing at all may load)", async () => {
    const res = await fetch(`${api.origin}/no-such-page`);
    expect(res.status).toBe(404);
    expect(res.headers.get('content-security-policy')).toBe("default-src 'none'");
    expect(res.headers.get('x-frame-options')).toBe('DENY');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  });
});
