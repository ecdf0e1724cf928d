/** What the analyst queries answer (the records codegen maps the analytics schema's types to) and their bounds. */
import type { GraphRelationshipRecord, MembershipRecord } from '../../repositories/analytics-repository.js';
import { MAX_PATH_HOPS } from '../../repositories/analytics-repository.js';
import type { EntityRecord, LinkRecord, ProvenanceRecord } from '../../repositories/records.js';
import { AGREEMENT_KINDS } from '../../domain/vocabulary.js';

export { AGREEMENT_KINDS };

export const PATH_BOUNDS = { defaultHops: 6, maxHops: MAX_PATH_HOPS, defaultPaths: 10, maxPaths: 50 } as const;
export const NEIGHBOURHOOD_BOUNDS = { defaultDepth: 1, maxDepth: 3, defaultLimit: 100, maxLimit: 500, ringRows: 5_000 } as const;
export const TIMELINE_BOUNDS = { defaultLimit: 500, maxLimit: 2_000 } as const;
export const LIST_BOUNDS = { defaultLimit: 100, maxLimit: 500, maxMeetings: 20 } as const;


export type Direction = 'FORWARD' | 'BACKWARD';

/** A relationship as seen from a walk: FORWARD when walked from its start node to its end node. */
export interface RelationshipView {
  rel: GraphRelationshipRecord;
  direction: Direction;
}

export interface PathView {
  nodes: EntityRecord[];
  relationships: RelationshipView[];
}

export interface PathResultView {
  from: EntityRecord;
  to: EntityRecord;
  maxHops: number;
  paths: PathView[];
  truncated: boolean;
}

export interface NeighbourhoodView {
  centre: EntityRecord;
  depth: number;
  nodes: { node: EntityRecord; distance: number }[];
  relationships: RelationshipView[];
  truncated: boolean;
}

export interface CommonMemberView {
  member: EntityRecord;
  memberships: MembershipRecord[];
}

export interface PartnerKindsView {
  partner: EntityRecord;
  kinds: string[];
  agreementKeys: string[];
}

export interface CommonGroundView {
  a: EntityRecord;
  b: EntityRecord;
  neighbours: { node: EntityRecord; viaA: RelationshipView[]; viaB: RelationshipView[] }[];
  truncated: boolean;
}

export interface LineageStepView {
  position: number;
  node: EntityRecord;
  supersedes: GraphRelationshipRecord | null;
  supersededBy: GraphRelationshipRecord | null;
}

export interface LineageView {
  subject: EntityRecord;
  steps: LineageStepView[];
}

export interface TimelineEventView {
  kind: string;
  date: string;
  subject: EntityRecord;
  related: EntityRecord | null;
  agreementKey: string | null;
  description: string;
  provenance: ProvenanceRecord;
}

export interface TimelineView {
  events: TimelineEventView[];
  truncated: boolean;
}

export interface MeetingStateView {
  meeting: EntityRecord;
  since: string | null;
  administrations: LinkRecord[];
  parent: LinkRecord | null;
}

export interface StateAsOfView {
  date: string;
  meetings: MeetingStateView[];
  agreementKeys: string[];
  hostings: LinkRecord[];
}

export interface KindCountView {
  kind: string;
  count: number;
}

export interface AgreementYearView {
  year: number;
  count: number;
  byKind: KindCountView[];
  agreementKeys: string[];
}

export interface PartnerCoverageView {
  partner: EntityRecord;
  total: number;
  kinds: KindCountView[];
}

export interface AgreementStatsView {
  total: number;
  undated: number;
  byKind: KindCountView[];
  byYear: AgreementYearView[];
  coverage: PartnerCoverageView[];
}

export interface GraphStatsView {
  nodes: number;
  relationships: number;
  labels: { name: string; count: number }[];
  relationshipTypes: { name: string; count: number }[];
}
