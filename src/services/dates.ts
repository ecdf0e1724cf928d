/**
 * Dates at the precision the source gives them. A partial date is `YYYY`, `YYYY-MM` or
 * `YYYY-MM-DD`; it stands for a range of days, and comparisons use that range.
 */
import { BadUserInputError } from '../errors.js';

export type DatePrecision = 'YEAR' | 'MONTH' | 'DAY';

export interface PartialDate {
  value: string;
  precision: DatePrecision;
  year: number;
  month: number | null;
  day: number | null;
  /** First day it can stand for, `YYYY-MM-DD`. */
  earliest: string;
  /** Last day it can stand for, `YYYY-MM-DD`. */
  latest: string;
}

const PATTERN = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

const pad = (n: number): string => String(n).padStart(2, '0');

/** Parses a partial date; returns null when the text is not one. */
export function tryParsePartialDate(text: string): PartialDate | null {
  const m = PATTERN.exec(text);
  if (!m) return null;
  const year = Number(m[1]);
  const month = m[2] === undefined ? null : Number(m[2]);
  const day = m[3] === undefined ? null : Number(m[3]);
  if (month !== null && (month < 1 || month > 12)) return null;
  if (day !== null && month !== null && (day < 1 || day > daysInMonth(year, month))) return null;
  const precision: DatePrecision = day !== null ? 'DAY' : month !== null ? 'MONTH' : 'YEAR';
  const earliest = `${year}-${pad(month ?? 1)}-${pad(day ?? 1)}`;
  const lastMonth = month ?? 12;
  const latest = `${year}-${pad(lastMonth)}-${pad(day ?? daysInMonth(year, lastMonth))}`;
  return { value: text, precision, year, month, day, earliest, latest };
}

/** Parses user input; a malformed date is a BAD_USER_INPUT error that says what is accepted. */
export function parsePartialDate(text: string, argument = 'date'): PartialDate {
  const parsed = tryParsePartialDate(text);
  if (!parsed) {
    throw new BadUserInputError(
      `${argument}: "${text.slice(0, 40)}" is not a date; use YYYY, YYYY-MM or YYYY-MM-DD with a real month and day (e.g. 2008, 2008-12, 2016-06-07).`,
      argument,
    );
  }
  return parsed;
}

/** The day range a filter `{from, to}` covers, as `YYYY-MM-DD` strings (either end may be open). */
export function dayRange(
  range: { from?: string | null; to?: string | null } | null | undefined,
  argument: string,
): { from: string | null; to: string | null } {
  const from = range?.from ? parsePartialDate(range.from, `${argument}.from`).earliest : null;
  const to = range?.to ? parsePartialDate(range.to, `${argument}.to`).latest : null;
  if (from && to && from > to) {
    throw new BadUserInputError(`${argument}: "from" (${range?.from}) is after "to" (${range?.to}).`, argument);
  }
  return { from, to };
}
