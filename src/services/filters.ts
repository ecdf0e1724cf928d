/**
 * The GraphQL filter inputs of the root lists, translated into the repositories' filters: one
 * function per root field, shared by the field resolvers and the operation compiler (so both
 * validate alike and fail with the same messages).
 */
import { CONNECTION_LABELS, ENTITY_TYPES } from '../domain/vocabulary.js';
import type { AgreementFilter } from '../repositories/agreement-repository.js';
import type { EntityFilter, EntityLabel } from '../repositories/entity-repository.js';
import { dayRange, parsePartialDate } from './dates.js';
import { normaliseText } from './entity-service.js';

type Input = Record<string, unknown> | null | undefined;
type Range = { from?: string | null; to?: string | null } | null | undefined;

const text = (filter: Input): string | null => normaliseText(filter?.['nameContains'] as string | null | undefined, 'filter.nameContains');
const kinds = (filter: Input): string[] | null => (filter?.['kinds'] as string[] | null | undefined) ?? null;
const id = (filter: Input, name: string): string | null => (filter?.[name] as string | null | undefined) ?? null;

/** A filter's `asOf` as the first and last day it stands for (what the one "exists as of" rule compares). */
function asOfDays(filter: Input): { asOf: string | null; asOfLatest: string | null } {
  const asOf = filter?.['asOf'] ? parsePartialDate(filter['asOf'] as string, 'filter.asOf') : null;
  return { asOf: asOf?.earliest ?? null, asOfLatest: asOf?.latest ?? null };
}

type EntityRoot = { label: EntityLabel; filter: (filter: Input) => EntityFilter };

/** How the filters of the roots below translate; any other root of the vocabulary takes `kinds` and `nameContains`. */
const FILTERS: Readonly<Record<string, EntityRoot>> = {
  offices: {
    label: 'Office',
    filter: (f) => ({
      kinds: kinds(f),
      text: text(f),
      withLabel: f?.['isMinister'] === true ? 'Minister' : null,
      withoutLabel: f?.['isMinister'] === false ? 'Minister' : null,
      outType: f?.['organisation'] ? 'PART_OF' : null,
      outKey: id(f, 'organisation'),
    }),
  },
  organisations: {
    label: 'Organisation',
    filter: (f) => ({ kinds: kinds(f), text: text(f), outType: f?.['parent'] ? 'PART_OF' : null, outKey: id(f, 'parent') }),
  },
  meetings: {
    label: 'Meeting',
    filter: (f) => {
      const range = dayRange(f?.['established'] as Range, 'filter.established');
      return { kinds: kinds(f), text: text(f), dateFrom: range.from, dateTo: range.to, ...asOfDays(f) };
    },
  },
  plans: {
    label: 'Plan',
    filter: (f) => {
      const range = dayRange(f?.['adopted'] as Range, 'filter.adopted');
      return {
        kinds: kinds(f),
        text: text(f),
        dateFrom: range.from,
        dateTo: range.to,
        inType: f?.['adoptedBy'] ? 'ADOPTED' : null,
        inKey: id(f, 'adoptedBy'),
      };
    },
  },
  countries: {
    label: 'Country',
    filter: (f) => ({ kinds: kinds(f), text: text(f), agreementKinds: (f?.['agreementKinds'] as string[] | null | undefined) ?? null }),
  },
  capabilities: {
    label: 'Capability',
    filter: (f) => {
      const range = dayRange(f?.['introduced'] as Range, 'filter.introduced');
      return { kinds: kinds(f), text: text(f), dateFrom: range.from, dateTo: range.to };
    },
  },
  indicators: { label: 'Indicator', filter: () => ({}) },
};

/** The entity list roots (src/domain/vocabulary.ts): their label and how their filter translates. */
export const ENTITY_ROOTS: Readonly<Record<string, EntityRoot>> = Object.fromEntries(
  CONNECTION_LABELS.map((label) => {
    const root = ENTITY_TYPES[label].root!;
    return [root, FILTERS[root] ?? { label, filter: (f: Input) => ({ kinds: kinds(f), text: text(f) }) }];
  }),
);

/** `agreements(filter:)`: `enacted` is a range of enactment; `asOf` keeps those in force on that date (the vocabulary's one rule). */
export function agreementFilter(filter: Input): AgreementFilter {
  const range = dayRange(filter?.['enacted'] as Range, 'filter.enacted');
  const asOf = asOfDays(filter);
  return {
    kinds: kinds(filter),
    party: id(filter, 'party'),
    multilateral: (filter?.['multilateral'] as boolean | null | undefined) ?? null,
    dateFrom: range.from,
    dateTo: range.to,
    ...asOf,
  };
}
