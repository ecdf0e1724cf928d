/** "As of a date" rules shared by every field that takes `asOf`. */
import { existsOn } from '../domain/vocabulary.js';
import { parsePartialDate } from './dates.js';

/**
 * Whether an entity or agreement existed on the date `asOf` (any day it stands for), by the vocabulary's one
 * rule (`existsOn`) over the life the loader stored on it (`existsFrom`, `existsUntil`).
 */
export function existsAsOf(record: object, asOf: string, argument = 'asOf'): boolean {
  const day = parsePartialDate(asOf, argument);
  return existsOn(record, day.earliest, day.latest);
}
