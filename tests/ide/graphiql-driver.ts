/** Driving the IDE page in the browser tests (tests/ide/graphiql-browser.system.test.ts). */
import { expect } from 'vitest';
import type { Page, Request } from 'playwright-core';

/** The text of a Monaco editor (response, query) as rendered: Monaco draws one .view-line per visible line. */
export async function editorText(p: Page, selector: string): Promise<string> {
  // Monaco draws spaces as non-breaking spaces, and wraps long lines.
  return (await p.locator(`${selector} .view-lines`).first().innerText()).replace(/[\s\u00a0]+/g, ' ');
}

/**
 * How long `navigate` takes to a usable IDE (every tab drawn, the active tab's operation in the
 * editor) and the bytes it transferred: printed for the record, never asserted (timings are noisy).
 */
const ASSET_TYPES = new Set(['script', 'stylesheet', 'font', 'image']);

export async function timeToUsable(p: Page, tabs: number, label: string, operation: string, navigate: () => Promise<unknown>): Promise<{ ms: number; bytes: number; assetBytes: number }> {
  const sizes: Promise<number>[] = [];
  const assets: Promise<number>[] = [];
  const onFinished = (r: Request) => {
    sizes.push(r.sizes().then((s) => s.responseBodySize + s.responseHeadersSize, () => 0));
    // The assets' bodies alone: what a reload from the cache must not fetch again (headers, such as the
    // security headers every answer carries, and the introspection POST are sent again by design).
    if (ASSET_TYPES.has(r.resourceType())) assets.push(r.sizes().then((s) => s.responseBodySize, () => 0));
  };
  p.on('requestfinished', onFinished);
  const started = Date.now();
  await navigate();
  await expect.poll(() => p.locator('.graphiql-tab').count(), { timeout: 30_000 }).toBe(tabs);
  await expect.poll(() => editorText(p, '.graphiql-query-editor'), { timeout: 30_000 }).toMatch(new RegExp(`(query|mutation) ${operation}\\b`));
  const ms = Date.now() - started;
  p.off('requestfinished', onFinished);
  const bytes = (await Promise.all(sizes)).reduce((a, b) => a + b, 0);
  const assetBytes = (await Promise.all(assets)).reduce((a, b) => a + b, 0);
  console.log(`IDE ${label}: usable in ${ms} ms, ${(bytes / 1024).toFixed(0)} kB transferred in ${sizes.length} requests (asset bodies ${(assetBytes / 1024).toFixed(0)} kB)`);
  return { ms, bytes, assetBytes };
}

