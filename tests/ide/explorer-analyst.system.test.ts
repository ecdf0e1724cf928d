/**
 * The four questions an analyst brings to the graph explorer (issue 28), each answered in Chromium with the
 * mouse, by looking at what /explore draws: what stood as of 2005, which bodies sit on both the drug-abuse and
 * the firearms meetings, a dense view handled click by click without losing the picture, and Japan's
 * agreements by kind with their years. The page runs under a strict Content-Security-Policy, with no request
 * beyond this machine and a server that accepts only trusted documents. Screenshots: test-artifacts/analyst-*.png.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import {
  clickNode,
  closeExplorerSession,
  doubleClickNode,
  floating,
  gotoExplorer,
  idle,
  nodeMenu,
  nodePoint,
  openExplorerSession,
  overlappingLabels,
  SHOTS,
  shown,
  type ExplorerSession,
} from './explorer-driver.js';
import { readsTestDatabase } from '../support/db.js';

readsTestDatabase();

const SLOW = { timeout: 300_000 };
let session: ExplorerSession;
let page: Page;

beforeAll(async () => {
  session = await openExplorerSession();
  page = session.page;
}, 300_000);
afterAll(() => closeExplorerSession(session));

/** Types into the search box and clicks the hit with this name as it appears (no Enter: search as you type). */
async function searchAndOpen(text: string, name: string): Promise<void> {
  await page.locator('#search').fill('');
  await page.locator('#search').pressSequentially(text, { delay: 30 });
  const hit = page.locator('#results button', { hasText: name }).first();
  await expect.poll(() => hit.count(), { timeout: 60_000 }).toBeGreaterThan(0);
  await hit.click();
  await idle(page);
}

/** Clicks the time slider where the year sits. */
async function slideTo(year: number): Promise<void> {
  const slider = page.locator('#as-of-slider');
  const [min, max] = await slider.evaluate((s: HTMLInputElement) => [Number(s.min), Number(s.max)]);
  const box = (await slider.boundingBox())!;
  const thumb = 16;
  const x = box.x + thumb / 2 + ((year - min) / (max - min)) * (box.width - thumb);
  await page.mouse.click(x, box.y + box.height / 2);
  await expect.poll(() => slider.inputValue()).toBe(String(year));
  await expect.poll(() => page.locator('#as-of-label').innerText(), { timeout: 60_000 }).toMatch(new RegExp(`^as of ${year} `));
  await idle(page);
}

describe('the explorer answers an analyst by looking (mouse only)', SLOW, () => {
  it('1. as of 2005 it draws the past the API states: no agreement enacted later, nothing floating, bad dates refused', async () => {
    await gotoExplorer(page, session.server.origin);
    await searchAndOpen('Japan', 'Japan (Country)');
    const all = await shown(page);
    const { neighbourhood } = await session.api.data('{ neighbourhood(id: "country:japan", limit: 150) { relationships { id type } } }');
    expect(all.edges.filter((e) => e.type === 'AGREEMENT')).toHaveLength(neighbourhood.relationships.filter((r: any) => r.type === 'AGREEMENT').length);

    await slideTo(2005);
    const then = await shown(page);
    const agreements = then.edges.filter((e) => e.type === 'AGREEMENT');
    // Source, section 2.(5).b: the U.S. CMAA dates from June 1997, China's from April 2006.
    expect(agreements.map((e) => e.target)).toContain('country:us');
    expect(then.nodes.map((n) => n.id)).not.toContain('country:china');
    for (const e of agreements) expect(Number(e.year), e.label).toBeLessThanOrEqual(2005);
    // Exactly what the API's stateAsOf says was in force.
    const { stateAsOf } = await session.api.data('{ stateAsOf(date: "2005") { agreements { id parties { id } } } }');
    const inForce = stateAsOf.agreements.filter((a: any) => a.parties.some((p: any) => p.id === 'country:japan')).map((a: any) => a.id).sort();
    const drawn = await page.evaluate(() => (window as any).explorer.cy.edges(':visible[type = "AGREEMENT"]').map((e: any) => e.data('agreementKey')));
    expect([...new Set(drawn)].sort()).toEqual(inForce);
    expect(floating(then, ['country:japan'])).toEqual([]);
    expect(then.nodes.length).toBe(new Set(agreements.map((e) => e.target)).size + 1);
    // Laid out again: every node shown is inside the canvas.
    const box = (await page.locator('#cy').boundingBox())!;
    for (const n of then.nodes) {
      const p = await nodePoint(page, n.id);
      expect(p.x >= box.x && p.x <= box.x + box.width && p.y >= box.y && p.y <= box.y + box.height, n.name).toBe(true);
    }
    expect(await overlappingLabels(page)).toEqual([]);
    await page.screenshot({ path: `${SHOTS}/analyst-as-of-2005.png` });

    // A date the API cannot read is refused with its message; the view stays as of 2005.
    await page.locator('#as-of').click();
    await page.locator('#as-of').fill('June 2005');
    await page.locator('#as-of').press('Enter');
    await expect.poll(() => page.locator('#as-of-error').innerText(), { timeout: 30_000 }).toMatch(/June 2005.*YYYY, YYYY-MM or YYYY-MM-DD/);
    expect((await shown(page)).edges).toHaveLength(then.edges.length);
    expect(await page.locator('#as-of-label').innerText()).toMatch(/^as of 2005 /);

    await page.getByRole('button', { name: 'All dates' }).click();
    await idle(page);
    expect((await shown(page)).edges).toHaveLength(all.edges.length);
  });

  it('2. the common ground of the drug-abuse and firearms meetings shows every body commonMembers returns', async () => {
    await page.locator('#depth').selectOption('2');
    await searchAndOpen('firearms meeting', 'Meeting for the Promotion of Measures against Firearms');
    await clickNode(page, 'meeting:firearms-promotion');
    await clickNode(page, 'meeting:drug-abuse-promotion', ['Control']);
    await expect.poll(() => page.locator('#common').innerText()).toBe('Common ground (2 selected)');
    await page.locator('#common').click();
    await idle(page);

    const { commonMembers } = await session.api.data(
      '{ commonMembers(meetings: ["meeting:drug-abuse-promotion", "meeting:firearms-promotion"]) { member { id name } } }',
    );
    expect(commonMembers.length).toBeGreaterThanOrEqual(8);
    const view = await shown(page);
    const ids = view.nodes.map((n) => n.id);
    for (const { member } of commonMembers) expect(ids, member.name).toContain(member.id);
    const marked = await page.evaluate(() => (window as any).explorer.cy.nodes('.common:visible').map((n: any) => n.id()).sort());
    expect(marked).toEqual(commonMembers.map((c: any) => c.member.id).sort());
    // Through offices included: the Ministry of Finance sits on the firearms meeting through its Customs and Tariff Bureau's DG.
    expect(view.edges).toContainEqual(expect.objectContaining({ source: 'office:dg-customs-tariff-bureau', target: 'organisation:mof', type: 'PART_OF' }));
    expect(view.edges).toContainEqual(expect.objectContaining({ source: 'office:dg-customs-tariff-bureau', target: 'meeting:firearms-promotion', type: 'MEMBER_OF' }));
    expect(floating(view, ['meeting:drug-abuse-promotion', 'meeting:firearms-promotion'])).toEqual([]);
    expect(await page.locator('[data-testid=common-summary]').innerText()).toMatch(new RegExp(`^${commonMembers.length} bodies sit on`));
    expect(await page.locator('#pane-common > ol > li').count()).toBe(commonMembers.length);
    expect(await overlappingLabels(page)).toEqual([]);
    await page.screenshot({ path: `${SHOTS}/analyst-common-ground.png` });
  });

  it('3. a dense view stays readable, and clicks inspect, expand, collapse, dismiss and undo without moving placed nodes', async () => {
    await page.locator('#depth').selectOption('1');
    await searchAndOpen('Japan Customs', 'Japan Customs (Organisation)');
    const before = await shown(page);
    await clickNode(page, 'organisation:regional-customs');
    await expect.poll(() => page.locator('[data-testid=title]').innerText(), { timeout: 60_000 }).toBe('Regional Customs');
    expect((await shown(page)).nodes).toHaveLength(before.nodes.length);

    // Hover: the full name.
    const p = await nodePoint(page, 'organisation:japan-customs');
    await page.mouse.move(p.x, p.y);
    await expect.poll(() => page.locator('#tooltip').innerText()).toMatch(/Japan Customs/);

    const positions = () => page.evaluate(() => Object.fromEntries((window as any).explorer.cy.nodes().map((n: any) => [n.id(), n.position()])));
    const placed = await positions();
    await doubleClickNode(page, 'organisation:regional-customs');
    await idle(page);
    const expanded = await shown(page);
    expect(expanded.nodes.length).toBeGreaterThan(before.nodes.length);
    const after = await positions();
    for (const [id, pos] of Object.entries(placed)) {
      expect(Math.abs(after[id].x - (pos as any).x) + Math.abs(after[id].y - (pos as any).y), `${id} moved`).toBeLessThan(0.5);
    }
    expect(await overlappingLabels(page)).toEqual([]);
    await page.screenshot({ path: `${SHOTS}/analyst-expanded.png` });

    // Readable as drawn; zoomed in, labels keep their size on screen; zoomed out, they shrink with the
    // picture: no zoom piles them up.
    const zoom = () => page.evaluate(() => (window as any).explorer.cy.zoom());
    const screenFont = () => page.evaluate(() => {
      const cy = (window as any).explorer.cy;
      return cy.nodes(':visible')[0].numericStyle('font-size') * cy.zoom();
    });
    expect(await screenFont()).toBeGreaterThanOrEqual(8);
    const centre = await nodePoint(page, 'organisation:japan-customs');
    await page.mouse.move(centre.x, centre.y);
    for (const delta of [-1200, 2400]) {
      const was = await zoom();
      await page.mouse.wheel(0, delta);
      await expect.poll(zoom).not.toBe(was);
      await page.waitForTimeout(100);
      expect(await screenFont()).toBeLessThanOrEqual(13.01);
      expect(await overlappingLabels(page)).toEqual([]);
    }
    await page.locator('#fit').click();

    // Collapse takes back what the expansion added; dismiss takes one node away; undo puts each back.
    await nodeMenu(page, 'organisation:regional-customs', 'Collapse');
    await idle(page);
    expect((await shown(page)).nodes.map((n) => n.id).sort()).toEqual(before.nodes.map((n) => n.id).sort());
    await nodeMenu(page, 'organisation:regional-customs', 'Dismiss');
    await idle(page);
    expect((await shown(page)).nodes.map((n) => n.id)).not.toContain('organisation:regional-customs');
    await page.locator('#undo').click();
    expect((await shown(page)).nodes.map((n) => n.id)).toContain('organisation:regional-customs');
    await page.locator('#undo').click();
    expect((await shown(page)).nodes).toHaveLength(expanded.nodes.length);

    // The view lives in the URL: a reload (or the link shared) draws it again.
    const ids = (await shown(page)).nodes.map((n) => n.id).sort();
    expect(new URL(page.url()).searchParams.getAll('step')).toEqual(['open:1:organisation:japan-customs', 'expand:1:organisation:regional-customs']);
    await page.reload();
    await idle(page);
    expect((await shown(page)).nodes.map((n) => n.id).sort()).toEqual(ids);
  });

  it('4. Japan’s agreements are drawn by kind with their years, parallel ones apart, and listed in a table', async () => {
    await searchAndOpen('Japan', 'Japan (Country)');
    const view = await shown(page);
    const agreements = view.edges.filter((e) => e.type === 'AGREEMENT');
    // One colour per kind, the same for every agreement of that kind.
    const colours = new Map<string, Set<string>>();
    for (const e of agreements) colours.set(e.kind!, (colours.get(e.kind!) ?? new Set()).add(e.colour));
    for (const set of colours.values()) expect(set.size).toBe(1);
    expect(new Set([...colours.values()].map((s) => [...s][0])).size).toBe(colours.size);
    // Source, section 2.(5).b: Australia (Jun. 2003) intergovernmental, Australia (Jan. 2015) EPA, TPP (Feb. 2015).
    const australia = agreements.filter((e) => e.target === 'country:australia').map((e) => e.label).sort();
    expect(australia).toEqual(['EPA 2015', 'EPA 2015 (TPP)', 'Intergov. 2003']);
    expect(agreements.find((e) => e.id === 'agreement:cmaa:us')?.label).toBe('CMAA 1997');
    // Parallel edges are drawn apart: the three Japan–Australia edges have distinct midpoints.
    const mids = await page.evaluate(() =>
      (window as any).explorer.cy.edges('[target = "country:australia"]').map((e: any) => e.renderedMidpoint()),
    );
    for (let i = 0; i < mids.length; i++) {
      for (let j = i + 1; j < mids.length; j++) expect(Math.hypot(mids[i].x - mids[j].x, mids[i].y - mids[j].y)).toBeGreaterThan(8);
    }

    await page.getByRole('tab', { name: 'Agreements table' }).click();
    const rows = page.locator('#pane-table tbody tr');
    expect(await rows.count()).toBe(agreements.length);
    const australiaRows = await page.locator('#pane-table tbody tr', { hasText: 'Australia' }).allInnerTexts();
    expect(australiaRows.map((r) => r.split('\t').slice(0, 3).join(' | '))).toEqual([
      'Australia | Intergov. | 2003-06',
      'Australia | EPA | 2015-01',
      'Australia | EPA | 2015-02',
    ]);
    await page.screenshot({ path: `${SHOTS}/analyst-agreements.png` });
    await page.locator('#pane-table tbody tr', { hasText: 'China' }).click();
    await expect.poll(() => page.locator('[data-testid=title]').innerText()).toMatch(/Japan–China/);

    await slideTo(2005);
    await page.getByRole('tab', { name: 'Agreements table' }).click();
    const inForce = (await shown(page)).edges.filter((e) => e.type === 'AGREEMENT').length;
    expect(await rows.count()).toBe(inForce);
    expect(await page.locator('[data-testid=table-summary]').innerText()).toMatch(/in force as of 2005/);
  });

  it('made no request beyond this machine, raised no page error and broke no Content-Security-Policy rule', () => {
    expect(session.blocked).toEqual([]);
    expect(session.pageErrors).toEqual([]);
    expect(session.cspViolations).toEqual([]);
  });
});
