/** No N+1: the database round trips of a list do not grow with the list. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/server.js';

let api: TestServer;
beforeAll(async () => {
  api = await startTestServer();
});
afterAll(async () => {
  await api.stop();
});

async function roundTrips(query: string, variables: Record<string, unknown>): Promise<number> {
  const res = await api.gql(query, variables);
  expect(res.body.errors, JSON.stringify(res.body.errors)).toBeUndefined();
  return res.body.extensions!.roundTrips!;
}

describe('round trips', () => {
  it('meetings with their chairs and members: the same count for 1 and for all meetings', async () => {
    const q = `query M($n: Int, $f: MeetingFilter) { meetings(first: $n, filter: $f) { edges { node { name chief { name organisation { name } }
      chairs { role office { name } } members { ... on Office { name organisation { name } } ... on Organisation { name } } } } } }`;
    // One meeting that has a chief, deputies and members, against every meeting there is.
    const one = await roundTrips(q, { n: 1, f: { nameContains: 'prevent drug abuse', kinds: ['PROMOTION_MEETING'] } });
    const all = await roundTrips(q, { n: 100 });
    expect(all).toBeLessThanOrEqual(one);
    expect(all).toBeLessThanOrEqual(5);
  });

  it('every agreement with its parties: constant', async () => {
    const q = `query A($n: Int) { agreements(first: $n) { edges { node { name parties { name ... on Country { kind } } } } } }`;
    expect(await roundTrips(q, { n: 100 })).toBeLessThanOrEqual(await roundTrips(q, { n: 2 }));
  });

  it('countries with their agreements and those agreements’ partners: constant', async () => {
    const q = `query C($n: Int) { countries(first: $n) { edges { node { name agreements { kind partners { name } } } } } }`;
    expect(await roundTrips(q, { n: 100 })).toBeLessThanOrEqual(await roundTrips(q, { n: 3 }));
  });
});
