/**
 * Issue 22: the corpus of realistic deep queries (tests/corpus/*.graphql: front-end tables, detail pages, analyst
 * walks, exports, and the four shapes the guessed bounds used to refuse) all answer on the seed graph at the
 * default settings, each within its estimate (an upper bound of what the answer holds), the estimates close to
 * the answers (median at most 5 times), and one database round trip per root field.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { Kind, parse, type OperationDefinitionNode } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/server.js';

const dir = new URL('../corpus/', import.meta.url);
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.graphql'))
  .sort();

/** Objects' fields and list items of an answer (`__typename` aside: graphql-js answers it, no resolver runs). */
function items(value: unknown): number {
  if (Array.isArray(value)) return value.length + value.reduce((n: number, v) => n + items(v), 0);
  if (value === null || typeof value !== 'object') return 0;
  return Object.entries(value).reduce((n: number, [k, v]) => n + (k === '__typename' ? 0 : 1 + items(v)), 0);
}

/** Root fields of the document's operation. */
function rootFields(query: string): number {
  const operation = parse(query).definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)!;
  return operation.selectionSet.selections.filter((s) => s.kind === Kind.FIELD).length;
}

let api: TestServer;
const ratios = new Map<string, number>();

beforeAll(async () => {
  api = await startTestServer();
});
afterAll(async () => {
  await api?.stop();
});

describe('the corpus of realistic deep queries', () => {
  it('holds at least 25 queries', () => {
    expect(files.length).toBeGreaterThanOrEqual(25);
  });

  it.each(files)('%s: answered at the default settings, within its estimate, one round trip per root field', async (file) => {
    const query = readFileSync(new URL(file, dir), 'utf8');
    const res = await api.gql(query);
    expect(res.body.errors, JSON.stringify(res.body.errors)?.slice(0, 1_000)).toBeUndefined();
    expect(res.status).toBe(200);
    const cost = res.body.extensions?.['cost'] as { estimated: number; actual: number; limit: number };
    expect(cost.limit).toBe(25_000);
    // `actual` is what the answer holds.
    expect(cost.actual).toBe(items(res.body.data));
    expect(cost.actual).toBeGreaterThan(0);
    expect(cost.estimated).toBeGreaterThanOrEqual(cost.actual);
    expect(cost.estimated).toBeLessThanOrEqual(cost.limit);
    expect(res.body.extensions?.roundTrips).toBeLessThanOrEqual(rootFields(query));
    expect(res.body.extensions?.roundTrips).toBeGreaterThanOrEqual(1);
    ratios.set(file, cost.estimated / cost.actual);
  });

  it('the estimates are close: median estimate / actual at most 5', () => {
    expect(ratios.size).toBe(files.length);
    const sorted = [...ratios.values()].sort((a, b) => a - b);
    const median = sorted.length % 2 === 1 ? sorted[(sorted.length - 1) / 2]! : (sorted[sorted.length / 2 - 1]! + sorted[sorted.length / 2]!) / 2;
    process.stdout.write(`corpus: ${files.length} queries, estimate / actual median ${median.toFixed(2)}, largest ${sorted[sorted.length - 1]!.toFixed(2)}\n`);
    expect(median).toBeLessThanOrEqual(5);
  });
});
