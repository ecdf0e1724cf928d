/**
 * The graph explorer (/explore) in a real browser with no internet, against a server that accepts only trusted
 * documents: Debian's Chromium (playwright-core) searches a body, expands its neighbourhood by clicking nodes,
 * draws a path and a lineage, opens the provenance panel of a reading and exports the view as PNG and SVG.
 * Screenshots are kept under test-artifacts/explorer-*.png.
 */
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser, type Page } from 'playwright-core';
import { startTestServer, type TestServer } from '../support/server.js';

const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
const SHOTS = 'test-artifacts';
const SLOW = { timeout: 240_000 };

let server: TestServer;
let browser: Browser;
let page: Page;
const blocked: string[] = [];
const pageErrors: string[] = [];

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: install Debian's chromium (scripts/ensure-chromium.sh)`);
  mkdirSync(SHOTS, { recursive: true });
  server = await startTestServer({ TRUSTED_DOCUMENTS: 'require', QUERY_TIMEOUT_MS: '60000', REQUEST_TIMEOUT_MS: '90000' });
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-gpu', '--disable-dev-shm-usage'],
  });
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 }, acceptDownloads: true });
  await context.route('**/*', (route) => {
    const url = new URL(route.request().url());
    const local = ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);
    if (local || url.protocol === 'blob:' || url.protocol === 'data:') return route.continue();
    blocked.push(route.request().url());
    return route.abort('internetdisconnected');
  });
  page = await context.newPage();
  page.on('pageerror', (error) => pageErrors.push(error.message));
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const count = (what: 'nodes' | 'edges') => page.evaluate((w) => (window as any).explorer.cy[w]().length, what);
const status = () => page.locator('#status').innerText();

/** Clicks a node of the graph by id (at its rendered position). */
async function clickNode(id: string): Promise<void> {
  const box = await page.locator('#cy').boundingBox();
  const pos = await page.evaluate((i) => (window as any).explorer.cy.getElementById(i).renderedPosition(), id);
  await page.mouse.click(box!.x + pos.x, box!.y + pos.y);
}

describe('graph explorer at /explore, offline, trusted documents only', SLOW, () => {
  it('searches a body and shows its neighbourhood, coloured by type with a legend', async () => {
    await page.goto(`${server.origin}/explore`, { waitUntil: 'load' });
    await expect.poll(() => page.locator('#legend').innerText()).toMatch(/Meeting \(diamond\)/);
    await page.fill('#search', 'RILO');
    await page.press('#search', 'Enter');
    const hit = page.locator('#results button', { hasText: 'Regional Intelligence Liaison Office' }).first();
    await expect.poll(() => hit.count(), { timeout: 60_000 }).toBeGreaterThan(0);
    await hit.click();
    await expect.poll(status, { timeout: 60_000 }).toMatch(/\d+ nodes, \d+ edges/);
    expect(await count('nodes')).toBeGreaterThanOrEqual(5);
    await expect.poll(() => page.locator('[data-testid=title]').innerText(), { timeout: 60_000 }).toMatch(/Regional Intelligence Liaison Office/);
    await page.screenshot({ path: `${SHOTS}/explorer-neighbourhood.png` });
  });

  it('expands a node by clicking it', async () => {
    const before = await count('nodes');
    await clickNode('organisation:japan-customs');
    await expect.poll(() => page.locator('[data-testid=title]').innerText(), { timeout: 60_000 }).toBe('Japan Customs');
    await expect.poll(() => count('nodes'), { timeout: 60_000 }).toBeGreaterThan(before);
    await page.screenshot({ path: `${SHOTS}/explorer-expanded.png` });
  });

  it('opens the provenance panel of a reading (the Hong Kong hosting)', async () => {
    const pos = await page.evaluate(() => (window as any).explorer.cy.getElementById('hosted:rilo-ap:hong-kong').renderedMidpoint());
    const box = await page.locator('#cy').boundingBox();
    await page.mouse.click(box!.x + pos.x, box!.y + pos.y);
    await expect.poll(() => page.locator('#panel').innerText(), { timeout: 10_000 }).toMatch(/HOSTED/);
    expect(await page.locator('[data-testid=reading]').innerText()).toMatch(/A reading, not a statement: .*Tokyo Customs/);
    expect(await page.locator('#panel').innerText()).toMatch(/section 2\.\(5\)\.a/);
    await page.screenshot({ path: `${SHOTS}/explorer-provenance.png` });
  });

  it('filters by relationship type and by date', async () => {
    await page.locator('#types input[data-type=HOSTED]').uncheck();
    expect(await page.evaluate(() => (window as any).explorer.cy.getElementById('hosted:rilo-ap:tokyo-customs').hasClass('hidden'))).toBe(true);
    await page.locator('#types input[data-type=HOSTED]').check();
    await page.fill('#as-of', '2010');
    const hidden = (id: string) => page.evaluate((i) => (window as any).explorer.cy.getElementById(i).hasClass('hidden'), id);
    expect(await hidden('hosted:rilo-ap:tokyo-customs')).toBe(true);
    expect(await hidden('hosted:rilo-ap:beijing-customs-office')).toBe(false);
    await page.fill('#as-of', '');
  });

  it('draws the shortest paths between two bodies', async () => {
    await page.fill('#from', 'office:prime-minister');
    await page.fill('#to', 'meeting:firearms-promotion');
    await page.click('#path');
    await expect.poll(status, { timeout: 60_000 }).toMatch(/^\d+ shortest path\(s\)\./);
    const ids = await page.evaluate(() => (window as any).explorer.cy.nodes().map((n: any) => n.id()).sort());
    expect(ids).toEqual(['meeting:firearms-promotion', 'meeting:ministerial-crime', 'office:prime-minister']);
    await page.screenshot({ path: `${SHOTS}/explorer-path.png` });
  });

  it('draws a lineage left to right, oldest first', async () => {
    await page.fill('#lineage-id', 'plan:drug-strategy-4');
    await page.click('#lineage');
    await expect.poll(status, { timeout: 60_000 }).toMatch(/Lineage: 4 step/);
    const xs = await page.evaluate(() => (window as any).explorer.cy.nodes().map((n: any) => [n.id(), n.position('x')]).sort((a: any, b: any) => a[1] - b[1]).map((p: any) => p[0]));
    expect(xs).toEqual(['plan:drug-strategy-1', 'plan:drug-strategy-2', 'plan:drug-strategy-3', 'plan:drug-strategy-4']);
    await page.screenshot({ path: `${SHOTS}/explorer-lineage.png` });
  });

  it('exports the view as PNG and SVG', async () => {
    const [png] = await Promise.all([page.waitForEvent('download'), page.click('#png')]);
    const pngPath = `${SHOTS}/explorer-export.png`;
    await png.saveAs(pngPath);
    expect([...readFileSync(pngPath).subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    const [svg] = await Promise.all([page.waitForEvent('download'), page.click('#svg')]);
    const svgPath = `${SHOTS}/explorer-export.svg`;
    await svg.saveAs(svgPath);
    const text = readFileSync(svgPath, 'utf8');
    expect(text).toMatch(/<svg[\s>]/);
    expect(text).toMatch(/Five-year Drug Abuse Prev/);
  });

  it('made no request beyond this machine and raised no page error', () => {
    expect(blocked).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});
