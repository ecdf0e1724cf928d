/**
 * The shared test database's read/write lock across the api project's parallel test files. The global setup
 * runs the lock service (a loopback TCP server); each api file holds the database `shared` for its whole run,
 * or `exclusive` when it loads, reloads or otherwise changes data (tests/support/db.ts, `writesToDatabase()`):
 * an exclusive holder runs alone, and no reader starts while a writer waits. A holder keeps its lock for as
 * long as its connection is open, so a test process that dies releases it.
 */
import net from 'node:net';

export type LockMode = 'shared' | 'exclusive';

interface Waiter {
  mode: LockMode;
  socket: net.Socket;
}

export interface LockService {
  port: number;
  close(): Promise<void>;
}

/** Starts the lock service on a free loopback port. */
export async function startLockService(): Promise<LockService> {
  const holders = new Map<net.Socket, LockMode>();
  const queue: Waiter[] = [];
  const grant = () => {
    // First come, first served: a waiting writer holds back the readers behind it.
    while (queue.length > 0) {
      const next = queue[0]!;
      const held = [...holders.values()];
      const free = next.mode === 'shared' ? !held.includes('exclusive') : held.length === 0;
      if (!free) return;
      queue.shift();
      holders.set(next.socket, next.mode);
      next.socket.write('granted\n');
    }
  };
  const server = net.createServer((socket) => {
    socket.setEncoding('utf8');
    socket.once('data', (line: string) => {
      const mode = line.trim() === 'exclusive' ? 'exclusive' : 'shared';
      queue.push({ mode, socket });
      grant();
    });
    const release = () => {
      holders.delete(socket);
      const waiting = queue.findIndex((w) => w.socket === socket);
      if (waiting >= 0) queue.splice(waiting, 1);
      grant();
    };
    socket.on('close', release);
    socket.on('error', () => socket.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as net.AddressInfo).port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        for (const socket of holders.keys()) socket.destroy();
      }),
  };
}

/** Waits for the lock in `mode`; resolves with its release. */
export async function acquireLock(port: number, mode: LockMode): Promise<() => Promise<void>> {
  const socket = net.connect(port, '127.0.0.1');
  socket.setEncoding('utf8');
  await new Promise<void>((resolve, reject) => {
    socket.once('error', reject);
    socket.once('connect', () => socket.write(`${mode}\n`));
    socket.once('data', () => {
      socket.off('error', reject);
      resolve();
    });
  });
  socket.on('error', () => undefined);
  // Held while the process lives: the connection must not keep a finished test process alive.
  socket.unref();
  return () =>
    new Promise<void>((resolve) => {
      socket.once('close', () => resolve());
      socket.end();
    });
}
