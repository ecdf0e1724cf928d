/** The docs pane of the IDE: every type, field, argument and enum value is described. */
import { describe, expect, it } from 'vitest';
import { isEnumType, isInputObjectType, isInterfaceType, isObjectType, isUnionType, isScalarType } from 'graphql';
import { buildSchema } from '../../src/graphql/schema.js';

describe('schema documentation', () => {
  it('has a description everywhere', () => {
    const schema = buildSchema();
    const missing: string[] = [];
    for (const type of Object.values(schema.getTypeMap())) {
      if (type.name.startsWith('__')) continue;
      if (isScalarType(type) && ['String', 'Int', 'Float', 'Boolean', 'ID'].includes(type.name)) continue;
      if (type.name !== 'Query' && !type.description) missing.push(type.name);
      if (isObjectType(type) || isInterfaceType(type) || isInputObjectType(type)) {
        for (const field of Object.values(type.getFields())) {
          if (!field.description) missing.push(`${type.name}.${field.name}`);
          for (const arg of 'args' in field ? field.args : []) {
            if (!arg.description) missing.push(`${type.name}.${field.name}(${arg.name})`);
          }
        }
      }
      if (isEnumType(type)) {
        for (const value of type.getValues()) if (!value.description) missing.push(`${type.name}.${value.name}`);
      }
      if (isUnionType(type) && !type.description) missing.push(type.name);
    }
    expect(missing).toEqual([]);
  });

  it('has the binding root fields of the contract', () => {
    const fields = Object.keys(buildSchema().getQueryType()!.getFields());
    for (const name of ['node', 'search', 'offices', 'organisations', 'meetings', 'plans', 'countries', 'agreements', 'capabilities', 'indicators']) {
      expect(fields).toContain(name);
    }
  });
});
