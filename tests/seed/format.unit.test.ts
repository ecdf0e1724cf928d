/** Validation of seed datasets (no database): the shipped dataset passes, broken ones fail with file › key › reason. */
import { describe, expect, it } from 'vitest';
import { isPartialDate, readDataset, SeedValidationError } from '../../src/seed/format.js';
import { MAIN_DATASET_DIR, smallDataset, uniqueSlug, writeDataset } from './helpers.js';

async function problemsOf(dir: string): Promise<string> {
  try {
    await readDataset(dir);
  } catch (error) {
    expect(error).toBeInstanceOf(SeedValidationError);
    return (error as SeedValidationError).message;
  }
  throw new Error(`expected ${dir} to be rejected`);
}

describe('partial dates', () => {
  it('accepts years, months and real days only', () => {
    for (const ok of ['1998', '1998-05', '2016-06-07', '2016-02-29']) expect(isPartialDate(ok), ok).toBe(true);
    for (const bad of ['2008-13', '2008-00', '2015-02-29', '2016-06-31', '98', '2008-1', '2008/12', 'May 1998']) {
      expect(isPartialDate(bad), bad).toBe(false);
    }
  });
});

describe('the shipped dataset', () => {
  it('is valid', async () => {
    const ds = await readDataset(MAIN_DATASET_DIR);
    expect(ds.id).toBe('japan-customs-2016');
    expect(ds.nodes.length).toBeGreaterThan(150);
    expect(ds.relationships.length).toBeGreaterThan(200);
  });
});

describe('a malformed dataset is rejected with file › key › reason', () => {
  it('a record without a key', async () => {
    const slug = uniqueSlug();
    const files = smallDataset(slug);
    delete (files['meetings.yaml'].nodes[0] as { key?: string }).key;
    const message = await problemsOf(writeDataset(`test-${slug}`, files));
    expect(message).toMatch(/meetings\.yaml › #1 › key: /);
  });

  it('a dangling reference', async () => {
    const slug = uniqueSlug();
    const files = smallDataset(slug);
    files['meetings.yaml'].relationships[0]!.to = `meeting:${slug}-nowhere`;
    const message = await problemsOf(writeDataset(`test-${slug}`, files));
    expect(message).toContain(`meetings.yaml › member-of:${slug}-ministry › dangling reference: to "meeting:${slug}-nowhere"`);
  });

  it('edges of one agreement with different enactment dates (a page reads the order of an agreement from any of its edges)', async () => {
    const slug = uniqueSlug();
    const files = smallDataset(slug);
    const edge = (party: string, enacted: string) => ({
      key: `agreement:${slug}-mou:${party}`,
      type: 'AGREEMENT',
      from: `organisation:${slug}-ministry`,
      to: `organisation:${slug}-${party}`,
      props: { agreementKey: `agreement:${slug}-mou`, kind: 'MOU', name: `MOU ${slug}`, enacted },
      source: { section: 'T.1' },
    });
    files['organisations.yaml'].nodes.push({ key: `organisation:${slug}-partner`, label: 'Organisation', name: `Partner ${slug}`, props: { kind: 'ASSOCIATION' }, source: { section: 'T.1' } } as never);
    files['organisations.yaml'].relationships.push(edge('bureau', '2001') as never, edge('partner', '2002') as never);
    const message = await problemsOf(writeDataset(`test-${slug}`, files));
    expect(message).toContain(`organisations.yaml › agreement:${slug}-mou:partner › edges of agreement agreement:${slug}-mou disagree on kind, name or enactment date`);
  });

  it('an impossible date', async () => {
    const slug = uniqueSlug();
    const files = smallDataset(slug);
    files['meetings.yaml'].nodes[0]!.props.established = '2008-13';
    const message = await problemsOf(writeDataset(`test-${slug}`, files));
    expect(message).toContain(`meetings.yaml › meeting:${slug}-council › props.established: "2008-13" is not a valid date`);
  });

  it('an unquoted year (a number, not a date string)', async () => {
    const slug = uniqueSlug();
    const dir = writeDataset(`test-${slug}`, {
      'x.yaml': `nodes:\n  - { key: plan:${slug}, label: Plan, name: P, props: { kind: PLAN, adopted: 2008 }, source: { section: "1" } }\n`,
    });
    expect(await problemsOf(dir)).toContain(`x.yaml › plan:${slug} › props.adopted: must be a quoted date string`);
  });

  it('a duplicate key across files', async () => {
    const slug = uniqueSlug();
    const files = smallDataset(slug);
    files['meetings.yaml'].nodes.push({ ...files['organisations.yaml'].nodes[0]!, props: { kind: 'MINISTRY' } } as never);
    const message = await problemsOf(writeDataset(`test-${slug}`, files));
    // Files are read in name order, so the copy in organisations.yaml is the duplicate.
    expect(message).toContain(`organisations.yaml › organisation:${slug}-ministry › duplicate key (first defined in meetings.yaml)`);
  });

  it('an unknown label, relationship type, property and wrong endpoints', async () => {
    const slug = uniqueSlug();
    const files = smallDataset(slug);
    (files['organisations.yaml'].nodes[1] as { label: string }).label = 'Person';
    (files['organisations.yaml'].nodes[0]!.props as Record<string, unknown>).colour = 'red';
    (files['organisations.yaml'].relationships[0] as { type: string }).type = 'LIKES';
    files['meetings.yaml'].relationships.push({
      key: `chairs:${slug}`,
      type: 'CHAIRS',
      from: `organisation:${slug}-ministry`,
      to: `meeting:${slug}-council`,
      props: { role: 'CHIEF' },
      source: { section: 'T.2' },
    } as never);
    const message = await problemsOf(writeDataset(`test-${slug}`, files));
    expect(message).toContain(`organisations.yaml › organisation:${slug}-bureau › label: must be one of`);
    expect(message).toContain(`organisations.yaml › organisation:${slug}-ministry › props: Unrecognized key: "colour"`);
    expect(message).not.toContain('dangling');
    expect(message).toContain(`organisations.yaml › part-of:${slug}-bureau › type: must be one of`);
    expect(message).toContain(`meetings.yaml › chairs:${slug} › CHAIRS may not go from Organisation to Meeting`);
  });

  it('lists every problem at once, not just the first', async () => {
    const slug = uniqueSlug();
    const files = smallDataset(slug);
    files['meetings.yaml'].nodes[0]!.props.established = '2008-13';
    files['meetings.yaml'].relationships[0]!.to = `meeting:${slug}-nowhere`;
    const error = await readDataset(writeDataset(`test-${slug}`, files)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SeedValidationError);
    expect((error as SeedValidationError).problems).toHaveLength(2);
  });

  it('a folder without dataset.yaml', async () => {
    const slug = uniqueSlug();
    const dir = writeDataset(`test-${slug}`, {});
    const { rmSync } = await import('node:fs');
    rmSync(`${dir}/dataset.yaml`);
    expect(await problemsOf(dir)).toContain('dataset.yaml › - › missing');
  });
});
