/**
 * The IDE in a real browser with no internet: Debian's Chromium (driven by playwright-core) opens
 * /graphql with every non-loopback request blocked, picks a saved example tab, runs it, and reads
 * the answer in the page. The screenshot is kept at test-artifacts/graphiql.png.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser, type Page } from 'playwright-core';
import { startTestServer, type TestServer } from '../support/server.js';

const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
const SCREENSHOT = 'test-artifacts/graphiql.png';

let server: TestServer;
let browser: Browser;
let page: Page;
/** Every request the page made that was not to this machine: all of them were blocked. */
const blocked: string[] = [];
const pageErrors: string[] = [];

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) {
    // Fail, never skip: the IDE must be proven in a browser. `.ci/run` and scripts/ensure-chromium.sh install it.
    throw new Error(`${CHROMIUM} is missing: install Debian's chromium (sudo apt-get install -y chromium, or scripts/ensure-chromium.sh)`);
  }
  server = await startTestServer();
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-gpu', '--disable-dev-shm-usage'],
  });
  const context = await browser.newContext({ viewport: { width: 1440, height: 1000 } });
  await context.route('**/*', (route) => {
    const url = new URL(route.request().url());
    const local = ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);
    if (local || url.protocol === 'blob:' || url.protocol === 'data:') return route.continue();
    blocked.push(route.request().url());
    return route.abort('internetdisconnected');
  });
  page = await context.newPage();
  page.on('pageerror', (error) => pageErrors.push(error.message));
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** The text of a Monaco editor (response, query) as rendered: Monaco draws one .view-line per visible line. */
async function editorText(selector: string): Promise<string> {
  // Monaco draws spaces as non-breaking spaces, and wraps long lines.
  return (await page.locator(`${selector} .view-lines`).first().innerText()).replace(/[\s\u00a0]+/g, ' ');
}

describe('GraphiQL at /graphql, offline', () => {
  it('loads with the docs explorer, history, variables and headers editors, and the example tabs', async () => {
    await page.goto(server.url, { waitUntil: 'load' });
    await expect.poll(() => page.locator('.graphiql-container').count(), { timeout: 30_000 }).toBeGreaterThan(0);
    // The schema arrives by introspection; the docs explorer shows the root type.
    await page.getByRole('button', { name: /documentation explorer/i }).first().click();
    await expect.poll(() => page.locator('.graphiql-doc-explorer').innerText(), { timeout: 30_000 }).toMatch(/Query/);
    await expect.poll(() => page.getByRole('button', { name: /history/i }).count()).toBeGreaterThan(0);
    await expect.poll(() => page.getByRole('tab', { name: /variables/i }).or(page.getByRole('button', { name: /^variables$/i })).count()).toBeGreaterThan(0);
    await expect.poll(() => page.getByRole('tab', { name: /headers/i }).or(page.getByRole('button', { name: /^headers$/i })).count()).toBeGreaterThan(0);
    const tabs = await page.locator('.graphiql-tab').allInnerTexts();
    expect(tabs.join(' ')).toMatch(/WhoChairsTheFirearmsMeeting/);
    expect(tabs.join(' ')).toMatch(/PlanLineage/);
    expect(tabs.length).toBeGreaterThanOrEqual(8);
  });

  it('runs the saved "who chairs the firearms meeting" example and shows the answer', async () => {
    await page.locator('.graphiql-tab', { hasText: 'PlanLineage' }).first().click();
    await page.locator('.graphiql-tab', { hasText: 'WhoChairsTheFirearmsMeeting' }).first().click();
    await expect.poll(() => editorText('.graphiql-query-editor'), { timeout: 10_000 }).toMatch(/WhoChairsTheFirearmsMeeting/);

    const response = page.waitForResponse((r) => r.url().startsWith(server.url) && r.request().method() === 'POST' && (r.request().postData() ?? '').includes('WhoChairsTheFirearmsMeeting'));
    await page.locator('.graphiql-execute-button').first().click();
    expect((await response).status()).toBe(200);

    try {
      await expect.poll(() => editorText('.graphiql-response'), { timeout: 30_000 }).toMatch(/Chair of the National Public Safety Commission/);
    } finally {
      mkdirSync('test-artifacts', { recursive: true });
      await page.screenshot({ path: SCREENSHOT, fullPage: false });
    }
    const shown = await editorText('.graphiql-response');
    expect(shown).toMatch(/"role": "CHIEF"/);
    expect(shown).toMatch(/"quote": "Chief: Chair of the National Public Safety Commission"/);
    expect(shown).not.toMatch(/"errors"/);

    // The run is in the history pane.
    await page.getByRole('button', { name: /history/i }).first().click();
    await expect.poll(() => page.locator('.graphiql-history').innerText(), { timeout: 10_000 }).toMatch(/WhoChairsTheFirearmsMeeting/);
  });

  it('needed nothing from the internet', () => {
    expect(blocked).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});
