/**
 * The graph explorer (/explore) in a real browser with no internet, against a server that accepts only trusted
 * documents and under a strict Content-Security-Policy (explorer-driver.ts): Debian's Chromium (playwright-core)
 * searches a body as you type, inspects a node by clicking it and expands it by double-clicking, draws a path
 * between two names and a lineage, opens the provenance panel of a reading and exports the view as PNG and SVG.
 * The analyst's questions are in explorer-analyst.system.test.ts. Screenshots: test-artifacts/explorer-*.png.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { clickNode, closeExplorerSession, doubleClickNode, gotoExplorer, idle, openExplorerSession, SHOTS, type ExplorerSession } from './explorer-driver.js';
import { readsTestDatabase } from '../support/db.js';

readsTestDatabase();

const SLOW = { timeout: 240_000 };

let session: ExplorerSession;
let page: Page;

beforeAll(async () => {
  session = await openExplorerSession();
  page = session.page;
}, 240_000);

afterAll(() => closeExplorerSession(session));

const count = (what: 'nodes' | 'edges') => page.evaluate((w) => (window as any).explorer.cy[w](':visible').length, what);
const status = () => page.locator('#status').innerText();

describe('graph explorer at /explore, offline, trusted documents only', SLOW, () => {
  it('searches a body and shows its neighbourhood, coloured by type with a legend', async () => {
    await gotoExplorer(page, session.server.origin);
    await expect.poll(() => page.locator('#legend').innerText()).toMatch(/Meeting \(diamond\)/);
    // As you type: no Enter.
    await page.locator('#search').pressSequentially('RILO', { delay: 30 });
    const hit = page.locator('#results button', { hasText: 'Regional Intelligence Liaison Office' }).first();
    await expect.poll(() => hit.count(), { timeout: 60_000 }).toBeGreaterThan(0);
    await hit.click();
    await idle(page);
    await expect.poll(status, { timeout: 60_000 }).toMatch(/\d+ nodes, \d+ edges/);
    expect(await count('nodes')).toBeGreaterThanOrEqual(5);
    await expect.poll(() => page.locator('[data-testid=title]').innerText(), { timeout: 60_000 }).toMatch(/Regional Intelligence Liaison Office/);
    await page.screenshot({ path: `${SHOTS}/explorer-neighbourhood.png` });
  });

  it('inspects a node by clicking it and expands it by double-clicking', async () => {
    const before = await count('nodes');
    await clickNode(page, 'organisation:japan-customs');
    await expect.poll(() => page.locator('[data-testid=title]').innerText(), { timeout: 60_000 }).toBe('Japan Customs');
    expect(await count('nodes')).toBe(before);
    await doubleClickNode(page, 'organisation:japan-customs');
    await idle(page);
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
    // As of 2010 the RILO sat in Beijing (since January 2004), no longer in Tokyo (source, section 2.(5).a).
    await page.fill('#as-of', '2010');
    await page.press('#as-of', 'Enter');
    await expect.poll(() => page.locator('#as-of-label').innerText(), { timeout: 60_000 }).toMatch(/^as of 2010 /);
    await idle(page);
    const hidden = (id: string) => page.evaluate((i) => (window as any).explorer.cy.getElementById(i).hasClass('hidden'), id);
    expect(await hidden('hosted:rilo-ap:tokyo-customs')).toBe(true);
    expect(await hidden('hosted:rilo-ap:beijing-customs-office')).toBe(false);
    await page.getByRole('button', { name: 'All dates' }).click();
    await idle(page);
    expect(await hidden('hosted:rilo-ap:tokyo-customs')).toBe(false);
  });

  it('draws the shortest paths between two bodies, named by id or by name', async () => {
    await page.fill('#from', 'office:prime-minister');
    await page.fill('#to', 'Firearms Meeting');
    await page.click('#path');
    await idle(page);
    await expect.poll(status, { timeout: 60_000 }).toMatch(/^\d+ shortest path\(s\)/);
    // The name typed is shown as what it was taken for.
    expect(await page.inputValue('#to')).toBe('Meeting for the Promotion of Measures against Firearms');
    // An id the API does not know: its message, and the view as it was (nothing half-drawn).
    const drawn = await count('nodes');
    await page.fill('#from', 'office:nobody');
    await page.click('#path');
    await idle(page);
    expect(await status()).toMatch(/^Error: from: no entity has the id "office:nobody"/);
    expect(await count('nodes')).toBe(drawn);
    await page.fill('#from', 'qqqqxxxxzz');
    await page.click('#path');
    await idle(page);
    expect(await status()).toMatch(/^Error: nothing matches “qqqqxxxxzz” for the start: type a name/);
    const ids = await page.evaluate(() => (window as any).explorer.cy.nodes().map((n: any) => n.id()).sort());
    expect(ids).toEqual(['meeting:firearms-promotion', 'meeting:ministerial-crime', 'office:prime-minister']);
    await page.screenshot({ path: `${SHOTS}/explorer-path.png` });
  });

  it('draws a lineage left to right, oldest first', async () => {
    await page.fill('#lineage-id', 'plan:drug-strategy-4');
    await page.click('#lineage');
    await idle(page);
    await expect.poll(status, { timeout: 60_000 }).toMatch(/Lineage: 4 step/);
    const xs = await page.evaluate(() => (window as any).explorer.cy.nodes().map((n: any) => [n.id(), n.position('x')]).sort((a: any, b: any) => a[1] - b[1]).map((p: any) => p[0]));
    expect(xs).toEqual(['plan:drug-strategy-1', 'plan:drug-strategy-2', 'plan:drug-strategy-3', 'plan:drug-strategy-4']);
    await page.screenshot({ path: `${SHOTS}/explorer-lineage.png` });
    // As of 2005 only the strategies adopted by then are drawn (source, section 1.(2): May 1998, July 2003,
    // August 2008, August 2013): the timeline the API gives up to the date decides, not the page.
    await page.fill('#as-of', '2005');
    await page.press('#as-of', 'Enter');
    await expect.poll(() => page.locator('#as-of-label').innerText(), { timeout: 60_000 }).toMatch(/^as of 2005 /);
    await idle(page);
    const shownIds = await page.evaluate(() => (window as any).explorer.cy.nodes(':visible').map((n: any) => n.id()).sort());
    expect(shownIds).toEqual(['plan:drug-strategy-1', 'plan:drug-strategy-2']);
    await page.getByRole('button', { name: 'All dates' }).click();
    await idle(page);
    expect(await count('nodes')).toBe(4);
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
    // Labels wrap on several lines: the first words of the oldest strategy's name.
    expect(text).toMatch(/Five-year Drug Abuse/);
  });

  it('made no request beyond this machine, raised no page error and broke no Content-Security-Policy rule', () => {
    expect(session.blocked).toEqual([]);
    expect(session.pageErrors).toEqual([]);
    expect(session.cspViolations).toEqual([]);
  });
});
