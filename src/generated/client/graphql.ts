/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
/** Filters for agreements. */
export type AgreementFilter = {
  /** Only agreements in force on this date (enacted on or before it; an undated one from the source's date, 7 June 2016). The same rule as `stateAsOf`. */
  asOf?: string | null | undefined;
  /** Enacted within this range. */
  enacted?: DateRange | null | undefined;
  /** Only these kinds. */
  kinds?: Array<AgreementKind> | null | undefined;
  /** Only multilateral (true) or only bilateral (false). */
  multilateral?: boolean | null | undefined;
  /** Only agreements with this party (global id of a country or organisation). */
  party?: string | number | null | undefined;
};

/** What kind of agreement. */
export type AgreementKind =
  /** Customs Mutual Assistance Agreement. */
  | 'CMAA'
  /** Economic Partnership Agreement with provisions on customs mutual assistance (including the TPP). */
  | 'EPA'
  /** Intergovernmental agreement on customs cooperation. */
  | 'INTERGOVERNMENTAL'
  /** Memorandum of understanding between Customs and a trade or transport association. */
  | 'MOU';

/** A sort order for agreements. */
export type AgreementOrder = {
  /** The direction. */
  direction?: SortDirection;
  /** The field. */
  field?: AgreementSortField;
};

/** Fields agreements can be sorted by. */
export type AgreementSortField =
  /** By enactment date (the default); undated last. */
  | 'ENACTED'
  /** By key. */
  | 'KEY'
  /** By name. */
  | 'NAME';

/** What kind of capability. */
export type CapabilityKind =
  /** Detector dogs. */
  | 'ANIMAL'
  /** A reporting channel for the public (hotline, internet, leaflets). */
  | 'CHANNEL'
  /** Inspection equipment (X-ray, cameras). */
  | 'EQUIPMENT'
  /** A way of working. */
  | 'PRACTICE'
  /** An information system (CIS) or data source (passenger name records). */
  | 'SYSTEM'
  /** Patrol boats. */
  | 'VESSEL';

/** The role of a post that chairs a meeting. */
export type ChairRole =
  /** The chief (presides). */
  | 'CHIEF'
  /** A deputy chief. */
  | 'DEPUTY';

/** What kind of partner a country is. */
export type CountryKind =
  /** A sovereign country. */
  | 'COUNTRY'
  /** A customs territory or economy (Hong Kong, Macao). */
  | 'ECONOMY'
  /** A union of countries (the EU). */
  | 'UNION';

/** How precisely a date is known. */
export type DatePrecision =
  /** The exact day is known. */
  | 'DAY'
  /** The year and month are known. */
  | 'MONTH'
  /** Only the year is known. */
  | 'YEAR';

/**
 * A range of dates for filters. A date matches when any day it can stand for lies in the range:
 * `{ from: "2008", to: "2008" }` matches `2008`, `2008-08` and `2008-12-01`.
 */
export type DateRange = {
  /** Earliest date, inclusive (`YYYY`, `YYYY-MM` or `YYYY-MM-DD`). */
  from?: string | null | undefined;
  /** Latest date, inclusive (`YYYY`, `YYYY-MM` or `YYYY-MM-DD`). */
  to?: string | null | undefined;
};

/** What kind of standing body a meeting is. */
export type MeetingKind =
  /** An international conference or committee meeting. */
  | 'CONFERENCE'
  /** A law enforcement meeting (national or regional). */
  | 'ENFORCEMENT_MEETING'
  /** A headquarters established in the cabinet. */
  | 'HEADQUARTERS'
  /** A ministerial meeting (e.g. Measures against Crime). */
  | 'MINISTERIAL_MEETING'
  /** Any other kind. */
  | 'OTHER'
  /** A promotion meeting under the ministerial meeting. */
  | 'PROMOTION_MEETING';

/** How a member sits on a meeting. */
export type MembershipType =
  /** Chairs it (chief or deputy). */
  | 'CHAIRS'
  /** Is a member. */
  | 'MEMBER_OF';

/** What kind of post an office is. */
export type OfficeKind =
  /** The chair of a commission. */
  | 'CHAIR'
  /** A chief of a department or body. */
  | 'CHIEF'
  /** A commandant (e.g. of the Japan Coast Guard). */
  | 'COMMANDANT'
  /** A deputy head. */
  | 'DEPUTY_DIRECTOR_GENERAL'
  /** A director post. */
  | 'DIRECTOR'
  /** The head of a bureau or agency. */
  | 'DIRECTOR_GENERAL'
  /** A manager post (e.g. Customs Manager Intelligence). */
  | 'MANAGER'
  /** A minister of state or cabinet-level post. */
  | 'MINISTER'
  /** Any other post. */
  | 'OTHER'
  /** A cabinet secretary or similar post. */
  | 'SECRETARY';

/** What kind of body an organisation is. */
export type OrganisationKind =
  /** An agency (e.g. the National Police Agency). */
  | 'AGENCY'
  /** A trade or industry association. */
  | 'ASSOCIATION'
  /** A bureau of a ministry or agency. */
  | 'BUREAU'
  /** The Cabinet as a body. */
  | 'CABINET'
  /** A centre (e.g. the National Intelligence & Targeting Center). */
  | 'CENTRE'
  /** The coast guard. */
  | 'COAST_GUARD'
  /** A commission (e.g. the National Public Safety Commission). */
  | 'COMMISSION'
  /** A committee. */
  | 'COMMITTEE'
  /** Japan Customs as a whole, or the regional Customs collectively. */
  | 'CUSTOMS'
  /** A regional customs office (e.g. Yokohama Customs). */
  | 'CUSTOMS_OFFICE'
  /** A department of a bureau. */
  | 'DEPARTMENT'
  /** A division. */
  | 'DIVISION'
  /** A group of bodies the source counts but does not name one by one. */
  | 'GROUP'
  /** An international organisation or one of its offices (WCO, RILO). */
  | 'INTERNATIONAL_BODY'
  /** A ministry. */
  | 'MINISTRY'
  /** An office inside a body (e.g. the International Intelligence Office). */
  | 'OFFICE'
  /** Any other kind of body. */
  | 'OTHER'
  /** Police forces. */
  | 'POLICE'
  /** A secretariat (e.g. the Cabinet Secretariat). */
  | 'SECRETARIAT';

/** What kind of policy document a plan is. */
export type PlanKind =
  /** A set of emergency measures. */
  | 'EMERGENCY_MEASURES'
  /** Guidelines. */
  | 'GUIDELINES'
  /** An outline of basic policy. */
  | 'OUTLINE'
  /** A plan (e.g. a yearly or three-year promotion plan). */
  | 'PLAN'
  /** A multi-year strategy. */
  | 'STRATEGY';

/** The relationship types of the graph, for filtering paths, neighbourhoods and common ground. */
export type RelationshipType =
  /** A meeting is administered by a body, for a period. */
  | 'ADMINISTERED_BY'
  /** A meeting adopted a plan. */
  | 'ADOPTED'
  /** An agreement between Japan (or a Japanese body) and a partner. */
  | 'AGREEMENT'
  /** A body (the Cabinet) approved a plan. */
  | 'APPROVED'
  /** A post chairs a meeting (role CHIEF or DEPUTY). */
  | 'CHAIRS'
  /** A meeting convened (a session). */
  | 'CONVENED'
  /** Two bodies cooperate. */
  | 'COOPERATES_WITH'
  /** A plan covers a numbered measure category. */
  | 'COVERS'
  /** An indicator has a yearly observation. */
  | 'HAS_OBSERVATION'
  /** A body or country hosted another body, for a period. */
  | 'HOSTED'
  /** A body is located in a country. */
  | 'LOCATED_IN'
  /** A post or a body sits on a meeting, or a body belongs to a group. */
  | 'MEMBER_OF'
  /** A body operates a capability. */
  | 'OPERATES'
  /** A body organises a meeting. */
  | 'ORGANISES'
  /** A body takes part in a meeting or conference. */
  | 'PARTICIPATES_IN'
  /** A post or body belongs to a larger body; a meeting sits under another. */
  | 'PART_OF'
  /** An indicator is reported or checked by a body. */
  | 'REPORTED_BY'
  /** A plan or meeting replaced an earlier one. */
  | 'SUPERSEDES';

/** A type that search can return. */
export type SearchableType =
  /** Capabilities. */
  | 'CAPABILITY'
  /** Countries. */
  | 'COUNTRY'
  /** Indicators. */
  | 'INDICATOR'
  /** Measure categories. */
  | 'MEASURE_CATEGORY'
  /** Meetings. */
  | 'MEETING'
  /** Offices. */
  | 'OFFICE'
  /** Organisations. */
  | 'ORGANISATION'
  /** Plans. */
  | 'PLAN';

/** Sort direction. */
export type SortDirection =
  /** Smallest first (A to Z, oldest first). */
  | 'ASC'
  /** Largest first (Z to A, newest first). */
  | 'DESC';

/** What kind of dated event. */
export type TimelineEventKind =
  /** A plan was adopted (decided, drawn up, compiled). */
  | 'ADOPTED'
  /** A plan was approved (by the Cabinet). */
  | 'APPROVED'
  /** A standing body first convened. */
  | 'CONVENED'
  /** An agreement was enacted. */
  | 'ENACTED'
  /** A body, post or centre was established. */
  | 'ESTABLISHED'
  /** A body began to be hosted (its first known host). */
  | 'HOSTED'
  /** A capability was introduced. */
  | 'INTRODUCED'
  /** A meeting's administration moved to another body. */
  | 'JURISDICTION_MOVED'
  /** A body moved to another host. */
  | 'RELOCATED'
  /** A body was reorganised into a new one (SUPERSEDES between meetings). */
  | 'REORGANISED'
  /** An agreement was revised. */
  | 'REVISED'
  /** A plan was followed by a new one (SUPERSEDES between plans). */
  | 'SUPERSEDED';

/** Which way a walk crossed a relationship. */
export type TraversalDirection =
  /** From its end node to its start node (against its arrow). */
  | 'BACKWARD'
  /** From the relationship's start node to its end node (along its arrow). */
  | 'FORWARD';

export type AgreementDetailQueryVariables = Exact<{
  id?: string | number;
}>;


export type AgreementDetailQuery = { node:
    | { __typename: 'Agreement', name: string, kind: AgreementKind, multilateral: boolean, status: string | null, id: string, enacted: { value: string, precision: DatePrecision } | null, parties: Array<
        | { __typename: 'Capability', id: string, name: string }
        | { __typename: 'Country', id: string, name: string }
        | { __typename: 'Indicator', id: string, name: string }
        | { __typename: 'MeasureCategory', id: string, name: string }
        | { __typename: 'Meeting', id: string, name: string }
        | { __typename: 'Office', id: string, name: string }
        | { __typename: 'Organisation', id: string, name: string }
        | { __typename: 'Plan', id: string, name: string }
      >, provenance: { section: string, quote: string | null } }
    | { __typename: 'Capability', id: string }
    | { __typename: 'Country', id: string }
    | { __typename: 'Indicator', id: string }
    | { __typename: 'MeasureCategory', id: string }
    | { __typename: 'Meeting', id: string }
    | { __typename: 'Office', id: string }
    | { __typename: 'Organisation', id: string }
    | { __typename: 'Plan', id: string }
   | null };

export type AgreementsTableQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
  filter?: AgreementFilter | null | undefined;
  orderBy?: AgreementOrder | null | undefined;
}>;


export type AgreementsTableQuery = { agreements: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ cursor: string, node: { id: string, name: string, kind: AgreementKind, multilateral: boolean, enacted: { value: string, precision: DatePrecision } | null, partners: Array<
          | { __typename: 'Capability', id: string, name: string }
          | { __typename: 'Country', id: string, name: string }
          | { __typename: 'Indicator', id: string, name: string }
          | { __typename: 'MeasureCategory', id: string, name: string }
          | { __typename: 'Meeting', id: string, name: string }
          | { __typename: 'Office', id: string, name: string }
          | { __typename: 'Organisation', id: string, name: string }
          | { __typename: 'Plan', id: string, name: string }
        > } }> } };

export type ExplorerCommonGroundQueryVariables = Exact<{
  a?: string | number;
  b?: string | number;
}>;


export type ExplorerCommonGroundQuery = { commonGround: { truncated: boolean, a:
      | { __typename: 'Capability', id: string, name: string, aliases: Array<string> }
      | { __typename: 'Country', id: string, name: string, aliases: Array<string> }
      | { __typename: 'Indicator', id: string, name: string, aliases: Array<string> }
      | { __typename: 'MeasureCategory', id: string, name: string, aliases: Array<string> }
      | { __typename: 'Meeting', id: string, name: string, aliases: Array<string> }
      | { __typename: 'Office', id: string, name: string, aliases: Array<string> }
      | { __typename: 'Organisation', id: string, name: string, aliases: Array<string> }
      | { __typename: 'Plan', id: string, name: string, aliases: Array<string> }
    , b:
      | { __typename: 'Capability', id: string, name: string, aliases: Array<string> }
      | { __typename: 'Country', id: string, name: string, aliases: Array<string> }
      | { __typename: 'Indicator', id: string, name: string, aliases: Array<string> }
      | { __typename: 'MeasureCategory', id: string, name: string, aliases: Array<string> }
      | { __typename: 'Meeting', id: string, name: string, aliases: Array<string> }
      | { __typename: 'Office', id: string, name: string, aliases: Array<string> }
      | { __typename: 'Organisation', id: string, name: string, aliases: Array<string> }
      | { __typename: 'Plan', id: string, name: string, aliases: Array<string> }
    , neighbours: Array<{ node:
        | { __typename: 'Capability', id: string, name: string, aliases: Array<string> }
        | { __typename: 'Country', id: string, name: string, aliases: Array<string> }
        | { __typename: 'Indicator', id: string, name: string, aliases: Array<string> }
        | { __typename: 'MeasureCategory', id: string, name: string, aliases: Array<string> }
        | { __typename: 'Meeting', id: string, name: string, aliases: Array<string> }
        | { __typename: 'Office', id: string, name: string, aliases: Array<string> }
        | { __typename: 'Organisation', id: string, name: string, aliases: Array<string> }
        | { __typename: 'Plan', id: string, name: string, aliases: Array<string> }
      , viaA: Array<{ id: string, type: string, startId: string, endId: string, properties: unknown, provenance: { section: string, quote: string | null, inferred: boolean, reading: string | null } }>, viaB: Array<{ id: string, type: string, startId: string, endId: string, properties: unknown, provenance: { section: string, quote: string | null, inferred: boolean, reading: string | null } }> }> } };

type ExplorerGroundNode_Capability_Fragment = { __typename: 'Capability', id: string, name: string, aliases: Array<string> };

type ExplorerGroundNode_Country_Fragment = { __typename: 'Country', id: string, name: string, aliases: Array<string> };

type ExplorerGroundNode_Indicator_Fragment = { __typename: 'Indicator', id: string, name: string, aliases: Array<string> };

type ExplorerGroundNode_MeasureCategory_Fragment = { __typename: 'MeasureCategory', id: string, name: string, aliases: Array<string> };

type ExplorerGroundNode_Meeting_Fragment = { __typename: 'Meeting', id: string, name: string, aliases: Array<string> };

type ExplorerGroundNode_Office_Fragment = { __typename: 'Office', id: string, name: string, aliases: Array<string> };

type ExplorerGroundNode_Organisation_Fragment = { __typename: 'Organisation', id: string, name: string, aliases: Array<string> };

type ExplorerGroundNode_Plan_Fragment = { __typename: 'Plan', id: string, name: string, aliases: Array<string> };

export type ExplorerGroundNodeFragment =
  | ExplorerGroundNode_Capability_Fragment
  | ExplorerGroundNode_Country_Fragment
  | ExplorerGroundNode_Indicator_Fragment
  | ExplorerGroundNode_MeasureCategory_Fragment
  | ExplorerGroundNode_Meeting_Fragment
  | ExplorerGroundNode_Office_Fragment
  | ExplorerGroundNode_Organisation_Fragment
  | ExplorerGroundNode_Plan_Fragment
;

export type ExplorerGroundEdgeFragment = { id: string, type: string, startId: string, endId: string, properties: unknown, provenance: { section: string, quote: string | null, inferred: boolean, reading: string | null } };

export type ExplorerCommonMembersQueryVariables = Exact<{
  meetings?: Array<string | number> | string | number;
}>;


export type ExplorerCommonMembersQuery = { commonMembers: Array<{ member:
      | { __typename: 'Capability', id: string, name: string, aliases: Array<string> }
      | { __typename: 'Country', id: string, name: string, aliases: Array<string> }
      | { __typename: 'Indicator', id: string, name: string, aliases: Array<string> }
      | { __typename: 'MeasureCategory', id: string, name: string, aliases: Array<string> }
      | { __typename: 'Meeting', id: string, name: string, aliases: Array<string> }
      | { __typename: 'Office', id: string, name: string, aliases: Array<string> }
      | { __typename: 'Organisation', id: string, name: string, aliases: Array<string> }
      | { __typename: 'Plan', id: string, name: string, aliases: Array<string> }
    , memberships: Array<{ type: MembershipType, role: ChairRole | null, meeting: { __typename: 'Meeting', id: string, name: string, aliases: Array<string> }, via: { __typename: 'Office', id: string, name: string, aliases: Array<string> } | null, provenance: { section: string, quote: string | null, inferred: boolean, reading: string | null } }> }> };

export type ExplorerDatesQueryVariables = Exact<{ [key: string]: never; }>;


export type ExplorerDatesQuery = { timeline: { events: Array<{ kind: TimelineEventKind, date: { value: string }, subject:
        | { id: string }
        | { id: string }
        | { id: string }
        | { id: string }
        | { id: string }
        | { id: string }
        | { id: string }
        | { id: string }
       }> } };

export type ExplorerDetailsQueryVariables = Exact<{
  id?: string | number;
}>;


export type ExplorerDetailsQuery = { node:
    | { __typename: 'Agreement', id: string }
    | { __typename: 'Capability', name: string, aliases: Array<string>, description: string | null, id: string, capabilityKind: CapabilityKind, provenance: { section: string, quote: string | null, inferred: boolean, reading: string | null, documentTitle: string }, introduced: { value: string, precision: DatePrecision, earliest: string, latest: string } | null }
    | { __typename: 'Country', name: string, aliases: Array<string>, id: string, countryKind: CountryKind, provenance: { section: string, quote: string | null, inferred: boolean, reading: string | null, documentTitle: string } }
    | { __typename: 'Indicator', name: string, aliases: Array<string>, id: string, provenance: { section: string, quote: string | null, inferred: boolean, reading: string | null, documentTitle: string } }
    | { __typename: 'MeasureCategory', name: string, aliases: Array<string>, id: string, provenance: { section: string, quote: string | null, inferred: boolean, reading: string | null, documentTitle: string } }
    | { __typename: 'Meeting', name: string, aliases: Array<string>, basis: string | null, mission: string | null, id: string, meetingKind: MeetingKind, provenance: { section: string, quote: string | null, inferred: boolean, reading: string | null, documentTitle: string }, established: { value: string, precision: DatePrecision, earliest: string, latest: string } | null, firstConvened: { value: string, precision: DatePrecision, earliest: string, latest: string } | null, dissolved: { value: string, precision: DatePrecision, earliest: string, latest: string } | null }
    | { __typename: 'Office', name: string, aliases: Array<string>, id: string, officeKind: OfficeKind, provenance: { section: string, quote: string | null, inferred: boolean, reading: string | null, documentTitle: string } }
    | { __typename: 'Organisation', name: string, aliases: Array<string>, description: string | null, id: string, organisationKind: OrganisationKind, provenance: { section: string, quote: string | null, inferred: boolean, reading: string | null, documentTitle: string }, established: { value: string, precision: DatePrecision, earliest: string, latest: string } | null }
    | { __typename: 'Plan', name: string, aliases: Array<string>, followUp: string | null, summary: string | null, id: string, planKind: PlanKind, provenance: { section: string, quote: string | null, inferred: boolean, reading: string | null, documentTitle: string }, adopted: { value: string, precision: DatePrecision, earliest: string, latest: string } | null }
   | null };

export type ExplorerDateFragment = { value: string, precision: DatePrecision, earliest: string, latest: string };

export type ExplorerLineageQueryVariables = Exact<{
  id?: string | number;
}>;


export type ExplorerLineageQuery = { lineage: { steps: Array<{ position: number, node:
        | { __typename: 'Capability', id: string, name: string, aliases: Array<string> }
        | { __typename: 'Country', id: string, name: string, aliases: Array<string> }
        | { __typename: 'Indicator', id: string, name: string, aliases: Array<string> }
        | { __typename: 'MeasureCategory', id: string, name: string, aliases: Array<string> }
        | { __typename: 'Meeting', id: string, name: string, aliases: Array<string> }
        | { __typename: 'Office', id: string, name: string, aliases: Array<string> }
        | { __typename: 'Organisation', id: string, name: string, aliases: Array<string> }
        | { __typename: 'Plan', id: string, name: string, aliases: Array<string> }
      , date: { value: string, precision: DatePrecision } | null, supersededOn: { value: string, precision: DatePrecision } | null, provenance: { section: string, quote: string | null, inferred: boolean, reading: string | null } | null }> } };

export type ExplorerNeighbourhoodQueryVariables = Exact<{
  id?: string | number;
  depth?: number | null | undefined;
  limit?: number | null | undefined;
}>;


export type ExplorerNeighbourhoodQuery = { neighbourhood: { truncated: boolean, nodes: Array<{ distance: number, node:
        | { __typename: 'Capability', id: string, name: string, aliases: Array<string> }
        | { __typename: 'Country', id: string, name: string, aliases: Array<string> }
        | { __typename: 'Indicator', id: string, name: string, aliases: Array<string> }
        | { __typename: 'MeasureCategory', id: string, name: string, aliases: Array<string> }
        | { __typename: 'Meeting', id: string, name: string, aliases: Array<string> }
        | { __typename: 'Office', id: string, name: string, aliases: Array<string> }
        | { __typename: 'Organisation', id: string, name: string, aliases: Array<string> }
        | { __typename: 'Plan', id: string, name: string, aliases: Array<string> }
       }>, relationships: Array<{ id: string, type: string, startId: string, endId: string, properties: unknown, provenance: { section: string, quote: string | null, inferred: boolean, reading: string | null } }> } };

type ExplorerNode_Capability_Fragment = { __typename: 'Capability', id: string, name: string, aliases: Array<string> };

type ExplorerNode_Country_Fragment = { __typename: 'Country', id: string, name: string, aliases: Array<string> };

type ExplorerNode_Indicator_Fragment = { __typename: 'Indicator', id: string, name: string, aliases: Array<string> };

type ExplorerNode_MeasureCategory_Fragment = { __typename: 'MeasureCategory', id: string, name: string, aliases: Array<string> };

type ExplorerNode_Meeting_Fragment = { __typename: 'Meeting', id: string, name: string, aliases: Array<string> };

type ExplorerNode_Office_Fragment = { __typename: 'Office', id: string, name: string, aliases: Array<string> };

type ExplorerNode_Organisation_Fragment = { __typename: 'Organisation', id: string, name: string, aliases: Array<string> };

type ExplorerNode_Plan_Fragment = { __typename: 'Plan', id: string, name: string, aliases: Array<string> };

export type ExplorerNodeFragment =
  | ExplorerNode_Capability_Fragment
  | ExplorerNode_Country_Fragment
  | ExplorerNode_Indicator_Fragment
  | ExplorerNode_MeasureCategory_Fragment
  | ExplorerNode_Meeting_Fragment
  | ExplorerNode_Office_Fragment
  | ExplorerNode_Organisation_Fragment
  | ExplorerNode_Plan_Fragment
;

export type ExplorerEdgeFragment = { id: string, type: string, startId: string, endId: string, properties: unknown, provenance: { section: string, quote: string | null, inferred: boolean, reading: string | null } };

export type ExplorerPathQueryVariables = Exact<{
  from?: string | number;
  to?: string | number;
}>;


export type ExplorerPathQuery = { shortestPath: { truncated: boolean, paths: Array<{ nodes: Array<
        | { __typename: 'Capability', id: string, name: string, aliases: Array<string> }
        | { __typename: 'Country', id: string, name: string, aliases: Array<string> }
        | { __typename: 'Indicator', id: string, name: string, aliases: Array<string> }
        | { __typename: 'MeasureCategory', id: string, name: string, aliases: Array<string> }
        | { __typename: 'Meeting', id: string, name: string, aliases: Array<string> }
        | { __typename: 'Office', id: string, name: string, aliases: Array<string> }
        | { __typename: 'Organisation', id: string, name: string, aliases: Array<string> }
        | { __typename: 'Plan', id: string, name: string, aliases: Array<string> }
      >, relationships: Array<{ id: string, type: string, startId: string, endId: string, properties: unknown, provenance: { section: string, quote: string | null, inferred: boolean, reading: string | null } }> }> } };

export type ExplorerSearchQueryVariables = Exact<{
  text?: string;
}>;


export type ExplorerSearchQuery = { search: Array<{ node:
      | { __typename: 'Capability', id: string, name: string }
      | { __typename: 'Country', id: string, name: string }
      | { __typename: 'Indicator', id: string, name: string }
      | { __typename: 'MeasureCategory', id: string, name: string }
      | { __typename: 'Meeting', id: string, name: string }
      | { __typename: 'Office', id: string, name: string }
      | { __typename: 'Organisation', id: string, name: string }
      | { __typename: 'Plan', id: string, name: string }
     }> };

export type ExplorerStateAsOfQueryVariables = Exact<{
  date?: string;
}>;


export type ExplorerStateAsOfQuery = { stateAsOf: { date: { value: string, precision: DatePrecision, earliest: string, latest: string }, meetings: Array<{ meeting: { id: string }, administeredBy: Array<{ organisation: { id: string } }>, parent: { id: string } | null }>, agreements: Array<{ id: string }>, hostings: Array<{ host:
        | { id: string }
        | { id: string }
        | { id: string }
        | { id: string }
        | { id: string }
        | { id: string }
        | { id: string }
        | { id: string }
      , hosted: { id: string } }> }, timeline: { events: Array<{ subject:
        | { id: string }
        | { id: string }
        | { id: string }
        | { id: string }
        | { id: string }
        | { id: string }
        | { id: string }
        | { id: string }
       }> } };

export type MeetingPageQueryVariables = Exact<{
  id?: string | number;
}>;


export type MeetingPageQuery = { node:
    | { __typename: 'Agreement', id: string }
    | { __typename: 'Capability', id: string }
    | { __typename: 'Country', id: string }
    | { __typename: 'Indicator', id: string }
    | { __typename: 'MeasureCategory', id: string }
    | { __typename: 'Meeting', name: string, aliases: Array<string>, kind: MeetingKind, mission: string | null, id: string, established: { value: string, precision: DatePrecision } | null, dissolved: { value: string, precision: DatePrecision } | null, chief: { id: string, name: string } | null, deputies: Array<{ id: string, name: string }>, members: Array<
        | { __typename: 'Office', id: string, name: string }
        | { __typename: 'Organisation', id: string, name: string }
      >, plansAdopted: Array<{ on: { value: string } | null, plan: { id: string, name: string, kind: PlanKind } }>, parent: { id: string, name: string } | null, predecessor: { on: { value: string } | null, older:
          | { id: string, name: string }
          | { id: string, name: string }
          | { id: string, name: string }
          | { id: string, name: string }
          | { id: string, name: string }
          | { id: string, name: string }
          | { id: string, name: string }
          | { id: string, name: string }
         } | null, provenance: { section: string, quote: string | null, documentTitle: string } }
    | { __typename: 'Office', id: string }
    | { __typename: 'Organisation', id: string }
    | { __typename: 'Plan', id: string }
   | null };

export type PartnerAgreementsQueryVariables = Exact<{
  id?: string | number;
  kinds?: Array<AgreementKind> | AgreementKind | null | undefined;
}>;


export type PartnerAgreementsQuery = { node:
    | { __typename: 'Agreement', id: string }
    | { __typename: 'Capability', id: string }
    | { __typename: 'Country', name: string, aliases: Array<string>, kind: CountryKind, agreementKinds: Array<AgreementKind>, id: string, agreements: Array<{ id: string, name: string, kind: AgreementKind, multilateral: boolean, status: string | null, enacted: { value: string, precision: DatePrecision } | null, revisions: Array<{ value: string }>, provenance: { section: string, quote: string | null } }> }
    | { __typename: 'Indicator', id: string }
    | { __typename: 'MeasureCategory', id: string }
    | { __typename: 'Meeting', id: string }
    | { __typename: 'Office', id: string }
    | { __typename: 'Organisation', id: string }
    | { __typename: 'Plan', id: string }
   | null };

export type PlanLineageQueryVariables = Exact<{
  id?: string | number;
}>;


export type PlanLineageQuery = { node:
    | { __typename: 'Agreement', id: string }
    | { __typename: 'Capability', id: string }
    | { __typename: 'Country', id: string }
    | { __typename: 'Indicator', id: string }
    | { __typename: 'MeasureCategory', id: string }
    | { __typename: 'Meeting', id: string }
    | { __typename: 'Office', id: string }
    | { __typename: 'Organisation', id: string }
    | { __typename: 'Plan', summary: string | null, id: string, name: string, categories: Array<{ id: string, ordinal: number, name: string }>, adoptedBy: { on: { value: string } | null, meeting: { id: string, name: string } } | null, supersedes: { on: { value: string } | null, older:
          | { __typename: 'Capability', id: string, name: string }
          | { __typename: 'Country', id: string, name: string }
          | { __typename: 'Indicator', id: string, name: string }
          | { __typename: 'MeasureCategory', id: string, name: string }
          | { __typename: 'Meeting', id: string, name: string }
          | { __typename: 'Office', id: string, name: string }
          | { __typename: 'Organisation', id: string, name: string }
          | { __typename: 'Plan', id: string, name: string, supersedes: { on: { value: string } | null, older:
                | { __typename: 'Capability', id: string, name: string }
                | { __typename: 'Country', id: string, name: string }
                | { __typename: 'Indicator', id: string, name: string }
                | { __typename: 'MeasureCategory', id: string, name: string }
                | { __typename: 'Meeting', id: string, name: string }
                | { __typename: 'Office', id: string, name: string }
                | { __typename: 'Organisation', id: string, name: string }
                | { __typename: 'Plan', id: string, name: string, supersedes: { on: { value: string } | null, older:
                      | { __typename: 'Capability', id: string, name: string }
                      | { __typename: 'Country', id: string, name: string }
                      | { __typename: 'Indicator', id: string, name: string }
                      | { __typename: 'MeasureCategory', id: string, name: string }
                      | { __typename: 'Meeting', id: string, name: string }
                      | { __typename: 'Office', id: string, name: string }
                      | { __typename: 'Organisation', id: string, name: string }
                      | { __typename: 'Plan', id: string, name: string, adopted: { value: string, precision: DatePrecision } | null }
                     } | null, adopted: { value: string, precision: DatePrecision } | null }
               } | null, adopted: { value: string, precision: DatePrecision } | null }
         } | null, supersededBy: { on: { value: string } | null, newer:
          | { __typename: 'Capability', id: string, name: string }
          | { __typename: 'Country', id: string, name: string }
          | { __typename: 'Indicator', id: string, name: string }
          | { __typename: 'MeasureCategory', id: string, name: string }
          | { __typename: 'Meeting', id: string, name: string }
          | { __typename: 'Office', id: string, name: string }
          | { __typename: 'Organisation', id: string, name: string }
          | { __typename: 'Plan', id: string, name: string, supersededBy: { on: { value: string } | null, newer:
                | { __typename: 'Capability', id: string, name: string }
                | { __typename: 'Country', id: string, name: string }
                | { __typename: 'Indicator', id: string, name: string }
                | { __typename: 'MeasureCategory', id: string, name: string }
                | { __typename: 'Meeting', id: string, name: string }
                | { __typename: 'Office', id: string, name: string }
                | { __typename: 'Organisation', id: string, name: string }
                | { __typename: 'Plan', id: string, name: string, supersededBy: { on: { value: string } | null, newer:
                      | { __typename: 'Capability', id: string, name: string }
                      | { __typename: 'Country', id: string, name: string }
                      | { __typename: 'Indicator', id: string, name: string }
                      | { __typename: 'MeasureCategory', id: string, name: string }
                      | { __typename: 'Meeting', id: string, name: string }
                      | { __typename: 'Office', id: string, name: string }
                      | { __typename: 'Organisation', id: string, name: string }
                      | { __typename: 'Plan', id: string, name: string, adopted: { value: string, precision: DatePrecision } | null }
                     } | null, adopted: { value: string, precision: DatePrecision } | null }
               } | null, adopted: { value: string, precision: DatePrecision } | null }
         } | null, adopted: { value: string, precision: DatePrecision } | null }
   | null, lineage: { steps: Array<{ position: number, node:
        | { __typename: 'Capability', id: string, name: string }
        | { __typename: 'Country', id: string, name: string }
        | { __typename: 'Indicator', id: string, name: string }
        | { __typename: 'MeasureCategory', id: string, name: string }
        | { __typename: 'Meeting', id: string, name: string }
        | { __typename: 'Office', id: string, name: string }
        | { __typename: 'Organisation', id: string, name: string }
        | { __typename: 'Plan', id: string, name: string, adopted: { value: string, precision: DatePrecision } | null }
      , supersededOn: { value: string } | null }> } };

type PlanSummary_Capability_Fragment = { __typename: 'Capability', id: string, name: string };

type PlanSummary_Country_Fragment = { __typename: 'Country', id: string, name: string };

type PlanSummary_Indicator_Fragment = { __typename: 'Indicator', id: string, name: string };

type PlanSummary_MeasureCategory_Fragment = { __typename: 'MeasureCategory', id: string, name: string };

type PlanSummary_Meeting_Fragment = { __typename: 'Meeting', id: string, name: string };

type PlanSummary_Office_Fragment = { __typename: 'Office', id: string, name: string };

type PlanSummary_Organisation_Fragment = { __typename: 'Organisation', id: string, name: string };

type PlanSummary_Plan_Fragment = { __typename: 'Plan', id: string, name: string, adopted: { value: string, precision: DatePrecision } | null };

export type PlanSummaryFragment =
  | PlanSummary_Capability_Fragment
  | PlanSummary_Country_Fragment
  | PlanSummary_Indicator_Fragment
  | PlanSummary_MeasureCategory_Fragment
  | PlanSummary_Meeting_Fragment
  | PlanSummary_Office_Fragment
  | PlanSummary_Organisation_Fragment
  | PlanSummary_Plan_Fragment
;

export type SearchAsYouTypeQueryVariables = Exact<{
  text?: string;
  types?: Array<SearchableType> | SearchableType | null | undefined;
  first?: number | null | undefined;
}>;


export type SearchAsYouTypeQuery = { search: Array<{ score: number, matched: string, node:
      | { __typename: 'Capability', id: string, name: string }
      | { __typename: 'Country', id: string, name: string }
      | { __typename: 'Indicator', id: string, name: string }
      | { __typename: 'MeasureCategory', id: string, name: string }
      | { __typename: 'Meeting', id: string, name: string }
      | { __typename: 'Office', id: string, name: string }
      | { __typename: 'Organisation', id: string, name: string }
      | { __typename: 'Plan', id: string, name: string }
     }> };

export type ShortestPathQueryVariables = Exact<{
  from?: string | number;
  to?: string | number;
  maxHops?: number | null | undefined;
  relationshipTypes?: Array<RelationshipType> | RelationshipType | null | undefined;
}>;


export type ShortestPathQuery = { shortestPath: { maxHops: number, truncated: boolean, paths: Array<{ length: number, nodes: Array<
        | { __typename: 'Capability', id: string, name: string }
        | { __typename: 'Country', id: string, name: string }
        | { __typename: 'Indicator', id: string, name: string }
        | { __typename: 'MeasureCategory', id: string, name: string }
        | { __typename: 'Meeting', id: string, name: string }
        | { __typename: 'Office', id: string, name: string }
        | { __typename: 'Organisation', id: string, name: string }
        | { __typename: 'Plan', id: string, name: string }
      >, relationships: Array<{ id: string, type: string, direction: TraversalDirection, startId: string, endId: string, properties: unknown }> }> } };

export type StateAsOfQueryVariables = Exact<{
  date?: string;
}>;


export type StateAsOfQuery = { stateAsOf: { date: { value: string, precision: DatePrecision }, meetings: Array<{ meeting: { id: string, name: string }, since: { value: string } | null, administeredBy: Array<{ organisation: { id: string, name: string }, from: { value: string } | null, until: { value: string } | null }>, parent: { id: string, name: string } | null }>, agreements: Array<{ id: string, name: string, kind: AgreementKind, enacted: { value: string } | null }>, hostings: Array<{ host:
        | { __typename: 'Capability', id: string, name: string }
        | { __typename: 'Country', id: string, name: string }
        | { __typename: 'Indicator', id: string, name: string }
        | { __typename: 'MeasureCategory', id: string, name: string }
        | { __typename: 'Meeting', id: string, name: string }
        | { __typename: 'Office', id: string, name: string }
        | { __typename: 'Organisation', id: string, name: string }
        | { __typename: 'Plan', id: string, name: string }
      , hosted: { id: string, name: string }, from: { value: string } | null, until: { value: string } | null }> } };

export type StructureAsOfQueryVariables = Exact<{
  date?: string;
}>;


export type StructureAsOfQuery = { meetings: { totalCount: number, edges: Array<{ node: { id: string, name: string, kind: MeetingKind, established: { value: string } | null } }> }, firearmsMeeting:
    | { __typename: 'Agreement', id: string }
    | { __typename: 'Capability', id: string }
    | { __typename: 'Country', id: string }
    | { __typename: 'Indicator', id: string }
    | { __typename: 'MeasureCategory', id: string }
    | { __typename: 'Meeting', name: string, id: string, administeredBy: Array<{ organisation: { id: string, name: string }, from: { value: string } | null, until: { value: string } | null }> }
    | { __typename: 'Office', id: string }
    | { __typename: 'Organisation', id: string }
    | { __typename: 'Plan', id: string }
   | null };

export type WhoChairsTheFirearmsMeetingQueryVariables = Exact<{ [key: string]: never; }>;


export type WhoChairsTheFirearmsMeetingQuery = { node:
    | { __typename: 'Agreement', id: string }
    | { __typename: 'Capability', id: string }
    | { __typename: 'Country', id: string }
    | { __typename: 'Indicator', id: string }
    | { __typename: 'MeasureCategory', id: string }
    | { __typename: 'Meeting', name: string, id: string, chairs: Array<{ role: ChairRole, office: { id: string, name: string, organisation: { id: string, name: string } | null }, provenance: { section: string, quote: string | null } }> }
    | { __typename: 'Office', id: string }
    | { __typename: 'Organisation', id: string }
    | { __typename: 'Plan', id: string }
   | null };

export const ExplorerGroundNodeFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ExplorerGroundNode"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Entity"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"aliases"}}]}}]} as unknown as DocumentNode<ExplorerGroundNodeFragment, unknown>;
export const ExplorerGroundEdgeFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ExplorerGroundEdge"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"GraphRelationship"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"startId"}},{"kind":"Field","name":{"kind":"Name","value":"endId"}},{"kind":"Field","name":{"kind":"Name","value":"properties"}},{"kind":"Field","name":{"kind":"Name","value":"provenance"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"section"}},{"kind":"Field","name":{"kind":"Name","value":"quote"}},{"kind":"Field","name":{"kind":"Name","value":"inferred"}},{"kind":"Field","name":{"kind":"Name","value":"reading"}}]}}]}}]} as unknown as DocumentNode<ExplorerGroundEdgeFragment, unknown>;
export const ExplorerDateFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ExplorerDate"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"SourceDate"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"precision"}},{"kind":"Field","name":{"kind":"Name","value":"earliest"}},{"kind":"Field","name":{"kind":"Name","value":"latest"}}]}}]} as unknown as DocumentNode<ExplorerDateFragment, unknown>;
export const ExplorerNodeFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ExplorerNode"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Entity"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"aliases"}}]}}]} as unknown as DocumentNode<ExplorerNodeFragment, unknown>;
export const ExplorerEdgeFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ExplorerEdge"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"GraphRelationship"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"startId"}},{"kind":"Field","name":{"kind":"Name","value":"endId"}},{"kind":"Field","name":{"kind":"Name","value":"properties"}},{"kind":"Field","name":{"kind":"Name","value":"provenance"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"section"}},{"kind":"Field","name":{"kind":"Name","value":"quote"}},{"kind":"Field","name":{"kind":"Name","value":"inferred"}},{"kind":"Field","name":{"kind":"Name","value":"reading"}}]}}]}}]} as unknown as DocumentNode<ExplorerEdgeFragment, unknown>;
export const PlanSummaryFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"PlanSummary"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Entity"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Plan"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"adopted"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"precision"}}]}}]}}]}}]} as unknown as DocumentNode<PlanSummaryFragment, unknown>;
export const AgreementDetailDocument = {"__meta__":{"hash":"sha256:962360e72bf60476daf867b2dc6ebb4a4bf2ae269d61a0c286ee1a75e741b618"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AgreementDetail"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}},"defaultValue":{"kind":"StringValue","value":"agreement:tpp","block":false}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Agreement"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"multilateral"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"enacted"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"precision"}}]}},{"kind":"Field","name":{"kind":"Name","value":"parties"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"provenance"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"section"}},{"kind":"Field","name":{"kind":"Name","value":"quote"}}]}}]}}]}}]}}]} as unknown as DocumentNode<AgreementDetailQuery, AgreementDetailQueryVariables>;
export const AgreementsTableDocument = {"__meta__":{"hash":"sha256:542841f9872e61716f58901832f0bd4d051eed46b0d6c53c949a2459c2f62667"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AgreementsTable"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}},"defaultValue":{"kind":"IntValue","value":"10"}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"AgreementFilter"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"orderBy"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"AgreementOrder"}},"defaultValue":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"field"},"value":{"kind":"EnumValue","value":"ENACTED"}},{"kind":"ObjectField","name":{"kind":"Name","value":"direction"},"value":{"kind":"EnumValue","value":"ASC"}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"agreements"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"orderBy"},"value":{"kind":"Variable","name":{"kind":"Name","value":"orderBy"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"multilateral"}},{"kind":"Field","name":{"kind":"Name","value":"enacted"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"precision"}}]}},{"kind":"Field","name":{"kind":"Name","value":"partners"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<AgreementsTableQuery, AgreementsTableQueryVariables>;
export const ExplorerCommonGroundDocument = {"__meta__":{"hash":"sha256:c1aa6ed4da9f6ad332c16bc0a897fbd3b55d32323ecbfba4bf52c19b5448693d"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ExplorerCommonGround"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"a"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}},"defaultValue":{"kind":"StringValue","value":"organisation:japan-customs","block":false}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"b"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}},"defaultValue":{"kind":"StringValue","value":"organisation:npa","block":false}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"commonGround"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"a"},"value":{"kind":"Variable","name":{"kind":"Name","value":"a"}}},{"kind":"Argument","name":{"kind":"Name","value":"b"},"value":{"kind":"Variable","name":{"kind":"Name","value":"b"}}},{"kind":"Argument","name":{"kind":"Name","value":"limit"},"value":{"kind":"IntValue","value":"200"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"truncated"}},{"kind":"Field","name":{"kind":"Name","value":"a"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ExplorerGroundNode"}}]}},{"kind":"Field","name":{"kind":"Name","value":"b"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ExplorerGroundNode"}}]}},{"kind":"Field","name":{"kind":"Name","value":"neighbours"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ExplorerGroundNode"}}]}},{"kind":"Field","name":{"kind":"Name","value":"viaA"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ExplorerGroundEdge"}}]}},{"kind":"Field","name":{"kind":"Name","value":"viaB"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ExplorerGroundEdge"}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ExplorerGroundNode"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Entity"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"aliases"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ExplorerGroundEdge"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"GraphRelationship"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"startId"}},{"kind":"Field","name":{"kind":"Name","value":"endId"}},{"kind":"Field","name":{"kind":"Name","value":"properties"}},{"kind":"Field","name":{"kind":"Name","value":"provenance"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"section"}},{"kind":"Field","name":{"kind":"Name","value":"quote"}},{"kind":"Field","name":{"kind":"Name","value":"inferred"}},{"kind":"Field","name":{"kind":"Name","value":"reading"}}]}}]}}]} as unknown as DocumentNode<ExplorerCommonGroundQuery, ExplorerCommonGroundQueryVariables>;
export const ExplorerCommonMembersDocument = {"__meta__":{"hash":"sha256:1113a4b81517766158c8f62e4a7a6b3c36dcf9c7303ec7c3371fa4e2b4e443e9"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ExplorerCommonMembers"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"meetings"}},"type":{"kind":"NonNullType","type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}},"defaultValue":{"kind":"ListValue","values":[{"kind":"StringValue","value":"meeting:drug-abuse-promotion","block":false},{"kind":"StringValue","value":"meeting:firearms-promotion","block":false}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"commonMembers"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"meetings"},"value":{"kind":"Variable","name":{"kind":"Name","value":"meetings"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"member"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"aliases"}}]}},{"kind":"Field","name":{"kind":"Name","value":"memberships"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"meeting"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"aliases"}}]}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"via"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"aliases"}}]}},{"kind":"Field","name":{"kind":"Name","value":"provenance"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"section"}},{"kind":"Field","name":{"kind":"Name","value":"quote"}},{"kind":"Field","name":{"kind":"Name","value":"inferred"}},{"kind":"Field","name":{"kind":"Name","value":"reading"}}]}}]}}]}}]}}]} as unknown as DocumentNode<ExplorerCommonMembersQuery, ExplorerCommonMembersQueryVariables>;
export const ExplorerDatesDocument = {"__meta__":{"hash":"sha256:d4537d515ae407551219a081836e1fdb7de987336aa711a8b06a1accfcdbdafc"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ExplorerDates"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"timeline"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"limit"},"value":{"kind":"IntValue","value":"2000"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"events"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"date"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"value"}}]}},{"kind":"Field","name":{"kind":"Name","value":"subject"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]}}]}}]} as unknown as DocumentNode<ExplorerDatesQuery, ExplorerDatesQueryVariables>;
export const ExplorerDetailsDocument = {"__meta__":{"hash":"sha256:7b2f6f6d8f72de76534737182db83500eb43625cbe46677ea7c66b4ed711f248"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ExplorerDetails"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}},"defaultValue":{"kind":"StringValue","value":"meeting:drug-abuse-hq","block":false}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Entity"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"aliases"}},{"kind":"Field","name":{"kind":"Name","value":"provenance"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"section"}},{"kind":"Field","name":{"kind":"Name","value":"quote"}},{"kind":"Field","name":{"kind":"Name","value":"inferred"}},{"kind":"Field","name":{"kind":"Name","value":"reading"}},{"kind":"Field","name":{"kind":"Name","value":"documentTitle"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Meeting"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","alias":{"kind":"Name","value":"meetingKind"},"name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"established"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ExplorerDate"}}]}},{"kind":"Field","name":{"kind":"Name","value":"firstConvened"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ExplorerDate"}}]}},{"kind":"Field","name":{"kind":"Name","value":"dissolved"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ExplorerDate"}}]}},{"kind":"Field","name":{"kind":"Name","value":"basis"}},{"kind":"Field","name":{"kind":"Name","value":"mission"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Organisation"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","alias":{"kind":"Name","value":"organisationKind"},"name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"established"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ExplorerDate"}}]}},{"kind":"Field","name":{"kind":"Name","value":"description"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Plan"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","alias":{"kind":"Name","value":"planKind"},"name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"adopted"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ExplorerDate"}}]}},{"kind":"Field","name":{"kind":"Name","value":"followUp"}},{"kind":"Field","name":{"kind":"Name","value":"summary"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Office"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","alias":{"kind":"Name","value":"officeKind"},"name":{"kind":"Name","value":"kind"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Country"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","alias":{"kind":"Name","value":"countryKind"},"name":{"kind":"Name","value":"kind"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Capability"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","alias":{"kind":"Name","value":"capabilityKind"},"name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"introduced"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ExplorerDate"}}]}},{"kind":"Field","name":{"kind":"Name","value":"description"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ExplorerDate"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"SourceDate"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"precision"}},{"kind":"Field","name":{"kind":"Name","value":"earliest"}},{"kind":"Field","name":{"kind":"Name","value":"latest"}}]}}]} as unknown as DocumentNode<ExplorerDetailsQuery, ExplorerDetailsQueryVariables>;
export const ExplorerLineageDocument = {"__meta__":{"hash":"sha256:0e249118889f69036ede763f05a98b29b8ec4a2368ec4e323651bb8beaae3b6f"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ExplorerLineage"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}},"defaultValue":{"kind":"StringValue","value":"plan:drug-strategy-4","block":false}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"lineage"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"steps"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"position"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"aliases"}}]}},{"kind":"Field","name":{"kind":"Name","value":"date"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"precision"}}]}},{"kind":"Field","name":{"kind":"Name","value":"supersededOn"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"precision"}}]}},{"kind":"Field","name":{"kind":"Name","value":"provenance"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"section"}},{"kind":"Field","name":{"kind":"Name","value":"quote"}},{"kind":"Field","name":{"kind":"Name","value":"inferred"}},{"kind":"Field","name":{"kind":"Name","value":"reading"}}]}}]}}]}}]}}]} as unknown as DocumentNode<ExplorerLineageQuery, ExplorerLineageQueryVariables>;
export const ExplorerNeighbourhoodDocument = {"__meta__":{"hash":"sha256:a465916cf5050043f57fdb0df608690894317a14709236787b068db72b16b767"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ExplorerNeighbourhood"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}},"defaultValue":{"kind":"StringValue","value":"meeting:firearms-promotion","block":false}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"depth"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}},"defaultValue":{"kind":"IntValue","value":"1"}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"limit"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}},"defaultValue":{"kind":"IntValue","value":"150"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"neighbourhood"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"depth"},"value":{"kind":"Variable","name":{"kind":"Name","value":"depth"}}},{"kind":"Argument","name":{"kind":"Name","value":"limit"},"value":{"kind":"Variable","name":{"kind":"Name","value":"limit"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"truncated"}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"distance"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ExplorerNode"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"relationships"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ExplorerEdge"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ExplorerNode"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Entity"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"aliases"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ExplorerEdge"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"GraphRelationship"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"startId"}},{"kind":"Field","name":{"kind":"Name","value":"endId"}},{"kind":"Field","name":{"kind":"Name","value":"properties"}},{"kind":"Field","name":{"kind":"Name","value":"provenance"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"section"}},{"kind":"Field","name":{"kind":"Name","value":"quote"}},{"kind":"Field","name":{"kind":"Name","value":"inferred"}},{"kind":"Field","name":{"kind":"Name","value":"reading"}}]}}]}}]} as unknown as DocumentNode<ExplorerNeighbourhoodQuery, ExplorerNeighbourhoodQueryVariables>;
export const ExplorerPathDocument = {"__meta__":{"hash":"sha256:805fa1c0bd595d4d2977987a30fc29ba59fe3e350fb42a259807a7ab3fb06c84"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ExplorerPath"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"from"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}},"defaultValue":{"kind":"StringValue","value":"office:prime-minister","block":false}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"to"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}},"defaultValue":{"kind":"StringValue","value":"meeting:firearms-promotion","block":false}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"shortestPath"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"from"},"value":{"kind":"Variable","name":{"kind":"Name","value":"from"}}},{"kind":"Argument","name":{"kind":"Name","value":"to"},"value":{"kind":"Variable","name":{"kind":"Name","value":"to"}}},{"kind":"Argument","name":{"kind":"Name","value":"all"},"value":{"kind":"BooleanValue","value":true}},{"kind":"Argument","name":{"kind":"Name","value":"maxHops"},"value":{"kind":"IntValue","value":"6"}},{"kind":"Argument","name":{"kind":"Name","value":"limit"},"value":{"kind":"IntValue","value":"10"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"truncated"}},{"kind":"Field","name":{"kind":"Name","value":"paths"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"aliases"}}]}},{"kind":"Field","name":{"kind":"Name","value":"relationships"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"startId"}},{"kind":"Field","name":{"kind":"Name","value":"endId"}},{"kind":"Field","name":{"kind":"Name","value":"properties"}},{"kind":"Field","name":{"kind":"Name","value":"provenance"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"section"}},{"kind":"Field","name":{"kind":"Name","value":"quote"}},{"kind":"Field","name":{"kind":"Name","value":"inferred"}},{"kind":"Field","name":{"kind":"Name","value":"reading"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<ExplorerPathQuery, ExplorerPathQueryVariables>;
export const ExplorerSearchDocument = {"__meta__":{"hash":"sha256:01a748cddf66884bb23cd9704e8405890095d11faa47db0db71cc714470f7827"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ExplorerSearch"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"text"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},"defaultValue":{"kind":"StringValue","value":"firearms","block":false}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"search"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"text"},"value":{"kind":"Variable","name":{"kind":"Name","value":"text"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"10"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]} as unknown as DocumentNode<ExplorerSearchQuery, ExplorerSearchQueryVariables>;
export const ExplorerStateAsOfDocument = {"__meta__":{"hash":"sha256:1004bebc1c4b83feec0eaa4c87fba25c3a80a057995bdec49bb62c0e795db85f"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ExplorerStateAsOf"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"date"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"PartialDate"}}},"defaultValue":{"kind":"StringValue","value":"2005","block":false}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"stateAsOf"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"date"},"value":{"kind":"Variable","name":{"kind":"Name","value":"date"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"date"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"precision"}},{"kind":"Field","name":{"kind":"Name","value":"earliest"}},{"kind":"Field","name":{"kind":"Name","value":"latest"}}]}},{"kind":"Field","name":{"kind":"Name","value":"meetings"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"meeting"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"administeredBy"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"organisation"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"parent"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"agreements"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"hostings"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"host"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"hosted"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"timeline"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"to"},"value":{"kind":"Variable","name":{"kind":"Name","value":"date"}}},{"kind":"Argument","name":{"kind":"Name","value":"kinds"},"value":{"kind":"ListValue","values":[{"kind":"EnumValue","value":"ESTABLISHED"},{"kind":"EnumValue","value":"ADOPTED"},{"kind":"EnumValue","value":"INTRODUCED"}]}},{"kind":"Argument","name":{"kind":"Name","value":"limit"},"value":{"kind":"IntValue","value":"2000"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"events"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"subject"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]}}]}}]} as unknown as DocumentNode<ExplorerStateAsOfQuery, ExplorerStateAsOfQueryVariables>;
export const MeetingPageDocument = {"__meta__":{"hash":"sha256:de08f34719aa8c5f6255cc97d9e77937381de437f9d85141bc482aed7b44a022"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"MeetingPage"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}},"defaultValue":{"kind":"StringValue","value":"meeting:drug-abuse-promotion","block":false}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Meeting"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"aliases"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"established"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"precision"}}]}},{"kind":"Field","name":{"kind":"Name","value":"dissolved"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"precision"}}]}},{"kind":"Field","name":{"kind":"Name","value":"mission"}},{"kind":"Field","name":{"kind":"Name","value":"chief"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"deputies"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"members"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Office"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Organisation"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"plansAdopted"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"on"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"value"}}]}},{"kind":"Field","name":{"kind":"Name","value":"plan"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"parent"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"predecessor"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"on"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"value"}}]}},{"kind":"Field","name":{"kind":"Name","value":"older"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"provenance"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"section"}},{"kind":"Field","name":{"kind":"Name","value":"quote"}},{"kind":"Field","name":{"kind":"Name","value":"documentTitle"}}]}}]}}]}}]}}]} as unknown as DocumentNode<MeetingPageQuery, MeetingPageQueryVariables>;
export const PartnerAgreementsDocument = {"__meta__":{"hash":"sha256:822366ffb6863970548ad5e3e82211de153d67ba4fdd26d5c51fa974cb4a5608"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PartnerAgreements"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}},"defaultValue":{"kind":"StringValue","value":"country:spain","block":false}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"kinds"}},"type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"AgreementKind"}}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Country"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"aliases"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"agreementKinds"}},{"kind":"Field","name":{"kind":"Name","value":"agreements"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"kinds"},"value":{"kind":"Variable","name":{"kind":"Name","value":"kinds"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"multilateral"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"enacted"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"precision"}}]}},{"kind":"Field","name":{"kind":"Name","value":"revisions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"value"}}]}},{"kind":"Field","name":{"kind":"Name","value":"provenance"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"section"}},{"kind":"Field","name":{"kind":"Name","value":"quote"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<PartnerAgreementsQuery, PartnerAgreementsQueryVariables>;
export const PlanLineageDocument = {"__meta__":{"hash":"sha256:4c4a89d45cb73cb2c41ce9061a68ea0d2ce88bb43d85f642a1d855207b7dc78e"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PlanLineage"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}},"defaultValue":{"kind":"StringValue","value":"plan:drug-strategy-4","block":false}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Plan"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"PlanSummary"}},{"kind":"Field","name":{"kind":"Name","value":"summary"}},{"kind":"Field","name":{"kind":"Name","value":"categories"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"ordinal"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"adoptedBy"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"on"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"value"}}]}},{"kind":"Field","name":{"kind":"Name","value":"meeting"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"supersedes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"on"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"value"}}]}},{"kind":"Field","name":{"kind":"Name","value":"older"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"PlanSummary"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Plan"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"supersedes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"on"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"value"}}]}},{"kind":"Field","name":{"kind":"Name","value":"older"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"PlanSummary"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Plan"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"supersedes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"on"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"value"}}]}},{"kind":"Field","name":{"kind":"Name","value":"older"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"PlanSummary"}}]}}]}}]}}]}}]}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"supersededBy"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"on"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"value"}}]}},{"kind":"Field","name":{"kind":"Name","value":"newer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"PlanSummary"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Plan"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"supersededBy"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"on"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"value"}}]}},{"kind":"Field","name":{"kind":"Name","value":"newer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"PlanSummary"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Plan"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"supersededBy"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"on"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"value"}}]}},{"kind":"Field","name":{"kind":"Name","value":"newer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"PlanSummary"}}]}}]}}]}}]}}]}}]}}]}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"lineage"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"steps"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"position"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"PlanSummary"}}]}},{"kind":"Field","name":{"kind":"Name","value":"supersededOn"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"value"}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"PlanSummary"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Entity"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Plan"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"adopted"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"precision"}}]}}]}}]}}]} as unknown as DocumentNode<PlanLineageQuery, PlanLineageQueryVariables>;
export const SearchAsYouTypeDocument = {"__meta__":{"hash":"sha256:bce8ea48e5cf38a90855c0b03c4488df44de76a2f5307319100cb0b511bcba7e"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"SearchAsYouType"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"text"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},"defaultValue":{"kind":"StringValue","value":"firarms","block":false}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"types"}},"type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"SearchableType"}}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}},"defaultValue":{"kind":"IntValue","value":"8"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"search"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"text"},"value":{"kind":"Variable","name":{"kind":"Name","value":"text"}}},{"kind":"Argument","name":{"kind":"Name","value":"types"},"value":{"kind":"Variable","name":{"kind":"Name","value":"types"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"score"}},{"kind":"Field","name":{"kind":"Name","value":"matched"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]} as unknown as DocumentNode<SearchAsYouTypeQuery, SearchAsYouTypeQueryVariables>;
export const ShortestPathDocument = {"__meta__":{"hash":"sha256:735b2ebf308d1422dd28da5b25235355d5fb26b87253c9051d7a77ed29c03ddd"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ShortestPath"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"from"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}},"defaultValue":{"kind":"StringValue","value":"office:prime-minister","block":false}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"to"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}},"defaultValue":{"kind":"StringValue","value":"meeting:firearms-promotion","block":false}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"maxHops"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}},"defaultValue":{"kind":"IntValue","value":"6"}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"relationshipTypes"}},"type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RelationshipType"}}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"shortestPath"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"from"},"value":{"kind":"Variable","name":{"kind":"Name","value":"from"}}},{"kind":"Argument","name":{"kind":"Name","value":"to"},"value":{"kind":"Variable","name":{"kind":"Name","value":"to"}}},{"kind":"Argument","name":{"kind":"Name","value":"maxHops"},"value":{"kind":"Variable","name":{"kind":"Name","value":"maxHops"}}},{"kind":"Argument","name":{"kind":"Name","value":"relationshipTypes"},"value":{"kind":"Variable","name":{"kind":"Name","value":"relationshipTypes"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"maxHops"}},{"kind":"Field","name":{"kind":"Name","value":"truncated"}},{"kind":"Field","name":{"kind":"Name","value":"paths"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"length"}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"relationships"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"direction"}},{"kind":"Field","name":{"kind":"Name","value":"startId"}},{"kind":"Field","name":{"kind":"Name","value":"endId"}},{"kind":"Field","name":{"kind":"Name","value":"properties"}}]}}]}}]}}]}}]} as unknown as DocumentNode<ShortestPathQuery, ShortestPathQueryVariables>;
export const StateAsOfDocument = {"__meta__":{"hash":"sha256:a73d7ff7161d8afef0f4f253556b9bd1abea4eb480fb97bb37d53b72a74c55e7"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"StateAsOf"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"date"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"PartialDate"}}},"defaultValue":{"kind":"StringValue","value":"2012-11","block":false}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"stateAsOf"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"date"},"value":{"kind":"Variable","name":{"kind":"Name","value":"date"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"date"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"precision"}}]}},{"kind":"Field","name":{"kind":"Name","value":"meetings"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"meeting"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"since"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"value"}}]}},{"kind":"Field","name":{"kind":"Name","value":"administeredBy"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"organisation"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"from"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"value"}}]}},{"kind":"Field","name":{"kind":"Name","value":"until"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"value"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"parent"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"agreements"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"enacted"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"value"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"hostings"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"host"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"hosted"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"from"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"value"}}]}},{"kind":"Field","name":{"kind":"Name","value":"until"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"value"}}]}}]}}]}}]}}]} as unknown as DocumentNode<StateAsOfQuery, StateAsOfQueryVariables>;
export const StructureAsOfDocument = {"__meta__":{"hash":"sha256:29f077c510f864829deedc557b5e4fb397dfbf071437d66228f83b25b176e040"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"StructureAsOf"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"date"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"PartialDate"}}},"defaultValue":{"kind":"StringValue","value":"2010","block":false}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"meetings"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"50"}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"asOf"},"value":{"kind":"Variable","name":{"kind":"Name","value":"date"}}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"established"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"value"}}]}}]}}]}}]}},{"kind":"Field","alias":{"kind":"Name","value":"firearmsMeeting"},"name":{"kind":"Name","value":"node"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"StringValue","value":"meeting:firearms-promotion","block":false}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Meeting"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"administeredBy"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"asOf"},"value":{"kind":"Variable","name":{"kind":"Name","value":"date"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"organisation"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"from"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"value"}}]}},{"kind":"Field","name":{"kind":"Name","value":"until"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"value"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<StructureAsOfQuery, StructureAsOfQueryVariables>;
export const WhoChairsTheFirearmsMeetingDocument = {"__meta__":{"hash":"sha256:02c493995fc86c12157408ea1bbc518e4110aade5c4452e20149705bfa1a8eb8"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"WhoChairsTheFirearmsMeeting"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"StringValue","value":"meeting:firearms-promotion","block":false}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Meeting"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"chairs"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"office"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"organisation"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"provenance"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"section"}},{"kind":"Field","name":{"kind":"Name","value":"quote"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<WhoChairsTheFirearmsMeetingQuery, WhoChairsTheFirearmsMeetingQueryVariables>;