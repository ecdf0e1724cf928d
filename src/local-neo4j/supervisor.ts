/**
 * A local Neo4j that is kept running: started again when it exits on its own (a heap exhaustion with
 * `-XX:+ExitOnOutOfMemoryError`, a crash) or when its owner asks for a restart (the analyst watchdog, for a
 * statement Neo4j cannot interrupt). A restart kills the JVM at once (SIGKILL) and starts it again on the
 * same port and data folder; Neo4j recovers its store from the transaction log. Starts that fail are
 * retried with a growing pause (at most a minute); with `disposableData` (a copy that can be made again,
 * like the analyst's) a start that fails after a kill wipes the data folder first, since a store that no
 * longer opens is of no use.
 */
import { rm } from 'node:fs/promises';
import { startLocalNeo4j, type LocalNeo4j, type LocalNeo4jOptions } from './local-neo4j.js';

export type SupervisedState = 'starting' | 'up' | 'restarting' | 'stopped';

export interface SupervisorOptions {
  /** How the logs name it ("analyst Neo4j"). */
  name: string;
  neo4j: LocalNeo4jOptions;
  /** The data folder holds a copy that can be made again: wiped when the store no longer starts. */
  disposableData?: boolean;
  log: { info(obj: object, msg: string): void; warn(obj: object, msg: string): void; error(obj: object, msg: string): void };
  /**
   * Called each time the engine is up (after the first start and after every restart); `fresh` when its data
   * folder may be new (the first start, or a start on a wiped folder), not when it restarted on its own data.
   */
  onUp?: (fresh: boolean) => void;
}

const FIRST_RETRY_MS = 1_000;
const MAX_RETRY_MS = 60_000;

export class SupervisedNeo4j {
  state: SupervisedState = 'starting';
  /** Restarts so far, and why the last one happened. */
  restarts = 0;
  lastRestart: { reason: string; at: Date } | undefined;
  private current: LocalNeo4j | undefined;
  /** The start (or restart) in progress; `stop` waits for it. */
  private cycle: Promise<void> | undefined;
  private retryMs = FIRST_RETRY_MS;

  constructor(private readonly options: SupervisorOptions) {}

  get uri(): string {
    return `bolt://127.0.0.1:${this.options.neo4j.port}`;
  }

  get pid(): number | undefined {
    return this.current?.pid;
  }

  /** Starts the engine in the background: `state` says when it is up. */
  start(): void {
    this.cycle = this.run(false);
  }

  /** Kills the engine and starts it again (no-op while a start or restart is already under way). */
  restart(reason: string): void {
    if (this.state !== 'up') return;
    this.state = 'restarting';
    this.restarts += 1;
    this.lastRestart = { reason, at: new Date() };
    this.options.log.warn({ reason, pid: this.current?.pid, restarts: this.restarts }, `${this.options.name}: restarting`);
    this.cycle = this.run(true);
  }

  async stop(): Promise<void> {
    const wasStopped = this.state === 'stopped';
    this.state = 'stopped';
    if (wasStopped) return;
    await this.cycle?.catch(() => undefined);
    await this.current?.stop();
    this.current = undefined;
  }

  private async run(kill: boolean): Promise<void> {
    if (kill) await this.current?.kill();
    this.current = undefined;
    let killed = kill;
    let fresh = this.restarts === 0;
    while (!this.stopped()) {
      try {
        const engine = await startLocalNeo4j({ ...this.options.neo4j, progress: (line) => this.options.log.info({}, line) });
        if (this.stopped()) {
          await engine.stop();
          return;
        }
        this.current = engine;
        this.state = 'up';
        this.retryMs = FIRST_RETRY_MS;
        void engine.exited.then((code) => this.exited(engine, code));
        this.options.onUp?.(fresh);
        return;
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        if (killed && this.options.disposableData) {
          // The store may be what no longer starts: the copy is made again once the engine is up.
          this.options.log.warn({ error: message }, `${this.options.name}: did not start after a kill; starting on an empty data folder`);
          await rm(this.options.neo4j.dataDir, { recursive: true, force: true });
          killed = false;
          fresh = true;
          continue;
        }
        this.options.log.error({ error: message, retryInMs: this.retryMs }, `${this.options.name}: could not start`);
        await new Promise((r) => setTimeout(r, this.retryMs).unref());
        this.retryMs = Math.min(MAX_RETRY_MS, this.retryMs * 2);
      }
    }
  }

  private stopped(): boolean {
    return this.state === 'stopped';
  }

  /** The engine exited without being asked to (a heap exhaustion, a crash): start it again. */
  private exited(engine: LocalNeo4j, code: number | null): void {
    if (this.current !== engine || this.state !== 'up') return;
    this.state = 'restarting';
    this.restarts += 1;
    this.lastRestart = { reason: `the process exited (code ${code})`, at: new Date() };
    this.options.log.warn({ code, restarts: this.restarts }, `${this.options.name}: exited on its own; starting it again`);
    this.cycle = this.run(false);
  }
}
