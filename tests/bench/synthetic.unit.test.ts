/**
 * The synthetic graph of the scaling benchmark: it must pass the same validation as the shipped seed, have
 * the shape the benchmark reports on (deep plan lineages, thousands of partners at scale), and be the same
 * every time (so runs on different days compare).
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generateSynthetic, HOME_KEY, PLAN_CHAIN_LENGTH, SHAPE, writeSynthetic } from '../../bench/synthetic/generate.js';
import { readDataset } from '../../src/seed/format.js';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('synthetic graph generator', () => {
  it('writes a dataset the real validator accepts, with exactly the requested number of nodes', async () => {
    const generated = generateSynthetic(20_000);
    const dir = mkdtempSync(path.join(tmpdir(), 'synthetic-'));
    dirs.push(dir);
    await writeSynthetic(generated, dir);
    const dataset = await readDataset(dir);
    expect(dataset.id).toBe('synthetic-20k');
    expect(dataset.nodes).toHaveLength(20_000);
    expect(dataset.relationships).toHaveLength(generated.relationships.length);
    expect(readdirSync(dir).filter((f) => f.endsWith('.json')).length).toBeGreaterThan(0);
  });

  it('has the real graph’s shape: labels in proportion, partners with agreements, plan chains 100 generations deep', () => {
    const { nodes, relationships, samples } = generateSynthetic(100_000);
    const byLabel = new Map<string, number>();
    for (const n of nodes) byLabel.set(n.label, (byLabel.get(n.label) ?? 0) + 1);
    expect(byLabel.get('Meeting')).toBe(100_000 * SHAPE.Meeting);
    expect(byLabel.get('Country')).toBe(100_000 * SHAPE.Country + 1); // partners and the home country

    const agreements = relationships.filter((r) => r.type === 'AGREEMENT');
    expect(agreements.every((r) => r.from === HOME_KEY)).toBe(true);
    expect(new Set(agreements.map((r) => r.props['agreementKey'])).size).toBeGreaterThan(1_000);

    // Walk the lineage from the sample chain head down SUPERSEDES: 100 plans.
    const older = new Map(relationships.filter((r) => r.type === 'SUPERSEDES' && r.from.startsWith('plan:')).map((r) => [r.from, r.to]));
    let steps = 1;
    for (let key = samples.chainHead; older.has(key); key = older.get(key)!) steps++;
    expect(steps).toBe(PLAN_CHAIN_LENGTH);

    // Every meeting has exactly one chief.
    const chiefs = relationships.filter((r) => r.type === 'CHAIRS' && r.props['role'] === 'CHIEF');
    expect(new Set(chiefs.map((r) => r.to)).size).toBe(byLabel.get('Meeting'));
    expect(chiefs).toHaveLength(byLabel.get('Meeting')!);
  });

  it('is deterministic: the same size gives the same files, byte for byte', async () => {
    const [a, b] = [mkdtempSync(path.join(tmpdir(), 'synthetic-')), mkdtempSync(path.join(tmpdir(), 'synthetic-'))];
    dirs.push(a, b);
    await writeSynthetic(generateSynthetic(5_000), a);
    await writeSynthetic(generateSynthetic(5_000), b);
    for (const file of readdirSync(a)) expect(readFileSync(path.join(b, file), 'utf8')).toBe(readFileSync(path.join(a, file), 'utf8'));
  });

  it('refuses sizes too small to have the shape', () => {
    expect(() => generateSynthetic(10)).toThrow(/at least 1000 nodes/);
  });
});
