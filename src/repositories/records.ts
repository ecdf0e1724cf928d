/**
 * The plain records repositories return: Neo4j values already converted, no GraphQL types.
 * Codegen's mappers point GraphQL types at these (see codegen.ts).
 */

/** A date string at the precision the source gives: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`. */
export type PartialDateString = string;

/** A node of the graph with all its stored properties. */
export interface EntityRecord {
  key: string;
  labels: string[];
  name: string;
  aliases: string[];
  dataset: string;
  sourceSection: string;
  sourceQuote?: string | null;
  [property: string]: unknown;
}

/** A relationship with its stored properties. */
export interface RelationshipRecord {
  type: string;
  key: string;
  dataset: string;
  sourceSection: string;
  sourceQuote?: string | null;
  [property: string]: unknown;
}

/** A relationship between two entities: the edge types of the schema (ChairEdge, HostingEdge, …). */
export interface LinkRecord {
  rel: RelationshipRecord;
  fromKey: string;
  toKey: string;
}

export interface ProvenanceRecord {
  dataset: string;
  section: string;
  quote: string | null;
  /** True when the fact is a reading of the source (stored as `inferred` on the node or relationship). */
  inferred: boolean;
  /** Why it is a reading (stored as `reading`); null when stated. */
  reading: string | null;
}

/** An agreement: the AGREEMENT relationships that share one `agreementKey`, grouped. */
export interface AgreementRecord {
  key: string;
  kind: string;
  name: string;
  enacted: PartialDateString | null;
  revisions: PartialDateString[];
  status: string | null;
  /** A note the source attaches (EPAs: "Contains provisions on customs mutual assistance."). */
  note: string | null;
  /** The Japanese side first, then the partners. */
  partyKeys: string[];
  dataset: string;
  sourceSection: string;
  sourceQuote: string | null;
  inferred: boolean | null;
  reading: string | null;
  /** Its life as first days (`YYYY-MM-DD`), stored by the loader: the vocabulary's one "exists as of" rule. */
  existsFrom?: string | null;
  existsUntil?: string | null;
}

export interface EdgeRecord {
  cursor: string;
  node: EntityRecord;
}

export interface AgreementEdgeRecord {
  cursor: string;
  node: AgreementRecord;
}

export interface PageInfoRecord {
  hasNextPage: boolean;
  hasPreviousPage: boolean;
  startCursor: string | null;
  endCursor: string | null;
}

export interface ConnectionRecord {
  edges: EdgeRecord[];
  pageInfo: PageInfoRecord;
  totalCount: () => Promise<number>;
}

export interface AgreementConnectionRecord {
  edges: AgreementEdgeRecord[];
  pageInfo: PageInfoRecord;
  totalCount: () => Promise<number>;
}

export interface SearchHitRecord {
  node: EntityRecord;
  score: number;
  matched: string;
}

/** Where a keyset page starts: the sort value and key of the last item seen (a cursor holds it). */
export interface Keyset {
  value: string | number | null;
  key: string;
}
