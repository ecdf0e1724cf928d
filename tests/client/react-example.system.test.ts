/**
 * The React example (examples/react/: Apollo Client, the generated typed documents, `possibleTypes`) built with
 * esbuild, served as static files and opened in Debian's Chromium (no internet) against the real API: it renders
 * what the source says. The plan's lineage goes through `fragment PlanSummary on Entity`, which Apollo Client's
 * cache matches only with `possibleTypes`. The screenshot is kept at test-artifacts/react-example.png.
 */
import { createReadStream, existsSync, mkdirSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser } from 'playwright-core';
import { buildReactExample } from '../../examples/react/build.js';
import { readsTestDatabase } from '../support/db.js';
import { startTestServer, type TestServer } from '../support/server.js';

readsTestDatabase();

const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
let api: TestServer;
let site: http.Server;
let siteUrl: string;
let browser: Browser;

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: install Debian's chromium (scripts/ensure-chromium.sh)`);
  const dist = await buildReactExample();
  site = http.createServer((req, res) => {
    const file = path.join(dist, new URL(req.url ?? '/', 'http://x').pathname.replace(/^\/$/, '/index.html'));
    if (!file.startsWith(dist) || !existsSync(file)) return void res.writeHead(404).end();
    res.writeHead(200, { 'content-type': file.endsWith('.js') ? 'text/javascript' : 'text/html' });
    createReadStream(file).pipe(res);
  });
  await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', resolve));
  siteUrl = `http://127.0.0.1:${(site.address() as { port: number }).port}`;
  api = await startTestServer({ QUERY_TIMEOUT_MS: '60000', REQUEST_TIMEOUT_MS: '90000' });
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking'] });
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await api?.stop();
  await new Promise((resolve) => site?.close(resolve));
});

describe('examples/react', () => {
  it("renders a meeting, a plan's lineage and a partner's agreements from the API, in a browser", async () => {
    const context = await browser.newContext({ viewport: { width: 1000, height: 1200 } });
    const blocked: string[] = [];
    const errors: string[] = [];
    await context.route('**/*', (route) => {
      const url = new URL(route.request().url());
      if (url.hostname === '127.0.0.1' || url.hostname === 'localhost') return route.continue();
      blocked.push(url.href);
      return route.abort('internetdisconnected');
    });
    const page = await context.newPage();
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => void (m.type() === 'error' || m.type() === 'warning' ? errors.push(m.text()) : undefined));
    try {
      await page.goto(`${siteUrl}/index.html?api=${encodeURIComponent(api.url)}`);
      // 1.(2): the Minister of State for Measures against Drug Abuse chairs the meeting; the Minister of Foreign Affairs is a member.
      await expect.poll(() => page.getByTestId('chief').innerText(), { timeout: 60_000 }).toBe('Minister of State for Measures against Drug Abuse');
      expect(await page.getByTestId('meeting').innerText()).toMatch(/Minister of Foreign Affairs \(a post\)/);
      // 1.(2): the four drug-abuse strategies, oldest first, each with its adoption month.
      await expect.poll(() => page.getByTestId('lineage').locator('li').allInnerTexts(), { timeout: 60_000 }).toEqual([
        'Five-year Drug Abuse Prevention Strategy (adopted 1998-05)',
        'New Five-year Drug Abuse Prevention Strategy (adopted 2003-07)',
        'Third Five-year Drug Abuse Prevention Strategy (adopted 2008-08)',
        'Fourth Five-year Drug Abuse Prevention Strategy (adopted 2013-08)',
      ]);
      // 2.(5): the CMAA with Spain, May 2015.
      await expect.poll(() => page.getByTestId('agreements').innerText(), { timeout: 60_000 }).toMatch(/CMAA, enacted 2015-05/);
      mkdirSync('test-artifacts', { recursive: true });
      await page.screenshot({ path: 'test-artifacts/react-example.png', fullPage: true });
      expect(errors).toEqual([]);
      expect(blocked).toEqual([]);
    } finally {
      await context.close();
    }
  }, 180_000);
});
