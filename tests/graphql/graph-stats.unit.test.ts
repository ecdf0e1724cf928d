/**
 * The arithmetic of the graph's statistics (src/neo4j/graph-stats.ts) and the API's copy of them
 * (src/graphql/graph-stats-cache.ts): read once, read again when a request sees other dataset versions, counted
 * when missing or stale, kept in the process when the database refuses the write. No database: the repository
 * is a stand-in that records what the cache asks of it.
 */
import { describe, expect, it } from 'vitest';
import { largestComponent, spreadOf, topSum } from '../../src/neo4j/graph-stats.js';
import { GraphStatsCache } from '../../src/graphql/graph-stats-cache.js';
import { createLogger } from '../../src/logger.js';
import type { GraphStats, GraphStatsRepository } from '../../src/repositories/stats-repository.js';
import { statsFixture } from './stats-fixture.js';

describe('histograms', () => {
  const h = [
    [30, 1],
    [2, 2],
    [1, 5],
  ] as const;

  it('the largest count, and the 99th percentile over the whole population (nodes without any count as 0)', () => {
    expect(spreadOf(h, 8)).toEqual({ max: 30, p99: 30 });
    // 1 in 200 above 2: the 99th percentile is 2.
    expect(spreadOf(h, 200)).toEqual({ max: 30, p99: 2 });
    // 8 of 1000 have any: the 99th percentile is 0.
    expect(spreadOf(h, 1000)).toEqual({ max: 30, p99: 0 });
    expect(spreadOf([], 10)).toEqual({ max: 0, p99: 0 });
  });

  it('what n distinct nodes hold together: the n largest counts', () => {
    expect(topSum(h, 1)).toBe(30);
    expect(topSum(h, 3)).toBe(34);
    expect(topSum(h, 100)).toBe(39);
    expect(topSum(h, 1.5)).toBe(31);
  });

  it('the largest SUPERSEDES chain with its branches', () => {
    expect(largestComponent([])).toBe(0);
    const chain = [
      ['p4', 'p3'],
      ['p3', 'p2'],
      ['p2', 'p1'],
      ['p3b', 'p2'],
      ['m2', 'm1'],
    ] as const;
    expect(largestComponent(chain)).toBe(5);
  });
});

/** A stand-in repository: what is stored, what the datasets are now, and whether a write is refused. */
function repository(state: { stored?: GraphStats; current: string; readOnly?: boolean; failReads?: boolean }) {
  const calls: string[] = [];
  const counted = (versions: string) => ({ ...statsFixture(), versions });
  const repo = {
    read: async () => {
      calls.push('read');
      if (state.failReads) throw new Error('down');
      return { stats: state.stored, current: state.current };
    },
    countAndStore: async () => {
      calls.push('countAndStore');
      if (state.readOnly) throw new Error('write refused');
      state.stored = counted(state.current);
      return state.stored;
    },
    count: async () => {
      calls.push('count');
      return counted(state.current);
    },
  } as unknown as GraphStatsRepository;
  return { repo, calls };
}

describe('the API copy of the statistics', () => {
  const logger = createLogger('silent');

  it('reads them once, and again only when a request saw other dataset versions', async () => {
    const state = { stored: { ...statsFixture(), versions: 'a@1;' }, current: 'a@1;' };
    const { repo, calls } = repository(state);
    const cache = new GraphStatsCache(repo, logger);
    expect((await cache.current())?.versions).toBe('a@1;');
    expect(await cache.current()).toBeDefined();
    cache.seen('a@1;');
    expect(calls).toEqual(['read']);
  });

  it('counts and stores them when they are missing or describe other versions', async () => {
    const state = { stored: { ...statsFixture(), versions: 'a@1;' }, current: 'a@2;' };
    const { repo, calls } = repository(state);
    const cache = new GraphStatsCache(repo, logger);
    expect((await cache.current())?.versions).toBe('a@2;');
    expect(calls).toEqual(['read', 'countAndStore']);
  });

  it('keeps them in the process when the database refuses the write', async () => {
    const { repo, calls } = repository({ current: 'a@1;', readOnly: true });
    const cache = new GraphStatsCache(repo, logger);
    expect((await cache.current())?.versions).toBe('a@1;');
    expect(calls).toEqual(['read', 'countAndStore', 'count']);
  });

  it('answers without them (undefined) when they cannot be read, and does not retry on every request', async () => {
    const { repo, calls } = repository({ current: 'a@1;', failReads: true });
    const cache = new GraphStatsCache(repo, logger);
    expect(await cache.current()).toBeUndefined();
    expect(await cache.current()).toBeUndefined();
    expect(calls).toEqual(['read']);
  });
});
