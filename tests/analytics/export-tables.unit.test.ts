/**
 * Every root connection of the schema has a list export (`/export/<root>.csv`), with its table chosen by hand
 * (src/exports/entity-tables.ts) or the default of its node type (src/exports/default-table.ts), and every
 * table's selection is a valid operation on the schema: a new root list is exported without a line of its own.
 */
import { getNamedType, isObjectType, parse, validate } from 'graphql';
import { describe, expect, it } from 'vitest';
import { buildSchema } from '../../src/graphql/schema.js';
import { connectionExports } from '../../src/exports/connections.js';
import { connectionNodeType, defaultTable } from '../../src/exports/default-table.js';
import { ENTITY_TABLES } from '../../src/exports/entity-tables.js';
import { headerOf } from '../../src/exports/columns.js';

const schema = buildSchema();
const connectionRoots = Object.values(schema.getQueryType()!.getFields())
  .filter((f) => isObjectType(getNamedType(f.type)) && getNamedType(f.type).name.endsWith('Connection'))
  .map((f) => f.name);

describe('list exports', () => {
  it('every root connection of the schema has one, and there are no tables for roots that are gone', () => {
    expect(connectionRoots.length).toBeGreaterThan(5);
    expect([...connectionExports(schema).keys()].sort()).toEqual([...connectionRoots].sort());
    expect([...ENTITY_TABLES.keys()].filter((name) => !connectionRoots.includes(name))).toEqual([]);
  });

  it("every export's operation (hand-chosen table or default) is valid on the schema", () => {
    for (const [name, spec] of connectionExports(schema)) {
      expect(validate(schema, parse(spec.operation)).map((e) => e.message), name).toEqual([]);
    }
  });

  it("the default table of every root's node type is valid and holds its id, name, dates, entities and provenance", () => {
    for (const root of connectionRoots) {
      const node = connectionNodeType(schema, getNamedType(schema.getQueryType()!.getFields()[root]!.type).name)!;
      const table = defaultTable(node);
      const operation = `{ ${root}(first: 1) { edges { node { ${table.selection} } } } }`;
      expect(validate(schema, parse(operation)).map((e) => e.message), root).toEqual([]);
      const header = headerOf(table.columns);
      expect(header, root).toEqual(expect.arrayContaining(['id', 'name', 'provenance.section', 'provenance.quote']));
      expect(new Set(header).size, `${root}: distinct headers`).toBe(header.length);
    }
    const organisation = headerOf(defaultTable(connectionNodeType(schema, 'OrganisationConnection')!).columns);
    expect(organisation).toEqual(expect.arrayContaining(['established.value', 'established.earliest', 'parent.id', 'memberOf.id', 'aliases']));
  });
});
