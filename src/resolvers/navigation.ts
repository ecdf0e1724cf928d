/**
 * Which relationship each navigation field follows, in one table that the field resolvers read
 * (so it cannot drift from them), and the look-ahead that saves round trips: from the fields a
 * query selects on an entity, what `node(id:)` loads together with the entity itself; whether a
 * list asks for its `totalCount`, which is then read with the page.
 */
import { getDirectiveValues, GraphQLIncludeDirective, GraphQLSkipDirective, Kind, type GraphQLResolveInfo, type SelectionNode, type SelectionSetNode } from 'graphql';
import type { Services } from '../services/index.js';

/** A relationship type and the direction a field follows it in (out of or into the entity). */
export type Way = readonly [type: string, direction: 'out' | 'in'];

const out = (type: string): Way => [type, 'out'];
const into = (type: string): Way => [type, 'in'];

/** For each GraphQL object type, its navigation fields and the relationship each follows. */
export const NAVIGATION = {
  Office: { organisation: out('PART_OF'), chairs: out('CHAIRS'), memberOf: out('MEMBER_OF') },
  Organisation: {
    parent: out('PART_OF'),
    units: into('PART_OF'),
    posts: into('PART_OF'),
    memberOf: out('MEMBER_OF'),
    administers: into('ADMINISTERED_BY'),
    capabilities: out('OPERATES'),
    hostedBy: into('HOSTED'),
    hosted: out('HOSTED'),
    country: out('LOCATED_IN'),
  },
  Meeting: {
    chief: into('CHAIRS'),
    deputies: into('CHAIRS'),
    chairs: into('CHAIRS'),
    members: into('MEMBER_OF'),
    parent: out('PART_OF'),
    subMeetings: into('PART_OF'),
    predecessor: out('SUPERSEDES'),
    successor: into('SUPERSEDES'),
    plansAdopted: out('ADOPTED'),
    administeredBy: out('ADMINISTERED_BY'),
    organisedBy: into('ORGANISES'),
  },
  Plan: { adoptedBy: into('ADOPTED'), categories: out('COVERS'), supersedes: out('SUPERSEDES'), supersededBy: into('SUPERSEDES') },
  MeasureCategory: { plans: into('COVERS') },
  Capability: { operatedBy: into('OPERATES') },
  Indicator: { observations: out('HAS_OBSERVATION') },
  Country: { organisations: into('LOCATED_IN') },
} as const satisfies Record<string, Record<string, Way>>;

/** Fields that read the agreements an entity is party to (AgreementService.ofParty). */
export const PARTY_AGREEMENT_FIELDS: Readonly<Record<string, readonly string[]>> = {
  Country: ['agreements', 'agreementKinds'],
  Organisation: ['mous'],
};

const NAVIGATION_BY_TYPE: Readonly<Record<string, Readonly<Record<string, Way>>>> = NAVIGATION;

export interface LookAhead {
  ways: Way[];
  partyAgreements: boolean;
}

function included(selection: SelectionNode, variables: Record<string, unknown>): boolean {
  if (getDirectiveValues(GraphQLSkipDirective, selection, variables)?.['if'] === true) return false;
  return getDirectiveValues(GraphQLIncludeDirective, selection, variables)?.['if'] !== false;
}

/**
 * What the selection of this field (an entity, of a type not known yet) will navigate from the
 * entity: the fields under each type condition (inline fragments and named fragments, @skip and
 * @include honoured). A condition the entity turns out not to meet only costs an empty read.
 */
export function lookAhead(info: GraphQLResolveInfo): LookAhead {
  const ways = new Map<string, Way>();
  let partyAgreements = false;
  const visit = (set: SelectionSetNode | undefined, typeName: string | null, fragments: readonly string[]): void => {
    for (const selection of set?.selections ?? []) {
      if (!included(selection, info.variableValues)) continue;
      if (selection.kind === Kind.FIELD) {
        if (typeName === null) continue;
        const field = selection.name.value;
        const way = NAVIGATION_BY_TYPE[typeName]?.[field];
        if (way) ways.set(way.join('|'), way);
        if (PARTY_AGREEMENT_FIELDS[typeName]?.includes(field)) partyAgreements = true;
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        visit(selection.selectionSet, selection.typeCondition?.name.value ?? typeName, fragments);
      } else {
        const name = selection.name.value;
        const fragment = info.fragments[name];
        if (fragment && !fragments.includes(name)) visit(fragment.selectionSet, fragment.typeCondition.name.value, [...fragments, name]);
      }
    }
  };
  for (const node of info.fieldNodes) visit(node.selectionSet, null, []);
  return { ways: [...ways.values()], partyAgreements };
}

/** Whether this field's selection asks for `name` (directly or in a fragment; @skip and @include honoured). */
export function selectsField(info: GraphQLResolveInfo, name: string): boolean {
  return selectsPath(info, [name]);
}

/** Whether this field's selection asks for the field at `path` (`['events', 'agreement']`), through any fragment. */
export function selectsPath(info: GraphQLResolveInfo, path: readonly string[]): boolean {
  const visit = (set: SelectionSetNode | undefined, at: number, fragments: readonly string[]): boolean =>
    (set?.selections ?? []).some((selection) => {
      if (!included(selection, info.variableValues)) return false;
      if (selection.kind === Kind.FIELD) return selection.name.value === path[at] && (at === path.length - 1 || visit(selection.selectionSet, at + 1, []));
      if (selection.kind === Kind.INLINE_FRAGMENT) return visit(selection.selectionSet, at, fragments);
      const fragment = info.fragments[selection.name.value];
      return fragment !== undefined && !fragments.includes(selection.name.value) && visit(fragment.selectionSet, at, [...fragments, selection.name.value]);
    });
  return info.fieldNodes.some((node) => visit(node.selectionSet, 0, []));
}

/** Starts loading, in the round trip that reads the entity `key`, what its selected fields navigate. */
export function prefetch(key: string, ahead: LookAhead, services: Services): void {
  services.entities.prefetch(key, ahead.ways);
  if (ahead.partyAgreements) services.agreements.prefetchOfParty(key);
}
