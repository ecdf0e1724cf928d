/**
 * The analyst queries: paths, neighbourhoods, common ground, lineage, timeline, as-of state,
 * aggregates (analyst Cypher: analyst-cypher-repository.ts). Owns `cypher/analytics/`; returns plain records. The few
 * identifiers Cypher cannot take as parameters (the path function and the hop bound) are spliced
 * from the whitelist below, never from input.
 */
import neo4j from 'neo4j-driver';
import { NODE_LABELS } from '../domain/vocabulary.js';
import { existsCondition, inForceCondition } from '../domain/navigation.js';
import { spliceIdentifiers, type CypherCatalog, type IdentifierWhitelist } from '../neo4j/cypher-catalog.js';
import { toPlain, type Database, type QueryContext } from '../neo4j/database.js';
import { withAgreementAssembly } from './agreement-repository.js';
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

/** The slots of the analytics/state-… statements: the domain's rules over the date `$stateDays` ([first day, last day]). */
const STATE_SLOTS: Readonly<Record<string, string>> = {
  meetingExists: existsCondition('m', '$stateDays'),
  administrationHeld: inForceCondition('a', '$stateDays'),
  parentHeld: inForceCondition('p', '$stateDays'),
  hostingHeld: inForceCondition('h', '$stateDays'),
  agreementExists: existsCondition('agreement', '$stateDays'),
};

/** An analytics/state-… statement with its slots filled (and the agreement assembly's). */
export function stateStatement(text: string): string {
  return withAgreementAssembly(text).replace(/\{\{(meetingExists|administrationHeld|parentHeld|hostingHeld|agreementExists)\}\}/g, (_, slot: string) => STATE_SLOTS[slot]!);
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
      'analytics/ring',
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

  /**
   * The text of a statement or fragment the compiler builds on (src/compiler/analyst-roots.ts): the
   * neighbourhood's ring, the timeline, the common members, the common ground. Their parameters are the ones the methods
   * below pass.
   */
  text(name: 'analytics/ring' | 'analytics/timeline' | 'analytics/common-members' | 'analytics/common-ground'): string {
    return this.q[name];
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
   * The meetings that existed on the date `days` ([first day, last day]), with the administrations and parents in
   * force then, and the hostings in force then, and the entities they link to (`linked`: the meetings'
   * administrators and parents, the hosts and the hosted bodies), by the rules of src/domain/navigation.ts. Both
   * statements are read at once, so they share one transaction (with whatever else is read now).
   */
  async state(days: readonly [string, string], ctx: QueryContext): Promise<{ meetings: MeetingStateRow[]; hostings: LinkRecord[]; linked: EntityRecord[] }> {
    const [meetingRows, hostingRows] = await Promise.all([
      this.db.read(stateStatement(this.q['analytics/state-meetings']), { stateDays: days }, ctx),
      this.db.read(stateStatement(this.q['analytics/state-hostings']), { stateDays: days }, ctx),
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

  /** Every agreement, as the agreement loader reads it, or those that existed on the date `days` (stateAsOf primes that loader with them). */
  async allAgreements(ctx: QueryContext, days: readonly [string, string] | null = null): Promise<AgreementRecord[]> {
    return (await this.db.read(stateStatement(this.q['analytics/state-agreements']), { stateDays: days }, ctx)).map((r) => r['agreement'] as AgreementRecord);
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
}
