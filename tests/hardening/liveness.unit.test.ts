/**
 * The liveness probe judges a database that does not answer, not an event loop that was busy (issue 27:
 * one busy request starved the loop, the probe's reply waited behind it, and public requests got a false
 * 503 DATABASE_UNAVAILABLE). The probe here answers through real I/O (a file read in libuv's thread pool),
 * as the driver's reply arrives on its socket, while this thread is kept busy past the probe's timeout.
 */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { Liveness } from '../../src/neo4j/liveness.js';

const TIMEOUT_MS = 200;
const ownFile = fileURLToPath(import.meta.url);

/** Keeps the event loop busy (as a request serialising a large answer does). */
function busy(ms: number): void {
  const until = performance.now() + ms;
  while (performance.now() < until) {
    // Spinning.
  }
}

describe('liveness under a busy event loop', () => {
  it('a probe whose reply arrived while the loop was busy counts as answered: no false outage', async () => {
    const liveness = new Liveness(() => readFile(ownFile), { probeTimeoutMs: TIMEOUT_MS });
    const verdict = liveness.alive();
    busy(TIMEOUT_MS * 3);
    expect(liveness.down).toBe(false);
    expect(await verdict).toBe(true);
    expect(liveness.down).toBe(false);
  });

  it('a database that does not answer is still found out, busy loop or not', async () => {
    const liveness = new Liveness(() => new Promise(() => undefined), { probeTimeoutMs: TIMEOUT_MS });
    const verdict = liveness.alive();
    busy(TIMEOUT_MS * 2);
    expect(await verdict).toBe(false);
    expect(liveness.down).toBe(true);
    // An idle loop: found out at the timeout.
    const idle = new Liveness(() => new Promise(() => undefined), { probeTimeoutMs: TIMEOUT_MS });
    expect(await idle.alive()).toBe(false);
    expect(idle.down).toBe(true);
  });
});
