/**
 * A real `npm start` in its own process group, for the signal tests: start it, find its processes,
 * hold a request in flight (its body half sent), deliver a signal, and see what is left running.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import net from 'node:net';
import { fileURLToPath } from 'node:url';
import { freePort } from '../../bench/support/free-port.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

export interface NpmStart {
  child: ChildProcess;
  port: number;
  output(): string;
  /** Resolves with npm's exit code and signal. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

export { freePort };

/**
 * The environment a test gives a process of its own: a clean one (what the test sets is all it gets), but for
 * PATH, HOME and JDK_JAVA_OPTIONS, which the system project sets so that every JVM those processes start is a
 * short-lived one's (vitest.config.ts).
 */
export function childEnv(env: Record<string, string | undefined>): Record<string, string> {
  const passed = { PATH: process.env['PATH'] ?? '', HOME: process.env['HOME'] ?? '', JDK_JAVA_OPTIONS: process.env['JDK_JAVA_OPTIONS'] };
  return Object.fromEntries(Object.entries({ ...passed, ...env }).filter((e): e is [string, string] => e[1] !== undefined));
}

/** `npm start` with the given environment, detached (its own process group); resolves once /ready says 200. */
export async function npmStart(env: Record<string, string>, readyTimeoutMs = 240_000): Promise<NpmStart> {
  const port = await freePort();
  const child = spawn('npm', ['start'], {
    cwd: ROOT,
    detached: true,
    env: childEnv({ NODE_ENV: 'development', LOG_LEVEL: 'warn', PORT: String(port), ...env }),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (c: Buffer) => (out += c.toString()));
  child.stderr!.on('data', (c: Buffer) => (out += c.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  let done = false;
  void exited.then(() => (done = true));
  const deadline = Date.now() + readyTimeoutMs;
  for (;;) {
    if (done) throw new Error(`npm start exited during start-up:\n${out}`);
    const status = await fetch(`http://127.0.0.1:${port}/ready`, { signal: AbortSignal.timeout(3_000) }).then(
      (r) => r.status,
      () => 0,
    );
    if (status === 200) break;
    if (Date.now() > deadline) {
      process.kill(-child.pid!, 'SIGKILL');
      throw new Error(`npm start was not ready within ${readyTimeoutMs} ms:\n${out}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  return { child, port, output: () => out, exited };
}

export interface Proc {
  pid: number;
  ppid: number;
  cmd: string;
}

function processTable(): Proc[] {
  const rows: Proc[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      const cmd = readFileSync(`/proc/${entry}/cmdline`, 'utf8').replace(/\0/g, ' ').trim();
      rows.push({ pid: Number(entry), ppid, cmd });
    } catch {
      // Gone meanwhile.
    }
  }
  return rows;
}

/** Every process below `pid` (children, grandchildren, …). */
export function descendants(pid: number): Proc[] {
  const table = processTable();
  const out: Proc[] = [];
  const walk = (parent: number) => {
    for (const p of table.filter((q) => q.ppid === parent)) {
      out.push(p);
      walk(p.pid);
    }
  };
  walk(pid);
  return out;
}

/** True while the process exists and is not a zombie (exited, waiting for its parent to reap it). */
export function isAlive(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return false;
  }
}

/** The node process that runs the API's main module (the topmost one; cluster workers are below it). */
export function apiProcess(npmPid: number): Proc {
  const all = descendants(npmPid).filter((p) => /src\/main\.ts/.test(p.cmd) && !/tsx\/dist\/cli/.test(p.cmd));
  const top = all.find((p) => !all.some((q) => q.pid === p.ppid));
  if (!top) throw new Error(`no API process below npm ${npmPid}`);
  return top;
}

export interface SlowRequest {
  /** Sends the rest of the body; resolves with the whole raw HTTP response (empty when the connection was dropped). */
  finish(): Promise<string>;
}

/** A GraphQL POST whose body is only half sent: in flight from the server's point of view until `finish`. */
export async function slowRequest(port: number, query: string): Promise<SlowRequest> {
  const body = JSON.stringify({ query });
  const socket = net.connect(port, '127.0.0.1');
  await new Promise<void>((resolve, reject) => socket.once('connect', () => resolve()).once('error', reject));
  let raw = '';
  socket.on('data', (c: Buffer) => (raw += c.toString()));
  const closed = new Promise<void>((resolve) => socket.once('close', () => resolve()));
  socket.on('error', () => undefined);
  const half = Math.floor(body.length / 2);
  socket.write(
    `POST /graphql HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body.slice(0, half)}`,
  );
  return {
    async finish() {
      if (!socket.destroyed) socket.write(body.slice(half));
      await closed;
      return raw;
    },
  };
}

/** A new request after the signal: 'refused' (no longer listening), or the HTTP status it got. */
export async function newRequest(port: number, query: string): Promise<number | 'refused' | 'reset'> {
  try {
    const res = await fetch(`http://127.0.0.1:${port}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query }),
      signal: AbortSignal.timeout(20_000),
    });
    await res.text();
    return res.status;
  } catch (error) {
    const cause = (error as { cause?: { code?: string } }).cause;
    return cause?.code === 'ECONNREFUSED' ? 'refused' : 'reset';
  }
}
