/**
 * The saved operations against the default limits, without a server: the validation rules (depth, aliases,
 * directives, tokens) and the cost estimate. How the server answers an operation past a limit: limits.test.ts.
 */
import { parse, specifiedRules, validate } from 'graphql';
import { describe, expect, it } from 'vitest';
import { savedOperations } from '../../bench/load.js';
import { loadConfig } from '../../src/config.js';
import { operationCost } from '../../src/graphql/cost.js';
import { armor } from '../../src/graphql/limits.js';
import { buildSchema } from '../../src/graphql/schema.js';

describe('the default limits', () => {
  it('every saved example operation (operations/) is well inside the default limits', () => {
    const defaults = loadConfig({}).limits;
    const rules = armor(defaults, true).validationRules;
    const schema = buildSchema();
    const { operations } = savedOperations();
    expect(operations.length).toBeGreaterThan(0);
    for (const op of operations) {
      const { query, variables } = JSON.parse(op.body) as { query: string; variables?: Record<string, unknown> };
      const document = parse(query, { maxTokens: defaults.maxTokens });
      expect(validate(schema, document, [...specifiedRules, ...rules]).map((e) => e.message), op.name).toEqual([]);
      // The cost estimate runs once the variables are known (an Apollo plugin, not a validation rule).
      expect(operationCost({ schema, document, variables: variables ?? {} }), op.name).toBeLessThanOrEqual(defaults.maxCost / 4);
    }
  });
});
