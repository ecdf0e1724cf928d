/**
 * Consistent reads while a dataset is reloaded. Neo4j reads are read-committed: a statement that runs
 * while a load commits can see some of its changes and not others. The loader (src/seed/loader.ts)
 * writes, last in its transaction, `(:Dataset {id, version})` with the dataset's content hash, and
 * brackets its commit with a fence: just before committing it commits `(:LoadFence).until` (a lease)
 * in a separate transaction, and lowers it after the commit has returned. In the transaction that writes (or
 * deletes) a dataset's version, after raising the fence, it also publishes every dataset's `id@version;` on the
 * fence node itself (cypher/seed/publish-versions.cypher), so a fence read (cypher/consistency/read-fence.cypher)
 * is one unique-index seek of one node and two of its properties (`until`, `versions`). A store loaded before
 * the versions were published has none there: the fence read then reads them from the (:Dataset) nodes, the same
 * string, until a load or removal publishes them (a fallback, not a migration: the API writes nothing at start).
 *
 * Every read transaction reads the fence and the versions first and again last (the last read is sent
 * only after every record of the reads in between has arrived, so the order is real). When the fence
 * was up at either end, or the versions differ, the reads may straddle a commit: the transaction is
 * retried with backoff, within the request's deadline. A request made of several transactions pins the
 * versions its first one saw; a later one that sees others throws DatasetChangedError, and the HTTP
 * layer runs the whole request again (src/http/consistent-graphql.ts).
 *
 * A compiled statement (src/compiler/) carries its own fence reads, so a compiled request is ONE
 * statement in ONE transaction (`fenced` below). Within one statement the reads are read-committed
 * too: a load can commit while the statement runs, so the fence must still be read before and after
 * the work, in that order. The wrapper makes the order a data dependency the planner cannot reorder:
 *
 *   CALL () { fence }                                  -- one row: loading, versions (complete: it aggregates)
 *   CALL (before) { WITH before WHERE before IS NOT NULL CALL () { work } RETURN collect(row) AS rows }
 *   CALL (rows)   { WITH rows WHERE rows IS NOT NULL CALL () { fence } }
 *
 * Each correlated CALL runs once per incoming row, and only after that row exists (Apply): the work
 * cannot start before the first fence row was produced, and the second fence read cannot start
 * before `collect` has consumed every row of the work (an aggregation emits after its last input).
 * So the statement reads: fence, then all of the work, then fence, exactly as the bracketed
 * transaction does, and `steady` judges both the same way.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { GraphQLError } from 'graphql';
import type { ManagedTransaction } from 'neo4j-driver';
import { DEFAULT_CYPHER_DIR } from './cypher-catalog.js';
import { DatabaseUnavailableError } from '../errors.js';

/** The fence read (cypher/consistency/read-fence.cypher): returns `loading` and `versions`. */
export const READ_FENCE = readFileSync(path.join(DEFAULT_CYPHER_DIR, 'consistency', 'read-fence.cypher'), 'utf8')
  .split('\n')
  .filter((l) => !l.trimStart().startsWith('//'))
  .join('\n')
  .trim();

export interface FenceState {
  loading: boolean;
  /** Every dataset's `id@version`, in id order. */
  versions: string;
}

/** What the context of a request remembers between its transactions. */
export interface PinnedVersions {
  datasetVersions?: string | undefined;
  /** Set when a transaction saw other versions than the request's first one. */
  datasetChanged?: boolean | undefined;
}

export class DatasetChangedError extends GraphQLError {
  constructor() {
    super('The data changed while this request was being answered (a dataset was reloaded); try again.', {
      extensions: { code: 'DATASET_CHANGED', http: { status: 503 } },
    });
  }
}

/** Retries of one read transaction that straddled a load's commit. */
export const MAX_ATTEMPTS = 12;
const FIRST_BACKOFF_MS = 20;
const MAX_BACKOFF_MS = 500;

function stateOf(record: { get(key: string): unknown } | undefined): FenceState {
  return { loading: record?.get('loading') === true, versions: String(record?.get('versions') ?? '') };
}

/** True when nothing can have committed between the two reads. */
export function steady(before: FenceState, after: FenceState): boolean {
  return !before.loading && !after.loading && before.versions === after.versions;
}

/**
 * Runs `work` bracketed by the fence reads in the caller's transaction. The first read is pipelined
 * ahead of the work's statements (one row, so it is complete before they start).
 */
export async function bracketed<T>(tx: ManagedTransaction, work: (tx: ManagedTransaction) => Promise<T>): Promise<{ value: T; before: FenceState; after: FenceState }> {
  const first = Promise.resolve(tx.run(READ_FENCE));
  first.catch(() => undefined);
  const value = await work(tx);
  const before = stateOf((await first).records[0]);
  const after = stateOf((await tx.run(READ_FENCE)).records[0]);
  return { value, before, after };
}

/** Names no compiled statement uses (the compiler's variables are `v1`, `n`, `ag`, …). */
const FENCED_ROW = '__fencedRow';

/**
 * `work` (a statement returning `columns`) wrapped in the fence reads as one statement that returns
 * one row: `beforeLoading`, `beforeVersions`, `rows` (the work's rows as maps, in order),
 * `afterLoading`, `afterVersions`. A leading `// name:` comment stays first (it names the statement).
 */
export function fenced(work: string, columns: readonly string[]): string {
  const named = /^\s*\/\/[^\n]*\n/.exec(work)?.[0] ?? '';
  const body = work.slice(named.length);
  const row = `{${columns.map((c) => `\`${c}\`: \`${c}\``).join(', ')}}`;
  return (
    `${named}CALL () { ${READ_FENCE} } WITH loading AS beforeLoading, versions AS beforeVersions\n` +
    `CALL (beforeVersions) { WITH beforeVersions WHERE beforeVersions IS NOT NULL CALL () {\n${body}\n} RETURN collect(${row}) AS ${FENCED_ROW} }\n` +
    `CALL (${FENCED_ROW}) { WITH ${FENCED_ROW} WHERE ${FENCED_ROW} IS NOT NULL CALL () { ${READ_FENCE} } RETURN loading AS afterLoading, versions AS afterVersions }\n` +
    `RETURN beforeLoading, beforeVersions, ${FENCED_ROW} AS rows, afterLoading, afterVersions`
  );
}

/**
 * Several works (statements of one request, each with its own columns and with its parameters
 * already apart: cypher-text.ts, `prefixParameters`) as ONE statement with one pair of fence reads:
 * the fence, each work collected in turn (each depends on the fence's row), the fence again once
 * every work's rows are collected. Read the result with `unfencedTogether`.
 */
export function fencedTogether(works: readonly { body: string; columns: readonly string[] }[]): string {
  const names = works.map((_, i) => `${FENCED_ROW}${i}`);
  const calls = works.map(({ body, columns }, i) => {
    const row = `{${columns.map((c) => `\`${c}\`: \`${c}\``).join(', ')}}`;
    return `CALL (beforeVersions) { WITH beforeVersions WHERE beforeVersions IS NOT NULL CALL () {\n${body}\n} RETURN collect(${row}) AS ${names[i]} }\n`;
  });
  const all = names.join(', ');
  return (
    `CALL () { ${READ_FENCE} } WITH loading AS beforeLoading, versions AS beforeVersions\n` +
    calls.join('') +
    `CALL (${all}) { WITH ${all} WHERE ${names.map((n) => `${n} IS NOT NULL`).join(' AND ')} CALL () { ${READ_FENCE} } RETURN loading AS afterLoading, versions AS afterVersions }\n` +
    `RETURN beforeLoading, beforeVersions, ${all}, afterLoading, afterVersions`
  );
}

/** Each work's rows and both fence states from the one row of a `fencedTogether` statement. */
export function unfencedTogether(row: Record<string, unknown> | undefined, count: number): { rows: Record<string, unknown>[][]; before: FenceState; after: FenceState } {
  const at = (prefix: string): FenceState => ({ loading: row?.[`${prefix}Loading`] === true, versions: String(row?.[`${prefix}Versions`] ?? '') });
  const rows = Array.from({ length: count }, (_, i) => (row?.[`${FENCED_ROW}${i}`] as Record<string, unknown>[] | undefined) ?? []);
  return { rows, before: at('before'), after: at('after') };
}

/** The work's rows and both fence states from the one row of a `fenced` statement. */
export function unfenced(row: Record<string, unknown> | undefined): { rows: Record<string, unknown>[]; before: FenceState; after: FenceState } {
  const at = (prefix: string): FenceState => ({ loading: row?.[`${prefix}Loading`] === true, versions: String(row?.[`${prefix}Versions`] ?? '') });
  return { rows: (row?.['rows'] as Record<string, unknown>[] | undefined) ?? [], before: at('before'), after: at('after') };
}

/** The fence states of several fenced statements of one transaction as one pair (steady only if all were, on the same versions). */
export function combined(states: readonly { before: FenceState; after: FenceState }[]): { before: FenceState; after: FenceState } {
  const first = states[0]!;
  const same = states.every((s) => steady(s.before, s.after) && s.before.versions === first.before.versions);
  return same ? { before: first.before, after: first.after } : { before: { ...first.before, loading: true }, after: first.after };
}

/**
 * Runs one attempt (`attempt`) until its reads were steady, with backoff, never past `deadline`; then checks
 * the versions against those the request pinned.
 */
export async function consistentRead<T>(
  attempt: () => Promise<{ value: T; before: FenceState; after: FenceState }>,
  pinned: PinnedVersions,
  deadline: number,
): Promise<T> {
  let backoff = FIRST_BACKOFF_MS;
  for (let i = 1; ; i++) {
    const { value, before, after } = await attempt();
    if (steady(before, after)) {
      if (pinned.datasetVersions === undefined) pinned.datasetVersions = before.versions;
      else if (pinned.datasetVersions !== before.versions) {
        pinned.datasetChanged = true;
        throw new DatasetChangedError();
      }
      return value;
    }
    if (i >= MAX_ATTEMPTS || Date.now() + backoff > deadline) {
      throw new DatabaseUnavailableError('A dataset is being reloaded and the data could not be read consistently in time; try again shortly.');
    }
    await new Promise((r) => setTimeout(r, backoff));
    backoff = Math.min(MAX_BACKOFF_MS, backoff * 2);
  }
}

