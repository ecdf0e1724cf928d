/**
 * The IDE in a real browser with no internet: Debian's Chromium (driven by playwright-core) opens
 * /graphql at 1280 px with every non-loopback request blocked. Every tab shows at 1280 and 1366 px;
 * the schema downloads from the toolbar; every saved tab is opened by a mouse click and run (also
 * with Run clicked at once, before GraphiQL has parsed the new tab); after a reload the last-used
 * tab is active (no extra empty tab), also right after quick tab switches; a share link opens
 * prefilled; copy as cURL gives a command that runs; errors read as messages. The time to a usable
 * IDE (first load, reload) is printed, not asserted. The screenshot is kept at test-artifacts/graphiql.png.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { editorText, timeToUsable } from './graphiql-driver.js';
import { loadExampleOperations } from '../../src/http/ide.js';
import { readsTestDatabase, untilDatabaseIsQuiet } from '../support/db.js';
import { startTestServer, type TestServer } from '../support/server.js';

readsTestDatabase();

const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
const SCREENSHOT = 'test-artifacts/graphiql.png';
const VIEWPORT = { width: 1280, height: 900 };

/** Each saved operation and the name its tab shows. */
const saved = loadExampleOperations().map((e) => ({ ...e, operation: /(?:query|mutation)\s+(\w+)/.exec(e.query)![1]! }));

let server: TestServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;
/** Every request the page made that was not to this machine: all of them were blocked. */
const blocked: string[] = [];
const pageErrors: string[] = [];
/** What the browser refused under the page's Content-Security-Policy (none, or the IDE needs a wider policy). */
const cspViolations: string[] = [];

async function newContext(): Promise<BrowserContext> {
  const ctx = await browser.newContext({ viewport: VIEWPORT });
  await ctx.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.origin });
  await ctx.route('**/*', (route) => {
    const url = new URL(route.request().url());
    const local = ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);
    if (local || url.protocol === 'blob:' || url.protocol === 'data:') return route.continue();
    blocked.push(route.request().url());
    return route.abort('internetdisconnected');
  });
  ctx.on('page', (p) => {
    p.on('pageerror', (error) => pageErrors.push(error.message));
    p.on('console', (message) => {
      if (/Content.Security.Policy/i.test(message.text())) cspViolations.push(message.text());
    });
  });
  return ctx;
}

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) {
    // Fail, never skip: the IDE must be proven in a browser. `.ci/run` and scripts/ensure-chromium.sh install it.
    throw new Error(`${CHROMIUM} is missing: install Debian's chromium (sudo apt-get install -y chromium, or scripts/ensure-chromium.sh)`);
  }
  // Generous deadlines: the point here is the IDE, and a busy test machine runs cold queries slowly.
  await untilDatabaseIsQuiet();
  server = await startTestServer({ QUERY_TIMEOUT_MS: '60000', REQUEST_TIMEOUT_MS: '90000' });
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-gpu', '--disable-dev-shm-usage'],
  });
  context = await newContext();
  page = await context.newPage();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const activeTab = (p: Page) => p.locator('.graphiql-tab-active').innerText();
const tab = (p: Page, name: string) => p.locator('.graphiql-tab', { hasText: new RegExp(`^${name}`) }).first();

/** Clicks Run and waits for the answer: the request sent must be `operation` (fails at once if another one is sent). */
async function run(p: Page, operation: string): Promise<string> {
  const response = p.waitForResponse((r) => r.url().startsWith(server.url) && r.request().method() === 'POST' && !(r.request().postData() ?? '').includes('"operationName":"IntrospectionQuery"'), { timeout: 90_000 });
  await p.locator('.graphiql-execute-button').first().click();
  const answer = await response;
  expect((JSON.parse(answer.request().postData()!) as { operationName?: string }).operationName, `the operation sent for ${operation}`).toBe(operation);
  expect(answer.status(), operation).toBe(200);
  await expect.poll(() => editorText(p, '.graphiql-response'), { timeout: 60_000, message: operation }).toMatch(/"data": \{/);
  return editorText(p, '.graphiql-response');
}

describe('GraphiQL at /graphql, offline, at 1280 px', () => {
  it('loads with the docs explorer, history, variables and headers editors, and one tab per saved operation, the first active', async () => {
    await timeToUsable(page, saved.length, 'first load', saved[0]!.operation, () => page.goto(server.url, { waitUntil: 'load' }));
    expect(await activeTab(page)).toBe(saved[0]!.operation);
    // The schema arrives by introspection; the docs explorer shows the root type.
    await page.getByRole('button', { name: /documentation explorer/i }).first().click();
    await expect.poll(() => page.locator('.graphiql-doc-explorer').innerText(), { timeout: 30_000 }).toMatch(/Query/);
    await expect.poll(() => page.getByRole('button', { name: /history/i }).count()).toBeGreaterThan(0);
    await expect.poll(() => page.getByRole('tab', { name: /variables/i }).or(page.getByRole('button', { name: /^variables$/i })).count()).toBeGreaterThan(0);
    await expect.poll(() => page.getByRole('tab', { name: /headers/i }).or(page.getByRole('button', { name: /^headers$/i })).count()).toBeGreaterThan(0);
    expect((await page.locator('.graphiql-tab').allInnerTexts()).map((t) => t.trim())).toEqual(saved.map((s) => s.operation));
  });

  it('shows every tab inside the window at 1280 and 1366 px: none is cut off or hidden past the edge', async () => {
    for (const viewport of [{ width: 1366, height: 768 }, VIEWPORT]) {
      await page.setViewportSize(viewport);
      for (const s of saved) {
        const box = await tab(page, s.operation).boundingBox();
        const where = `${s.operation} at ${viewport.width} px`;
        expect(box, where).not.toBeNull();
        expect(box!.x, where).toBeGreaterThanOrEqual(0);
        expect(box!.x + box!.width, where).toBeLessThanOrEqual(viewport.width);
        expect(box!.y + box!.height, where).toBeLessThanOrEqual(viewport.height);
      }
    }
  });

  it('downloads the schema from the toolbar, as SDL and as introspection JSON', async () => {
    for (const [what, file, looks] of [['SDL', 'schema.graphql', /type Query \{/], ['introspection JSON', 'schema.json', /"__schema"/]] as const) {
      const [got] = await Promise.all([page.waitForEvent('download', { timeout: 30_000 }), page.getByTitle(`Download the schema (${what})`).click()]);
      expect(got.suggestedFilename(), what).toBe(file);
      expect(readFileSync((await got.path())!, 'utf8'), what).toMatch(looks);
    }
  });

  it('comes from the browser cache on a reload: the assets are not downloaded again', async () => {
    // A context of its own, without the request routing above (routing turns the browser cache off).
    const plain = await browser.newContext({ viewport: VIEWPORT });
    try {
      const p = await plain.newPage();
      const first = await timeToUsable(p, saved.length, 'first load, cache empty', saved[0]!.operation, () => p.goto(server.url, { waitUntil: 'load' }));
      const again = await timeToUsable(p, saved.length, 'reload, cache warm', saved[0]!.operation, () => p.reload({ waitUntil: 'load' }));
      expect(first.assetBytes).toBeGreaterThan(100_000);
      expect(again.assetBytes).toBeLessThan(first.assetBytes / 10);
    } finally {
      await plain.close();
    }
  });

  it('runs the operation of the tab just opened when Run is clicked at once, not the previous tab\'s', async () => {
    // GraphiQL learns a new tab's operation name only after a short delay; a Run clicked before then
    // must still send the operation shown (the first saved tab is active: go to the search and back).
    for (const s of [saved.find((e) => e.name === 'search')!, saved[0]!]) {
      const sent = page.waitForRequest((r) => r.method() === 'POST' && r.url().startsWith(server.url) && !(r.postData() ?? '').includes('IntrospectionQuery'), { timeout: 30_000 });
      const tabBox = (await tab(page, s.operation).boundingBox())!;
      const runBox = (await page.locator('.graphiql-execute-button').first().boundingBox())!;
      await page.mouse.click(tabBox.x + tabBox.width / 2, tabBox.y + tabBox.height / 2);
      await page.mouse.click(runBox.x + runBox.width / 2, runBox.y + runBox.height / 2);
      const request = await sent;
      const body = JSON.parse(request.postData()!) as { query: string; operationName?: string };
      expect(body.query, s.operation).toMatch(new RegExp(`(query|mutation) ${s.operation}\\b`));
      expect(body.operationName, s.operation).toBe(s.operation);
      expect((await request.response())?.status(), s.operation).toBe(200);
      await expect.poll(() => editorText(page, '.graphiql-response'), { timeout: 60_000, message: s.operation }).toMatch(/"data": \{/);
    }
  });

  it('opens every saved tab on a mouse click, shows its operation and runs it', async () => {
    // Last to first, so that no click lands on the tab that is already active.
    for (const s of [...saved].reverse()) {
      await tab(page, s.operation).click();
      await expect.poll(() => activeTab(page), { timeout: 5_000, message: s.operation }).toBe(s.operation);
      await expect.poll(() => editorText(page, '.graphiql-query-editor'), { timeout: 10_000, message: s.operation }).toMatch(new RegExp(`(query|mutation) ${s.operation}\\b`));
      const shown = await run(page, s.operation);
      expect(shown, s.operation).not.toMatch(/"errors"/);
      await expect.poll(() => page.getByTestId('response-stats').innerText()).toMatch(/^HTTP 200 · \d+ ms · [\d.]+ (B|kB|MB)$/);
    }
    expect(await activeTab(page)).toBe(saved[0]!.operation);
    expect(await editorText(page, '.graphiql-response')).toMatch(/Chief: Chair of the National Public Safety Commission/);
    mkdirSync('test-artifacts', { recursive: true });
    await page.screenshot({ path: SCREENSHOT, fullPage: false });
    // The runs are in the history pane.
    await page.getByRole('button', { name: /history/i }).first().click();
    await expect.poll(() => page.locator('.graphiql-history').innerText(), { timeout: 10_000 }).toMatch(/WhoChairsTheFirearmsMeeting/);
  }, 300_000); // ten operations, each cold in the database: slow only on a busy machine

  // Its own page, so that it can be repeated alone: `IDE_RELOAD_REPEATS=19 npx vitest run -t 'after a reload opens'
  // tests/ide/graphiql-browser.system.test.ts` runs it 20 times (issue 25: 20 runs in a row on a loaded machine).
  it('after a reload opens on the last-used tab, with no extra tab, and every tab still opens by mouse', { repeats: Number(process.env['IDE_RELOAD_REPEATS'] ?? 0), timeout: 120_000 }, async () => {
    const fresh = await newContext();
    const p = await fresh.newPage();
    try {
      await timeToUsable(p, saved.length, 'first load (a fresh page)', saved[0]!.operation, () => p.goto(server.url, { waitUntil: 'load' }));
      const last = saved[2]!.operation;
      await tab(p, last).click();
      await expect.poll(() => activeTab(p)).toBe(last);
      await timeToUsable(p, saved.length, 'reload (request routing on: no browser cache)', last, () => p.reload({ waitUntil: 'load' }));
      expect(await activeTab(p)).toBe(last);
      for (const s of saved) {
        await tab(p, s.operation).click();
        await expect.poll(() => activeTab(p), { timeout: 5_000, message: s.operation }).toBe(s.operation);
      }
    } finally {
      await fresh.close();
    }
  });

  it('after two quick tab switches and a reload at once, opens on the tab picked last (no older tab state saved over it)', async () => {
    // GraphiQL stores each change of the tabs half a second after it, as the tabs were then: a reload
    // between the newer change and the older one's delayed write opened on the older tab. The page's
    // clock is driven by hand here, so the timing is exact on a busy machine too.
    const fresh = await newContext();
    const p = await fresh.newPage();
    try {
      await p.clock.install();
      await timeToUsable(p, saved.length, 'first load, clock installed', saved[0]!.operation, () => p.goto(server.url, { waitUntil: 'load' }));
      await p.clock.pauseAt(Date.now() + 60_000);
      await tab(p, saved[1]!.operation).click();
      await p.clock.runFor(300);
      await tab(p, saved[2]!.operation).click();
      expect(await activeTab(p)).toBe(saved[2]!.operation);
      await p.clock.runFor(250);
      await p.reload({ waitUntil: 'load' });
      await expect.poll(() => p.locator('.graphiql-tab').count(), { timeout: 30_000 }).toBe(saved.length);
      expect(await activeTab(p)).toBe(saved[2]!.operation);
    } finally {
      await fresh.close();
    }
  });

  it('opens a share link prefilled, in a tab of its own, and copy as cURL gives a command that runs', async () => {
    const query = 'query Shared($id: ID!) { node(id: $id) { id __typename } }';
    await page.goto(`${server.url}?query=${encodeURIComponent(query)}&variables=${encodeURIComponent('{"id":"country:spain"}')}`);
    await expect.poll(() => page.locator('.graphiql-tab').count(), { timeout: 30_000 }).toBe(saved.length + 1);
    expect(await activeTab(page)).toBe('Shared');
    await expect.poll(() => editorText(page, '.graphiql-query-editor')).toContain('query Shared($id: ID!)');
    await expect.poll(() => editorText(page, '.graphiql-editor-tool')).toContain('"id":"country:spain"');
    expect(await run(page, 'Shared')).toContain('"id": "country:spain"');

    await page.getByRole('button', { name: 'Copy as cURL' }).click();
    await expect.poll(() => page.evaluate<string>('navigator.clipboard.readText()')).toMatch(/^curl /);
    const command = await page.evaluate<string>('navigator.clipboard.readText()');
    // Run by a shell as a user would paste it (asynchronously: the server answers from this process).
    const { stdout } = await promisify(execFile)('bash', ['-c', `${command} --silent --max-time 60`], { encoding: 'utf8' });
    const answer = JSON.parse(stdout) as { data?: { node?: { id: string } } };
    expect(answer.data?.node?.id).toBe('country:spain');

    await page.getByRole('button', { name: 'Copy share link' }).click();
    await expect.poll(() => page.evaluate<string>('navigator.clipboard.readText()')).toContain('/graphql?query=query+Shared');
  });

  it('shows a syntax error and a network failure as messages, not JavaScript stacks', async () => {
    const fresh = await newContext();
    const p = await fresh.newPage();
    try {
      await p.goto(`${server.url}?query=${encodeURIComponent('query Broken { node(id: ')}`);
      await expect.poll(() => activeTab(p), { timeout: 30_000 }).toBe('Broken');
      await expect.poll(() => editorText(p, '.graphiql-query-editor'), { timeout: 30_000 }).toContain('query Broken');
      await p.locator('.graphiql-execute-button').first().click();
      await expect.poll(() => editorText(p, '.graphiql-response'), { timeout: 30_000 }).toMatch(/Syntax Error/);
      expect(await editorText(p, '.graphiql-response')).not.toMatch(/\bat \S+ \(|"stack"/);

      await fresh.route(`${server.origin}/graphql`, (route) => (route.request().method() === 'POST' ? route.abort('connectionrefused') : route.continue()));
      await tab(p, saved[0]!.operation).click();
      await expect.poll(() => editorText(p, '.graphiql-query-editor')).toContain(saved[0]!.operation);
      await p.locator('.graphiql-execute-button').first().click();
      await expect.poll(() => editorText(p, '.graphiql-response'), { timeout: 30_000 }).toMatch(/Network error: could not reach/);
      expect(await editorText(p, '.graphiql-response')).not.toMatch(/\bat \S+ \(|"stack"/);
    } finally {
      await fresh.close();
    }
  });

  it('prettifies from the toolbar button and from the shortcut its tooltip names, which the browser does not act on', async () => {
    const ugly = 'query Ugly($id: ID!) { node(id: $id) { id __typename ... on Country { name aliases } } }';
    // The lines as drawn (long ones wrap): prettified, the operation opens on a line of its own.
    const opensOwnLine = async (p: Page) =>
      (await p.locator('.graphiql-query-editor .view-line').allInnerTexts()).map((l) => l.replace(/[\s\u00a0]+/g, ' ').trim()).includes('query Ugly($id: ID!) {');
    for (const how of ['button', 'shortcut'] as const) {
      const fresh = await newContext();
      const p = await fresh.newPage();
      try {
        await p.goto(`${server.url}?query=${encodeURIComponent(ugly)}&variables=${encodeURIComponent('{"id":"country:spain"}')}`);
        await expect.poll(() => activeTab(p), { timeout: 30_000 }).toBe('Ugly');
        await expect.poll(() => editorText(p, '.graphiql-query-editor'), { timeout: 30_000 }).toContain('query Ugly');
        expect(await opensOwnLine(p)).toBe(false);
        const button = p.getByRole('button', { name: /^Prettify/ });
        const tooltip = (await button.getAttribute('aria-label')) ?? '';
        const shortcut = /\(([^)]+)\)/.exec(tooltip)?.[1];
        expect(shortcut, tooltip).toBeDefined();
        if (how === 'button') await button.click();
        else {
          // Every keydown the page sees, and whether the page kept the browser from acting on it.
          await p.evaluate(`window.__keys = []; window.addEventListener('keydown', (e) => setTimeout(() => window.__keys.push({ key: e.key, prevented: e.defaultPrevented })), true)`);
          await p.locator('.graphiql-query-editor .view-lines').first().click();
          await p.keyboard.press(shortcut!.replaceAll('-', '+').replace('Ctrl', 'Control'));
          await expect.poll(() => p.evaluate<{ key: string; prevented: boolean }[]>('window.__keys')).toContainEqual({ key: shortcut!.split('-').pop()!, prevented: true });
        }
        await expect.poll(() => opensOwnLine(p), { timeout: 10_000, message: how }).toBe(true);
        expect(await editorText(p, '.graphiql-query-editor'), how).toContain('query Ugly($id: ID!) { node(id: $id) { id __typename ... on Country { name aliases } } }');
        // Not a key the browser keeps for itself (Ctrl-P and Ctrl-Shift-P print).
        expect(shortcut!.toUpperCase(), how).not.toMatch(/CTRL.*-P$/);
      } finally {
        await fresh.close();
      }
    }
  });

  it("shows each saved tab's question comment whole: wrapped inside the editor, not cut at its edge", async () => {
    for (const s of saved) {
      await tab(page, s.operation).click();
      await expect.poll(() => editorText(page, '.graphiql-query-editor'), { timeout: 10_000, message: s.operation }).toMatch(new RegExp(`(query|mutation) ${s.operation}\\b`));
      const lines = s.query.split('\n');
      // Compared without white space: a wrapped line may break after any word separator.
      const comment = lines.slice(0, lines.findIndex((l) => !l.startsWith('#'))).join('').replace(/\s+/g, '');
      expect(comment.length, s.operation).toBeGreaterThan(20);
      expect((await editorText(page, '.graphiql-query-editor')).replace(/\s+/g, ''), s.operation).toContain(comment);
      // Every drawn line ends inside the editor's visible area.
      const cut = await page.evaluate(() => {
        const box = document.querySelector('.graphiql-query-editor .overflow-guard')!.getBoundingClientRect();
        return [...document.querySelectorAll('.graphiql-query-editor .view-line > span')]
          .filter((span) => span.getBoundingClientRect().right > box.right + 1)
          .map((span) => span.textContent);
      });
      expect(cut, s.operation).toEqual([]);
    }
  });

  it('needed nothing from the internet', () => {
    expect(blocked).toEqual([]);
    expect(pageErrors).toEqual([]);
  });

  it('works under its Content-Security-Policy (and the other security headers): nothing was refused', async () => {
    const res = await fetch(server.url, { headers: { accept: 'text/html' } });
    expect(res.headers.get('content-security-policy')).toMatch(/script-src 'self'/);
    expect(res.headers.get('content-security-policy')).toMatch(/frame-ancestors 'none'/);
    expect(res.headers.get('x-frame-options')).toBe('DENY');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(cspViolations).toEqual([]);
  });
});
