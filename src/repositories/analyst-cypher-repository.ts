/**
 * Analyst Cypher's database access: the analyst's own statement, in a READ transaction of the analyst's
 * database (its own Neo4j process, a replica, or the public database where explicitly allowed: src/lifecycle/
 * analyst-database.ts). Owns `cypher/analyst/`.
 *
 * Results never carry Neo4j's internal ids: a node is `{labels, properties}`, a relationship `{type, startId,
 * endId, properties}` with its ends named by the entities' keys (read in the same transaction, by the element
 * ids the driver reports, which go no further), a path `{start, segments: [{relationship, end}]}`.
 */
import neo4j from 'neo4j-driver';
import type { CypherCatalog } from '../neo4j/cypher-catalog.js';
import { toPlain, type Database, type QueryContext, type Row } from '../neo4j/database.js';

export interface CypherRows {
  columns: string[];
  rows: Record<string, unknown>[];
  truncated: boolean;
}

interface GraphNode {
  elementId: string;
  labels: string[];
  properties: Row;
}
interface GraphRelationship {
  type: string;
  properties: Row;
  startNodeElementId: string;
  endNodeElementId: string;
}
interface GraphPath {
  start: unknown;
  segments: { relationship: unknown; end: unknown }[];
}

/** JSON numbers that are whole become Cypher integers (JavaScript numbers would arrive as floats). */
function toCypherParam(value: unknown): unknown {
  if (typeof value === 'number' && Number.isSafeInteger(value)) return neo4j.int(value);
  if (Array.isArray(value)) return value.map(toCypherParam);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value as Row).map(([k, v]) => [k, toCypherParam(v)]));
  }
  return value;
}

const isPlainMap = (value: unknown): value is Row =>
  value !== null && typeof value === 'object' && !neo4j.isInt(value) && Object.getPrototypeOf(value) === Object.prototype;

/** Walks a result value: the keys of the nodes it holds, and the element ids of every relationship's ends. */
function collectEnds(value: unknown, keys: Map<string, string | null>, ends: Set<string>): void {
  if (neo4j.isNode(value as never)) {
    const n = value as unknown as GraphNode;
    keys.set(n.elementId, n.properties['key'] == null ? null : String(n.properties['key']));
  } else if (neo4j.isRelationship(value as never)) {
    const r = value as unknown as GraphRelationship;
    ends.add(r.startNodeElementId).add(r.endNodeElementId);
  } else if (neo4j.isPath(value as never)) {
    const p = value as unknown as GraphPath;
    collectEnds(p.start, keys, ends);
    for (const s of p.segments) {
      collectEnds(s.relationship, keys, ends);
      collectEnds(s.end, keys, ends);
    }
  } else if (Array.isArray(value)) {
    for (const item of value) collectEnds(item, keys, ends);
  } else if (isPlainMap(value)) {
    for (const item of Object.values(value)) collectEnds(item, keys, ends);
  }
}

/** A result value as JSON, graph elements without their internal ids (see the header). */
function toAnalystValue(value: unknown, keys: ReadonlyMap<string, string | null>): unknown {
  if (neo4j.isNode(value as never)) {
    const n = value as unknown as GraphNode;
    return { labels: n.labels, properties: toPlain(n.properties) };
  }
  if (neo4j.isRelationship(value as never)) {
    const r = value as unknown as GraphRelationship;
    return { type: r.type, startId: keys.get(r.startNodeElementId) ?? null, endId: keys.get(r.endNodeElementId) ?? null, properties: toPlain(r.properties) };
  }
  if (neo4j.isPath(value as never)) {
    const p = value as unknown as GraphPath;
    return {
      start: toAnalystValue(p.start, keys),
      segments: p.segments.map((s) => ({ relationship: toAnalystValue(s.relationship, keys), end: toAnalystValue(s.end, keys) })),
    };
  }
  if (Array.isArray(value)) return value.map((v) => toAnalystValue(v, keys));
  if (isPlainMap(value)) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toAnalystValue(v, keys)]));
  return toPlain(value);
}

export class AnalystCypherRepository {
  private readonly q;

  constructor(
    private readonly db: Database,
    catalog: CypherCatalog,
    /** Why the analyst's database cannot answer right now (starting, restarting, being copied), or undefined. */
    readonly unavailable: () => string | undefined = () => undefined,
  ) {
    this.q = catalog.require(['analyst/node-keys'] as const);
  }

  /**
   * An analyst's own statement, in a READ transaction (the database refuses writes) with its own timeout. Rows
   * are streamed and the stream is cancelled after `maxRows`, so a huge result never reaches memory.
   */
  async runReadOnly(query: string, params: Record<string, unknown>, maxRows: number, ctx: QueryContext): Promise<CypherRows> {
    return this.db.readTx(
      ctx,
      async (tx) => {
        const result = tx.run(query, toCypherParam(params) as Row);
        const raw: { keys: string[]; values: unknown[] }[] = [];
        let truncated = false;
        let columns: string[] = [];
        for await (const record of result) {
          if (raw.length === 0) columns = [...record.keys] as string[];
          if (raw.length >= maxRows) {
            truncated = true;
            break;
          }
          raw.push({ keys: record.keys as string[], values: [...record.values()] });
        }
        if (columns.length === 0) columns = [...((await result.keys()) as string[])];
        const keys = new Map<string, string | null>();
        const ends = new Set<string>();
        for (const r of raw) collectEnds(r.values, keys, ends);
        const missing = [...ends].filter((id) => !keys.has(id));
        if (missing.length > 0) {
          for (const record of (await tx.run(this.q['analyst/node-keys'], { ids: missing })).records) {
            const key = record.get('key') as unknown;
            keys.set(String(record.get('id')), key == null ? null : String(key));
          }
        }
        const rows = raw.map((r) => Object.fromEntries(r.keys.map((k, i) => [k, toAnalystValue(r.values[i], keys)])));
        return { columns, rows, truncated };
      },
      query,
      params,
    );
  }
}
