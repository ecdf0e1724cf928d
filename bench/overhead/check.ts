/**
 * Correctness before timing: the same data on every side, compared as the sets of `id`s anywhere in
 * each answer (the API's GraphQL data, the floor's rows, the peer's GraphQL data).
 */
import neo4j, { type Driver } from 'neo4j-driver';
import { floorBody, peerBody, type BenchOperation } from './operations.js';

/** Every string value of a property named `id`, at any depth (GraphQL data and floor rows alike). */
export function collectIds(value: unknown, into: Set<string> = new Set<string>()): Set<string> {
  if (Array.isArray(value)) {
    for (const item of value) collectIds(item, into);
  } else if (value !== null && typeof value === 'object') {
    for (const [key, v] of Object.entries(value as Record<string, unknown>)) {
      if (key === 'id' && typeof v === 'string') into.add(v);
      else collectIds(v, into);
    }
  }
  return into;
}

export interface IdComparison {
  match: boolean;
  /** Ids in the API's data. */
  api: number;
  /** Ids in the other side's answer (the floor's rows, or the peer's data). */
  floor: number;
  /** In the API's data but not in the other side's. */
  missing: string[];
  /** In the other side's answer but not in the API's data. */
  extra: string[];
}

/** Compares the ids of a GraphQL `data` object and of another side's answer, as sets. */
export function compareIds(apiData: unknown, otherAnswer: unknown): IdComparison {
  const api = collectIds(apiData);
  const floor = collectIds(otherAnswer);
  const missing = [...api].filter((id) => !floor.has(id)).sort();
  const extra = [...floor].filter((id) => !api.has(id)).sort();
  return { match: missing.length === 0 && extra.length === 0, api: api.size, floor: floor.size, missing, extra };
}

export function message(error: unknown): string {
  return error instanceof Error ? error.message.split('\n')[0]! : String(error);
}

/** Runs an operation's floor statement once in a read transaction through a driver; its rows as plain objects. */
export async function runFloor(driver: Driver, database: string, op: BenchOperation): Promise<Record<string, unknown>[]> {
  const session = driver.session({ database, defaultAccessMode: neo4j.session.READ });
  try {
    const result = await session.executeRead((tx) => tx.run(op.floorCypher, op.floorParams), {
      timeout: 10_000,
      metadata: { app: 'bench-floor', operation: op.name },
    });
    return result.records.map((r) => r.toObject() as Record<string, unknown>);
  } finally {
    await session.close().catch(() => undefined);
  }
}

export interface Answer {
  status: number;
  data: unknown;
  errors: unknown[] | undefined;
  extensions: Record<string, unknown> | undefined;
}

/** One POST of a JSON body, the answer parsed (fetch, as any client would). */
export async function post(url: string, body: string): Promise<Answer> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json' },
    body,
  });
  const parsed = (await res.json()) as { data?: unknown; errors?: unknown[]; error?: unknown; extensions?: Record<string, unknown> };
  // The floor server answers a failure with `{"error": "…"}`; GraphQL servers with `errors`.
  const errors = parsed.errors ?? (parsed.error !== undefined ? [{ message: parsed.error }] : undefined);
  return { status: res.status, data: parsed.data ?? null, errors, extensions: parsed.extensions };
}

export interface ApiAnswer {
  status: number;
  data: unknown;
  errors: unknown[] | undefined;
  roundTrips: number | undefined;
}

/** Sends an operation to the API once. */
export async function queryApi(apiUrl: string, op: BenchOperation): Promise<ApiAnswer> {
  const a = await post(apiUrl, op.body);
  const roundTrips = a.extensions?.['roundTrips'];
  return { status: a.status, data: a.data, errors: a.errors, roundTrips: typeof roundTrips === 'number' ? roundTrips : undefined };
}

export interface OperationCheck {
  operation: string;
  file: string;
  ok: boolean;
  /** The API's `extensions.roundTrips` (undefined when the API does not report it: production). */
  roundTrips: number | undefined;
  ids: IdComparison | undefined;
  /** Why the check failed: an API error, a floor error or an id mismatch. */
  error?: string;
}

/** The other side of a check: the floor through a driver (tests), or a server over HTTP (the benchmark). */
type Other = { driver: Driver; database: string } | { url: string; kind: 'floor' | 'peer' };

async function otherAnswer(op: BenchOperation, other: Other): Promise<unknown> {
  if ('driver' in other) return runFloor(other.driver, other.database, op);
  const body = other.kind === 'floor' ? floorBody(op) : peerBody(op);
  if (body === null) throw new Error('no peer operation');
  const a = await post(other.url, body);
  if (a.status !== 200 || a.errors) throw new Error(`answered ${a.status}: ${JSON.stringify(a.errors ?? null).slice(0, 300)}`);
  return a.data;
}

/**
 * The correctness check of one operation: the API and the other side give the same set of ids. A check
 * that failed for another reason than different ids (a timeout on a busy machine) is tried again, up to
 * `attempts` times in all.
 */
export async function checkOperation(op: BenchOperation, target: { apiUrl: string } & Other, attempts = 1): Promise<OperationCheck> {
  let check = await checkOnce(op, target);
  for (let i = 1; i < attempts && !check.ok && !check.error?.startsWith('ids differ'); i++) check = await checkOnce(op, target);
  return check;
}

async function checkOnce(op: BenchOperation, target: { apiUrl: string } & Other): Promise<OperationCheck> {
  const base = { operation: op.name, file: op.file };
  const side = 'kind' in target ? target.kind : 'floor';
  let answer: ApiAnswer;
  try {
    answer = await queryApi(target.apiUrl, op);
  } catch (error) {
    return { ...base, ok: false, roundTrips: undefined, ids: undefined, error: `API request failed: ${message(error)}` };
  }
  if (answer.status !== 200 || answer.errors) {
    return { ...base, ok: false, roundTrips: answer.roundTrips, ids: undefined, error: `API answered ${answer.status}: ${JSON.stringify(answer.errors ?? null).slice(0, 300)}` };
  }
  let other: unknown;
  try {
    other = await otherAnswer(op, target);
  } catch (error) {
    return { ...base, ok: false, roundTrips: answer.roundTrips, ids: undefined, error: `${side} failed: ${message(error)}` };
  }
  const ids = compareIds(answer.data, other);
  if (ids.api === 0) return { ...base, ok: false, roundTrips: answer.roundTrips, ids, error: 'the API returned no ids: is the seed graph loaded?' };
  return ids.match
    ? { ...base, ok: true, roundTrips: answer.roundTrips, ids }
    : {
        ...base,
        ok: false,
        roundTrips: answer.roundTrips,
        ids,
        error: `ids differ: missing from the ${side} [${ids.missing.join(', ')}], only in the ${side} [${ids.extra.join(', ')}]`,
      };
}

/** The peer's round trips for one operation: the sessions it opened for one request, sent alone. */
export async function peerRoundTrips(peerUrl: string, op: BenchOperation): Promise<number | undefined> {
  const body = peerBody(op);
  if (body === null) return undefined;
  const sessions = async () => Number((await post(peerUrl, body)).extensions?.['sessions'] ?? NaN);
  const before = await sessions();
  const after = await sessions();
  return Number.isFinite(after - before) ? after - before : undefined;
}
