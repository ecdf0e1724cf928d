/**
 * The analyst queries: paths, neighbourhoods, common ground, lineage, timeline, as-of state,
 * aggregates, and read-only Cypher. Owns `cypher/analytics/`; returns plain records. The few
 * identifiers Cypher cannot take as parameters (the path function and the hop bound) are spliced
 * from the whitelist below, never from input.
 */
import neo4j from 'neo4j-driver';
import { NODE_LABELS } from '../domain/vocabulary.js';
import { spliceIdentifiers, type CypherCatalog, type IdentifierWhitelist } from '../neo4j/cypher-catalog.js';
import { toPlain, type Database, type QueryContext, type Row } from '../neo4j/database.js';
import type { AgreementRecord, EntityRecord, LinkRecord, ProvenanceRecord, RelationshipRecord } from './records.js';

/** The largest hop bound a path query may use; the whitelist holds every integer up to it. */
export const MAX_PATH_HOPS = 10;

const WHITELIST: IdentifierWhitelist = {
  fn: ['shortestPath', 'allShortestPaths'],
  maxHops: Array.from({ length: MAX_PATH_HOPS }, (_, i) => String(i + 1)),
};

/** A relationship with the keys of its start and end nodes. */
export interface GraphRelationshipRecord extends RelationshipRecord {
  startKey: string;
  endKey: string;
}

export interface PathRecord {
  nodes: EntityRecord[];
  rels: GraphRelationshipRecord[];
}

export interface ExpansionRow {
  fromKey: string;
  node: EntityRecord;
  rel: GraphRelationshipRecord;
}

export interface MembershipRecord {
  meeting: string;
  type: 'CHAIRS' | 'MEMBER_OF';
  role: string | null;
  /** The post through which an organisation sits on the meeting (null: it sits there itself). */
  via: string | null;
  relationshipKey: string;
  dataset: string;
  sourceSection: string;
  sourceQuote: string | null;
  inferred: boolean | null;
  reading: string | null;
}

export interface CommonMemberRecord {
  /** The posts its memberships go through (`via`), as records. */
  vias: EntityRecord[];
  node: EntityRecord;
  memberships: MembershipRecord[];
}

export interface PartnerKindsRecord {
  node: EntityRecord;
  kinds: string[];
  agreementKeys: string[];
}

export interface CommonNeighbourRecord {
  node: EntityRecord;
  viaA: GraphRelationshipRecord[];
  viaB: GraphRelationshipRecord[];
}

export interface LineageRow {
  node: EntityRecord;
  /** The SUPERSEDES relationship from this node to the one it replaced, if any. */
  supersedes: GraphRelationshipRecord | null;
}

export interface TimelineRow {
  kind: string;
  date: string;
  subject: EntityRecord;
  related: EntityRecord | null;
  agreementKey: string | null;
  agreementName: string | null;
  provenance: ProvenanceRecord;
}

export interface MeetingStateRow {
  node: EntityRecord;
  administrations: LinkRecord[];
  parents: LinkRecord[];
}

export interface AgreementFactRow {
  agreementKey: string;
  kind: string;
  enacted: string | null;
  partner: EntityRecord;
}

export interface CountRow {
  name: string;
  count: number;
}

export interface CypherRows {
  columns: string[];
  rows: Record<string, unknown>[];
  truncated: boolean;
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

/**
 * A value of an analyst query as JSON: graph elements become their labels/type and properties.
 * Neo4j's internal element ids are left out: they change on reload and the API never exposes them.
 */
function toAnalystValue(value: unknown): unknown {
  if (neo4j.isNode(value as never)) {
    const n = value as unknown as { labels: string[]; properties: Row };
    return { labels: n.labels, properties: toPlain(n.properties) };
  }
  if (neo4j.isRelationship(value as never)) {
    const r = value as unknown as { type: string; properties: Row };
    return { type: r.type, properties: toPlain(r.properties) };
  }
  if (neo4j.isPath(value as never)) {
    const p = value as unknown as { start: unknown; segments: { relationship: unknown; end: unknown }[] };
    return {
      start: toAnalystValue(p.start),
      segments: p.segments.map((s) => ({ relationship: toAnalystValue(s.relationship), end: toAnalystValue(s.end) })),
    };
  }
  if (Array.isArray(value)) return value.map(toAnalystValue);
  if (value !== null && typeof value === 'object' && !neo4j.isInt(value) && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.fromEntries(Object.entries(value as Row).map(([k, v]) => [k, toAnalystValue(v)]));
  }
  return toPlain(value);
}

export class AnalyticsRepository {
  private readonly q;

  constructor(
    private readonly db: Database,
    catalog: CypherCatalog,
  ) {
    this.q = catalog.require([
      'analytics/shortest-path',
      'analytics/expand',
      'entity/by-keys',
      'analytics/common-members',
      'analytics/partners-multiple-kinds',
      'analytics/common-ground',
      'analytics/lineage',
      'analytics/timeline',
      'analytics/state-meetings',
      'analytics/state-hostings',
      'analytics/state-agreements',
      'analytics/agreement-facts',
      'analytics/label-counts',
      'analytics/relationship-type-counts',
      'analytics/totals',
    ] as const);
  }

  /** Up to `limit` shortest paths of at most `maxHops` hops (an integer 1..MAX_PATH_HOPS). */
  async shortestPaths(
    query: { from: string; to: string; types: string[] | null; maxHops: number; all: boolean; limit: number },
    ctx: QueryContext,
  ): Promise<PathRecord[]> {
    const cypher = spliceIdentifiers(this.q['analytics/shortest-path'], WHITELIST, {
      fn: query.all ? 'allShortestPaths' : 'shortestPath',
      maxHops: String(query.maxHops),
    });
    const rows = await this.db.read(cypher, { from: query.from, to: query.to, types: query.types, limit: neo4j.int(query.limit) }, ctx);
    return rows.map((r) => ({ nodes: r['nodes'] as EntityRecord[], rels: r['rels'] as GraphRelationshipRecord[] }));
  }

  /**
   * Breadth-first expansion around `key`, one statement per ring, all in one read transaction, after the centre
   * itself (null, and nothing expanded, when there is no such entity). `visit` sees each ring and returns the next
   * frontier (empty to stop).
   */
  async expand(
    key: string,
    types: string[] | null,
    rowLimit: number,
    visit: (ring: ExpansionRow[], depth: number) => string[],
    ctx: QueryContext,
  ): Promise<EntityRecord | null> {
    return this.db.readTx(
      ctx,
      async (tx) => {
        const found = (await tx.run(this.q['entity/by-keys'], { keys: [key] })).records[0]?.get('node');
        if (found === undefined || found === null) return null;
        const centre = toPlain(found) as EntityRecord;
        if (centre.labels.includes('Observation')) return centre;
        let frontier = [key];
        for (let depth = 1; frontier.length > 0; depth += 1) {
          const result = await tx.run(this.q['analytics/expand'], { frontier, types, limit: neo4j.int(rowLimit) });
          const ring = result.records.map((r) => toPlain(r.toObject()) as unknown as ExpansionRow);
          frontier = visit(ring, depth);
        }
        return centre;
      },
      this.q['analytics/expand'],
      { key, types },
    );
  }

  async commonMembers(meetings: string[], limit: number, ctx: QueryContext): Promise<CommonMemberRecord[]> {
    const rows = await this.db.read(this.q['analytics/common-members'], { meetings, limit: neo4j.int(limit) }, ctx);
    return rows.map((r) => ({ node: r['node'] as EntityRecord, memberships: r['memberships'] as MembershipRecord[], vias: r['vias'] as EntityRecord[] }));
  }

  async partnersWithMultipleKinds(minKinds: number, ctx: QueryContext): Promise<PartnerKindsRecord[]> {
    const rows = await this.db.read(this.q['analytics/partners-multiple-kinds'], { minKinds: neo4j.int(minKinds) }, ctx);
    return rows.map((r) => ({ node: r['node'] as EntityRecord, kinds: r['kinds'] as string[], agreementKeys: r['agreementKeys'] as string[] }));
  }

  async commonGround(a: string, b: string, types: string[] | null, limit: number, ctx: QueryContext): Promise<CommonNeighbourRecord[]> {
    const rows = await this.db.read(this.q['analytics/common-ground'], { a, b, types, limit: neo4j.int(limit) }, ctx);
    return rows.map((r) => ({
      node: r['node'] as EntityRecord,
      viaA: r['viaA'] as GraphRelationshipRecord[],
      viaB: r['viaB'] as GraphRelationshipRecord[],
    }));
  }

  async lineage(id: string, ctx: QueryContext): Promise<LineageRow[]> {
    const rows = await this.db.read(this.q['analytics/lineage'], { id }, ctx);
    return rows.map((r) => ({ node: r['node'] as EntityRecord, supersedes: (r['supersedes'] as GraphRelationshipRecord | null) ?? null }));
  }

  /** Dated events, oldest first; `from`/`to` are day strings (`YYYY-MM-DD`) or null. */
  async timeline(
    query: { from: string | null; to: string | null; kinds: string[] | null; limit: number },
    ctx: QueryContext,
  ): Promise<TimelineRow[]> {
    const rows = await this.db.read(
      this.q['analytics/timeline'],
      { from: query.from, to: query.to, kinds: query.kinds, limit: neo4j.int(query.limit) },
      ctx,
    );
    return rows as unknown as TimelineRow[];
  }

  /**
   * Meetings (with administrations and parents) and hostings, and the entities they link to
   * (`linked`: the meetings' administrators and parents, the hosts and the hosted bodies). Both
   * statements are read at once, so they share one transaction (with whatever else is read now).
   */
  async stateCandidates(ctx: QueryContext): Promise<{ meetings: MeetingStateRow[]; hostings: LinkRecord[]; linked: EntityRecord[] }> {
    const [meetingRows, hostingRows] = await Promise.all([
      this.db.read(this.q['analytics/state-meetings'], {}, ctx),
      this.db.read(this.q['analytics/state-hostings'], {}, ctx),
    ]);
    const meetings = meetingRows.map((r) => ({
      node: r['node'] as EntityRecord,
      administrations: r['administrations'] as LinkRecord[],
      parents: r['parents'] as LinkRecord[],
    }));
    const hostings = hostingRows.map((r) => r['hosting'] as LinkRecord);
    const linked = [...meetingRows, ...hostingRows].flatMap((r) => r['linked'] as EntityRecord[]);
    return { meetings, hostings, linked };
  }

  /** Every agreement, as the agreement loader reads it (stateAsOf primes that loader with them). */
  async allAgreements(ctx: QueryContext): Promise<AgreementRecord[]> {
    return (await this.db.read(this.q['analytics/state-agreements'], {}, ctx)).map((r) => r['agreement'] as AgreementRecord);
  }

  async agreementFacts(ctx: QueryContext): Promise<AgreementFactRow[]> {
    return (await this.db.read(this.q['analytics/agreement-facts'], {}, ctx)) as unknown as AgreementFactRow[];
  }

  /** Totals and counts per node type (its label) and relationship type, in one read transaction. */
  async graphCounts(ctx: QueryContext): Promise<{ nodes: number; relationships: number; labels: CountRow[]; relationshipTypes: CountRow[] }> {
    return this.db.readTx(ctx, async (tx) => {
      const totals = (await tx.run(this.q['analytics/totals'])).records[0];
      const labels = (await tx.run(this.q['analytics/label-counts'], { types: NODE_LABELS })).records.map((r) => ({
        name: r.get('label') as string,
        count: Number(toPlain(r.get('count'))),
      }));
      const relationshipTypes = (await tx.run(this.q['analytics/relationship-type-counts'])).records.map((r) => ({
        name: r.get('type') as string,
        count: Number(toPlain(r.get('count'))),
      }));
      return {
        nodes: Number(toPlain(totals?.get('nodes') ?? 0)),
        relationships: Number(toPlain(totals?.get('relationships') ?? 0)),
        labels,
        relationshipTypes,
      };
    });
  }

  /**
   * An analyst's own statement, in a READ transaction (the database refuses writes) with its own
   * timeout. Rows are streamed and the stream is cancelled after `maxRows`, so a huge result
   * never reaches memory.
   */
  async runReadOnly(query: string, params: Record<string, unknown>, maxRows: number, ctx: QueryContext): Promise<CypherRows> {
    return this.db.readTx(
      ctx,
      async (tx) => {
        const result = tx.run(query, toCypherParam(params) as Row);
        const rows: Record<string, unknown>[] = [];
        let truncated = false;
        let columns: string[] = [];
        for await (const record of result) {
          if (rows.length === 0) columns = [...record.keys] as string[];
          if (rows.length >= maxRows) {
            truncated = true;
            break;
          }
          rows.push(Object.fromEntries(record.keys.map((k) => [k, toAnalystValue(record.get(k))])));
        }
        if (columns.length === 0) columns = [...((await result.keys()) as string[])];
        return { columns, rows, truncated };
      },
      query,
      params,
    );
  }
}
