/**
 * One idempotent shutdown per process. SIGTERM and SIGINT may arrive more than once (a signal to the
 * whole process group reaches the API directly and again through npm), and from a cluster primary as
 * a message: the first one starts the shutdown, later ones are noted and ignored. The steps run in the
 * reverse order of registration (the last thing started stops first: HTTP drains, then the driver
 * closes, then the local Neo4j stops), each failure is logged and the next step still runs, and the
 * process exits 0 — or 1 if it has not finished within the force timeout.
 */
import type { Logger } from '../logger.js';

export type StopStep = () => Promise<void>;

export interface Shutdown {
  /** Adds a step; steps run last-registered first. */
  add(name: string, step: StopStep): void;
  /** Starts the shutdown (once); resolves never: the process exits. */
  stop(reason: string, code?: number): Promise<void>;
  readonly stopping: boolean;
}

export function installShutdown(logger: Logger, forceAfterMs: number): Shutdown {
  const steps: { name: string; step: StopStep }[] = [];
  let running: Promise<void> | undefined;
  const shutdown: Shutdown = {
    add(name, step) {
      steps.push({ name, step });
    },
    get stopping() {
      return running !== undefined;
    },
    stop(reason, code = 0) {
      if (running) {
        logger.info({ reason }, 'already shutting down');
        return running;
      }
      logger.info({ reason }, 'shutting down');
      const force = setTimeout(() => {
        logger.error({ forceAfterMs }, 'shutdown did not finish in time: exiting');
        process.exit(1);
      }, forceAfterMs);
      force.unref();
      running = (async () => {
        for (const { name, step } of steps.slice().reverse()) {
          try {
            await step();
          } catch (error) {
            logger.error({ err: error, step: name }, 'shutdown step failed');
          }
        }
        logger.info('stopped');
        process.exit(code);
      })();
      return running;
    },
  };
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => void shutdown.stop(signal));
  return shutdown;
}
