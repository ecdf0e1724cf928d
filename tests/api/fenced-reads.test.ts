/**
 * A compiled statement carries its own load-fence reads (src/neo4j/consistency.ts, `fenced`): a
 * compiled request is one statement in one transaction (several compiled roots too: `fencedTogether`),
 * its rows come back in their order, and a read that meets a load's fence is still held back until
 * the fence is down.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { fenced } from '../../src/neo4j/consistency.js';
import type { QueryContext } from '../../src/neo4j/database.js';
import { closeTestDb, testDb, writesToDatabase } from '../support/db.js';

// Raises the load fence: alone, never beside another api file.
writesToDatabase();

const WORK = '// test/fenced: rows in order\nUNWIND [3, 1, 2] AS x WITH x ORDER BY x RETURN x, x * 10 AS y';

function context(): QueryContext & { roundTrips: number } {
  const ctx: QueryContext & { roundTrips: number } = { roundTrips: 0, onRoundTrip: () => (ctx.roundTrips += 1), observed: { statements: [], neo4jMs: 0 } };
  return ctx;
}

afterAll(async () => {
  await closeTestDb();
});

describe('self-fenced reads', () => {
  it('run as one statement in one transaction and keep the rows and their order', async () => {
    const { db } = await testDb();
    const ctx = context();
    const rows = await db.readFenced(WORK, fenced(WORK, ['x', 'y']), {}, ctx);
    expect(rows).toEqual([
      { x: 1, y: 10 },
      { x: 2, y: 20 },
      { x: 3, y: 30 },
    ]);
    expect(ctx.roundTrips).toBe(1);
    // No separate fence statements: the work's own name, once.
    expect(ctx.observed!.statements).toEqual(['test/fenced']);
    // The statement pins the dataset versions it read, as every read does.
    expect(ctx.datasetVersions).toMatch(/@/);
  });

  it('two of them read in the same turn share one transaction', async () => {
    const { db } = await testDb();
    const ctx = context();
    const [a, b] = await Promise.all([db.readFenced(WORK, fenced(WORK, ['x', 'y']), {}, ctx), db.readFenced(WORK, fenced(WORK, ['x']), {}, ctx)]);
    expect(a).toHaveLength(3);
    expect(b).toEqual([{ x: 1 }, { x: 2 }, { x: 3 }]);
    expect(ctx.roundTrips).toBe(1);
  });

  it('several with their columns, read in the same turn, run as ONE statement, each with its own parameters', async () => {
    const { db } = await testDb();
    const ctx = context();
    const one = "// test/first: x\nUNWIND range(1, $n) AS x RETURN x, $label AS label";
    const two = "// test/second: y\nUNWIND range(1, $n) AS y RETURN y * 10 AS y, '$n' AS literal";
    const [a, b] = await Promise.all([
      db.readFenced(one, fenced(one, ['x', 'label']), { n: 2, label: 'first' }, ctx, ['x', 'label']),
      db.readFenced(two, fenced(two, ['y', 'literal']), { n: 3 }, ctx, ['y', 'literal']),
    ]);
    expect(a).toEqual([
      { x: 1, label: 'first' },
      { x: 2, label: 'first' },
    ]);
    expect(b).toEqual([
      { y: 10, literal: '$n' },
      { y: 20, literal: '$n' },
      { y: 30, literal: '$n' },
    ]);
    expect(ctx.roundTrips).toBe(1);
    expect(ctx.observed!.statements).toEqual(['compiled/together']);
    expect(ctx.datasetVersions).toMatch(/@/);
  });

  it('while a load holds the fence up, the read is retried and answers once it is down', async () => {
    const { db } = await testDb();
    await db.write("MERGE (f:LoadFence {id: 'global'}) SET f.until = datetime() + duration({seconds: 5})", {});
    const ctx = context();
    let lowered: Promise<unknown> | undefined;
    // The second attempt proves the first saw the fence: lower it then, as a load does after its commit.
    ctx.onRoundTrip = () => {
      ctx.roundTrips += 1;
      if (ctx.roundTrips === 2) lowered = db.write("MATCH (f:LoadFence {id: 'global'}) SET f.until = null", {});
    };
    const rows = await db.readFenced(WORK, fenced(WORK, ['x']), {}, ctx);
    await lowered;
    expect(rows).toEqual([{ x: 1 }, { x: 2 }, { x: 3 }]);
    expect(ctx.roundTrips).toBeGreaterThan(1);
  });
});
