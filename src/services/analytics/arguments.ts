/**
 * The analyst roots' arguments checked (BAD_USER_INPUT, saying what is accepted, otherwise) with their
 * defaults applied: one function per root, used by the service and by the compiled translators
 * (src/compiler/analyst-roots.ts), so both paths accept and refuse alike.
 */
import { BadUserInputError } from '../../errors.js';
import { dayRange } from '../dates.js';
import { LIST_BOUNDS, NEIGHBOURHOOD_BOUNDS, TIMELINE_BOUNDS } from './views.js';

export function bounded(value: number | null | undefined, argument: string, fallback: number, min: number, max: number): number {
  const n = value ?? fallback;
  if (!Number.isInteger(n) || n < min || n > max) {
    throw new BadUserInputError(`${argument}: ${n} is out of range; use an integer from ${min} to ${max} (default ${fallback}).`, argument);
  }
  return n;
}

/** An empty or absent list of relationship types means "any type". */
export function typesOf(types: readonly string[] | null | undefined): string[] | null {
  return types && types.length > 0 ? [...new Set(types)] : null;
}

export function checkId(id: string, argument: string): string {
  if (id.length === 0 || id.length > 300) throw new BadUserInputError(`${argument}: an id of 1 to 300 characters, e.g. meeting:firearms-promotion.`, argument);
  return id;
}

export function neighbourhoodArguments(args: { id: string; depth?: number | null; relationshipTypes?: readonly string[] | null; limit?: number | null }): {
  key: string;
  depth: number;
  limit: number;
  types: string[] | null;
} {
  const depth = bounded(args.depth, 'depth', NEIGHBOURHOOD_BOUNDS.defaultDepth, 1, NEIGHBOURHOOD_BOUNDS.maxDepth);
  const limit = bounded(args.limit, 'limit', NEIGHBOURHOOD_BOUNDS.defaultLimit, 1, NEIGHBOURHOOD_BOUNDS.maxLimit);
  return { key: checkId(args.id, 'id'), depth, limit, types: typesOf(args.relationshipTypes) };
}

/** The timeline statement's parameters (`limit` is one more than asked: the extra row says `truncated`) and the limit asked. */
export function timelineArguments(args: { from?: string | null; to?: string | null; kinds?: readonly string[] | null; limit?: number | null }): {
  query: { from: string | null; to: string | null; kinds: string[] | null; limit: number };
  limit: number;
} {
  const limit = bounded(args.limit, 'limit', TIMELINE_BOUNDS.defaultLimit, 1, TIMELINE_BOUNDS.maxLimit);
  const range = dayRange({ from: args.from ?? null, to: args.to ?? null }, 'timeline');
  return { query: { from: range.from, to: range.to, kinds: args.kinds && args.kinds.length > 0 ? [...args.kinds] : null, limit: limit + 1 }, limit };
}

export function commonGroundArguments(args: { relationshipTypes?: readonly string[] | null; limit?: number | null }): { limit: number; types: string[] | null } {
  return { limit: bounded(args.limit, 'limit', LIST_BOUNDS.defaultLimit, 1, LIST_BOUNDS.maxLimit), types: typesOf(args.relationshipTypes) };
}

/** The meetings of commonMembers, each once, in the order given. */
export function commonMembersArguments(meetingIds: readonly string[]): string[] {
  const ids = [...new Set(meetingIds)];
  if (ids.length < 1 || ids.length > LIST_BOUNDS.maxMeetings) {
    throw new BadUserInputError(`meetings: give 1 to ${LIST_BOUNDS.maxMeetings} meeting ids (got ${ids.length}), e.g. ["meeting:drug-abuse-promotion", "meeting:firearms-promotion"].`, 'meetings');
  }
  return ids;
}
