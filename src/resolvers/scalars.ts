/** Scalars: graphql-scalars where one fits, and PartialDate, which keeps the source's precision. */
import { GraphQLScalarType, Kind } from 'graphql';
import { DateResolver, JSONResolver } from 'graphql-scalars';
import { BadUserInputError } from '../errors.js';
import { tryParsePartialDate } from '../services/dates.js';

const ACCEPTED = 'a PartialDate is YYYY, YYYY-MM or YYYY-MM-DD with a real month and day (e.g. 2008, 2008-12, 2016-06-07)';

function parse(value: unknown): string {
  if (typeof value !== 'string' || tryParsePartialDate(value) === null) {
    throw new BadUserInputError(`${JSON.stringify(value)?.slice(0, 40)} is not a date: ${ACCEPTED}.`);
  }
  return value;
}

export const PartialDateScalar = new GraphQLScalarType<string, string>({
  name: 'PartialDate',
  description: 'A date at the precision known: YYYY, YYYY-MM or YYYY-MM-DD.',
  serialize: (value) => String(value),
  parseValue: parse,
  parseLiteral: (ast) => {
    if (ast.kind !== Kind.STRING) throw new BadUserInputError(`A PartialDate is written as a string: ${ACCEPTED}.`);
    return parse(ast.value);
  },
});

export const scalarResolvers = {
  PartialDate: PartialDateScalar,
  Date: DateResolver,
  JSON: JSONResolver,
};
