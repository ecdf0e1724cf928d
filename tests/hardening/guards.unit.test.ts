/**
 * Guards fail closed (issue 27): a guard that throws while measuring a request refuses it with
 * LIMIT_CHECK_FAILED, naming the limit and its setting, instead of letting it through unchecked or
 * answering a masked 500. Each guard is installed through the wrappers of src/graphql/guards.ts; these
 * tests drive the wrappers, and the guards as installed, with a check that throws.
 */
import type { Request, Response } from 'express';
import { buildSchema, graphql, parse, specifiedRules, validate, type ValidationRule } from 'graphql';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { armor } from '../../src/graphql/limits.js';
import { guardedRule } from '../../src/graphql/guards.js';
import { budgetedSchema, meterOf } from '../../src/graphql/result-budget.js';
import type { QueryContext } from '../../src/neo4j/database.js';
import { trustedDocumentsMiddleware } from '../../src/http/trusted-documents.js';

const limits = loadConfig({}).limits;
const schema = buildSchema('scalar JSON type Query { a: String b: JSON items: [Int] }');

describe('validation guards (depth, aliases, directives)', () => {
  const throwing: ValidationRule = () => ({
    Field() {
      throw new RangeError('Maximum call stack size exceeded');
    },
  });

  it('a rule that throws refuses the operation with LIMIT_CHECK_FAILED, the limit and the setting, once', () => {
    const errors = validate(schema, parse('{ a b }'), [guardedRule('depth', 'MAX_DEPTH', throwing)]);
    expect(errors).toHaveLength(1);
    expect(errors[0]!.extensions).toMatchObject({ code: 'LIMIT_CHECK_FAILED', limit: 'depth', setting: 'MAX_DEPTH' });
    expect(errors[0]!.message).toMatch(/could not be checked .*Maximum call stack size exceeded.*refused/);
  });

  it('unwrapped, the same rule escapes from validate (what Apollo answered with a masked 500)', () => {
    expect(() => validate(schema, parse('{ a }'), [throwing])).toThrow(RangeError);
  });

  it('a rule that throws as it is made is refused the same way', () => {
    const broken: ValidationRule = () => {
      throw new Error('cannot start');
    };
    const errors = validate(schema, parse('{ a }'), [guardedRule('aliases', 'MAX_ALIASES', broken)]);
    expect(errors[0]!.extensions).toMatchObject({ code: 'LIMIT_CHECK_FAILED', limit: 'aliases' });
  });

  it('the installed rules still measure (and refuse) what they are for: doubling fragments count every alias', () => {
    let fragments = 'fragment P0 on Query { x: a }\n';
    for (let k = 1; k <= 30; k++) fragments += `fragment P${k} on Query { ...P${k - 1} ...P${k - 1} }\n`;
    const { validationRules } = armor(limits, true);
    const errors = validate(schema, parse(`{ ...P30 }\n${fragments}`), [...specifiedRules, ...validationRules]);
    expect(errors.map((e) => e.extensions)).toContainEqual(expect.objectContaining({ code: 'GRAPHQL_VALIDATION_FAILED', limit: 'aliases', found: 2 ** 30 }));
  });
});

describe('the result budget', () => {
  const budgeted = budgetedSchema(buildSchema('scalar JSON type Query { a: String b: JSON }'));
  const rootValue = { a: 'x', b: () => ({ big: 1n }) };

  it('a field resolved without a work budget is refused, not left uncounted', async () => {
    const result = await graphql({ schema: budgeted, source: '{ a }', rootValue, contextValue: { query: {} } });
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'LIMIT_CHECK_FAILED', limit: 'resultSize' });
    expect(result.data).toEqual({ a: null });
  });

  it('a value the meter cannot measure stops the request with LIMIT_CHECK_FAILED', async () => {
    const query: QueryContext = {};
    meterOf(query, limits);
    await graphql({ schema: budgeted, source: '{ a b }', rootValue, contextValue: { query } });
    expect(query.stopped).toMatchObject({ extensions: { code: 'LIMIT_CHECK_FAILED', limit: 'resultSize', setting: 'MAX_RESULT_BYTES' } });
  });

  it('with a budget, the same field is answered and counted', async () => {
    const query: QueryContext = {};
    const meter = meterOf(query, limits);
    const result = await graphql({ schema: budgeted, source: '{ a }', rootValue, contextValue: { query } });
    expect(result).toEqual({ data: { a: 'x' } });
    expect(meter.bytes).toBe(Buffer.byteLength(JSON.stringify(result.data)));
  });
});

describe('trusted documents', () => {
  it('a request the rules throw on is refused with LIMIT_CHECK_FAILED (HTTP 400), not passed on', () => {
    const middleware = trustedDocumentsMiddleware({ mode: 'require', manifest: 'src/generated/client/persisted-documents.json', allowIntrospection: false });
    const body = {
      get query(): string {
        throw new Error('unreadable');
      },
    };
    let sent: { status: number; body: string } | undefined;
    let passed = false;
    const res = {
      headersSent: false,
      status(code: number) {
        sent = { status: code, body: '' };
        return this;
      },
      type() {
        return this;
      },
      send(text: string) {
        sent!.body = text;
        return this;
      },
    } as unknown as Response;
    middleware({ method: 'POST', body } as unknown as Request, res, () => {
      passed = true;
    });
    expect(passed).toBe(false);
    expect(sent?.status).toBe(400);
    expect(JSON.parse(sent!.body).errors[0].extensions).toMatchObject({ code: 'LIMIT_CHECK_FAILED', limit: 'trustedDocuments', setting: 'TRUSTED_DOCUMENTS' });
  });
});
