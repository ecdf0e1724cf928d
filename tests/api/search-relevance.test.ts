/**
 * Search finds what people type: the judged set (tests/fixtures/search-relevance.json, scored by
 * bench/relevance.ts) on the seed graph, on the compiled path and the field resolvers, with first-hit
 * accuracy and mean reciprocal rank printed and held to their targets; and the ranking rules one by one.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { judgedQueries, measureRelevance, relevanceMarkdown, RELEVANCE_TARGETS, searchOverHttp } from '../../bench/relevance.js';
import { readDataset } from '../../src/seed/format.js';
import { MAIN_DATASET_DIR } from '../seed/helpers.js';
import { startTestServer, type TestServer } from '../support/server.js';

let compiled: TestServer;
let resolvers: TestServer;
beforeAll(async () => {
  [compiled, resolvers] = await Promise.all([startTestServer(), startTestServer({ EXECUTION: 'resolvers' })]);
});
afterAll(async () => {
  await Promise.all([compiled?.stop(), resolvers?.stop()]);
});

const ids = (api: TestServer, text: string, types: string[] | null = null) => searchOverHttp(api.url)(text, types);

describe('the judged relevance set', () => {
  it('has at least 60 queries of every kind, each expecting an entity of the seed graph', async () => {
    const queries = judgedQueries();
    expect(queries.length).toBeGreaterThanOrEqual(60);
    expect(new Set(queries.map((q) => q.kind))).toEqual(new Set(['full', 'abbreviation', 'partial', 'typo1', 'typo2', 'order', 'typed', 'folded']));
    const keys = new Set((await readDataset(MAIN_DATASET_DIR)).nodes.map((n) => n.key));
    expect(queries.filter((q) => !keys.has(q.expect)).map((q) => q.expect)).toEqual([]);
  });

  it.each(['compiled', 'resolvers'] as const)('%s path: first-hit accuracy and mean reciprocal rank reach their targets', async (path) => {
    const report = await measureRelevance(searchOverHttp((path === 'compiled' ? compiled : resolvers).url));
    process.stdout.write(`\nsearch relevance (${path} path): first-hit accuracy ${report.firstHitAccuracy.toFixed(3)}, MRR ${report.meanReciprocalRank.toFixed(3)}\n${relevanceMarkdown(report)}\n`);
    expect(report.firstHitAccuracy).toBeGreaterThanOrEqual(RELEVANCE_TARGETS.firstHitAccuracy);
    expect(report.meanReciprocalRank).toBeGreaterThanOrEqual(RELEVANCE_TARGETS.meanReciprocalRank);
  }, 120_000);
});

describe('ranking', () => {
  it('an exact name, alias or abbreviation comes before names that merely contain it', async () => {
    // The country first, then Japan Customs and the bodies named "Japan …".
    expect((await ids(compiled, 'Japan')).slice(0, 2)).toEqual(['country:japan', 'organisation:japan-customs']);
    expect((await ids(compiled, 'MOF'))[0]).toBe('organisation:mof');
    expect((await ids(compiled, 'Customs'))[0]).toBe('organisation:japan-customs');
  });

  it('folds punctuation, case and accents: A/P, A-P, AP; U.S. and US', async () => {
    for (const text of ['RILO A/P', 'rilo a-p', 'RILO AP', 'riloap']) expect((await ids(compiled, text))[0], text).toBe('organisation:rilo-ap');
    for (const text of ['U.S.', 'US', 'u.s']) expect((await ids(compiled, text))[0], text).toBe('country:us');
    expect((await ids(compiled, 'MACÁO'))[0]).toBe('country:macao');
  });

  it('completes whole words as they are typed, before fuzzy matches', async () => {
    expect((await ids(compiled, 'Yok'))[0]).toBe('organisation:yokohama-customs');
    expect((await ids(compiled, 'japan cus'))[0]).toBe('organisation:japan-customs');
  });

  it('tolerates typos by word length: none under 4 characters, 1 from 4, 2 from 8 (a transposition is one)', async () => {
    // 11 letters, two edits (a doubled consonant and a dropped one), with and without a type filter.
    expect((await ids(compiled, 'Phillipines'))[0]).toBe('country:philippines');
    expect((await ids(compiled, 'Phillipines', ['COUNTRY']))[0]).toBe('country:philippines');
    // 5 letters, one transposition; two edits are too many for it.
    expect((await ids(compiled, 'Cihna'))[0]).toBe('country:china');
    expect(await ids(compiled, 'Cihan')).not.toContain('country:china');
    // 3 letters: no typo allowed (MOF is not found as "MOG").
    expect(await ids(compiled, 'MOG')).not.toContain('organisation:mof');
  });

  it('answers alike on both paths', async () => {
    for (const text of ['Japan', 'RILO A/P', 'Phillipines', 'customs']) expect(await ids(resolvers, text), text).toEqual(await ids(compiled, text));
  });
});
