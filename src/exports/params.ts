/**
 * Query-string parameters of the export routes, checked before any GraphQL runs so that a mistake is answered in
 * plain words naming the parameter and what it accepts (never a GraphQL message about `$filter`).
 */
import type { Request } from 'express';
import { getNamedType, isEnumType, isInputObjectType, isListType, isNonNullType, type GraphQLInputType } from 'graphql';
import { tryParsePartialDate } from '../services/dates.js';

export type Params = Record<string, string[]>;
export type Accepted = Record<string, string>;

export const FORMATS = ['csv', 'json'] as const;
export type Format = (typeof FORMATS)[number];

/** An answer other than 200, with what the route accepts. */
export class ExportError extends Error {
  /** The limit the request ran into (`limit`, `setting`, `max`, `found`), answered beside the message. */
  limit: Record<string, unknown> | undefined;

  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly accepted?: unknown,
  ) {
    super(message);
  }
}

export function bad(message: string, accepted: Accepted): ExportError {
  return new ExportError(400, 'BAD_USER_INPUT', message, { parameters: accepted });
}

/** The query string as lists of strings (a repeated parameter gives several). */
export function paramsOf(req: Request): Params {
  const out: Params = Object.create(null) as Params;
  for (const [k, v] of Object.entries(req.query)) {
    out[k] = (Array.isArray(v) ? v : [v]).filter((x): x is string => typeof x === 'string');
  }
  return out;
}

export function checkKnown(params: Params, accepted: Accepted): void {
  const unknown = Object.keys(params).filter((k) => !Object.hasOwn(accepted, k));
  if (unknown.length > 0) throw bad(`Unknown parameter(s): ${unknown.map((u) => u.slice(0, 40)).join(', ')}. Accepted: ${Object.keys(accepted).join(', ')}.`, accepted);
}

export function one(params: Params, name: string, accepted: Accepted): string | undefined {
  const v = params[name];
  if (!v || v.length === 0) return undefined;
  if (v.length > 1) throw bad(`${name}: give it once.`, accepted);
  return v[0];
}

export function int(params: Params, name: string, accepted: Accepted): number | undefined {
  const v = one(params, name, accepted);
  if (v === undefined) return undefined;
  if (!/^\d{1,6}$/.test(v)) throw bad(`${name}: "${v.slice(0, 20)}" is not a whole number.`, accepted);
  return Number(v);
}

const quoted = (v: string) => `"${v.slice(0, 40)}"`;

/** A query-string value as a GraphQL input value of `type`, refusing in plain words what the type would refuse. */
export function coerce(type: GraphQLInputType, raw: string[], name: string, accepted: Accepted): unknown {
  const inner = isNonNullType(type) ? type.ofType : type;
  if (isListType(inner)) {
    return raw
      .flatMap((x) => x.split(','))
      .map((x) => x.trim())
      .filter(Boolean)
      .map((x) => coerce(inner.ofType, [x], name, accepted));
  }
  if (raw.length > 1) throw bad(`${name}: give it once (or a comma-separated list where a list is accepted).`, accepted);
  const v = raw[0] ?? '';
  const named = getNamedType(inner);
  if (isEnumType(named)) {
    const values = named.getValues().map((e) => e.name);
    const match = values.find((e) => e === v.toUpperCase());
    if (!match) throw bad(`${name}: ${quoted(v)} is not accepted; use one of ${values.join(', ')}.`, accepted);
    return match;
  }
  if (named.name === 'Int' || named.name === 'Float') {
    if (!/^-?\d{1,9}(\.\d+)?$/.test(v)) throw bad(`${name}: ${quoted(v)} is not a number.`, accepted);
    return Number(v);
  }
  if (named.name === 'Boolean') {
    if (v !== 'true' && v !== 'false') throw bad(`${name}: use true or false (got ${quoted(v)}).`, accepted);
    return v === 'true';
  }
  if (named.name === 'PartialDate' && !tryParsePartialDate(v)) {
    throw bad(`${name}: ${quoted(v)} is not a date; use YYYY, YYYY-MM or YYYY-MM-DD.`, accepted);
  }
  if (v === '') throw bad(`${name}: give a value.`, accepted);
  return v;
}

/** What a parameter of this type accepts, in words. */
export function describeInput(type: GraphQLInputType): string {
  const named = getNamedType(type);
  const listy = isListType(isNonNullType(type) ? type.ofType : type);
  const what = isEnumType(named)
    ? `one of ${named.getValues().map((v) => v.name).join(', ')}`
    : named.name === 'PartialDate'
      ? 'a date, YYYY, YYYY-MM or YYYY-MM-DD'
      : named.name === 'Int'
        ? 'a whole number'
        : named.name === 'Boolean'
          ? 'true or false'
          : isInputObjectType(named)
            ? named.name
            : 'text';
  return listy ? `a comma-separated list, each ${what}` : what;
}
