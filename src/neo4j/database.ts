/**
 * One driver per process, used the way the Neo4j team recommends: reads in read transactions and
 * writes in write transactions (so a cluster can route reads to followers), the database always
 * named, the GraphQL operation attached as transaction metadata, a timeout on every transaction,
 * and driver values (Integer, temporal, graph types) turned into plain JavaScript at this boundary.
 */
import { toPlain } from './values.js';
import neo4j, { type Driver, type ManagedTransaction, type QueryResult } from 'neo4j-driver';
import type { Logger } from '../logger.js';
import { DatabaseUnavailableError, translateDriverError } from '../errors.js';
import { statementName, type Instrumentation, noInstrumentation } from './instrumentation.js';
import { bracketed, combined, consistentRead, fencedTogether, unfenced, unfencedTogether, type FenceState, type PinnedVersions } from './consistency.js';
import { compact, prefixParameters } from './cypher-text.js';
import { Liveness, READY_TIMEOUT_MS } from './liveness.js';

export interface Neo4jSettings {
  uri: string;
  username: string;
  password: string;
  database: string;
  queryTimeoutMs: number;
}

/** Per-request facts that travel with every query: who asked, a round-trip counter, the dataset versions read. */
export interface QueryContext extends PinnedVersions {
  operationName?: string | undefined;
  /** Called once per transaction sent to the database (tests and benchmarks count round trips). */
  onRoundTrip?: (() => void) | undefined;
  /** Overrides the configured transaction timeout (analyst Cypher uses its own). */
  timeoutMs?: number | undefined;
  /** What metrics, traces and the slow-query log learn of this request's database work. */
  observed?: ObservedWork | undefined;
  /** The operation's estimated cost (src/graphql/cost.ts), once it is resolved. */
  estimatedCost?: number | undefined;
  /** Set when the request's work budget is spent (src/graphql/result-budget.ts): every later read fails with it. */
  stopped?: Error | undefined;
  /** The request's work budget (src/graphql/result-budget.ts, BudgetMeter) while its operation runs. */
  budget?: WorkBudget | undefined;
}

/** The request's work budget as the other layers see it: what the response holds so far. */
export interface WorkBudget {
  /** Objects and list items resolved. */
  readonly items: number;
  /** Bytes of the response's data. */
  readonly bytes: number;
}

/** The database work of one request, as the observability plugins read it (src/observability/). */
export interface ObservedWork {
  /** The trace context Cypher spans are children of (an OpenTelemetry Context; opaque here). */
  traceParent?: unknown;
  /** Names of the statements run, in order (`entity/by-keys`, `compiled:…`). */
  statements: string[];
  /** Milliseconds spent waiting on Neo4j (transactions, wall clock). */
  neo4jMs: number;
}

export type Row = Record<string, unknown>;
export { toPlain };

export function createDriver(settings: Neo4jSettings): Driver {
  // A server without authentication (the local Neo4j) accepts any basic credentials.
  return neo4j.driver(settings.uri, neo4j.auth.basic(settings.username, settings.password), {
    disableLosslessIntegers: true,
    maxConnectionPoolSize: 100,
    connectionAcquisitionTimeout: 5_000,
    connectionTimeout: 5_000,
    maxTransactionRetryTime: 2_000,
    userAgent: 'border-graph-api',
  });
}


/**
 * `tx.run` without the stack trace the driver captures for every result (it formats `new Error().stack`,
 * through the source maps under tsx: about a tenth of the CPU of a compiled request). Driver errors are
 * translated by `translateDriverError` and keep their message and code; only their JavaScript stack is shorter.
 */
function runQuietly(tx: ManagedTransaction, cypher: string, params: Row): Promise<QueryResult> {
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    return Promise.resolve(tx.run(cypher, params));
  } finally {
    Error.stackTraceLimit = limit;
  }
}

function rowsOf(result: QueryResult): Row[] {
  return result.records.map((r) => toPlain(r.toObject()) as Row);
}

interface PendingRead {
  cypher: string;
  /** The same statement wrapped in its own fence reads (consistency.ts, `fenced`). */
  fencedCypher?: string | undefined;
  /** The statement's columns: with them, several of one turn run as one statement (`fencedTogether`). */
  columns?: readonly string[] | undefined;
  params: Row;
  resolve: (rows: Row[]) => void;
  reject: (error: unknown) => void;
}

export class Database {
  /** The texts of statements run together (`together`), by their parts: a bounded cache. */
  private readonly togetherTexts = new Map<string, string>();
  /** Reads waiting for the next turn of the event loop, by the context they were issued with. */
  private readonly pendingReads = new WeakMap<QueryContext, PendingRead[]>();
  /** Whether the database answers at all (a frozen one keeps connections open and never replies). */
  private readonly liveness = new Liveness(() =>
    this.driver.executeQuery('RETURN 1', {}, { database: this.settings.database, routing: neo4j.routing.READ }),
  );

  /** Open sessions right now (the pool's use, as metrics report it). */
  activeSessions = 0;

  constructor(
    readonly driver: Driver,
    readonly settings: Neo4jSettings,
    private readonly logger: Logger,
    /** Spans per statement (OpenTelemetry) when tracing is configured; set by the app. */
    public instrumentation: Instrumentation = noInstrumentation,
  ) {}

  /** Runs one statement of a transaction, under its own span and recorded by name for the request. */
  private run(tx: ManagedTransaction, ctx: QueryContext, cypher: string, params: Row): Promise<Row[]> {
    const name = statementName(cypher);
    ctx.observed?.statements.push(name);
    return this.instrumentation.statement(name, ctx.observed?.traceParent, async () => rowsOf(await runQuietly(tx, cypher, params)));
  }

  get name(): string {
    return this.settings.database;
  }

  /**
   * Runs one statement in a read transaction and returns its rows as plain objects. Statements
   * read with the same context before the event loop next turns (the resolvers of one GraphQL
   * field level and the DataLoaders they call) share one read transaction: one round trip, not one
   * each. Reads are answered the same either way; only a failed transaction fails every statement
   * it carried.
   */
  read(cypher: string, params: Row, ctx: QueryContext = {}): Promise<Row[]> {
    return this.enqueue(cypher, undefined, params, ctx);
  }

  /**
   * Like `read`, for a statement that also comes wrapped in its own fence reads (`fencedCypher`,
   * made by consistency.ts's `fenced`): when every statement of the batch is such, the transaction
   * runs just them, and no separate fence reads: one alone as it is, several (with their `columns`)
   * as ONE statement with one pair of fence reads (consistency.ts, `fencedTogether`).
   */
  readFenced(cypher: string, fencedCypher: string, params: Row, ctx: QueryContext = {}, columns?: readonly string[]): Promise<Row[]> {
    return this.enqueue(cypher, fencedCypher, params, ctx, columns);
  }

  private enqueue(cypher: string, fencedCypher: string | undefined, params: Row, ctx: QueryContext, columns?: readonly string[]): Promise<Row[]> {
    return new Promise((resolve, reject) => {
      if (ctx.stopped) return reject(ctx.stopped);
      let queue = this.pendingReads.get(ctx);
      if (!queue) {
        const batch: PendingRead[] = [];
        queue = batch;
        this.pendingReads.set(ctx, batch);
        setImmediate(() => {
          this.pendingReads.delete(ctx);
          this.flushReads(ctx, batch);
        });
      }
      queue.push({ cypher, fencedCypher, columns, params, resolve, reject });
    });
  }

  private flushReads(ctx: QueryContext, batch: PendingRead[]): void {
    if (batch.every((s) => s.fencedCypher !== undefined)) {
      this.fencedTx(ctx, batch).then(
        (results) => batch.forEach((s, i) => s.resolve(results[i]!)),
        (error: unknown) => batch.forEach((s) => s.reject(error)),
      );
      return;
    }
    if (batch.length === 1) {
      const [only] = batch as [PendingRead];
      this.readTx(ctx, (tx) => this.run(tx, ctx, only.cypher, only.params), only.cypher, only.params).then(only.resolve, only.reject);
      return;
    }
    for (const s of batch) this.logger.debug({ mode: 'READ', cypher: s.cypher, params: s.params, operation: ctx.operationName, batched: batch.length }, 'cypher');
    this.readTx(ctx, (tx) => Promise.all(batch.map((s) => this.run(tx, ctx, s.cypher, s.params)))).then(
      (results) => batch.forEach((s, i) => s.resolve(results[i]!)),
      (error: unknown) => batch.forEach((s) => s.reject(error)),
    );
  }

  /**
   * Self-fenced statements in one read transaction, with no fence reads of their own: one alone as an
   * auto-commit statement, several with their columns as one statement (`together`), otherwise one each.
   */
  private fencedTx(ctx: QueryContext, batch: PendingRead[]): Promise<Row[][]> {
    const deadline = Date.now() + (ctx.timeoutMs ?? this.settings.queryTimeoutMs);
    const read = (work: (tx: ManagedTransaction) => Promise<{ value: Row[][]; before: FenceState; after: FenceState }>, cypher: string, params: Row, autoCommit: boolean) =>
      consistentRead(() => this.attempt('READ', ctx, work, cypher, params, autoCommit), ctx, deadline);
    if (batch.length > 1 && batch.every((s) => s.columns !== undefined)) {
      const together = this.together(batch);
      return read(
        async (tx) => {
          const result = unfencedTogether((await this.run(tx, ctx, together.cypher, together.params))[0], batch.length);
          return { value: result.rows, before: result.before, after: result.after };
        },
        together.cypher,
        together.params,
        true,
      );
    }
    const first = batch[0]!;
    return read(
      async (tx) => {
        const results = await Promise.all(batch.map(async (s) => unfenced((await this.run(tx, ctx, s.fencedCypher!, s.params))[0])));
        return { value: results.map((r) => r.rows), ...combined(results) };
      },
      first.cypher,
      first.params,
      batch.length === 1,
    );
  }

  /** The statements of one turn as one (`fencedTogether`), each with its parameters prefixed apart; the text is remembered. */
  private together(batch: PendingRead[]): { cypher: string; params: Row } {
    const key = batch.map((s) => s.cypher).join('\u0000');
    let cypher = this.togetherTexts.get(key);
    if (cypher === undefined) {
      const names = batch.map((s) => /^\s*\/\/\s*[\w/.:-]+:\s*([^\n]*)/.exec(s.cypher)?.[1] ?? 'unnamed');
      const works = batch.map((s, i) => ({ body: prefixParameters(s.cypher, `s${i}_`), columns: s.columns! }));
      cypher = `// compiled/together: ${names.join(', ')}\n${compact(fencedTogether(works))}`;
      this.togetherTexts.set(key, cypher);
      if (this.togetherTexts.size > 500) this.togetherTexts.delete(this.togetherTexts.keys().next().value!);
    }
    const params: Row = {};
    batch.forEach((s, i) => {
      for (const [name, value] of Object.entries(s.params)) params[`s${i}_${name}`] = value;
    });
    return { cypher, params };
  }

  /** Runs one statement in a write transaction. */
  async write(cypher: string, params: Row, ctx: QueryContext = {}): Promise<Row[]> {
    return this.writeTx(ctx, (tx) => this.run(tx, ctx, cypher, params), cypher, params);
  }

  /** Several statements in one read transaction (one round trip for the caller's purposes). */
  async readTx<T>(ctx: QueryContext, work: (tx: ManagedTransaction) => Promise<T>, cypher?: string, params?: Row): Promise<T> {
    return this.transaction('READ', ctx, work, cypher, params);
  }

  /** Several statements in one write transaction: all of them land, or none. */
  async writeTx<T>(ctx: QueryContext, work: (tx: ManagedTransaction) => Promise<T>, cypher?: string, params?: Row): Promise<T> {
    return this.transaction('WRITE', ctx, work, cypher, params);
  }

  private async transaction<T>(mode: 'READ' | 'WRITE', ctx: QueryContext, work: (tx: ManagedTransaction) => Promise<T>, cypher?: string, params?: Row): Promise<T> {
    if (mode === 'WRITE') return this.attempt(mode, ctx, work, cypher, params);
    // Reads never mix data from before and after a dataset load's commit (src/neo4j/consistency.ts).
    const deadline = Date.now() + (ctx.timeoutMs ?? this.settings.queryTimeoutMs);
    return consistentRead(() => this.attempt(mode, ctx, (tx) => bracketed(tx, work), cypher, params), ctx, deadline);
  }

  /** One transaction (retried by the callers around it); protected so a test can watch every transaction start. */
  protected async attempt<T>(
    mode: 'READ' | 'WRITE',
    ctx: QueryContext,
    work: (tx: ManagedTransaction) => Promise<T>,
    cypher?: string,
    params?: Row,
    autoCommit = false,
  ): Promise<T> {
    if (ctx.stopped) throw ctx.stopped;
    const timeoutMs = ctx.timeoutMs ?? this.settings.queryTimeoutMs;
    if (mode === 'READ' && this.liveness.down) {
      // Fail fast while the database does not answer; the probe this starts notices when it is back.
      void this.liveness.alive();
      throw new DatabaseUnavailableError();
    }
    ctx.onRoundTrip?.();
    if (cypher) this.logger.debug({ mode, cypher, params, operation: ctx.operationName }, 'cypher');
    const session = this.driver.session({
      database: this.settings.database,
      defaultAccessMode: mode === 'READ' ? neo4j.session.READ : neo4j.session.WRITE,
    });
    const config = {
      timeout: timeoutMs,
      metadata: { app: 'border-graph-api', operation: ctx.operationName ?? 'anonymous' },
    };
    const started = performance.now();
    this.activeSessions += 1;
    let abandoned = false;
    try {
      // One self-fenced statement needs no explicit transaction: an auto-commit read saves the BEGIN
      // and COMMIT messages and the round trip of the commit.
      const running = autoCommit
        ? work({ run: (q: string, p: Row) => session.run(q, p, config) } as unknown as ManagedTransaction)
        : mode === 'READ'
          ? session.executeRead(work, config)
          : session.executeWrite(work, config);
      // Reads are watched; a load's long write may meet a long GC pause and must not be given up for it.
      if (mode === 'WRITE') return await running;
      return await this.liveness.watch(running, () => new DatabaseUnavailableError(), () => (abandoned = true));
    } catch (error) {
      throw translateDriverError(error, timeoutMs);
    } finally {
      this.activeSessions -= 1;
      if (ctx.observed) ctx.observed.neo4jMs += performance.now() - started;
      // A session on a frozen database would not close until it answers again: do not wait for it.
      const closed = session.close().catch(() => undefined);
      if (!abandoned) await closed;
    }
  }

  /** True when the database answers a trivial query, within READY_TIMEOUT_MS (for /ready). */
  async ping(): Promise<boolean> {
    return this.liveness.alive(READY_TIMEOUT_MS);
  }

  async close(): Promise<void> {
    await this.driver.close();
  }
}
