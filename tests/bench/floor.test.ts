/**
 * The floor of the overhead benchmark (bench/floor/*.cypher) fetches the same data as the API: for
 * every saved operation, the ids in the floor's rows are the ids in the API's answer. Nothing is
 * timed here (bench/overhead.ts reports the numbers).
 */
import { afterAll, describe, expect, it } from 'vitest';
import { checkOperation, compareIds, loadBenchOperations, withVariables } from '../../bench/overhead.js';
import { encodeCursor } from '../../src/services/pagination.js';
import { closeTestDb, neo4jSettings, testDb } from '../support/db.js';
import { useTestServer } from '../support/server.js';

const operations = loadBenchOperations();
const api = useTestServer();
afterAll(closeTestDb);

describe('the floor statements', () => {
  it('cover every saved operation (one floor statement each)', () => {
    expect(operations.map((op) => op.file)).toEqual([
      'agreement-detail',
      'agreements-table',
      'meeting-page',
      'partner-agreements',
      'plan-lineage',
      'search',
      'shortest-path',
      'state-as-of',
      'structure-as-of',
      'who-chairs-firearms',
    ]);
  });

  it.each(operations.map((op) => [op.name, op] as const))('%s: the floor returns the same ids as the API', async (_, op) => {
    const { db } = await testDb();
    const check = await checkOperation(op, { apiUrl: api.url, driver: db.driver, database: neo4jSettings().database });
    expect(check.error).toBeUndefined();
    expect(check.ok).toBe(true);
    expect(check.ids!.api).toBeGreaterThan(0);
    // The API reports its round trips outside production: the benchmark reads them from here.
    expect(check.roundTrips).toBeGreaterThanOrEqual(1);
  });
});

/** Other variables than the defaults: the floors follow the API's rules, not just its default answers. */
const VARIANTS: [file: string, variables: Record<string, unknown>][] = [
  ['agreement-detail', { id: 'agreement:cmaa:us' }],
  ['agreement-detail', { id: 'agreement:mou:regional-customs-mou-partners' }],
  ['agreement-detail', { id: 'country:japan' }],
  ['agreements-table', { first: 100 }],
  ['agreements-table', { first: 5, orderBy: { field: 'ENACTED', direction: 'DESC' } }],
  ['agreements-table', { first: 7, orderBy: { field: 'NAME', direction: 'DESC' } }],
  ['agreements-table', { first: 4, orderBy: { field: 'KEY', direction: 'ASC' }, filter: { kinds: ['MOU', 'EPA'] } }],
  ['agreements-table', { filter: { party: 'country:australia' } }],
  ['agreements-table', { filter: { multilateral: true } }],
  ['agreements-table', { first: 3, after: encodeCursor({ value: '2008-01', key: 'agreement:intergovernmental:hong-kong' }) }],
  ['agreements-table', { first: 3, after: encodeCursor({ value: '2012', key: 'agreement:epa:peru' }), orderBy: { field: 'ENACTED', direction: 'DESC' } }],
  ...[
    'meeting:drug-abuse-hq',
    'meeting:firearms-hq',
    'meeting:firearms-promotion',
    'meeting:law-enforcement-smuggling',
    'meeting:ministerial-crime',
    'meeting:rilo-ap-contact-points',
    'plan:drug-strategy-4',
  ].map((id) => ['meeting-page', { id }] as [string, Record<string, unknown>]),
  ['partner-agreements', { id: 'country:japan' }],
  ['partner-agreements', { id: 'country:australia', kinds: ['EPA'] }],
  ['partner-agreements', { id: 'country:new-zealand', kinds: [] }],
  ['partner-agreements', { id: 'organisation:customs-tariff-bureau' }],
  ...[
    'plan:drug-strategy-1',
    'plan:drug-strategy-2',
    'plan:firearms-2016',
    'plan:firearms-guidelines',
    'plan:firearms-outline-1995',
    'plan:safest-country-strategy',
  ].map((id) => ['plan-lineage', { id }] as [string, Record<string, unknown>]),
  ['search', { text: 'customs', types: ['ORGANISATION', 'CAPABILITY'], first: 20 }],
  ['search', { text: 'drug abuse preventoin strategy', first: 5 }],
  ['shortest-path', { from: 'country:spain', to: 'organisation:npsc' }],
  ['shortest-path', { from: 'office:prime-minister', to: 'plan:drug-strategy-4', relationshipTypes: ['CHAIRS', 'PART_OF', 'ADOPTED'] }],
  ['shortest-path', { from: 'office:prime-minister', to: 'meeting:firearms-promotion', maxHops: 1 }],
  ...['2013', '2012-12', '1999-01', '2004-01-15', '1990', '2016-06-07'].flatMap((date) => [
    ['state-as-of', { date }] as [string, Record<string, unknown>],
    ['structure-as-of', { date }] as [string, Record<string, unknown>],
  ]),
];

describe('the floor statements, with other variables', () => {
  const byFile = new Map(operations.map((op) => [op.file, op]));
  it.each(VARIANTS.map(([file, variables]) => [file, JSON.stringify(variables), variables] as const))(
    '%s %s: the same ids as the API',
    async (file, _, variables) => {
      const { db } = await testDb();
      const op = withVariables(byFile.get(file)!, variables);
      const check = await checkOperation(op, { apiUrl: api.url, driver: db.driver, database: neo4jSettings().database });
      // An answer without ids (no path within one hop) is fine here, as long as both sides agree.
      if (check.error === 'the API returned no ids: is the seed graph loaded?') expect(check.ids?.floor).toBe(0);
      else expect(check.error).toBeUndefined();
    },
  );
});

describe('compareIds', () => {
  it('compares every `id` at any depth as sets, and names the differences', () => {
    const data = { node: { id: 'a', parties: [{ id: 'b' }, { id: 'c' }], nested: { deeper: [{ id: 'a' }] } } };
    expect(compareIds(data, [{ node: { id: 'a' } }, { rows: [{ id: 'c' }, { id: 'b' }] }])).toMatchObject({ match: true, api: 3, floor: 3 });
    expect(compareIds(data, [{ id: 'a' }, { id: 'b' }, { id: 'd' }])).toEqual({ match: false, api: 3, floor: 3, missing: ['c'], extra: ['d'] });
  });
});
