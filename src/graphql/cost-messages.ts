/**
 * What the cost estimate (cost.ts) tells a client: the refusal of an operation estimated over MAX_COST, the
 * refusal of one it cannot estimate, and, for both and for an operation the result budget stopped while it ran,
 * the lists that make it large, their measured sizes and what to ask instead.
 */
import { ErrorCode } from '../errors.js';
import { GraphQLError } from 'graphql';
import { readableCost, type Estimate, type ListCost } from './cost.js';

/** A count as people read it: 31250 stays 31250, 3.4e+25 stays 3.4e+25 (not "3"). */
export function readable(n: number): string {
  if (!Number.isFinite(n)) return 'more than 1.8e+308';
  return n < 1e15 ? String(Math.ceil(n)) : n.toPrecision(2).replace('.0e', 'e');
}

/** `countries.edges.node.agreements (Country.agreements: up to 12641 per country, measured …; 632050 in all)`. */
function describeList(list: ListCost): string {
  const [type, field] = list.field.split('.');
  const why =
    list.bound.source === 'measured'
      ? `, measured in the loaded graph${list.bound.measured && list.bound.measured.p99 > 0 && list.bound.measured.p99 < list.each ? `; 99% hold at most ${list.bound.measured.p99}` : ''}`
      : list.bound.source === 'unmeasured'
        ? ', not measured (MAX_RESULT_ITEMS)'
        : ` (its ${list.bound.source})`;
  const size = field === 'edges' ? `a page of ${readable(list.each)}` : `${type}.${field}: up to ${readable(list.each)}${type === 'Query' ? '' : ` per ${type!.toLowerCase()}`}`;
  return `${list.path} (${size}${why}; ${readable(list.total)} in all)`;
}

/** What to ask instead, for the lists that make an operation large. */
function advice(largest: readonly ListCost[]): string {
  const paged = largest.filter((l) => l.paged !== undefined).map((l) => `${l.paged}(first: …, after: …) instead of ${l.field.split('.')[1]}`);
  const pages = largest.some((l) => l.bound.source === 'first' || l.bound.source === 'limit');
  return [
    paged.length > 0 ? `Page the long lists: ask for ${[...new Set(paged)].join(', ')}.` : '',
    pages ? 'Ask for smaller pages (first/last, limit).' : '',
    'Ask for fewer nested lists or fewer fields, or split the operation (start a second query from the ids you have).',
  ]
    .filter(Boolean)
    .join(' ');
}

/** The lists that make an operation large, in words and as `extensions.largest`. */
export function explainEstimate(estimate: Estimate): { text: string; largest: Record<string, unknown>[] } {
  const lists = estimate.largest.length > 0 ? `The largest lists: ${estimate.largest.map(describeList).join('; ')}. ` : '';
  return {
    text: `${lists}${advice(estimate.largest)}`,
    largest: estimate.largest.map((l) => ({
      path: l.path,
      field: l.field,
      each: readableCost(l.each),
      total: readableCost(l.total),
      source: l.bound.source,
      ...(l.bound.measured ? { measuredMax: l.bound.measured.max, measuredP99: l.bound.measured.p99 } : {}),
      ...(l.paged ? { paged: l.paged } : {}),
    })),
  };
}

/** The refusal of an operation estimated over MAX_COST: the estimate, the lists that make it large, what to change. */
export function costRefusal(max: number, estimate: Estimate): GraphQLError {
  const found = readableCost(estimate.cost);
  const { text, largest } = explainEstimate(estimate);
  return new GraphQLError(`The operation is estimated to cost ${readable(estimate.cost)}; the cost limit is ${max} (MAX_COST). ${text}`, {
    extensions: { code: 'GRAPHQL_VALIDATION_FAILED', limit: 'cost', max, found, largest },
  });
}

/** The refusal of an operation whose cost could not be estimated: it does not run unchecked. */
export function notEstimable(max: number, reason: string): GraphQLError {
  return new GraphQLError(
    `The cost of this operation could not be estimated (${reason}), so it was not run (MAX_COST). Send a smaller operation: fewer fragments spread inside fragments, fewer nested lists.`,
    // As every guard that cannot check an operation (guards.ts): refused, never let through unchecked.
    { extensions: { code: ErrorCode.LIMIT_CHECK_FAILED, limit: 'cost', setting: 'MAX_COST', max } },
  );
}
