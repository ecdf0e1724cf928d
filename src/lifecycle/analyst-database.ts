/**
 * The database analyst Cypher runs on (`config.analyst.database`, src/config.ts; docs/analytics.md):
 *
 * - `local` (no NEO4J_URI): a Neo4j process of its own, started here in the background on
 *   LOCAL_ANALYST_NEO4J_PORT with a small heap, at a lower CPU priority (`nice`), exiting on a heap exhaustion;
 *   kept a copy of the public database by src/seed/copy.ts (a round every COPY_EVERY_MS, and at once after a
 *   load this process made); restarted by its supervisor when it exits and by the watchdog when an analyst
 *   statement outlives its timeout by ANALYST_WATCHDOG_GRACE_MS. The public database never runs analyst Cypher.
 * - `own` (ANALYST_NEO4J_URI): the user's read replica or second database; with ANALYST_NEO4J_COPY the API
 *   copies the public data into it the same way (no watchdog: the process is not ours to restart).
 * - `public` (ANALYST_CYPHER_ON_PUBLIC_DATABASE=true): the public database itself, as asked.
 * - `refused`: none (NEO4J_URI without either setting); analyst Cypher is FORBIDDEN with the reason.
 *
 * While the analyst's database starts, restarts or is being copied, `unavailable()` says why, and analyst
 * requests are answered 503 with that reason (src/services/analyst/analyst-cypher-service.ts).
 */
import neo4j from 'neo4j-driver';
import type { Config } from '../config.js';
import type { Logger } from '../logger.js';
import { startWatchdog, type Watchdog } from '../local-neo4j/watchdog.js';
import { SupervisedNeo4j } from '../local-neo4j/supervisor.js';
import type { CypherCatalog } from '../neo4j/cypher-catalog.js';
import { createDriver, Database, type Neo4jSettings } from '../neo4j/database.js';
import { applySchema } from '../neo4j/migrate.js';
import type { AnalystDatabaseHandle } from '../repositories/index.js';
import { COPY_MAX_NODES, copyDatasets, type CopySummary } from '../seed/copy.js';
import { ANALYST_OPERATION_PREFIX } from '../services/analyst/analyst-cypher-service.js';

/** How often the copy compares its datasets' versions with the public database's. */
export const COPY_EVERY_MS = 2_000;
/** The analyst Neo4j's page cache and transaction memory (its heap is LOCAL_ANALYST_NEO4J_HEAP_MB). */
const PAGE_CACHE_MB = 64;
const NICENESS = 10;
/** The watchdog's question may take this long (a busy engine answers in milliseconds). */
const WATCHDOG_ANSWER_MS = 10_000;

export interface AnalystDatabase extends AnalystDatabaseHandle {
  /** Where API workers reach it (they connect to it as ANALYST_NEO4J_URI). */
  uri: string;
  /** Starts its Neo4j and the copy: once the public API is ready, so that its start never slows the public one's. */
  start(): void;
  /** Compare and copy now (after a load this process made), not at the next round. */
  refresh(): void;
  close(): Promise<void>;
}

/** Rounds of copyDatasets: one at a time, again at once when asked meanwhile. */
class CopyLoop {
  /** A round has completed since the target last came up: the copy holds the public data. */
  ready = false;
  /** Why the copy cannot follow the public data while the API runs (a dataset too large), or undefined. */
  problem: string | undefined;
  /** `prepare` has run since the target last came up. */
  private prepared = false;
  private running = false;
  private again = false;
  private timer: NodeJS.Timeout | undefined;
  private started = false;
  private stopped = false;
  private lastError = '';

  constructor(
    private readonly prepare: () => Promise<unknown>,
    private readonly round: () => Promise<CopySummary>,
    private readonly canRun: () => boolean,
    private readonly log: Logger,
  ) {}

  start(): void {
    this.started = true;
    this.schedule();
  }

  kick(): void {
    if (!this.started) return;
    if (this.running) this.again = true;
    else void this.run();
  }

  /** The target (re)started: not ready until a round completes; `fresh` (maybe a new data folder): prepare it again. */
  restart(fresh: boolean): void {
    if (fresh) this.prepared = false;
    this.ready = false;
    this.kick();
  }

  stop(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
  }

  private schedule(): void {
    if (this.stopped) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.run(), COPY_EVERY_MS);
    this.timer.unref();
  }

  private async run(): Promise<void> {
    if (this.stopped || this.running) return;
    this.running = true;
    try {
      if (this.canRun()) {
        if (!this.prepared) await this.prepare();
        this.prepared = true;
        const summary = await this.round();
        if (summary.loaded.length + summary.removed.length > 0) this.log.info({ summary }, 'analyst copy refreshed');
        if (summary.deferred.length === 0) this.ready = true;
        this.problem = summary.tooLarge.length
          ? `the public database holds ${summary.tooLarge.map((t) => `${t.dataset} (${t.nodes} nodes)`).join(', ')}, more than the API copies while it runs ` +
            `(${COPY_MAX_NODES} nodes a dataset); restart the API to make the copy from the store files`
          : undefined;
        this.lastError = '';
      }
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      if (message !== this.lastError) this.log.warn({ error: message }, 'analyst copy: this round failed; trying again');
      this.lastError = message;
    } finally {
      this.running = false;
      if (this.again && !this.stopped) {
        this.again = false;
        void this.run();
      } else {
        this.schedule();
      }
    }
  }
}

/** The copy into `db`: the schema (constraints, the full-text index) first, again after `restart` (a new data folder). */
function copier(publicDb: Database, db: Database, catalog: CypherCatalog, log: Logger, canRun: () => boolean): CopyLoop {
  return new CopyLoop(() => applySchema(db, catalog), () => copyDatasets(publicDb, db, catalog), canRun, log);
}

function openDatabase(settings: Neo4jSettings, logger: Logger): Database {
  return new Database(createDriver(settings), settings, logger.child({ component: 'analyst-neo4j' }));
}

export async function openAnalystDatabase(config: Config, publicDb: Database, catalog: CypherCatalog, logger: Logger): Promise<AnalystDatabase | undefined> {
  const where = config.analyst.database;
  const log = logger.child({ component: 'analyst-database' });
  if (!config.analyst.token || where.kind === 'refused') return undefined;
  if (where.kind === 'public') {
    const nothing = () => undefined;
    return { db: publicDb, uri: publicDb.settings.uri, start: nothing, unavailable: nothing, refresh: nothing, close: async () => undefined };
  }
  const queryTimeoutMs = config.neo4j.queryTimeoutMs;
  if (where.kind === 'own') {
    const db = openDatabase({ uri: where.uri, username: where.username, password: where.password, database: where.database, queryTimeoutMs }, logger);
    const copy = where.copy ? copier(publicDb, db, catalog, log, () => true) : undefined;
    return {
      db,
      uri: where.uri,
      start: () => {
        copy?.start();
        copy?.restart(true);
      },
      unavailable: () => copy?.problem ?? (copy && !copy.ready ? 'its copy of the public data is being made' : undefined),
      refresh: () => copy?.kick(),
      close: async () => {
        copy?.stop();
        await db.close();
      },
    };
  }

  // local: a process of its own, copied, supervised and watched.
  const db = openDatabase({ uri: `bolt://127.0.0.1:${where.port}`, username: 'neo4j', password: '', database: 'neo4j', queryTimeoutMs }, logger);
  const copy = copier(publicDb, db, catalog, log, () => supervisor.state === 'up');
  const supervisor: SupervisedNeo4j = new SupervisedNeo4j({
    name: 'analyst Neo4j',
    neo4j: {
      port: where.port,
      dataDir: where.dataDir,
      startTimeoutMs: config.localNeo4j.startTimeoutMs,
      heapMb: where.heapMb,
      pageCacheMb: PAGE_CACHE_MB,
      txMemoryMb: Math.floor(where.heapMb / 4),
      txTotalMemoryMb: Math.floor(where.heapMb / 2),
      // Out of heap: exit, and be started again. C1 only: a third less CPU to start (measured: 8.6 against 13.6 CPU
      // seconds), which a process restarted after every runaway needs more than peak speed.
      jvmOptions: ['-XX:+ExitOnOutOfMemoryError', '-XX:TieredStopAtLevel=1'],
      nice: NICENESS,
    },
    disposableData: true,
    log,
    onUp: (fresh) => copy.restart(fresh),
  });
  const statement = catalog.get('analyst/running-transactions');
  const watchdog: Watchdog = startWatchdog({
    limitMs: config.analyst.timeoutMs + where.graceMs,
    answerWithinMs: WATCHDOG_ANSWER_MS,
    isUp: () => supervisor.state === 'up',
    restart: (reason) => supervisor.restart(reason),
    transactions: async (signal) => {
      const result = await db.driver.executeQuery(
        statement,
        { prefix: ANALYST_OPERATION_PREFIX },
        { database: 'neo4j', routing: neo4j.routing.READ, signal, transactionConfig: { timeout: WATCHDOG_ANSWER_MS, metadata: { operation: 'watchdog:analyst' } } },
      );
      return result.records.map((r) => ({ elapsedMs: Number(r.get('elapsedMs')), operation: r.get('operation') as string | null }));
    },
  });
  return {
    db,
    uri: supervisor.uri,
    start: () => {
      supervisor.start();
      copy.start();
    },
    unavailable: () => {
      if (supervisor.state === 'starting') return 'its own Neo4j is starting';
      if (supervisor.state === 'restarting') return `its own Neo4j is restarting (${supervisor.lastRestart?.reason ?? 'it stopped'})`;
      if (supervisor.state === 'stopped') return 'the server is shutting down';
      return copy.problem ?? (copy.ready ? undefined : 'its copy of the public data is being made');
    },
    refresh: () => copy.kick(),
    close: async () => {
      watchdog.stop();
      copy.stop();
      await db.close();
      await supervisor.stop();
    },
  };
}
