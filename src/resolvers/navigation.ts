/**
 * The look-ahead that saves round trips: from the fields a query selects on an entity, what `node(id:)`
 * loads together with the entity itself (read from the navigation fields' declarations,
 * src/domain/navigation.ts); whether a list asks for its `totalCount`, which is then read with the page.
 */
import { getArgumentValues, getDirectiveValues, GraphQLIncludeDirective, GraphQLSkipDirective, isObjectType, Kind, type FieldNode, type GraphQLResolveInfo, type SelectionNode, type SelectionSetNode } from 'graphql';
import { navigationOf, type ObservationsField, type PartyAgreementsField, type RelatedField } from '../domain/navigation.js';
import type { NeighbourRequest } from '../repositories/entity-repository.js';
import type { PartyAgreementsRequest } from '../repositories/agreement-repository.js';
import type { Services } from '../services/index.js';
import { observationsRequestOf, partyRequestOf, requestOf } from './related.js';

export interface LookAhead {
  /** The loader requests of the selected related fields and observations (without the entity's key). */
  requests: Omit<NeighbourRequest, 'key'>[];
  /** The loader requests of the selected party-agreements fields (without the entity's key). */
  partyRequests: Omit<PartyAgreementsRequest, 'key'>[];
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
  const requests = new Map<string, Omit<NeighbourRequest, 'key'>>();
  const partyRequests = new Map<string, Omit<PartyAgreementsRequest, 'key'>>();
  const visit = (set: SelectionSetNode | undefined, typeName: string | null, fragments: readonly string[]): void => {
    for (const selection of set?.selections ?? []) {
      if (!included(selection, info.variableValues)) continue;
      if (selection.kind === Kind.FIELD) {
        if (typeName === null) continue;
        const field = selection.name.value;
        const declared = navigationOf(typeName, field);
        const request = declared?.kind === 'related' || declared?.kind === 'observations' ? requestWithArguments(info, typeName, selection, declared) : undefined;
        if (request) requests.set(JSON.stringify(request), request);
        const party = declared?.kind === 'partyAgreements' ? requestWithArguments(info, typeName, selection, declared) : undefined;
        if (party) partyRequests.set(JSON.stringify(party), party);
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
  return { requests: [...requests.values()], partyRequests: [...partyRequests.values()] };
}

/** The loader request of a selected related, observations or party-agreements field, with its arguments (none when they cannot be read: the field reports it). */
function requestWithArguments(info: GraphQLResolveInfo, typeName: string, node: FieldNode, declared: PartyAgreementsField): Omit<PartyAgreementsRequest, 'key'> | undefined;
function requestWithArguments(info: GraphQLResolveInfo, typeName: string, node: FieldNode, declared: RelatedField | ObservationsField): Omit<NeighbourRequest, 'key'> | undefined;
function requestWithArguments(
  info: GraphQLResolveInfo,
  typeName: string,
  node: FieldNode,
  declared: RelatedField | ObservationsField | PartyAgreementsField,
): Omit<NeighbourRequest, 'key'> | Omit<PartyAgreementsRequest, 'key'> | undefined {
  const type = info.schema.getType(typeName);
  const def = isObjectType(type) ? type.getFields()[node.name.value] : undefined;
  if (!def) return undefined;
  try {
    const args = getArgumentValues(def, node, info.variableValues);
    if (declared.kind === 'partyAgreements') return partyRequestOf(declared, args);
    return declared.kind === 'related' ? requestOf(declared, args) : observationsRequestOf(declared, args);
  } catch {
    return undefined;
  }
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
  services.entities.prefetch(key, ahead.requests);
  for (const request of ahead.partyRequests) services.agreements.prefetchOfParty({ key, ...request });
}
