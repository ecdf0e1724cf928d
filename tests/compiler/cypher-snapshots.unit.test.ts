/**
 * The Cypher the compiler emits for a few operations, and its parameters, without a database (the
 * style of @neo4j/graphql's tests/tck): a change to a statement shows up here, to be read and
 * accepted on purpose (`npx vitest run tests/compiler/cypher-snapshots.unit.test.ts -u`).
 */
import { readFileSync } from 'node:fs';
import { parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { OperationCompiler } from '../../src/compiler/compiler.js';
import { explainOperation } from '../../src/compiler/explain.js';
import { buildSchema } from '../../src/graphql/schema.js';
import type { Database } from '../../src/neo4j/database.js';
import { CypherCatalog } from '../../src/neo4j/cypher-catalog.js';
import { createRepositories } from '../../src/repositories/index.js';

/** Statements are emitted on one line; one clause a line reads better in a snapshot. */
const readable = (cypher: string): string => cypher.replace(/(?<!OPTIONAL) (?=(OPTIONAL MATCH|MATCH|WITH|RETURN|CALL|ORDER BY|WHERE|UNWIND|LIMIT) )/g, '\n  ');

async function explain(query: string, variables: Record<string, unknown> = {}) {
  const noDatabase = {} as Database;
  const repos = createRepositories(noDatabase, await CypherCatalog.load());
  const schema = buildSchema();
  const compiler = new OperationCompiler(noDatabase, repos);
  return explainOperation(compiler, schema, parse(query), variables, repos).map((s) => ({ ...s, cypher: readable(s.cypher) }));
}

const saved = (name: string) => readFileSync(new URL(`../../operations/${name}.graphql`, import.meta.url), 'utf8');

describe('compiled Cypher', () => {
  it.each(['meeting-page', 'who-chairs-firearms', 'partner-agreements', 'agreements-table', 'structure-as-of', 'agreement-detail'])(
    'saved operation %s',
    async (name) => {
      expect(await explain(saved(name))).toMatchSnapshot();
    },
  );

  it.each([
    '{ neighbourhood(id: "meeting:firearms-promotion", depth: 2) { centre { name } nodes { node { id ... on Meeting { chief { name } } } } relationships { id start { name } } } }',
    '{ timeline(from: "2005", kinds: [ENACTED]) { events { subject { name } related { id } agreement { name } } } }',
    '{ commonMembers(meetings: ["meeting:firearms-promotion", "meeting:drug-abuse-promotion"]) { member { name } memberships { meeting { name } via { id } } } }',
    '{ commonGround(a: "organisation:japan-customs", b: "organisation:npa") { a { name } neighbours { node { name } viaA { start { id } } viaB { type } } } }',
  ])('analyst root %s', async (query) => {
    expect(await explain(query)).toMatchSnapshot();
  });

  it('a filtered, date-ordered page with a nested edge list and an asOf argument', async () => {
    const statements = await explain(
      `query($asOf: PartialDate) { organisations(first: 5, filter: { kinds: [AGENCY], nameContains: "police" }, orderBy: { field: DATE, direction: DESC }) {
        totalCount edges { cursor node { name hostedBy(asOf: $asOf) { from host { __typename ... on Country { name } } } } } } }`,
      { asOf: '2013' },
    );
    expect(statements).toMatchSnapshot();
    // Values travel as parameters, never in the text.
    expect(statements[0]!.cypher).not.toContain('police');
    expect(Object.values(statements[0]!.params)).toContainEqual(['2013-01-01', '2013-12-31']);
  });

  it('@include on a variable changes the statement', async () => {
    const query = `query($full: Boolean!) { node(id: "meeting:firearms-promotion") { id ... on Meeting @include(if: $full) { chairs { role } } } }`;
    const [full] = await explain(query, { full: true });
    const [bare] = await explain(query, { full: false });
    expect(full!.cypher).toContain('CHAIRS');
    expect(bare!.cypher).not.toContain('CHAIRS');
  });
});
