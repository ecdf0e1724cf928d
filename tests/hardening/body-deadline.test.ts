/**
 * One body deadline on both HTTP chains (issue 27): a client that declares a body and then trickles it
 * is held at most the request deadline (REQUEST_TIMEOUT_MS), then answered 408 in GraphQL JSON and
 * disconnected, whether the request took the fast lane (no Origin) or the general chain (a browser's
 * Origin); any other route's slow body is cut by the server itself. Once, the fast lane held such a
 * body for 315 s against 15 s on the general chain.
 */
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/server.js';

let api: TestServer;
beforeAll(async () => {
  api = await startTestServer({ REQUEST_TIMEOUT_MS: '1500' });
});
afterAll(async () => {
  await api?.stop();
});

/** Bytes declared; the body is sent one byte every TRICKLE_MS, so it would take minutes to arrive. */
const DECLARED = 1_000;
const TRICKLE_MS = 200;

interface Outcome {
  status: number;
  body: string;
  sent: number;
}

/** Sends the headers, then the body a byte at a time until the server answers and closes. */
function slowBody(path: string, headers: Record<string, string> = {}): Promise<Outcome> {
  const { port } = new URL(api.url);
  return new Promise((resolve, reject) => {
    const socket = net.connect(Number(port), '127.0.0.1');
    let sent = 0;
    let answer = '';
    let timer: NodeJS.Timeout | undefined;
    const head = Object.entries({ host: `127.0.0.1:${port}`, 'content-type': 'application/json', 'content-length': String(DECLARED), ...headers })
      .map(([k, v]) => `${k}: ${v}\r\n`)
      .join('');
    socket.on('connect', () => {
      socket.write(`POST ${path} HTTP/1.1\r\n${head}\r\n{`);
      sent = 1;
      timer = setInterval(() => {
        if (sent < DECLARED - 1 && socket.writable) {
          socket.write(' ');
          sent += 1;
        }
      }, TRICKLE_MS);
    });
    socket.on('data', (chunk) => {
      answer += chunk.toString('utf8');
    });
    const done = () => {
      clearInterval(timer);
      const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(answer)?.[1] ?? 0);
      resolve({ status, body: answer.slice(answer.indexOf('\r\n\r\n') + 4), sent });
    };
    socket.on('close', done);
    socket.on('error', (error: NodeJS.ErrnoException) => (error.code === 'ECONNRESET' || error.code === 'EPIPE' ? done() : reject(error)));
  });
}

describe('a body that arrives slowly', () => {
  it.each([
    ['the fast lane (no Origin)', {}],
    ['the general chain (a browser Origin)', { origin: 'http://example.test' }],
  ])('on %s is answered 408 at the request deadline and disconnected, long before it would have arrived', async (_name, headers) => {
    const outcome = await slowBody('/graphql', headers);
    expect(outcome.status).toBe(408);
    expect(outcome.sent).toBeLessThan(DECLARED / 2);
    const body = JSON.parse(outcome.body) as { errors: { message: string; extensions: Record<string, unknown> }[] };
    expect(body.errors[0]?.extensions).toMatchObject({ code: 'BAD_REQUEST', limit: 'time', max: 1500 });
    expect(body.errors[0]?.message).toMatch(/REQUEST_TIMEOUT_MS/);
  });

  it('on any other route is cut by the server, also long before it would have arrived', async () => {
    const outcome = await slowBody('/export/agreements.csv');
    expect([404, 408]).toContain(outcome.status);
    expect(outcome.sent).toBeLessThan(DECLARED / 2);
  });

  it('the server still answers afterwards', async () => {
    expect((await api.gql('{ countries(first: 1) { totalCount } }')).status).toBe(200);
  });
});
