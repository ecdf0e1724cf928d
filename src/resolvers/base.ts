import { BadUserInputError } from '../errors.js';
import type { Resolvers } from '../generated/resolvers-types.js';
import type { AgreementRecord, EntityRecord } from '../repositories/records.js';
import { tryParsePartialDate } from '../services/dates.js';
import type { Services } from '../services/index.js';
import { lookAhead, prefetch } from './navigation.js';
import { typeOf } from './shared.js';

async function resolveNode(id: string, services: Services): Promise<EntityRecord | AgreementRecord | null> {
  if (id.startsWith('agreement:') || id.startsWith('mou:')) {
    const agreement = await services.agreements.get(id);
    if (agreement) return agreement;
  }
  return services.entities.get(id);
}

function isAgreement(value: EntityRecord | AgreementRecord): value is AgreementRecord {
  return 'partyKeys' in value;
}

export const baseResolvers: Resolvers = {
  Query: {
    node: async (_, { id }, { services }, info) => {
      if (id.length > 300) throw new BadUserInputError('id: at most 300 characters.', 'id');
      prefetch(id, lookAhead(info), services);
      const found = await resolveNode(id, services);
      return found && (isAgreement(found) || typeOf(found)) ? found : null;
    },
    nodes: async (_, { ids }, { services }, info) => {
      if (ids.length > 100) throw new BadUserInputError(`ids: at most 100 ids at once (got ${ids.length}).`, 'ids');
      const ahead = lookAhead(info);
      for (const id of ids) prefetch(id, ahead, services);
      return Promise.all(
        ids.map(async (id) => {
          const found = await resolveNode(id, services);
          return found && (isAgreement(found) || typeOf(found)) ? found : null;
        }),
      );
    },
  },
  Node: {
    __resolveType: (value) => (isAgreement(value as EntityRecord | AgreementRecord) ? 'Agreement' : (typeOf(value as EntityRecord) as never)),
  },
  Entity: {
    __resolveType: (value) => typeOf(value) as never,
  },
  SourceDate: {
    value: (d) => d,
    precision: (d) => tryParsePartialDate(d)?.precision ?? 'YEAR',
    year: (d) => tryParsePartialDate(d)?.year ?? Number(d.slice(0, 4)),
    month: (d) => tryParsePartialDate(d)?.month ?? null,
    day: (d) => tryParsePartialDate(d)?.day ?? null,
    earliest: (d) => tryParsePartialDate(d)?.earliest ?? d,
    latest: (d) => tryParsePartialDate(d)?.latest ?? d,
  },
  Provenance: {
    documentTitle: (p, _, { datasets }) => datasets.get(p.dataset)?.title ?? p.dataset,
    documentAsOf: (p, _, { datasets }) => datasets.get(p.dataset)?.asOf ?? null,
  },
};
