/**
 * The analyst queries for one request: validation and bounds (every argument that could make a
 * query run away has a default and a maximum, and a bad value is a BAD_USER_INPUT error that says
 * what is accepted), and the rules that turn repository rows into answers (path directions,
 * neighbourhood rings, lineage order, as-of state, aggregates).
 */
import { BadUserInputError, NotFoundError } from '../errors.js';
import type { QueryContext } from '../neo4j/database.js';
import type { AnalyticsRepository, CommonNeighbourRecord, GraphRelationshipRecord } from '../repositories/analytics-repository.js';
import type { AgreementRecord, EntityRecord } from '../repositories/records.js';
import type { AgreementService } from './agreement-service.js';
import { parsePartialDate } from './dates.js';
import type { EntityService } from './entity-service.js';
import { openingDateOf } from '../domain/vocabulary.js';
import { orderLineage, timelineResult } from './analytics/history.js';
import { bounded, checkId, commonGroundArguments, commonMembersArguments, neighbourhoodArguments, timelineArguments, typesOf } from './analytics/arguments.js';
import { NeighbourhoodFold } from './analytics/neighbourhood.js';
import {
  AGREEMENT_KINDS,
  LIST_BOUNDS,
  NEIGHBOURHOOD_BOUNDS,
  PATH_BOUNDS,
  type AgreementStatsView,
  type CommonGroundView,
  type CommonMemberView,
  type GraphStatsView,
  type KindCountView,
  type LineageView,
  type NeighbourhoodView,
  type PartnerKindsView,
  type PathResultView,
  type RelationshipView,
  type StateAsOfView,
  type TimelineView,
} from './analytics/views.js';

export type { AnalystSettings } from './analyst/analyst-cypher-service.js';
export * from './analytics/views.js';
export { orderLineage, principalDate, timelineResult } from './analytics/history.js';
export { commonGroundArguments, commonMembersArguments, neighbourhoodArguments, timelineArguments } from './analytics/arguments.js';
export { NeighbourhoodFold } from './analytics/neighbourhood.js';


function walk(rel: GraphRelationshipRecord, fromKey: string): RelationshipView {
  return { rel, direction: rel.startKey === fromKey ? 'FORWARD' : 'BACKWARD' };
}

/** The answer of shortestPath from the statement's rows (up to limit + 1 paths): each walked from `from`, in key order. */
export function pathResult(
  from: EntityRecord,
  to: EntityRecord,
  maxHops: number,
  rows: readonly { nodes: EntityRecord[]; rels: GraphRelationshipRecord[] }[],
  limit: number,
): PathResultView {
  const paths = rows
    .map((p) => ({ nodes: p.nodes, relationships: p.rels.map((r, i) => walk(r, p.nodes[i]!.key)) }))
    .sort((x, y) => x.nodes.map((n) => n.key).join('>').localeCompare(y.nodes.map((n) => n.key).join('>')));
  return { from, to, maxHops, paths: paths.slice(0, limit), truncated: paths.length > limit };
}

/** shortestPath's arguments checked (BAD_USER_INPUT otherwise), with the defaults applied. */
export function pathArguments(args: { from: string; to: string; relationshipTypes?: readonly string[] | null; maxHops?: number | null; limit?: number | null }): {
  maxHops: number;
  limit: number;
  types: string[] | null;
} {
  const maxHops = bounded(args.maxHops, 'maxHops', PATH_BOUNDS.defaultHops, 1, PATH_BOUNDS.maxHops);
  const limit = bounded(args.limit, 'limit', PATH_BOUNDS.defaultPaths, 1, PATH_BOUNDS.maxPaths);
  checkId(args.from, 'from');
  checkId(args.to, 'to');
  return { maxHops, limit, types: typesOf(args.relationshipTypes) };
}

/** The answer of commonGround from the statement's rows (up to limit + 1): each side's relationships walked from that side. */
export function commonGroundResult(a: EntityRecord, b: EntityRecord, rows: readonly CommonNeighbourRecord[], limit: number): CommonGroundView {
  return {
    a,
    b,
    neighbours: rows.slice(0, limit).map((r) => ({
      node: r.node,
      viaA: r.viaA.map((rel) => walk(rel, a.key)),
      viaB: r.viaB.map((rel) => walk(rel, r.node.key)),
    })),
    truncated: rows.length > limit,
  };
}

function notFound(id: string, argument: string): NotFoundError {
  return new NotFoundError(`${argument}: no entity has the id "${id.slice(0, 100)}"; ids are seed keys such as meeting:firearms-promotion (see search or node).`);
}

export class AnalyticsService {
  constructor(
    private readonly repo: AnalyticsRepository,
    private readonly ctx: QueryContext,
    private readonly deps: { entities: EntityService; agreements: AgreementService },
  ) {}

  /** An entity the API can show (an Office, Meeting, …; not an observation), or NOT_FOUND. */
  private async entity(id: string, argument: string): Promise<EntityRecord> {
    const found = await this.deps.entities.get(checkId(id, argument));
    if (!found || found.labels.includes('Observation')) throw notFound(id, argument);
    return found;
  }

  async shortestPath(args: {
    from: string;
    to: string;
    relationshipTypes?: readonly string[] | null;
    maxHops?: number | null;
    all?: boolean | null;
    limit?: number | null;
  }): Promise<PathResultView> {
    const { maxHops, limit, types } = pathArguments(args);
    // The paths are read with the endpoints, in the same round trip. The statement finds nothing
    // when an endpoint is missing or an observation, and then the answer is the endpoint's error.
    const same = args.from === args.to;
    const [from, to, rows] = await Promise.all([
      this.entity(args.from, 'from'),
      this.entity(args.to, 'to'),
      same
        ? []
        : this.repo.shortestPaths(
            { from: args.from, to: args.to, types, maxHops, all: args.all ?? false, limit: limit + 1 },
            this.ctx,
          ),
    ]);
    if (same) {
      return { from, to, maxHops, paths: [{ nodes: [from], relationships: [] }], truncated: false };
    }
    return pathResult(from, to, maxHops, rows, limit);
  }

  async neighbourhood(args: {
    id: string;
    depth?: number | null;
    relationshipTypes?: readonly string[] | null;
    limit?: number | null;
  }): Promise<NeighbourhoodView> {
    const { key, depth, limit, types } = neighbourhoodArguments(args);
    // The centre is read in the expansion's own transaction: one round trip in all.
    const fold = new NeighbourhoodFold(key, depth, limit);
    const centre = await this.repo.expand(key, types, NEIGHBOURHOOD_BOUNDS.ringRows + 1, (ring, ringDepth) => fold.ring(ring, ringDepth), this.ctx);
    if (!centre || centre.labels.includes('Observation')) throw notFound(args.id, 'id');
    return fold.result(centre);
  }

  async commonMembers(meetingIds: readonly string[]): Promise<CommonMemberView[]> {
    const ids = commonMembersArguments(meetingIds);
    // Read with the meetings, in the same round trip; used only once they are known to be meetings.
    const common = this.repo.commonMembers(ids, LIST_BOUNDS.maxLimit, this.ctx);
    common.catch(() => undefined);
    const meetings = await Promise.all(ids.map((id) => this.entity(id, 'meetings')));
    const notMeeting = meetings.find((m) => !m.labels.includes('Meeting'));
    if (notMeeting) throw new BadUserInputError(`meetings: "${notMeeting.key}" is not a meeting; give meeting ids (meeting:…).`, 'meetings');
    const rows = await common;
    this.deps.entities.prime(rows.flatMap((r) => r.vias));
    return rows.map((r) => ({ member: r.node, memberships: r.memberships }));
  }

  async partnersWithMultipleAgreementKinds(minKinds?: number | null, withAgreements = false): Promise<PartnerKindsView[]> {
    const min = bounded(minKinds, 'minKinds', 2, 1, AGREEMENT_KINDS.length);
    const rows = await this.withAgreements(this.repo.partnersWithMultipleKinds(min, this.ctx), withAgreements);
    const order = (k: string) => AGREEMENT_KINDS.indexOf(k as never);
    return rows.map((r) => ({ partner: r.node, kinds: [...r.kinds].sort((a, b) => order(a) - order(b)), agreementKeys: [...r.agreementKeys].sort() }));
  }

  async commonGround(args: { a: string; b: string; relationshipTypes?: readonly string[] | null; limit?: number | null }): Promise<CommonGroundView> {
    const { limit, types } = commonGroundArguments(args);
    const [a, b] = await Promise.all([this.entity(args.a, 'a'), this.entity(args.b, 'b')]);
    if (a.key === b.key) throw new BadUserInputError('b: give two different ids (a and b are the same).', 'b');
    return commonGroundResult(a, b, await this.repo.commonGround(a.key, b.key, types, limit + 1, this.ctx), limit);
  }

  /** The SUPERSEDES chain through a plan or meeting, oldest first (ties: earlier date, then key). */
  async lineage(id: string): Promise<LineageView> {
    const subject = await this.entity(id, 'id');
    if (!subject.labels.includes('Plan') && !subject.labels.includes('Meeting')) {
      throw new BadUserInputError(`id: "${subject.key}" is not a plan or a meeting; lineage follows SUPERSEDES between plans (plan:…) or meetings (meeting:…).`, 'id');
    }
    return orderLineage(subject, await this.repo.lineage(subject.key, this.ctx));
  }

  async timeline(
    args: { from?: string | null; to?: string | null; kinds?: readonly string[] | null; limit?: number | null },
    withAgreements = false,
  ): Promise<TimelineView> {
    const { query, limit } = timelineArguments(args);
    return timelineResult(await this.withAgreements(this.repo.timeline(query, this.ctx), withAgreements), limit);
  }

  /**
   * What existed and held on a date: the repository's statements keep the meetings and agreements by the one
   * "exists as of" rule, the administrations, parents and hostings by their own periods (an unknown end is "still
   * is"), as src/domain/navigation.ts writes them (the compiled stateAsOf applies the same fragments).
   */
  async stateAsOf(date: string): Promise<StateAsOfView> {
    const day = parsePartialDate(date, 'date');
    const days = [day.earliest, day.latest] as const;
    // One round trip: the linked entities and the agreements prime the loaders the fields read.
    const [{ meetings, hostings, linked }, inForce] = await Promise.all([this.repo.state(days, this.ctx), this.repo.allAgreements(this.ctx, days)]);
    this.deps.entities.prime(meetings.map((m) => m.node));
    this.deps.entities.prime(linked);
    const meetingStates = meetings.map((m) => ({ meeting: m.node, since: openingDateOf(m.node), administrations: m.administrations, parent: m.parents[0] ?? null }));
    this.deps.agreements.prime(inForce);
    return { date: day.value, meetings: meetingStates, agreementKeys: inForce.map((a) => a.key), hostings };
  }

  /**
   * `read` (a read issued just now), and, when the answer shows agreements, every agreement read in the same round
   * trip: they prime the agreement loader, so the agreements of its rows cost no second one.
   */
  private async withAgreements<T>(read: Promise<T>, wanted: boolean): Promise<T> {
    if (!wanted) return read;
    const [value, all] = await Promise.all([read, this.repo.allAgreements(this.ctx)]);
    this.deps.agreements.prime(all);
    return value;
  }

  async agreements(keys: readonly string[]): Promise<AgreementRecord[]> {
    const loaded = await Promise.all(keys.map((k) => this.deps.agreements.get(k)));
    return loaded.filter((a): a is AgreementRecord => a !== null).sort((x, y) => `${x.enacted ?? '~'}|${x.key}`.localeCompare(`${y.enacted ?? '~'}|${y.key}`));
  }

  async agreementStats(withAgreements = false): Promise<AgreementStatsView> {
    const facts = await this.withAgreements(this.repo.agreementFacts(this.ctx), withAgreements);
    const agreements = new Map<string, { kind: string; enacted: string | null }>();
    for (const f of facts) agreements.set(f.agreementKey, { kind: f.kind, enacted: f.enacted });
    const counts = (keys: Iterable<string>, kindOf: (k: string) => string): KindCountView[] => {
      const tally = new Map<string, number>(AGREEMENT_KINDS.map((k) => [k, 0]));
      for (const k of keys) tally.set(kindOf(k), (tally.get(kindOf(k)) ?? 0) + 1);
      return [...tally].map(([kind, count]) => ({ kind, count }));
    };
    const kindOf = (k: string) => agreements.get(k)!.kind;
    const years = new Map<number, string[]>();
    let undated = 0;
    for (const [key, a] of agreements) {
      if (!a.enacted) {
        undated += 1;
        continue;
      }
      const year = Number(a.enacted.slice(0, 4));
      years.set(year, [...(years.get(year) ?? []), key]);
    }
    const partners = new Map<string, { partner: EntityRecord; keys: Set<string> }>();
    for (const f of facts) {
      const entry = partners.get(f.partner.key) ?? { partner: f.partner, keys: new Set<string>() };
      entry.keys.add(f.agreementKey);
      partners.set(f.partner.key, entry);
    }
    return {
      total: agreements.size,
      undated,
      byKind: counts(agreements.keys(), kindOf),
      byYear: [...years]
        .sort(([x], [y]) => x - y)
        .map(([year, keys]) => ({ year, count: keys.length, byKind: counts(keys, kindOf), agreementKeys: keys.sort() })),
      coverage: [...partners.values()]
        .sort((x, y) => x.partner.name.localeCompare(y.partner.name))
        .map(({ partner, keys }) => ({ partner, total: keys.size, kinds: counts(keys, kindOf) })),
    };
  }

  async graphStats(): Promise<GraphStatsView> {
    return this.repo.graphCounts(this.ctx);
  }
}
