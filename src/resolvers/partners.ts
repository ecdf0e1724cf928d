import type { Resolvers } from '../generated/resolvers-types.js';
import { agreementFilter } from '../services/filters.js';
import { existsAsOf } from '../services/time.js';
import { entityFields, str } from './shared.js';
import { NAVIGATION, selectsField } from './navigation.js';

export const partnerResolvers: Resolvers = {
  Query: {
    agreements: (_, { filter, orderBy, ...page }, { services }, info) =>
      services.agreements.page({ ...page, orderBy }, agreementFilter(filter), { total: selectsField(info, 'totalCount') }),
  },

  Country: {
    ...entityFields,
    kind: (c) => (str(c, 'kind') ?? 'COUNTRY') as never,
    agreements: async (c, { kinds, asOf }, { services }) =>
      (await services.agreements.ofParty(c.key)).filter(
        (a) => (!kinds || kinds.length === 0 || kinds.includes(a.kind as never)) && (!asOf || existsAsOf(a, asOf)),
      ),
    agreementKinds: async (c, _, { services }) => [...new Set((await services.agreements.ofParty(c.key)).map((a) => a.kind))] as never,
    organisations: (c, _, { services }) => services.entities.relatedNodes(c.key, ...NAVIGATION.Country.organisations, ['Organisation']),
    // The paginated forms: the agreements page with this party, the bodies page located in it.
    agreementsConnection: (c, { kinds, asOf, orderBy, ...page }, { services }, info) =>
      services.agreements.page({ ...page, orderBy }, agreementFilter({ party: c.key, kinds, asOf }), { total: selectsField(info, 'totalCount') }),
    organisationsConnection: (c, { orderBy, ...page }, { services }, info) =>
      services.entities.page('Organisation', { ...page, orderBy }, { outType: NAVIGATION.Country.organisations[0], outKey: c.key }, { total: selectsField(info, 'totalCount') }),
  },

  Agreement: {
    id: (a) => a.key,
    kind: (a) => a.kind as never,
    multilateral: (a) => a.partyKeys.length > 2,
    revisions: (a) => a.revisions ?? [],
    note: (a) => a.note ?? null,
    parties: async (a, _, { services }) => (await services.entities.getMany(a.partyKeys)).filter((e) => e !== null),
    partners: async (a, _, { services }) => (await services.entities.getMany(a.partyKeys.slice(1))).filter((e) => e !== null),
    inForce: (a, { asOf }) => existsAsOf(a, asOf),
    provenance: (a) => ({ dataset: a.dataset, section: a.sourceSection, quote: a.sourceQuote, inferred: a.inferred === true, reading: a.reading ?? null }),
  },
};
