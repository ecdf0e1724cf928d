/**
 * Drives the graph explorer (/explore) in Debian's Chromium (playwright-core) for the browser tests: a server
 * that accepts only trusted documents, no request beyond this machine, and the page served under a strict
 * Content-Security-Policy (scripts and styles from the same origin only, no inline script, handler or style
 * attribute), with every violation recorded. Mouse helpers click nodes where they are drawn.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { expect } from 'vitest';
import { chromium, type Browser, type Page } from 'playwright-core';
import { startTestServer, type TestServer } from '../support/server.js';

const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
export const SHOTS = 'test-artifacts';
export const STRICT_CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; object-src 'none'; base-uri 'self'; frame-ancestors 'none'";

export interface ExplorerSession {
  /** The server the page talks to: trusted documents only. */
  server: TestServer;
  /** The same API open to any operation, for the tests' own questions. */
  api: TestServer;
  browser: Browser;
  page: Page;
  /** Requests to anywhere but this machine (blocked). */
  blocked: string[];
  /** Uncaught page errors. */
  pageErrors: string[];
  /** Content-Security-Policy violations reported by the browser. */
  cspViolations: string[];
}

export async function openExplorerSession(width = 1400, height = 900): Promise<ExplorerSession> {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: install Debian's chromium (scripts/ensure-chromium.sh)`);
  mkdirSync(SHOTS, { recursive: true });
  const server = await startTestServer({ TRUSTED_DOCUMENTS: 'require', QUERY_TIMEOUT_MS: '60000', REQUEST_TIMEOUT_MS: '90000' });
  const api = await startTestServer();
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-gpu', '--disable-dev-shm-usage'],
  });
  const context = await browser.newContext({ viewport: { width, height }, acceptDownloads: true });
  const session: ExplorerSession = { server, api, browser, page: undefined as never, blocked: [], pageErrors: [], cspViolations: [] };
  await context.route('**/*', async (route) => {
    const url = new URL(route.request().url());
    if (!['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname) && !['blob:', 'data:'].includes(url.protocol)) {
      session.blocked.push(route.request().url());
      return route.abort('internetdisconnected');
    }
    if (route.request().resourceType() !== 'document') return route.continue();
    const response = await route.fetch();
    return route.fulfill({ response, headers: { ...response.headers(), 'content-security-policy': STRICT_CSP } });
  });
  session.page = await context.newPage();
  session.page.on('pageerror', (error) => session.pageErrors.push(error.message));
  session.page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) session.cspViolations.push(message.text());
  });
  return session;
}

export async function closeExplorerSession(session: ExplorerSession | undefined): Promise<void> {
  await session?.browser?.close();
  await session?.server?.stop();
  await session?.api?.stop();
}

/** Opens /explore (optionally with a view in its query) and waits until it has drawn it. */
export async function gotoExplorer(page: Page, origin: string, query = ''): Promise<void> {
  await page.goto(`${origin}/explore${query}`, { waitUntil: 'load' });
  await idle(page);
}

/** Waits until the page has finished every action it started (queries, layouts). */
export async function idle(page: Page): Promise<void> {
  await page.waitForFunction(() => (window as any).explorer?.ready && (window as any).explorer.busy === 0, null, { timeout: 120_000 });
}

/** Where a node is drawn, in page coordinates. */
export async function nodePoint(page: Page, id: string): Promise<{ x: number; y: number }> {
  const box = (await page.locator('#cy').boundingBox())!;
  const pos = await page.evaluate((i) => {
    const n = (window as any).explorer.cy.getElementById(i);
    return n.empty() || n.hidden() ? null : n.renderedPosition();
  }, id);
  expect(pos, `${id} is not drawn`).not.toBeNull();
  return { x: box.x + pos.x, y: box.y + pos.y };
}

export async function clickNode(page: Page, id: string, modifiers: ('Control' | 'Shift')[] = []): Promise<void> {
  const p = await nodePoint(page, id);
  for (const m of modifiers) await page.keyboard.down(m);
  await page.mouse.click(p.x, p.y);
  for (const m of modifiers) await page.keyboard.up(m);
}

export async function doubleClickNode(page: Page, id: string): Promise<void> {
  const p = await nodePoint(page, id);
  await page.mouse.dblclick(p.x, p.y);
}

/** Right-clicks a node and picks an item of its context menu. */
export async function nodeMenu(page: Page, id: string, item: string): Promise<void> {
  const p = await nodePoint(page, id);
  await page.mouse.click(p.x, p.y, { button: 'right' });
  await page.locator('#menu').getByRole('menuitem', { name: item }).click();
}

export interface Shown {
  nodes: { id: string; type: string; name: string }[];
  edges: { id: string; source: string; target: string; type: string; label: string; kind: string | null; year: string | null; colour: string }[];
}

/** What the picture shows (hidden elements left out). */
export function shown(page: Page): Promise<Shown> {
  return page.evaluate(() => {
    const cy = (window as any).explorer.cy;
    return {
      nodes: cy.nodes(':visible').map((n: any) => ({ id: n.id(), type: n.data('type'), name: n.data('name') })),
      edges: cy.edges(':visible').map((e: any) => ({
        id: e.id(),
        source: e.data('source'),
        target: e.data('target'),
        type: e.data('type'),
        label: e.data('label'),
        kind: e.data('kind'),
        year: e.data('year'),
        colour: e.style('line-color'),
      })),
    };
  });
}

/** Nodes shown that no shown edge links to any anchor of the view (what would float unconnected). */
export function floating(view: Shown, anchors: readonly string[]): string[] {
  const reached = new Set(anchors.filter((a) => view.nodes.some((n) => n.id === a)));
  let grew = true;
  while (grew) {
    grew = false;
    for (const e of view.edges) {
      for (const [a, b] of [[e.source, e.target], [e.target, e.source]] as const) {
        if (reached.has(a) && !reached.has(b)) {
          reached.add(b);
          grew = true;
        }
      }
    }
  }
  return view.nodes.map((n) => n.id).filter((id) => !reached.has(id));
}

/** Pairs of shown node labels whose drawn boxes overlap (a pile-up), by name. */
export function overlappingLabels(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const cy = (window as any).explorer.cy;
    const boxes = cy.nodes(':visible').map((n: any) => ({ name: n.data('label'), b: n.boundingBox({ includeNodes: false, includeEdges: false, includeLabels: true }) }));
    const out: string[] = [];
    for (let i = 0; i < boxes.length; i++) {
      for (let j = i + 1; j < boxes.length; j++) {
        const [p, q] = [boxes[i].b, boxes[j].b];
        if (p.x1 < q.x2 && q.x1 < p.x2 && p.y1 < q.y2 && q.y1 < p.y2) out.push(`${boxes[i].name} / ${boxes[j].name}`);
      }
    }
    return out;
  });
}
