/** What the driver returns becomes plain JSON-ready values (src/neo4j/values.ts), whatever its depth. */
import neo4j from 'neo4j-driver';
import { describe, expect, it } from 'vitest';
import { toPlain } from '../../src/neo4j/values.js';

describe('toPlain', () => {
  it('keeps maps, lists and scalars, and turns integers, big integers and temporal values into numbers and text', () => {
    const value = {
      name: 'Firearms',
      count: neo4j.int(42),
      big: 7n,
      ok: true,
      none: null,
      day: new neo4j.types.Date(2010, 12, 20),
      nested: [{ when: new neo4j.types.Date(2001, 1, 2), n: neo4j.int(3), list: [1, 'a', [neo4j.int(2)]] }],
    };
    expect(toPlain(value)).toEqual({
      name: 'Firearms',
      count: 42,
      big: 7,
      ok: true,
      none: null,
      day: '2010-12-20',
      nested: [{ when: '2001-01-02', n: 3, list: [1, 'a', [2]] }],
    });
  });

  it('a map key named __proto__ stays an ordinary key (an alias can be any name)', () => {
    const map = JSON.parse('{"__proto__": {"polluted": true}, "a": 1}') as Record<string, unknown>;
    const plain = toPlain(map) as Record<string, unknown>;
    expect(Object.keys(plain)).toEqual(['__proto__', 'a']);
    expect((plain as { polluted?: boolean }).polluted).toBeUndefined();
    expect(JSON.stringify(plain)).toBe('{"__proto__":{"polluted":true},"a":1}');
  });

  it('nodes and relationships keep their labels, type and properties', () => {
    const node = new neo4j.types.Node(neo4j.int(1), ['Entity', 'Meeting'], { key: 'meeting:x', since: neo4j.int(2010) }, 'e1');
    expect(toPlain(node)).toEqual({ labels: ['Entity', 'Meeting'], properties: { key: 'meeting:x', since: 2010 }, elementId: 'e1' });
  });
});
