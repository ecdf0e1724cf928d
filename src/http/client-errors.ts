/**
 * Requests Node's HTTP parser rejects before Express sees them (a URL or headers over the header
 * size limit, a malformed request line) are answered in the same GraphQL JSON shape as every other
 * rejection, with the limit and the way out, instead of Node's bare status line.
 */
import http from 'node:http';
import type { Duplex } from 'node:stream';

function answer(socket: Duplex, status: number, reason: string, message: string, extensions: Record<string, unknown>): void {
  const body = JSON.stringify({ errors: [{ message, extensions: { code: 'BAD_REQUEST', ...extensions } }] });
  socket.end(
    `HTTP/1.1 ${status} ${reason}\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
  );
}

export function answerClientErrors(server: http.Server): void {
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Duplex) => {
    if (!socket.writable || error.code === 'ECONNRESET') {
      socket.destroy();
      return;
    }
    const max = http.maxHeaderSize;
    if (error.code === 'HPE_HEADER_OVERFLOW') {
      answer(
        socket,
        431,
        'Request Header Fields Too Large',
        `The request's URL and headers are larger than ${max} bytes, the server's limit. Send a long operation as a POST with a JSON body (up to BODY_LIMIT) instead of a GET.`,
        { limit: 'headerSize', max },
      );
      return;
    }
    if (error.code === 'ERR_HTTP_REQUEST_TIMEOUT') {
      answer(socket, 408, 'Request Timeout', 'The request was not received in time; send it again.', {});
      return;
    }
    answer(socket, 400, 'Bad Request', 'The HTTP request is malformed and could not be read.', {});
  });
}
