/** The closed loop the benchmark runs on every side, and one keep-alive POST that fails on any error. */
import http from 'node:http';
import { percentile } from '../support/cli.js';
import type { CpuUse } from './cpu.js';
import { message } from './check.js';

export const round = (n: number, digits = 2) => Math.round(n * 10 ** digits) / 10 ** digits;

export interface LoopResult {
  latencies: number[];
  errors: number;
  firstError?: string;
  elapsedMs: number;
}

export interface Stats {
  /** Completed requests (successes and errors). */
  requests: number;
  /** Successful requests per second. */
  throughput: number;
  /** Latency percentiles of all completed requests, in ms. */
  p50: number;
  p99: number;
  mean: number;
  errors: number;
  firstError?: string;
  /** CPU used during the cell, in cores (1 = one core busy the whole time). */
  cpu: CpuUse;
}

/** N workers, each running `task` again as soon as it settles, until the time is up. */
export async function closedLoop(concurrency: number, durationMs: number, task: () => Promise<void>): Promise<LoopResult> {
  const latencies: number[] = [];
  let errors = 0;
  let firstError: string | undefined;
  const started = performance.now();
  const end = started + durationMs;
  const worker = async () => {
    while (performance.now() < end) {
      const t0 = performance.now();
      try {
        await task();
      } catch (error) {
        errors += 1;
        firstError ??= message(error);
      }
      latencies.push(performance.now() - t0);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return { latencies, errors, elapsedMs: performance.now() - started, ...(firstError ? { firstError } : {}) };
}

/** Several loops of the same side (the interleaved rounds of one cell) as one. */
export function mergeLoops(loops: LoopResult[]): LoopResult {
  const firstError = loops.find((l) => l.firstError)?.firstError;
  return {
    latencies: loops.flatMap((l) => l.latencies),
    errors: loops.reduce((n, l) => n + l.errors, 0),
    elapsedMs: loops.reduce((n, l) => n + l.elapsedMs, 0),
    ...(firstError ? { firstError } : {}),
  };
}

export function statsOf(loop: LoopResult, cpu: CpuUse): Stats {
  const sorted = [...loop.latencies].sort((a, b) => a - b);
  const ok = loop.latencies.length - loop.errors;
  return {
    requests: loop.latencies.length,
    throughput: round(ok / (loop.elapsedMs / 1000), 1),
    p50: round(percentile(sorted, 0.5)),
    p99: round(percentile(sorted, 0.99)),
    mean: round(sorted.reduce((s, x) => s + x, 0) / Math.max(1, sorted.length)),
    errors: loop.errors,
    ...(loop.firstError ? { firstError: loop.firstError } : {}),
    cpu,
  };
}

/** One POST over a keep-alive agent; the answer read whole, a non-200 or an `errors` member thrown. */
export function postJson(agent: http.Agent, target: URL, body: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        agent,
        host: target.hostname,
        port: target.port,
        path: target.pathname + target.search,
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          accept: 'application/graphql-response+json, application/json',
          'content-length': Buffer.byteLength(body),
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('error', reject);
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          if (res.statusCode !== 200) return reject(new Error(`HTTP ${res.statusCode}: ${text.slice(0, 200)}`));
          try {
            const parsed = JSON.parse(text) as { errors?: unknown };
            if (parsed.errors) return reject(new Error(`errors: ${JSON.stringify(parsed.errors).slice(0, 200)}`));
          } catch (error) {
            return reject(error);
          }
          resolve();
        });
      },
    );
    req.setTimeout(30_000, () => req.destroy(new Error('timed out after 30 s')));
    req.on('error', reject);
    req.end(body);
  });
}

/** A closed loop of POSTs of `body` to `url` at `concurrency` clients for `durationMs`. */
export async function postLoop(url: string, body: string, concurrency: number, durationMs: number): Promise<LoopResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
  const target = new URL(url);
  try {
    return await closedLoop(concurrency, durationMs, () => postJson(agent, target, body));
  } finally {
    agent.destroy();
  }
}
