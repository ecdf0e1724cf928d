/**
 * WEB_CONCURRENCY > 1: the primary process runs that many API workers (node:cluster) that share one
 * port. The primary owns the database side (it starts the local Neo4j, applies the schema, seeds an
 * empty database) and hands the workers the Bolt URI; workers only serve. A worker that dies is
 * replaced; on shutdown the primary asks every worker to drain, waits for all of them, and only then
 * closes its own connection (and so stops the local Neo4j).
 */
import cluster, { type Worker } from 'node:cluster';
import type { Logger } from '../logger.js';
import type { Shutdown } from './shutdown.js';

/** The message a primary sends a worker to make it drain and exit. */
export const SHUTDOWN_MESSAGE = 'border-graph-api:shutdown';

export interface WorkerPool {
  /** Resolves once every worker listens. */
  ready: Promise<void>;
  stop(): Promise<void>;
}

export function startWorkers(count: number, env: Record<string, string>, logger: Logger, graceMs: number): WorkerPool {
  let stopping = false;
  const exits = new Map<Worker, Promise<void>>();
  let listening = 0;
  let markReady: () => void = () => undefined;
  const ready = new Promise<void>((resolve) => (markReady = resolve));

  const fork = (): void => {
    const worker = cluster.fork(env);
    const started = Date.now();
    exits.set(
      worker,
      new Promise<void>((resolve) =>
        worker.once('exit', (code, signal) => {
          exits.delete(worker);
          resolve();
          if (stopping) return;
          logger.error({ worker: worker.process.pid, code, signal }, 'API worker died: starting a new one');
          // A worker that dies at once would die again: do not spin.
          setTimeout(fork, Date.now() - started < 5_000 ? 2_000 : 0).unref();
        }),
      ),
    );
    worker.once('listening', () => {
      listening += 1;
      if (listening === count) markReady();
    });
  };
  for (let i = 0; i < count; i++) fork();

  return {
    ready,
    async stop() {
      stopping = true;
      const all = [...exits.entries()];
      for (const [worker] of all) {
        if (worker.isConnected()) worker.send(SHUTDOWN_MESSAGE);
      }
      const grace = new Promise<'timeout'>((r) => setTimeout(() => r('timeout'), graceMs).unref());
      if ((await Promise.race([Promise.all(all.map(([, exited]) => exited)), grace])) === 'timeout') {
        logger.error('API workers did not drain in time: killing them');
        for (const [worker] of all) worker.process.kill('SIGKILL');
        await Promise.all(all.map(([, exited]) => exited));
      }
    },
  };
}

/** In a worker: drain and exit when the primary asks, or when the primary is gone. */
export function followPrimary(shutdown: Shutdown): void {
  process.on('message', (message) => {
    if (message === SHUTDOWN_MESSAGE) void shutdown.stop('primary');
  });
  process.on('disconnect', () => void shutdown.stop('primary gone'));
}
