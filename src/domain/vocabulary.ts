/**
 * The domain's vocabulary, shared by every layer (the seed format, repositories, services, the
 * compiler): node labels, relationship types and key prefixes. It imports nothing; a lint rule
 * (eslint/layers.js) keeps it that way.
 */

export const NODE_LABELS = [
  'Office',
  'Organisation',
  'Meeting',
  'Plan',
  'MeasureCategory',
  'Country',
  'Capability',
  'Indicator',
  'Observation',
] as const;
export type NodeLabel = (typeof NODE_LABELS)[number];

export const EXTRA_LABELS = ['Minister'] as const;

export const RELATIONSHIP_TYPES = [
  'CHAIRS',
  'MEMBER_OF',
  'SUPERSEDES',
  'PART_OF',
  'ADOPTED',
  'APPROVED',
  'COVERS',
  'ADMINISTERED_BY',
  'AGREEMENT',
  'HOSTED',
  'OPERATES',
  'LOCATED_IN',
  'COOPERATES_WITH',
  'ORGANISES',
  'PARTICIPATES_IN',
  'HAS_OBSERVATION',
  'CONVENED',
  'REPORTED_BY',
] as const;
export type RelationshipType = (typeof RELATIONSHIP_TYPES)[number];

/** The key prefix each label's nodes use (`office:prime-minister`). */
export const KEY_PREFIX: Record<NodeLabel, string> = {
  Office: 'office',
  Organisation: 'organisation',
  Meeting: 'meeting',
  Plan: 'plan',
  MeasureCategory: 'measure',
  Country: 'country',
  Capability: 'capability',
  Indicator: 'indicator',
  Observation: 'observation',
};
