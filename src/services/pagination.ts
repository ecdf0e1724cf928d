/**
 * Relay connections with keyset cursors. A cursor is an opaque token holding the sort value and
 * the key of the last item seen, so the next page starts right after it: page 50 costs what page 1
 * costs, and items added or removed elsewhere never shift a page.
 */
import { BadUserInputError } from '../errors.js';
import type { Keyset, PageInfoRecord } from '../repositories/records.js';

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

export interface PageArgs {
  first?: number | null;
  after?: string | null;
  last?: number | null;
  before?: string | null;
}

/** Where a page starts: the sort value and key of the item just outside it. */
export type { Keyset };

export interface PageRequest {
  /** Backward pages are read in reverse order and turned round. */
  backward: boolean;
  limit: number;
  cursor: Keyset | null;
}

const CURSOR_PREFIX = 'k1:';

export function encodeCursor(keyset: Keyset): string {
  return Buffer.from(CURSOR_PREFIX + JSON.stringify([keyset.value, keyset.key]), 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string, argument: string): Keyset {
  const invalid = (): never => {
    throw new BadUserInputError(`${argument}: not a cursor issued by this API; use a cursor from pageInfo or an edge.`, argument);
  };
  if (cursor.length > 512 || !/^[A-Za-z0-9_-]+$/.test(cursor)) return invalid();
  const text = Buffer.from(cursor, 'base64url').toString('utf8');
  if (!text.startsWith(CURSOR_PREFIX)) return invalid();
  let parsed: unknown;
  try {
    parsed = JSON.parse(text.slice(CURSOR_PREFIX.length));
  } catch {
    return invalid();
  }
  if (!Array.isArray(parsed) || parsed.length !== 2) return invalid();
  const [value, key] = parsed as unknown[];
  if (typeof key !== 'string' || !(value === null || typeof value === 'string' || typeof value === 'number')) return invalid();
  return { value, key };
}

function checkSize(n: number, argument: string): number {
  if (!Number.isInteger(n) || n < 1 || n > MAX_PAGE_SIZE) {
    throw new BadUserInputError(`${argument}: ${n} is out of range; a page holds 1 to ${MAX_PAGE_SIZE} items (default ${DEFAULT_PAGE_SIZE}).`, argument);
  }
  return n;
}

export function parsePageArgs(args: PageArgs): PageRequest {
  const { first, after, last, before } = args;
  if (first != null && last != null) {
    throw new BadUserInputError('Use either first/after (forwards) or last/before (backwards), not both first and last.', 'first');
  }
  if (after != null && before != null) {
    throw new BadUserInputError('Use either after or before, not both.', 'after');
  }
  if (last != null || before != null) {
    if (after != null) throw new BadUserInputError('after goes with first; use before with last.', 'after');
    return {
      backward: true,
      limit: last != null ? checkSize(last, 'last') : DEFAULT_PAGE_SIZE,
      cursor: before != null ? decodeCursor(before, 'before') : null,
    };
  }
  return {
    backward: false,
    limit: first != null ? checkSize(first, 'first') : DEFAULT_PAGE_SIZE,
    cursor: after != null ? decodeCursor(after, 'after') : null,
  };
}

/**
 * Turns the rows a repository read (up to limit + 1, in the direction read) into edges and
 * page info, in the requested order.
 */
export function toConnection<T>(
  rows: T[],
  request: PageRequest,
  keysetOf: (row: T) => Keyset,
): { edges: { cursor: string; node: T }[]; pageInfo: PageInfoRecord } {
  const more = rows.length > request.limit;
  const page = rows.slice(0, request.limit);
  if (request.backward) page.reverse();
  const edges = page.map((node) => ({ cursor: encodeCursor(keysetOf(node)), node }));
  return {
    edges,
    pageInfo: {
      hasNextPage: request.backward ? request.cursor !== null : more,
      hasPreviousPage: request.backward ? more : request.cursor !== null,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges[edges.length - 1]?.cursor ?? null,
    },
  };
}

/** What a page reads: its sort, the direction it reads in, where it starts and one row more than it holds. */
export interface PageRead<S extends string> {
  sort: S;
  /** The direction the page is read in: the order asked for, reversed for a backward page (turned round after). */
  descending: boolean;
  /** The direction asked for (undated entities sort last in it). */
  askedDescending: boolean;
  after: Keyset | null;
  /** One more than the page holds: the extra row says whether there is more. */
  limit: number;
}

/** The read of a page (`request`, parsePageArgs) in the order `orderBy` asks for, by `defaultSort` when it names none. */
export function pageRead<S extends string>(request: PageRequest, orderBy: { field?: S | null; direction?: string | null } | null | undefined, defaultSort: S): PageRead<S> {
  const askedDescending = (orderBy?.direction ?? 'ASC') === 'DESC';
  return { sort: orderBy?.field ?? defaultSort, descending: askedDescending !== request.backward, askedDescending, after: request.cursor, limit: request.limit + 1 };
}

/** The connection of the rows a page read (pageRead), each an item with a key and the value it was sorted by. */
export function connectionOfRows<R, T extends { key: string }>(
  rows: readonly R[],
  request: PageRequest,
  item: (row: R) => T,
  sortValue: (row: R) => Keyset['value'],
): { edges: { cursor: string; node: T }[]; pageInfo: PageInfoRecord } {
  const sortOf = new Map(rows.map((r) => [item(r), sortValue(r)]));
  return toConnection(rows.map(item), request, (n) => ({ value: sortOf.get(n) ?? null, key: n.key }));
}

/**
 * A page's totalCount, counted once, when first read; at once when `now` (the selection asks for it: it is then
 * read with the page, in the same round trip), a failure then reported where totalCount is read.
 */
export function lazyTotal(count: () => Promise<number>, now = false): () => Promise<number> {
  let total: Promise<number> | undefined;
  const totalCount = () => (total ??= count());
  if (now) totalCount().catch(() => undefined);
  return totalCount;
}
