/**
 * Neo4j values as plain JSON-ready JavaScript: integers as numbers, temporal values as their ISO
 * text, nodes, relationships and paths as plain objects, maps and lists walked whole.
 */
import neo4j from 'neo4j-driver';

type Row = Record<string, unknown>;

/** Converts driver values (Integer, Date, Node, Relationship, Path, …) into plain JSON-able values. */
export function toPlain(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  // The common cases first, without the driver's type checks (each reads a marker property): a
  // compiled statement returns a tree of maps, lists, strings and numbers, walked here whole.
  switch (typeof value) {
    case 'string':
    case 'number':
    case 'boolean':
      return value;
    case 'bigint':
      return Number(value);
  }
  if (Array.isArray(value)) return value.map(toPlain);
  if (Object.getPrototypeOf(value) === Object.prototype) {
    const plain: Row = {};
    for (const key in value as Row) {
      const item = toPlain((value as Row)[key]);
      if (key === '__proto__') Object.defineProperty(plain, key, { value: item, enumerable: true, writable: true, configurable: true });
      else plain[key] = item;
    }
    return plain;
  }
  if (neo4j.isInt(value)) return (value as { toNumber(): number }).toNumber();
  if (neo4j.isNode(value as never)) {
    const n = value as unknown as { labels: string[]; properties: Row; elementId: string };
    return { labels: n.labels, properties: toPlain(n.properties), elementId: n.elementId };
  }
  if (neo4j.isRelationship(value as never)) {
    const r = value as unknown as {
      type: string;
      properties: Row;
      elementId: string;
      startNodeElementId: string;
      endNodeElementId: string;
    };
    return {
      type: r.type,
      properties: toPlain(r.properties),
      elementId: r.elementId,
      startNodeElementId: r.startNodeElementId,
      endNodeElementId: r.endNodeElementId,
    };
  }
  if (neo4j.isPath(value as never)) {
    const p = value as unknown as { start: unknown; end: unknown; segments: { start: unknown; relationship: unknown; end: unknown }[] };
    return {
      start: toPlain(p.start),
      end: toPlain(p.end),
      segments: p.segments.map((s) => ({ start: toPlain(s.start), relationship: toPlain(s.relationship), end: toPlain(s.end) })),
    };
  }
  if (
    neo4j.isDate(value as never) ||
    neo4j.isDateTime(value as never) ||
    neo4j.isLocalDateTime(value as never) ||
    neo4j.isTime(value as never) ||
    neo4j.isLocalTime(value as never) ||
    neo4j.isDuration(value as never)
  ) {
    return String(value);
  }
  if (typeof value === 'object') {
    return Object.fromEntries(Object.entries(value as Row).map(([k, v]) => [k, toPlain(v)]));
  }
  return value;
}
