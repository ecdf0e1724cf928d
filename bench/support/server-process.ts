/**
 * A benchmarked server in its own process (`node <npm start's node flags> --import tsx <script>`), so that the
 * load generator never shares its event loop. Every side (the API, the floor, the peer) runs with the Node flags
 * of `npm start` (package.json): the API as it is shipped, and the others tuned alike. `startServerProcess`
 * resolves once `readyPath` answers 200 (any answer below 500 when `readyStatus` is 'any'); `stop` sends SIGTERM
 * and SIGKILLs after a grace period.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gracefulStop } from '../../src/child-process.js';

const PROJECT_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** The flags `npm start` gives Node before `--import tsx` (`exec node --max-semi-space-size=64 --import tsx …`). */
export function startNodeFlags(): string[] {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { scripts: Record<string, string> };
  const flags = /\bnode ((?:--\S+ )*?)--import tsx\b/.exec(pkg.scripts['start'] ?? '');
  if (!flags) throw new Error(`package.json's start script is not "node [flags] --import tsx …": ${pkg.scripts['start']}`);
  return flags[1]!.split(' ').filter(Boolean);
}

export interface ServerProcessOptions {
  /** What it is, for error messages ("the API", "the peer"). */
  name: string;
  /** The script, relative to the project's root. */
  script: string;
  port: number;
  env: NodeJS.ProcessEnv;
  /** Extra node flags before the script (e.g. `['--cpu-prof']`). */
  nodeArgs?: string[];
  /** Polled with GET until it answers (default `/`). */
  readyPath?: string;
  /** 'ok': only a 200 means ready (default); 'any': any answer below 500. */
  readyStatus?: 'ok' | 'any';
  /** Give up waiting after this long (default 60 s). */
  readyTimeoutMs?: number;
}

export interface ServerProcess {
  origin: string;
  port: number;
  pid: number;
  stop(): Promise<void>;
}

const delay = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function startServerProcess(options: ServerProcessOptions): Promise<ServerProcess> {
  const child = spawn(process.execPath, [...startNodeFlags(), ...(options.nodeArgs ?? []), '--import', 'tsx', options.script], {
    cwd: PROJECT_ROOT,
    env: options.env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let tail = '';
  const keep = (chunk: Buffer) => {
    tail = (tail + chunk.toString()).slice(-4000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  let exitCode: number | null | undefined;
  void exited.then((code) => {
    exitCode = code;
  });
  const stop = gracefulStop(child, exited, 15_000);

  const origin = `http://127.0.0.1:${options.port}`;
  const timeout = options.readyTimeoutMs ?? 60_000;
  const deadline = Date.now() + timeout;
  for (;;) {
    if (exitCode !== undefined) throw new Error(`${options.name} exited during start-up (code ${exitCode}); its last output:\n${tail}`);
    try {
      const res = await fetch(`${origin}${options.readyPath ?? '/'}`, { signal: AbortSignal.timeout(2_000) });
      await res.text();
      if (res.status === 200 || (options.readyStatus === 'any' && res.status < 500)) break;
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`${options.name} was not ready on ${origin} within ${timeout} ms; its last output:\n${tail}`);
    }
    await delay(200);
  }
  return { origin, port: options.port, pid: child.pid ?? -1, stop };
}
