/**
 * Hostile input, property-based: thousands of random and malicious operations, variables and raw
 * bodies (wrong types, huge and deeply nested values, odd unicode, Lucene and Cypher
 * metacharacters, forged cursors and ids, impossible dates). Every answer must be GraphQL JSON with
 * no 5xx but 503 and no masked internal error, in bounded time, and the graph must be unchanged.
 */
import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDb } from '../support/db.js';
import { startTestServer, type TestServer } from '../support/server.js';
import { fanOutQuery } from './fan-out.js';

const MAIN_DATASET = 'japan-customs-2016';
/** FUZZ_RUNS_FACTOR=10 for a long local run; 1 keeps `npm test` within about a minute. */
const RUNS_FACTOR = Number(process.env['FUZZ_RUNS_FACTOR'] ?? '1') || 1;
const REQUEST_TIMEOUT_MS = 5_000;
/** A request that has not answered by now is a hang, whatever the server's own deadline says. */
const HANG_MS = REQUEST_TIMEOUT_MS + 5_000;

let server: TestServer;
let stats = { requests: 0, byStatus: new Map<number, number>(), slowestMs: 0 };

// ─── the graph's fingerprint, computed here with read queries (not with the app's own code) ───

function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

interface Fingerprint {
  datasetNodes: number;
  datasetRelationships: number;
  datasetChecksum: string;
  /** Nodes and relationships outside any dataset: nothing in the tests creates them, an injection would. */
  strayNodes: number;
  strayRelationships: number;
  sentinels: number;
}

async function fingerprint(): Promise<Fingerprint> {
  const { db } = await testDb();
  const nodes = await db.read(
    'MATCH (n) WHERE n.dataset = $dataset RETURN n.key AS key, labels(n) AS labels, properties(n) AS props ORDER BY key',
    { dataset: MAIN_DATASET },
  );
  const rels = await db.read(
    `MATCH (a)-[r]->(b) WHERE a.dataset = $dataset OR b.dataset = $dataset OR r.dataset = $dataset
     RETURN type(r) AS type, a.key AS from, b.key AS to, properties(r) AS props ORDER BY from, type, to, r.key`,
    { dataset: MAIN_DATASET },
  );
  const hash = createHash('sha256');
  for (const n of nodes) hash.update(`N ${String(n.key)} ${(n.labels as string[]).slice().sort().join(',')} ${canonical(n.props)}\n`);
  for (const r of rels) hash.update(`R ${String(r.type)} ${String(r.from)} ${String(r.to)} ${canonical(r.props)}\n`);
  const [stray] = await db.read(
    `CALL { MATCH (n) WHERE n.dataset IS NULL RETURN count(n) AS strayNodes }
     CALL { MATCH ()-[r]->() WHERE r.dataset IS NULL RETURN count(r) AS strayRelationships }
     CALL { MATCH (n) WHERE any(l IN labels(n) WHERE l STARTS WITH 'Fuzz') RETURN count(n) AS sentinels }
     RETURN strayNodes, strayRelationships, sentinels`,
    {},
  );
  return {
    datasetNodes: nodes.length,
    datasetRelationships: rels.length,
    datasetChecksum: hash.digest('hex'),
    strayNodes: Number(stray?.strayNodes),
    strayRelationships: Number(stray?.strayRelationships),
    sentinels: Number(stray?.sentinels),
  };
}

// ─── sending and checking ───

interface Sent {
  body: string;
  contentType?: string;
  accept?: string;
  method?: 'POST' | 'GET';
}

async function send(req: Sent): Promise<void> {
  const started = Date.now();
  const url = req.method === 'GET' ? `${server.url}?${req.body}` : server.url;
  const res = await fetch(url, {
    method: req.method ?? 'POST',
    headers: {
      ...(req.contentType === undefined ? { 'content-type': 'application/json' } : req.contentType ? { 'content-type': req.contentType } : {}),
      accept: req.accept ?? 'application/graphql-response+json, application/json',
    },
    ...(req.method === 'GET' ? {} : { body: req.body }),
    signal: AbortSignal.timeout(HANG_MS),
  });
  const text = await res.text();
  const elapsed = Date.now() - started;
  stats.requests += 1;
  stats.byStatus.set(res.status, (stats.byStatus.get(res.status) ?? 0) + 1);
  stats.slowestMs = Math.max(stats.slowestMs, elapsed);
  const context = `status ${res.status} for ${req.method ?? 'POST'} ${req.body.slice(0, 300)}\n→ ${text.slice(0, 500)}`;

  expect(res.status >= 500 && res.status !== 503, `5xx other than 503: ${context}`).toBe(false);
  // A GET that accepts only HTML is a browser opening a share link: it gets the IDE, prefilled (docs/frontend.md).
  if ((req.method ?? 'POST') === 'GET' && req.accept === 'text/html' && res.status === 200) {
    expect(res.headers.get('content-type'), context).toMatch(/^text\/html/);
    expect(text, context).toContain('<title>Border graph API</title>');
    return;
  }
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new Error(`response is not JSON: ${context}`);
  }
  const results = Array.isArray(body) ? body : [body];
  for (const result of results) {
    expect(typeof result === 'object' && result !== null, `not a GraphQL result: ${context}`).toBe(true);
    const r = result as { data?: unknown; errors?: unknown };
    expect('data' in r || 'errors' in r, `neither data nor errors: ${context}`).toBe(true);
    if (r.errors !== undefined) {
      expect(Array.isArray(r.errors) && r.errors.length > 0, `errors is not a non-empty list: ${context}`).toBe(true);
      for (const e of r.errors as { message?: unknown; extensions?: { code?: unknown } }[]) {
        expect(typeof e.message, `error without a message: ${context}`).toBe('string');
        // A masked error is an unhandled failure: hostile input must get a named error, not a 500 in disguise.
        expect(e.extensions?.code, `internal error for hostile input: ${context}`).not.toBe('INTERNAL_SERVER_ERROR');
        if (res.status === 503) expect(['DATABASE_UNAVAILABLE', 'QUERY_TIMEOUT']).toContain(e.extensions?.code);
      }
    }
  }
}

// ─── arbitraries ───

const LUCENE = ['+', '-', '&&', '||', '!', '(', ')', '{', '}', '[', ']', '^', '"', '~', '*', '?', ':', '\\', '/', 'AND', 'OR', 'NOT', 'TO'];
const HOSTILE_STRINGS = [
  '*:*',
  'name:*',
  '"unclosed',
  'firearms~0.5',
  'fire*',
  '?',
  '\\',
  '\\\\"',
  '[a TO z]',
  '{* TO *}',
  'a AND OR NOT b',
  '/.*/',
  '/[/',
  '((((((((((a',
  'title:(+x -y)',
  "' OR 1=1 //",
  '") MATCH (n) DETACH DELETE n //',
  "') CREATE (:FuzzPwned {m: 1}) //",
  '`) CREATE (:FuzzPwned) //',
  '$text',
  '{{> seed/delete-nodes}}',
  '}} RETURN 1 //',
  'CALL db.labels()',
  '\u0000',
  '\u202e\u202d',
  '\ud800',
  '\udfff\ud800',
  'e\u0301\u0301\u0301\u0301\u0301',
  '🇯🇵🔥'.repeat(50),
  'Ａ'.repeat(100),
  '%00%27',
  '<script>alert(1)</script>',
  '',
  ' ',
  '\n\t\r',
  'x'.repeat(201),
  'x'.repeat(20_000),
];

const hostileString: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(...HOSTILE_STRINGS),
  fc.string({ unit: 'binary', maxLength: 60 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.array(fc.constantFrom(...LUCENE, 'firearms', 'customs', ' '), { minLength: 1, maxLength: 12 }).map((parts) => parts.join('')),
  fc.string({ maxLength: 300 }),
);

const base64url = (s: string): string => Buffer.from(s, 'utf8').toString('base64url');
const forgedCursor: fc.Arbitrary<string> = fc.oneof(
  hostileString,
  fc.string({ unit: fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'), maxLength: 600 }),
  fc.jsonValue({ maxDepth: 3 }).map((v) => base64url(`k1:${JSON.stringify(v)}`)),
  fc.tuple(fc.oneof(fc.string(), fc.double(), fc.constant(null), fc.integer()), fc.oneof(hostileString, fc.constant('organisation:cabinet'))).map((t) =>
    base64url(`k1:${JSON.stringify(t)}`),
  ),
  fc.constant(base64url('k1:[1e308,"x"]')),
  fc.constant(base64url('k0:[null,"organisation:cabinet"]')),
);

const forgedId: fc.Arbitrary<string> = fc.oneof(
  hostileString,
  fc.constantFrom('organisation:cabinet', 'meeting:firearms-promotion', 'agreement:tpp', '4:abc:0', '0', '-1', 'organisation:', ':', 'Entity', 'office:prime-minister\u0000'),
  fc.tuple(fc.constantFrom('organisation', 'office', 'meeting', 'plan', 'country', 'capability', 'indicator', 'agreement', 'x'), hostileString).map(([a, b]) => `${a}:${b}`),
);

const badDate: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom('2016-13-01', '2016-02-30', '2015-02-29', '99999', '-0001', '0000', '2016-1-1', '2016-00', '', '２０１６', '2016-05-14T00:00:00Z', '1e3', '2016/05/14', '1998-05-14 ', '9999-12-31', '0001-01-01'),
  fc.tuple(fc.date({ noInvalidDate: true }), fc.constantFrom(4, 7, 10)).map(([d, n]) => d.toISOString().slice(0, n)),
  hostileString,
);

/** Wrong types and huge or deeply nested values, for any variable. */
const deep = (depth: number, leaf: unknown, asObject: boolean): unknown => {
  let v: unknown = leaf;
  for (let i = 0; i < depth; i++) v = asObject ? { a: v } : [v];
  return v;
};
const wrongValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.jsonValue({ maxDepth: 4 }),
  fc.constantFrom(-1, 0, 101, 2 ** 31, -(2 ** 31) - 1, 2 ** 53 + 1, 1e308, -1e308, 0.5, true, null, [], {}, ''),
  fc.integer({ min: 1, max: 3000 }).map((d) => deep(d, 'x', d % 2 === 0)),
  fc.integer({ min: 1, max: 2000 }).map((n) => Array.from({ length: n }, (_, i) => `organisation:${i}`)),
);

const page = fc.record(
  {
    first: fc.oneof(fc.integer({ min: -5, max: 120 }), wrongValue),
    last: fc.oneof(fc.integer({ min: -5, max: 120 }), wrongValue),
    after: fc.oneof(forgedCursor, wrongValue),
    before: fc.oneof(forgedCursor, wrongValue),
  },
  { requiredKeys: [] },
);

const orderBy = fc.oneof(
  fc.record({ field: fc.constantFrom('NAME', 'KEY', 'DATE', 'name', 'id', '__proto__', 'n.key; DROP'), direction: fc.constantFrom('ASC', 'DESC', 'asc', 'SIDEWAYS') }, { requiredKeys: [] }),
  wrongValue,
);

const dateRange = fc.oneof(fc.record({ from: badDate, to: badDate }, { requiredKeys: [] }), wrongValue);

interface Op {
  query: string;
  variables: fc.Arbitrary<Record<string, unknown>>;
}

const CONNECTION = 'edges { cursor node { id name } } pageInfo { hasNextPage endCursor startCursor } totalCount';
const PAGE_VARS = '$first: Int, $last: Int, $after: String, $before: String';
const PAGE_ARGS = 'first: $first, last: $last, after: $after, before: $before';

const OPS: Op[] = [
  {
    query: 'query Search($text: String!, $types: [SearchableType!], $first: Int) { search(text: $text, types: $types, first: $first) { score matched node { id name } } }',
    variables: fc.record(
      {
        text: fc.oneof(hostileString, wrongValue),
        types: fc.oneof(fc.array(fc.constantFrom('OFFICE', 'ORGANISATION', 'MEETING', 'PLAN', 'COUNTRY', 'CAPABILITY', 'INDICATOR', 'BOGUS')), wrongValue),
        first: fc.oneof(fc.integer({ min: -5, max: 120 }), wrongValue),
      },
      { requiredKeys: [] },
    ),
  },
  {
    query: `query Orgs(${PAGE_VARS}, $filter: OrganisationFilter, $orderBy: EntityOrder) { organisations(${PAGE_ARGS}, filter: $filter, orderBy: $orderBy) { ${CONNECTION} } }`,
    variables: fc.record(
      {
        page,
        filter: fc.oneof(
          fc.record({ nameContains: fc.oneof(hostileString, wrongValue), parent: forgedId, kinds: fc.array(fc.constantFrom('MINISTRY', 'AGENCY', 'NOPE')) }, { requiredKeys: [] }),
          wrongValue,
        ),
        orderBy,
      },
      { requiredKeys: [] },
    ).map(({ page: p, ...rest }) => ({ ...p, ...rest })),
  },
  {
    query: `query Offices(${PAGE_VARS}, $filter: OfficeFilter, $orderBy: EntityOrder) { offices(${PAGE_ARGS}, filter: $filter, orderBy: $orderBy) { ${CONNECTION} } }`,
    variables: fc.record(
      {
        page,
        filter: fc.oneof(fc.record({ nameContains: hostileString, organisation: forgedId, isMinister: fc.oneof(fc.boolean(), wrongValue) }, { requiredKeys: [] }), wrongValue),
        orderBy,
      },
      { requiredKeys: [] },
    ).map(({ page: p, ...rest }) => ({ ...p, ...rest })),
  },
  {
    query: `query Meetings(${PAGE_VARS}, $filter: MeetingFilter, $orderBy: EntityOrder) { meetings(${PAGE_ARGS}, filter: $filter, orderBy: $orderBy) { ${CONNECTION} } }`,
    variables: fc.record(
      {
        page,
        filter: fc.oneof(fc.record({ nameContains: hostileString, asOf: badDate, established: dateRange }, { requiredKeys: [] }), wrongValue),
        orderBy,
      },
      { requiredKeys: [] },
    ).map(({ page: p, ...rest }) => ({ ...p, ...rest })),
  },
  {
    query: `query Plans(${PAGE_VARS}, $filter: PlanFilter) { plans(${PAGE_ARGS}, filter: $filter) { ${CONNECTION} } }`,
    variables: fc.record(
      { page, filter: fc.oneof(fc.record({ nameContains: hostileString, adopted: dateRange, adoptedBy: forgedId }, { requiredKeys: [] }), wrongValue) },
      { requiredKeys: [] },
    ).map(({ page: p, ...rest }) => ({ ...p, ...rest })),
  },
  {
    query: `query Agreements(${PAGE_VARS}, $filter: AgreementFilter) { agreements(${PAGE_ARGS}, filter: $filter) { edges { cursor node { id name } } totalCount } }`,
    variables: fc.record(
      {
        page,
        filter: fc.oneof(fc.record({ party: forgedId, enacted: dateRange, asOf: badDate, multilateral: fc.oneof(fc.boolean(), wrongValue) }, { requiredKeys: [] }), wrongValue),
      },
      { requiredKeys: [] },
    ).map(({ page: p, ...rest }) => ({ ...p, ...rest })),
  },
  {
    query: 'query Node($id: ID!) { node(id: $id) { id ... on Entity { name key } ... on Organisation { hostedBy { from { value } } } } }',
    variables: fc.record({ id: fc.oneof(forgedId, wrongValue) }, { requiredKeys: [] }),
  },
  {
    query: 'query Nodes($ids: [ID!]!) { nodes(ids: $ids) { id ... on Entity { name } } }',
    variables: fc.record({ ids: fc.oneof(fc.array(forgedId, { maxLength: 120 }), wrongValue) }, { requiredKeys: [] }),
  },
  {
    query: 'query Hosted($id: ID!, $asOf: PartialDate) { node(id: $id) { ... on Organisation { hostedBy(asOf: $asOf) { host { name } from { value } } } } }',
    variables: fc.record({ id: fc.constantFrom('organisation:rilo-ap', 'organisation:cabinet'), asOf: fc.oneof(badDate, wrongValue) }, { requiredKeys: [] }),
  },
];

const typedRequest: fc.Arbitrary<Sent> = fc
  .tuple(fc.constantFrom(...OPS), fc.nat(), fc.boolean())
  .chain(([op, , asGet]) =>
    op.variables.map((variables) => {
      const payload = { query: op.query, variables };
      if (asGet) {
        const params = new URLSearchParams({ query: op.query, variables: JSON.stringify(variables) }).toString();
        // Keep GETs inside Node's header size; long ones go as POST.
        if (params.length < 6_000) return { method: 'GET' as const, body: params, contentType: '' };
      }
      return { body: JSON.stringify(payload) };
    }),
  );

// Random documents: real and unknown fields, random nesting (past the depth limit), aliases,
// directives, fragments, and syntax noise.
const FIELDS = ['organisations', 'offices', 'meetings', 'plans', 'countries', 'agreements', 'search', 'node', 'nodes', 'edges', 'node', 'name', 'id', 'key', 'parent', 'units', 'posts', 'memberOf', 'totalCount', 'pageInfo', '__typename', '__schema', 'bogus', 'constructor', '__proto__'];
const ARGS = ['(first: 100)', '(first: -1)', '(first: 1e9)', '(text: "*:*")', '(id: "x")', '(ids: [])', '(after: "k1")', '', '', '', '(filter: {nameContains: "\\u0000"})', '(first: $x)'];
const selection: fc.Arbitrary<string> = fc.letrec((tie) => ({
  sel: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constantFrom(...FIELDS),
    fc.tuple(
      fc.option(fc.constantFrom('a', 'b', 'x1', '_'), { nil: undefined }),
      fc.constantFrom(...FIELDS),
      fc.constantFrom(...ARGS),
      fc.option(fc.constantFrom('@include(if: true)', '@skip(if: false)', '@deprecated', '@include(if: $x)'), { nil: undefined }),
      fc.array(tie('sel'), { minLength: 1, maxLength: 4 }),
    ).map(([alias, f, args, dir, children]) => `${alias ? `${alias}: ` : ''}${f}${args}${dir ? ` ${dir}` : ''} { ${(children as string[]).join(' ')} }`),
    fc.array(tie('sel'), { minLength: 1, maxLength: 3 }).map((c) => `... on Organisation { ${(c as string[]).join(' ')} }`),
  ),
})).sel;

const NOISE = ['{', '}', '(', ')', '$', '@', '...', '"', '"""', '#', ':', '!', '[', ']', '\u0000', '\ufeff', 'query', 'mutation', 'subscription', 'fragment'];
const randomDocument: fc.Arbitrary<Sent> = fc
  .tuple(
    fc.constantFrom('', 'query Q', 'query Q($x: Int)', 'mutation M', 'subscription S', 'query'),
    fc.array(selection, { minLength: 1, maxLength: 5 }),
    fc.array(fc.tuple(fc.nat(), fc.constantFrom(...NOISE)), { maxLength: 3 }),
    fc.option(fc.jsonValue({ maxDepth: 3 }), { nil: undefined }),
    fc.option(fc.oneof(fc.string(), fc.constantFrom('Q', 'M', 'S')), { nil: undefined }),
  )
  .map(([head, sels, noise, variables, operationName]) => {
    let query = `${head} { ${sels.join(' ')} }`;
    for (const [at, token] of noise) {
      const i = at % (query.length + 1);
      query = query.slice(0, i) + token + query.slice(i);
    }
    return { body: JSON.stringify({ query, variables, operationName }) };
  });

// Raw bodies: not GraphQL requests at all, or wrong in their shape.
const rawBody: fc.Arbitrary<Sent> = fc.oneof(
  fc.jsonValue({ maxDepth: 5 }).map((v) => ({ body: JSON.stringify(v) })),
  fc.string({ unit: 'binary', maxLength: 200 }).map((s) => ({ body: s })),
  fc.record({ query: wrongValue, variables: wrongValue, operationName: wrongValue, extensions: wrongValue }, { requiredKeys: [] }).map((r) => ({ body: JSON.stringify(r) })),
  fc.array(fc.oneof(fc.jsonValue({ maxDepth: 2 }), fc.constant({ query: '{ __typename }' })), { maxLength: 14 }).map((a) => ({ body: JSON.stringify(a) })),
  fc.integer({ min: 1, max: 20_000 }).map((d) => ({ body: `${'['.repeat(d)}${']'.repeat(d)}` })),
  fc.tuple(fc.constantFrom('text/plain', 'application/graphql', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/json; charset=utf-16', 'application/json; charset=latin1', '', 'garbage'), fc.string()).map(
    ([contentType, body]) => ({ body, contentType }),
  ),
  fc.tuple(fc.constantFrom('text/html', '*/*', 'application/xml', '', 'application/graphql-response+json;q=0'), typedRequest).map(([accept, req]) => ({ ...req, accept })),
  fc.string({ maxLength: 200 }).map((s) => ({ method: 'GET' as const, body: `query=${encodeURIComponent(s)}`, contentType: '' })),
);

// ─── the tests ───

let before: Fingerprint;

beforeAll(async () => {
  server = await startTestServer({ REQUEST_TIMEOUT_MS: String(REQUEST_TIMEOUT_MS) });
  stats = { requests: 0, byStatus: new Map(), slowestMs: 0 };
  before = await fingerprint();
  expect(before.datasetNodes).toBeGreaterThan(0);
});

afterAll(async () => {
  process.stdout.write(
    `fuzz: ${stats.requests} requests, statuses ${JSON.stringify(Object.fromEntries([...stats.byStatus].sort()))}, slowest ${stats.slowestMs} ms\n`,
  );
  await server?.stop();
});

/** Reports a failure by its seed and first error, not by printing a counterexample of megabytes. */
function briefly(runs: number): fc.Parameters<[Sent[]]> {
  return {
    numRuns: Math.max(1, Math.round(runs * RUNS_FACTOR)),
    endOnFailure: true,
    reporter: (details) => {
      if (!details.failed) return;
      const error = details.errorInstance instanceof Error ? details.errorInstance.message : String(details.errorInstance);
      throw new Error(`property failed after ${details.numRuns} runs (seed ${details.seed}, path ${details.counterexamplePath ?? '?'}): ${error.slice(0, 3_000)}`);
    },
  };
}

/** Sends a handful at once: the server sees concurrency, the run stays short. */
async function sendAll(reqs: Sent[]): Promise<void> {
  await Promise.all(reqs.map(send));
}

describe('hostile input', () => {
  it('typed operations with hostile variables (search text, nameContains, cursors, ids, dates, wrong types)', async () => {
    await fc.assert(fc.asyncProperty(fc.array(typedRequest, { minLength: 4, maxLength: 4 }), sendAll), briefly(250));
  }, 120_000);

  it('random and broken documents', async () => {
    await fc.assert(fc.asyncProperty(fc.array(randomDocument, { minLength: 4, maxLength: 4 }), sendAll), briefly(150));
  }, 120_000);

  it('raw bodies, content types and accept headers', async () => {
    await fc.assert(fc.asyncProperty(fc.array(rawBody, { minLength: 4, maxLength: 4 }), sendAll), briefly(100));
  }, 120_000);

  it('fan-out through unpaginated lists: refused (cost, depth, result size) or answered, the heap bounded', async () => {
    const heapBefore = process.memoryUsage().heapUsed;
    const fanOut = fanOutQuery.map((query): Sent => ({ body: JSON.stringify({ query }) }));
    await fc.assert(fc.asyncProperty(fc.array(fanOut, { minLength: 4, maxLength: 4 }), sendAll), briefly(40));
    expect((process.memoryUsage().heapUsed - heapBefore) / 1024 / 1024).toBeLessThan(500);
  }, 120_000);

  it('the server is still healthy and the graph is unchanged afterwards', async () => {
    expect((await fetch(`${server.origin}/health`)).status).toBe(200);
    const ok = await server.gql<{ node: { name: string } | null }>('{ node(id: "organisation:cabinet") { id ... on Entity { name } } }');
    expect(ok.status).toBe(200);
    expect(ok.body.errors).toBeUndefined();
    const after = await fingerprint();
    expect(after).toEqual(before);
    expect(after.sentinels).toBe(0);
    expect(stats.requests).toBeGreaterThanOrEqual(Math.round(2_000 * Math.min(1, RUNS_FACTOR)));
  });
});
