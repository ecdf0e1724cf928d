/** The docs pane of the IDE: every type, field, argument and enum value is described. */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { isEnumType, isInputObjectType, isInterfaceType, isObjectType, isUnionType, isScalarType, Kind, parse } from 'graphql';
import { ENTITY_TYPES, NODE_LABELS } from '../../src/domain/vocabulary.js';
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

  it('has the binding root fields of the contract: those of the released schema and every root of the vocabulary', () => {
    const fields = buildSchema().getQueryType()!.getFields();
    const released = parse(readFileSync(new URL('../../schema/released/schema.graphql', import.meta.url), 'utf8'))
      .definitions.flatMap((d) => (d.kind === Kind.OBJECT_TYPE_DEFINITION && d.name.value === 'Query' ? (d.fields ?? []).map((f) => f.name.value) : []));
    const roots = NODE_LABELS.flatMap((l) => ENTITY_TYPES[l].root ?? []);
    expect(released).toEqual(expect.arrayContaining(['node', 'search', 'agreements']));
    for (const name of new Set([...released, ...roots])) expect(Object.keys(fields)).toContain(name);
  });
});
