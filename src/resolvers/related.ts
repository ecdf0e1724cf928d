/**
 * The resolvers of every navigation field, derived from its declaration (src/domain/navigation.ts): one
 * generic resolver per kind of field, through the request's batched loaders (EntityService.related,
 * AgreementService.ofParty), so a field level costs one statement however many fields and types it reads.
 * No navigation field has a hand-written resolver.
 */
import type { GraphQLFieldResolver } from 'graphql';
import { NAVIGATION, type NavigationField, type ObservationsField, type PartyAgreementsField, type RelatedField } from '../domain/navigation.js';
import type { GraphQLContext } from '../graphql/context.js';
import type { AgreementRecord, EntityRecord, LinkRecord } from '../repositories/records.js';
import type { NeighbourRequest } from '../repositories/entity-repository.js';
import type { PartyAgreementsRequest } from '../repositories/agreement-repository.js';
import { parsePartialDate } from '../services/dates.js';
import { linkOf } from './shared.js';

type Resolver = GraphQLFieldResolver<never, GraphQLContext, Record<string, unknown>>;
type Args = { asOf?: string | null; kinds?: readonly string[] | null; years?: readonly number[] | null };

/**
 * What a related field asks the batched loader for, with its arguments: its declaration's rules (labels, role,
 * `asOf`, order), which the loader's statement applies as src/domain/navigation.ts writes them.
 */
export function requestOf(d: RelatedField, { asOf }: Args): Omit<NeighbourRequest, 'key'> {
  const day = d.asOf && asOf ? parsePartialDate(asOf, 'asOf') : null;
  return {
    type: d.way[0],
    direction: d.way[1],
    labels: d.labels,
    role: d.role ?? null,
    asOf: day ? [day.earliest, day.latest] : null,
    order: d.order ?? null,
  };
}

function related(d: RelatedField): Resolver {
  const direction = d.way[1];
  const single = d.shape === 'node' || d.shape === 'edge';
  const edges = d.shape === 'edge' || d.shape === 'edges';
  return async (e: EntityRecord, args: Args, { services }) => {
    let list = await services.entities.related({ key: e.key, ...requestOf(d, args) });
    if (single) list = list.slice(0, 1);
    const values: (EntityRecord | LinkRecord)[] = edges ? list.map((n) => linkOf(e.key, n, direction)) : list.map((n) => n.node);
    return single ? (values[0] ?? null) : values;
  };
}

/** An indicator's observations by year, each with its index against the base year: the loader's statement computes both. */
function observations(d: ObservationsField): Resolver {
  return async (i: EntityRecord, { years }: Args, { services }) =>
    (await services.entities.related({ key: i.key, ...observationsRequestOf(d, { years }) })).map((n) => n.node);
}

/** What an observations field asks the batched loader for (its years, the year order, the index). */
export function observationsRequestOf(d: ObservationsField, { years }: Args): Omit<NeighbourRequest, 'key'> {
  return { type: d.way[0], direction: d.way[1], labels: d.labels, order: 'byYear', years: years ?? null, indexed: true };
}

/**
 * What a party-agreements field asks the batched loader for: its declaration's kind, or (`filtered`) the kinds and
 * `asOf` of its arguments, which the loader's statement applies as src/domain/navigation.ts writes them.
 */
export function partyRequestOf(d: PartyAgreementsField, { kinds, asOf }: Args): Omit<PartyAgreementsRequest, 'key'> {
  const day = d.filtered && asOf ? parsePartialDate(asOf, 'asOf') : null;
  return {
    kinds: d.agreementKind !== undefined ? [d.agreementKind] : d.filtered && kinds && kinds.length > 0 ? [...kinds] : null,
    asOf: day ? [day.earliest, day.latest] : null,
  };
}

function partyAgreements(d: PartyAgreementsField): Resolver {
  return async (e: EntityRecord, args: Args, { services }) => {
    const all = await services.agreements.ofParty({ key: e.key, ...partyRequestOf(d, args) });
    return d.shape === 'kinds' ? [...new Set(all.map((a) => a.kind))] : all;
  };
}

/** The resolver a declaration derives. */
export function resolverOf(d: NavigationField): Resolver {
  switch (d.kind) {
    case 'related':
      return related(d);
    case 'observations':
      return observations(d);
    case 'partyAgreements':
      return partyAgreements(d);
    case 'edgeEnd':
      return async (l: LinkRecord, _args, { services }) => (await services.entities.get(d.end === 'from' ? l.fromKey : l.toKey))!;
    case 'agreementParties':
      return async (a: AgreementRecord, _args, { services }) =>
        (await services.entities.getMany(d.parties === 'all' ? a.partyKeys : a.partyKeys.slice(1))).filter((p) => p !== null);
  }
}

/** Every navigation field's resolver, by type and field (merged into the resolver map by ./index.ts). */
export const navigationResolvers: Readonly<Record<string, Readonly<Record<string, Resolver>>>> = Object.fromEntries(
  Object.entries(NAVIGATION).map(([type, fields]) => [type, Object.fromEntries(Object.entries(fields).map(([field, d]) => [field, resolverOf(d)]))]),
);
