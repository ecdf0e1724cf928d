/**
 * One driver per process, used the way the Neo4j team recommends: reads in read transactions and
 * writes in write transactions (so a cluster can route reads to followers), the database always
 * named, the GraphQL operation attached as transaction metadata, a timeout on every transaction,
 * and driver values (Integer, temporal, graph types) turned into plain JavaScript at this boundary.
 */
import neo4j, { type Driver, type ManagedTransaction, type QueryResult } from 'neo4j-driver';
import type { Logger } from '../logger.js';
import { translateDriverError } from '../errors.js';

export interface Neo4jSettings {
  uri: string;
  username: string;
  password: string;
  database: string;
  queryTimeoutMs: number;
}

/** Per-request facts that travel with every query: who asked, and a round-trip counter. */
export interface QueryContext {
  operationName?: string | undefined;
  /** Called once per transaction sent to the database (tests and benchmarks count round trips). */
  onRoundTrip?: (() => void) | undefined;
  /** Overrides the configured transaction timeout (analyst Cypher uses its own). */
  timeoutMs?: number | undefined;
  /** Set when the request's work budget is spent (src/graphql/result-budget.ts): every later read fails with it. */
  stopped?: Error | undefined;
}

export type Row = Record<string, unknown>;

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

/** Converts driver values (Integer, Date, Node, Relationship, Path, …) into plain JSON-able values. */
export function toPlain(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (neo4j.isInt(value)) return (value as { toNumber(): number }).toNumber();
  if (typeof value === 'bigint') return Number(value);
  if (Array.isArray(value)) return value.map(toPlain);
  if (neo4j.isNode(value as never)) {
    const n = value as unknown as { labels: string[]; properties: Row; elementId: string };
    return { labels: n.labels, properties: toPlain(n.properties), elementId: n.elementId };
  }
  if (neo4j.isRelationship(value as never)) {
    const r = value as unknown as {
      type: string;
      properties: Row;
      elementId: string;
      startNodeElementId: string;
      endNodeElementId: string;
    };
    return {
      type: r.type,
      properties: toPlain(r.properties),
      elementId: r.elementId,
      startNodeElementId: r.startNodeElementId,
      endNodeElementId: r.endNodeElementId,
    };
  }
  if (neo4j.isPath(value as never)) {
    const p = value as unknown as { start: unknown; end: unknown; segments: { start: unknown; relationship: unknown; end: unknown }[] };
    return {
      start: toPlain(p.start),
      end: toPlain(p.end),
      segments: p.segments.map((s) => ({ start: toPlain(s.start), relationship: toPlain(s.relationship), end: toPlain(s.end) })),
    };
  }
  if (
    neo4j.isDate(value as never) ||
    neo4j.isDateTime(value as never) ||
    neo4j.isLocalDateTime(value as never) ||
    neo4j.isTime(value as never) ||
    neo4j.isLocalTime(value as never) ||
    neo4j.isDuration(value as never)
  ) {
    return String(value);
  }
  if (typeof value === 'object') {
    return Object.fromEntries(Object.entries(value as Row).map(([k, v]) => [k, toPlain(v)]));
  }
  return value;
}

function rowsOf(result: QueryResult): Row[] {
  return result.records.map((r) => toPlain(r.toObject()) as Row);
}

interface PendingRead {
  cypher: string;
  params: Row;
  resolve: (rows: Row[]) => void;
  reject: (error: unknown) => void;
}

export class Database {
  /** Reads waiting for the next turn of the event loop, by the context they were issued with. */
  private readonly pendingReads = new WeakMap<QueryContext, PendingRead[]>();

  constructor(
    readonly driver: Driver,
    readonly settings: Neo4jSettings,
    private readonly logger: Logger,
  ) {}

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
      queue.push({ cypher, params, resolve, reject });
    });
  }

  private flushReads(ctx: QueryContext, batch: PendingRead[]): void {
    if (batch.length === 1) {
      const [only] = batch as [PendingRead];
      this.readTx(ctx, async (tx) => rowsOf(await tx.run(only.cypher, only.params)), only.cypher, only.params).then(only.resolve, only.reject);
      return;
    }
    for (const s of batch) this.logger.debug({ mode: 'READ', cypher: s.cypher, params: s.params, operation: ctx.operationName, batched: batch.length }, 'cypher');
    this.readTx(ctx, (tx) => Promise.all(batch.map(async (s) => rowsOf(await tx.run(s.cypher, s.params))))).then(
      (results) => batch.forEach((s, i) => s.resolve(results[i]!)),
      (error: unknown) => batch.forEach((s) => s.reject(error)),
    );
  }

  /** Runs one statement in a write transaction. */
  async write(cypher: string, params: Row, ctx: QueryContext = {}): Promise<Row[]> {
    return this.writeTx(ctx, async (tx) => rowsOf(await tx.run(cypher, params)), cypher, params);
  }

  /** Several statements in one read transaction (one round trip for the caller's purposes). */
  async readTx<T>(ctx: QueryContext, work: (tx: ManagedTransaction) => Promise<T>, cypher?: string, params?: Row): Promise<T> {
    return this.transaction('READ', ctx, work, cypher, params);
  }

  /** Several statements in one write transaction: all of them land, or none. */
  async writeTx<T>(ctx: QueryContext, work: (tx: ManagedTransaction) => Promise<T>, cypher?: string, params?: Row): Promise<T> {
    return this.transaction('WRITE', ctx, work, cypher, params);
  }

  private async transaction<T>(
    mode: 'READ' | 'WRITE',
    ctx: QueryContext,
    work: (tx: ManagedTransaction) => Promise<T>,
    cypher?: string,
    params?: Row,
  ): Promise<T> {
    if (ctx.stopped) throw ctx.stopped;
    const timeoutMs = ctx.timeoutMs ?? this.settings.queryTimeoutMs;
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
    try {
      return mode === 'READ' ? await session.executeRead(work, config) : await session.executeWrite(work, config);
    } catch (error) {
      throw translateDriverError(error, timeoutMs);
    } finally {
      await session.close().catch(() => undefined);
    }
  }

  /** True when the database answers a trivial query within the connection timeout. */
  async ping(): Promise<boolean> {
    try {
      await this.driver.executeQuery('RETURN 1', {}, { database: this.settings.database, routing: neo4j.routing.READ });
      return true;
    } catch {
      return false;
    }
  }

  async close(): Promise<void> {
    await this.driver.close();
  }
}
