/** "As of a date" rules shared by every field that takes `asOf`. */
import { parsePartialDate, tryParsePartialDate } from './dates.js';

/** Earliest day of a stored partial date, or null when it is missing or malformed. */
function earliestOf(value: unknown): string | null {
  return typeof value === 'string' ? (tryParsePartialDate(value)?.earliest ?? null) : null;
}

/**
 * True when something that runs from `from` until `until` (either may be unknown) is in force on
 * the date `asOf`: it started on or before the last day `asOf` can stand for, and had not ended by
 * its first day. An unknown start counts as "always was"; an unknown end as "still is".
 */
export function inForceOn(from: unknown, until: unknown, asOf: string, argument = 'asOf'): boolean {
  const day = parsePartialDate(asOf, argument);
  const start = earliestOf(from);
  const end = earliestOf(until);
  return (start === null || start <= day.latest) && (end === null || end > day.earliest);
}
