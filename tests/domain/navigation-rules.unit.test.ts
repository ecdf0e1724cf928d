/**
 * Each navigation rule is written once (src/domain/navigation.ts, as a Cypher fragment built from variable names)
 * and both paths are built from it: the resolvers' batched loader (entity/related, its slots filled by
 * EntityRepository) and the compiler's projections. Fails when a rule is written again by hand in either, when
 * the compiler rewrites generated Cypher text instead of naming its variables, or when the base year is written
 * twice. No database.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'graphql';
import { beforeAll, describe, expect, it } from 'vitest';
import { OperationCompiler } from '../../src/compiler/compiler.js';
import { explainOperation } from '../../src/compiler/explain.js';
import { baseYearOf, CHAIR_ROLES, computedIndexOf, existsBetween, existsCondition, FIELD_ORDERS, ofKinds, inForceCondition, type FieldOrder, neighbourOrder, roleCondition, stringLiteral } from '../../src/domain/navigation.js';
import { buildSchema } from '../../src/graphql/schema.js';
import type { Database } from '../../src/neo4j/database.js';
import { CypherCatalog } from '../../src/neo4j/cypher-catalog.js';
import { EntityRepository } from '../../src/repositories/entity-repository.js';
import { createRepositories, type Repositories } from '../../src/repositories/index.js';
import { NODE_PROPS, RELATIONSHIP_PROPS } from '../../src/seed/schemas.js';
import { agreementAssembly } from '../../src/domain/agreements.js';
import { withAgreementAssembly } from '../../src/repositories/agreement-repository.js';
import { stateStatement } from '../../src/repositories/analytics-repository.js';

const SRC = new URL('../../src/', import.meta.url).pathname;
const CYPHER = new URL('../../cypher/', import.meta.url).pathname;

/** The TypeScript files below `dir` (in src/), with their comments dropped (the code only). */
function code(dir: string): [string, string][] {
  return readdirSync(path.join(SRC, dir), { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.ts'))
    .map((f): [string, string] => [
      path.join(dir, f),
      readFileSync(path.join(SRC, dir, f), 'utf8')
        .replace(/\/\*[\s\S]*?\*\//g, '')
        .replace(/^\s*\/\/.*$/gm, ''),
    ]);
}

describe('each navigation rule written once', () => {
  let repos: Repositories;
  let related: string;
  beforeAll(async () => {
    const catalog = await CypherCatalog.load();
    repos = createRepositories({} as Database, catalog);
    related = new EntityRepository({} as Database, catalog).relatedStatement;
  });

  it("the resolvers' loader statement applies the domain's fragments: role, in force as of, the field orders, the common order, the base year and the index", () => {
    expect(related).toContain(roleCondition('r', 'req.role'));
    expect(related).toContain(inForceCondition('r', 'req.asOf'));
    for (const [name, order] of Object.entries(FIELD_ORDERS)) {
      for (const key of order.keys('r', 'm')) expect(related).toContain(`CASE WHEN req.order = ${stringLiteral(name)} THEN ${key} END`);
    }
    expect(related).toContain(neighbourOrder('r', 'm').join(', '));
    expect(related).toContain(baseYearOf('n'));
    expect(related).toContain(computedIndexOf('m', 'base'));
    expect(related).not.toMatch(/\{\{/);
  });

  it('the compiled projection of the same fields is built from the same fragments, over its own variable names', () => {
    const schema = buildSchema();
    const compiler = new OperationCompiler({} as Database, repos);
    const operation = '{ node(id: "x:y") { ... on Meeting { chief { id } plansAdopted { plan { id } } administeredBy(asOf: "2005") { organisation { id } } } } }';
    const [statement] = explainOperation(compiler, schema, parse(operation), {}, repos);
    const cypher = statement!.cypher;
    // Each fragment over the statement's own fresh names (r7, m8) and parameters ($c0): found by trying those it uses.
    const names = [...new Set(cypher.match(/\b[rm]\d+\b|\$c\d+/g) ?? [])];
    const built = (fragment: (a: string, b: string) => string): boolean => names.some((a) => names.some((b) => cypher.includes(fragment(a, b))));
    const undatedFirst: FieldOrder = FIELD_ORDERS.undatedFirst;
    expect(built((r) => roleCondition(r, stringLiteral('CHIEF')))).toBe(true);
    expect(built((r, m) => [...undatedFirst.keys(r, m), ...neighbourOrder(r, m)].join(', '))).toBe(true);
    expect(built((r, days) => inForceCondition(r, days))).toBe(true);
    expect(built((r) => roleCondition(r, stringLiteral('NOBODY')))).toBe(false);

    const [indicator] = explainOperation(compiler, schema, parse('{ node(id: "x:y") { ... on Indicator { observations { computedIndex } } } }'), {}, repos);
    const observations = indicator!.cypher;
    const own = [...new Set(observations.match(/\b(?:m|bv)\d+\b/g) ?? [])];
    expect(observations).toContain(baseYearOf('n'));
    expect(own.some((m) => own.some((bv) => observations.includes(computedIndexOf(m, bv))))).toBe(true);
  });

  it('the compiler builds its Cypher by naming variables: no code of src/compiler/ rewrites text (replace, replaceAll)', () => {
    const rewrites = code('compiler').filter(([, text]) => /\.replace(All)?\(/.test(text));
    expect(rewrites.map(([file]) => file)).toEqual([]);
  });

  it('no resolver or service filters or sorts neighbours by a rule of its own (role, period, field order)', () => {
    const rule = /(filter|sort|find)\([^;]*rel\[['"](role|from|until|on|ordinal)['"]\]|inForceOn\(/;
    const copies = [...code('resolvers'), ...code('services')].filter(([file, text]) => rule.test(text) && file !== 'services/time.ts');
    expect(copies.map(([file]) => file)).toEqual([]);
    // An order is its Cypher keys only: no JavaScript comparator beside them.
    for (const order of Object.values(FIELD_ORDERS)) expect(Object.keys(order)).toEqual(['keys']);
  });

  /** The code of the layers that answer requests (src/ but the domain, the seed format and the generated types). */
  const answering = (): [string, string][] => ['compiler', 'resolvers', 'services', 'repositories', 'graphql', 'neo4j', 'exports'].flatMap(code);

  it('the base year is the indicator\'s stored baseYear, which the seed format requires: no default base year is written anywhere', () => {
    expect(baseYearOf('i')).toBe('i.baseYear');
    const indicator = { unit: '10000 people', measure: 'Arriving passengers', baseYear: 2005 };
    expect(NODE_PROPS.Indicator.safeParse(indicator).success).toBe(true);
    expect(NODE_PROPS.Indicator.safeParse({ ...indicator, baseYear: undefined }).success).toBe(false);
    // A year written as a default (`?? 2005`, `ELSE 2005`) beside the stored one, in any layer.
    const defaults = [...answering(), ...code('domain')].filter(([, text]) => /baseYear[^\n;]*(\?\?|\bELSE\b)|\b(19|20)\d\d\b[^\n;]*baseYear/.test(text));
    expect(defaults.map(([file]) => file)).toEqual([]);
  });

  it('the chair roles are written once (CHAIR_ROLES): the seed format takes them from there, and no answering code names a role', () => {
    expect(RELATIONSHIP_PROPS.CHAIRS.safeParse({}).success).toBe(false);
    for (const role of CHAIR_ROLES) expect(RELATIONSHIP_PROPS.CHAIRS.safeParse({ role }).success).toBe(true);
    const named = answering().filter(([, text]) => CHAIR_ROLES.some((role) => text.includes(`'${role}'`) || text.includes(`"${role}"`)));
    expect(named.map(([file]) => file)).toEqual([]);
  });

  it('an agreement is assembled once (src/domain/agreements.ts): the statements of cypher/ and the compiler are built with that fragment, and nothing else groups AGREEMENT relationships', async () => {
    // The assembly's marks: the first relationship by the far party's name, the parties' keys collected from them.
    const grouping = /ORDER BY b\.name|collect\(r\)\[0\]|\[0\]\.r AS r0|collect\(DISTINCT a\.key\)/i;
    const statements = readdirSync(CYPHER, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.cypher'));
    const own = statements.filter((f) => grouping.test(readFileSync(path.join(CYPHER, f), 'utf8').replace(/^\s*\/\/.*$/gm, '')));
    expect(own).toEqual([]);
    expect([...answering(), ...code('domain')].filter(([, text]) => grouping.test(text)).map(([file]) => file)).toEqual(['domain/agreements.ts']);

    const catalog = await CypherCatalog.load();
    const filled = (name: string): string => withAgreementAssembly(catalog.get(name));
    expect(filled('agreement/by-keys')).toContain(agreementAssembly('nodes'));
    expect(filled('agreement/page-unfiltered')).toContain(agreementAssembly('nodes'));
    for (const name of ['agreement/of-parties', 'agreement/count', 'agreement/page', 'analytics/state-agreements']) expect(filled(name)).toContain(agreementAssembly('keys'));
    for (const name of statements.map((f) => f.replace(/\.cypher$/, ''))) expect(filled(name)).not.toMatch(/\{\{assemble/);

    const schema = buildSchema();
    const compiler = new OperationCompiler({} as Database, repos);
    const compiled = (operation: string): string => explainOperation(compiler, schema, parse(operation), {}, repos)[0]!.cypher;
    expect(compiled('{ node(id: "agreement:x") { ... on Agreement { name } } }')).toContain(agreementAssembly('first'));
    const withParties = compiled('{ node(id: "agreement:x") { ... on Agreement { name parties { id } } } }');
    const fresh = (base: string): string => withParties.match(new RegExp(`\\b${base}\\d+\\b`))?.[0] ?? base;
    expect(withParties).toContain(agreementAssembly('nodes', { rels: fresh('rels'), x: fresh('x'), ks: fresh('ks'), p: fresh('p') }));
  });

  it('stateAsOf keeps what existed and held on the date by the domain\'s fragments, in its statements and compiled alike (no service filters by a period)', async () => {
    const catalog = await CypherCatalog.load();
    const days = '$stateDays';
    const meetings = stateStatement(catalog.get('analytics/state-meetings'));
    for (const rule of [existsCondition('m', days), inForceCondition('a', days), inForceCondition('p', days)]) expect(meetings).toContain(rule);
    expect(stateStatement(catalog.get('analytics/state-hostings'))).toContain(inForceCondition('h', days));
    expect(stateStatement(catalog.get('analytics/state-agreements'))).toContain(existsCondition('agreement', days));

    const operation = '{ stateAsOf(date: "2005") { meetings { meeting { id } administeredBy { organisation { id } } parent { id } } hostings { host { id } } agreements { id } } }';
    const [statement] = explainOperation(new OperationCompiler({} as Database, repos), buildSchema(), parse(operation), {}, repos);
    for (const rule of [existsCondition('m', days), inForceCondition('a', days), inForceCondition('p', days), inForceCondition('h', days), existsCondition('r', days)]) {
      expect(statement!.cypher).toContain(rule);
    }
    // The services' code names no stored life or period: the statements apply them.
    const periods = code('services').filter(([file, text]) => file !== 'services/time.ts' && /\[['"](existsFrom|existsUntil|from|until)['"]\]/.test(text));
    expect(periods.map(([file]) => file)).toEqual([]);
  });

  it("the party-agreement filters (kinds, asOf) are the domain's fragments in agreement/of-parties and in the compiled projection; no resolver filters agreements itself", async () => {
    const catalog = await CypherCatalog.load();
    const ofParties = withAgreementAssembly(catalog.get('agreement/of-parties'));
    expect(ofParties).toContain(ofKinds('kind', 'req.kinds'));
    expect(ofParties).toContain(existsCondition('a', 'req.asOf'));

    const schema = buildSchema();
    const compiler = new OperationCompiler({} as Database, repos);
    const operation = '{ node(id: "x:y") { ... on Country { agreements(kinds: [EPA], asOf: "2010") { id } } ... on Organisation { mous { id } } } }';
    const cypher = explainOperation(compiler, schema, parse(operation), {}, repos)[0]!.cypher;
    const names = [...new Set(cypher.match(/\b(?:kind|ag)\d+\b|\$c\d+/g) ?? [])];
    const built = (fragment: (a: string, b: string) => string): boolean => names.some((a) => names.some((b) => cypher.includes(fragment(a, b))));
    expect(built((kind, kinds) => ofKinds(kind, kinds))).toBe(true);
    expect(built((ag, days) => existsCondition(ag, days))).toBe(true);
    expect(names.some((kind) => cypher.includes(ofKinds(kind, `[${stringLiteral('MOU')}]`)))).toBe(true);

    // The resolvers keep no copy: no agreement kind compared, no "exists as of" applied to a list of agreements.
    const copies = code('resolvers').filter(([, text]) => /\.kind\s*===\s*\w+\.agreementKind|kinds\??\.includes\(|\.filter\([^;]*existsAsOf/.test(text));
    expect(copies.map(([file]) => file)).toEqual([]);
  });

  it('the list filters\' asOf (entities and agreements) is the domain\'s "exists as of" fragment too', () => {
    expect(existsCondition('v', 'd')).toBe(existsBetween('v', 'd[0]', 'd[1]'));
    expect(repos.entities.countStatement('Meeting', { asOf: '2005-01-01', asOfLatest: '2005-12-31' }).cypher).toContain(existsBetween('n', '$asOf', '$asOfLatest'));
    expect(repos.agreements.countStatement({ asOf: '2005-01-01', asOfLatest: '2005-12-31' }).cypher).toContain(existsBetween('r0', '$asOf', '$asOfLatest'));
    const written = readdirSync(CYPHER, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.cypher') && /existsFrom\s*<=/.test(readFileSync(path.join(CYPHER, f), 'utf8')));
    expect(written).toEqual([]);
  });
});
