/** What every bench entry point shares: `--name value` arguments, percentiles, and running only when invoked directly. */
import path from 'node:path';
import { pathToFileURL } from 'node:url';

/** The value after `--name`, or undefined. */
export function argument(args: readonly string[], name: string): string | undefined {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
}

/** The value at fraction `p` (0.5 = median) of ascending `sorted`; 0 for no values. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))]!;
}

/** Runs `main` when the module at `moduleUrl` is the script node was started with; a failure prints one line and exits 1. */
export function runIfMain(moduleUrl: string, main: () => Promise<unknown>): void {
  if (!process.argv[1] || moduleUrl !== pathToFileURL(path.resolve(process.argv[1])).href) return;
  main().catch((error: unknown) => {
    process.stderr.write(`error: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  });
}
