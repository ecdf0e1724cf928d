/**
 * Where analyst Cypher runs, decided by the configuration (never the public database unless explicitly
 * allowed), and the watchdog's judgement of the analyst Neo4j (a statement past its limit, an engine that
 * does not answer): no database, no process.
 */
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.js';
import { startWatchdog, type RunningTransaction } from '../../src/local-neo4j/watchdog.js';

describe('where analyst Cypher runs', () => {
  it('without NEO4J_URI: its own local Neo4j, on a port and data folder of its own, with a small heap', () => {
    expect(loadConfig({}).analyst.database).toEqual({ kind: 'local', port: 7689, dataDir: '.neo4j/analyst-data', heapMb: 512, graceMs: 2000 });
    const token = { ANALYST_CYPHER_TOKEN: 'a-token-of-sixteen-chars' };
    expect(() => loadConfig({ ...token, LOCAL_NEO4J_PORT: '7700', LOCAL_ANALYST_NEO4J_PORT: '7700' })).toThrow(/LOCAL_ANALYST_NEO4J_PORT: must differ/);
    // Without a token no analyst Neo4j starts: the public one may use its port (a test run's TEST_LOCAL_NEO4J_PORT=7689).
    expect(loadConfig({ LOCAL_NEO4J_PORT: '7689' }).localNeo4j.port).toBe(7689);
    expect(() => loadConfig({ LOCAL_ANALYST_NEO4J_HEAP_MB: '64' })).toThrow(ConfigError);
  });

  it('with NEO4J_URI: refused, unless ANALYST_NEO4J_URI names another database or the public one is explicitly allowed', () => {
    const own = { NEO4J_URI: 'neo4j+s://public.example:7687', NEO4J_USERNAME: 'api', NEO4J_PASSWORD: 'secret' };
    expect(loadConfig(own).analyst.database).toEqual({ kind: 'refused' });
    expect(loadConfig({ ...own, ANALYST_CYPHER_ON_PUBLIC_DATABASE: 'true' }).analyst.database).toEqual({ kind: 'public' });
    expect(loadConfig({ ...own, ANALYST_NEO4J_URI: 'bolt://replica.example:7687' }).analyst.database).toEqual({
      kind: 'own',
      uri: 'bolt://replica.example:7687',
      username: 'api',
      password: 'secret',
      database: 'neo4j',
      copy: false,
    });
    expect(loadConfig({ ...own, ANALYST_NEO4J_URI: own.NEO4J_URI, ANALYST_NEO4J_DATABASE: 'analyst', ANALYST_NEO4J_COPY: 'true' }).analyst.database).toMatchObject({
      kind: 'own',
      database: 'analyst',
      copy: true,
    });
    expect(() => loadConfig({ ...own, ANALYST_NEO4J_URI: own.NEO4J_URI })).toThrow(/ANALYST_NEO4J_URI: names the public database/);
    expect(() => loadConfig({ ...own, ANALYST_NEO4J_URI: 'http://x' })).toThrow(/ANALYST_NEO4J_URI: must be a neo4j:\/\//);
  });
});

describe('the analyst Neo4j watchdog', () => {
  const watch = async (answers: (() => Promise<RunningTransaction[]>)[], options: { up?: () => boolean } = {}) => {
    const restarts: string[] = [];
    let asked = 0;
    let looked = 0;
    const dog = startWatchdog({
      limitMs: 7_000,
      everyMs: 5,
      answerWithinMs: 50,
      misses: 3,
      isUp: () => {
        looked += 1;
        return (options.up ?? (() => true))();
      },
      restart: (reason) => restarts.push(reason),
      transactions: () => answers[Math.min(asked++, answers.length - 1)]!(),
    });
    while (looked < 2 * (answers.length + 2)) await new Promise((r) => setTimeout(r, 5));
    dog.stop();
    return restarts;
  };

  it('restarts the engine when an analyst transaction outlives its limit, and not before', async () => {
    const quiet = await watch([async () => [], async () => [{ elapsedMs: 6_999, operation: 'analyst:A' }]]);
    expect(quiet).toEqual([]);
    const runaway = await watch([async () => [{ elapsedMs: 300, operation: 'analyst:B' }, { elapsedMs: 7_480, operation: 'analyst:A' }], async () => []]);
    expect(runaway).toEqual(['an analyst transaction (analyst:A) ran 7480 ms, past the 7000 ms allowed']);
  });

  it('restarts an engine that stops answering several times in a row (a heap full of garbage), not one that misses once', async () => {
    const never = () => new Promise<RunningTransaction[]>(() => undefined);
    const failing = async (): Promise<RunningTransaction[]> => {
      throw new Error('connection refused');
    };
    const ok = async (): Promise<RunningTransaction[]> => [];
    expect(await watch([ok, never, ok, never, ok])).toEqual([]);
    const stuck = await watch([ok, never, failing, never, ok]);
    expect(stuck).toHaveLength(1);
    expect(stuck[0]).toMatch(/did not answer the watchdog 3 times in a row/);
    // A JVM that has not answered once since it started is slow to start, not stuck.
    expect(await watch([never, never, never, never, ok])).toEqual([]);
  });

  it('leaves an engine that is starting or restarting alone', async () => {
    expect(await watch([async () => [{ elapsedMs: 60_000, operation: 'analyst:A' }]], { up: () => false })).toEqual([]);
  });
});
