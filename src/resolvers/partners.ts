import type { Resolvers } from '../generated/resolvers-types.js';
import { NAVIGATION } from '../domain/navigation.js';
import { agreementFilter } from '../services/filters.js';
import { existsAsOf } from '../services/time.js';
import { str } from './shared.js';
import { selectsField } from './navigation.js';

// The navigation fields (agreements, agreementKinds, organisations, an agreement's parties and partners) are
// derived from their declarations in src/domain/navigation.ts (./related.ts).
export const partnerResolvers: Resolvers = {
  Query: {
    agreements: (_, { filter, orderBy, ...page }, { services }, info) =>
      services.agreements.page({ ...page, orderBy }, agreementFilter(filter), { total: selectsField(info, 'totalCount') }),
  },
  Country: {
    kind: (c) => (str(c, 'kind') ?? 'COUNTRY') as never,
    // The paginated forms: the agreements page with this party, the bodies page located in it.
    agreementsConnection: (c, { kinds, asOf, orderBy, ...page }, { services }, info) =>
      services.agreements.page({ ...page, orderBy }, agreementFilter({ party: c.key, kinds, asOf }), { total: selectsField(info, 'totalCount') }),
    organisationsConnection: (c, { orderBy, ...page }, { services }, info) =>
      services.entities.page('Organisation', { ...page, orderBy }, { outType: NAVIGATION.Country.organisations.way[0], outKey: c.key }, { total: selectsField(info, 'totalCount') }),
  },
  Agreement: {
    id: (a) => a.key,
    kind: (a) => a.kind as never,
    multilateral: (a) => a.partyKeys.length > 2,
    revisions: (a) => a.revisions ?? [],
    note: (a) => a.note ?? null,
    inForce: (a, { asOf }) => existsAsOf(a, asOf),
    provenance: (a) => ({ dataset: a.dataset, section: a.sourceSection, quote: a.sourceQuote, inferred: a.inferred === true, reading: a.reading ?? null }),
  },
};
