/** "As of a date" rules shared by every field that takes `asOf`. */
import { existsOn } from '../domain/vocabulary.js';
import { parsePartialDate, tryParsePartialDate } from './dates.js';

/** Earliest day of a stored partial date, or null when it is missing or malformed. */
function earliestOf(value: unknown): string | null {
  return typeof value === 'string' ? (tryParsePartialDate(value)?.earliest ?? null) : null;
}

/**
 * Whether an entity or agreement existed on the date `asOf` (any day it stands for), by the vocabulary's one
 * rule (`existsOn`) over the life the loader stored on it (`existsFrom`, `existsUntil`).
 */
export function existsAsOf(record: object, asOf: string, argument = 'asOf'): boolean {
  const day = parsePartialDate(asOf, argument);
  return existsOn(record, day.earliest, day.latest);
}

/**
 * True when a relationship's period, from `from` until `until` (either may be unknown), holds on the date
 * `asOf`: it started on or before the last day `asOf` can stand for, and had not ended by its first day.
 * An unknown end counts as "still is"; an unknown start as "since the entity it belongs to began" (an
 * administration or parent link is read only for a meeting that exists on the date).
 */
export function inForceOn(from: unknown, until: unknown, asOf: string, argument = 'asOf'): boolean {
  const day = parsePartialDate(asOf, argument);
  const start = earliestOf(from);
  const end = earliestOf(until);
  return (start === null || start <= day.latest) && (end === null || end > day.earliest);
}
