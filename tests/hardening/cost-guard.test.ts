/**
 * The cost guard fails closed (issue 27, defect 2): MAX_COST could be switched off by any client, because the
 * cost plugin let an operation through when its estimator threw, and the operation then ran as one compiled
 * statement. Two valid operations made it throw: a null for a nullable variable with a default, used in a
 * non-null argument inside a branch that never runs, and 10,000+ selections through doubling fragments. Each
 * carries the 286-byte fan-out, which must be refused before any Cypher runs.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/server.js';

/** `agreements { parties { … on Country { … } } }` nested `levels` times (Japan is party to every agreement). */
function fanOut(levels: number): string {
  return `${'agreements { parties { ... on Country { '.repeat(levels)}name${' } } }'.repeat(levels)}`;
}

let api: TestServer;
/** With the estimate set aside and a small result budget: what an operation stopped while it runs is told. */
let smallBudget: TestServer;
beforeAll(async () => {
  api = await startTestServer();
  smallBudget = await startTestServer({ MAX_COST: '1000000000', MAX_RESULT_ITEMS: '50' });
});
afterAll(async () => {
  await api?.stop();
  await smallBudget?.stop();
});

function expectRefusedUpFront(res: Awaited<ReturnType<TestServer['gql']>>): void {
  expect(res.status, JSON.stringify(res.body).slice(0, 500)).toBe(400);
  expect(res.body.data).toBeUndefined();
  expect(res.body.errors?.[0]?.extensions).toMatchObject({ code: 'GRAPHQL_VALIDATION_FAILED', limit: 'cost', max: 25_000 });
  expect(res.body.errors?.[0]?.message).toMatch(/MAX_COST/);
  // Nothing ran.
  expect(res.body.extensions?.['roundTrips'] ?? 0).toBe(0);
  expect(res.body.extensions?.['cost']).toMatchObject({ actual: 0, limit: 25_000 });
}

describe('the cost guard cannot be switched off by the operation', () => {
  it('a null for a nullable variable with a default, in a non-null argument of a branch never taken', async () => {
    const query = `query Bypass($d: PartialDate = "2000") {
      node(id: "country:japan") { ... on Agreement { inForce(asOf: $d) } ... on Country { ${fanOut(5)} } }
    }`;
    const res = await api.gql(query, { d: null });
    expectRefusedUpFront(res);
    expect(res.body.errors?.[0]?.extensions?.['found']).toBeGreaterThan(1e9);
  });

  it('fragments that double 10,000+ selections', async () => {
    const doubling = Array.from({ length: 14 }, (_, k) => `fragment P${k + 1} on Query { ...P${k} ...P${k} }`).join('\n');
    const query = `query Doubling { ...P14 }\nfragment P0 on Query { node(id: "country:japan") { ... on Country { ${fanOut(5)} } } }\n${doubling}`;
    const res = await api.gql(query);
    expectRefusedUpFront(res);
    expect(res.body.errors?.[0]?.extensions?.['found']).toBeGreaterThan(1e9);
  });

  it('the same operations without the fan-out are answered, with what they cost', async () => {
    const res = await api.gql(`query Fine($d: PartialDate = "2000") { node(id: "country:japan") { ... on Agreement { inForce(asOf: $d) } ... on Country { name } } }`, { d: null });
    expect(res.status).toBe(200);
    expect(res.body.data).toEqual({ node: { name: 'Japan' } });
    expect(res.body.extensions?.['cost']).toMatchObject({ limit: 25_000 });
    const cost = res.body.extensions?.['cost'] as { estimated: number; actual: number };
    expect(cost.actual).toBe(2);
    expect(cost.estimated).toBeGreaterThanOrEqual(cost.actual);
  });
});

describe('an operation the result budget stops while it runs', () => {
  it('is told which lists made it that large and what to ask instead', async () => {
    const res = await smallBudget.gql('{ node(id: "country:japan") { ... on Country { agreements { name parties { name } } } } }');
    expect(res.status).toBe(400);
    const error = res.body.errors?.[0];
    expect(error?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', limit: 'resultSize', setting: 'MAX_RESULT_ITEMS', max: 50 });
    expect(error?.message).toMatch(/grew past 50 objects and list items.*The largest lists: node\.agreements\.parties \(Agreement\.parties: up to \d+ per agreement, measured in the loaded graph/);
    expect((error?.extensions?.['largest'] as { path: string }[]).map((l) => l.path)).toContain('node.agreements');
  });
});
