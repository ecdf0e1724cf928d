/**
 * The hostile inputs of tests/hardening/fuzz.test.ts (fast-check arbitraries): typed operations with hostile
 * variables, random and broken documents, raw bodies with odd content types and accept headers.
 */
import fc from 'fast-check';

/** One request as sent: a body (JSON, or the query string of a GET), its content type and accept header. */
export interface Sent {
  body: string;
  contentType?: string;
  accept?: string;
  method?: 'POST' | 'GET';
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

export const typedRequest: fc.Arbitrary<Sent> = fc
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
export const randomDocument: fc.Arbitrary<Sent> = fc
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
export const rawBody: fc.Arbitrary<Sent> = fc.oneof(
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
