/** Stopping a child process the project started (the local Neo4j; the API under benchmark). */
import type { ChildProcess } from 'node:child_process';

/**
 * A stop function for `child`: SIGTERM, then SIGKILL if it has not exited within `graceMs`; it resolves once
 * the process has exited. Every call returns the same promise, and a process that already exited is left alone.
 */
export function gracefulStop(child: ChildProcess, exited: Promise<unknown>, graceMs: number): () => Promise<void> {
  let stopping: Promise<void> | undefined;
  return () => {
    stopping ??= (async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const grace = new Promise<'timeout'>((r) => setTimeout(() => r('timeout'), graceMs).unref());
      if ((await Promise.race([exited, grace])) === 'timeout') {
        child.kill('SIGKILL');
        await exited;
      }
    })();
    return stopping;
  };
}
