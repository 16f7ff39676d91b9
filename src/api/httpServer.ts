import { createAdaptorServer } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { errorBody } from './errorHandler.js';

/** Connections waiting to be accepted (Linux caps it at net.core.somaxconn, 4096 by default). */
const BACKLOG = 4096;
/**
 * An idle keep-alive connection is kept longer than a load balancer or client keeps its own (60 s is
 * the common idle timeout): a server that closes first races the client's next request on that
 * socket, which the client sees as ECONNRESET. Headers must be allowed longer still (Node's rule).
 */
const KEEP_ALIVE_MS = 65_000;

/**
 * The API's HTTP server: the app on `port`/`hostname`, with a backlog large enough for a thousand
 * clients connecting at once (Node's default, 511, drops the excess while the event loop is busy)
 * and keep-alive timeouts that outlast the clients'.
 */
export function listen(
  fetch: (request: Request) => Response | Promise<Response>,
  port: number,
  hostname: string,
  onListening?: (info: AddressInfo) => void,
): Server {
  const server = createAdaptorServer({ fetch }) as Server;
  server.keepAliveTimeout = KEEP_ALIVE_MS;
  server.headersTimeout = KEEP_ALIVE_MS + 1000;
  server.on('clientError', refuseMalformed);
  server.listen({ port, host: hostname, backlog: BACKLOG }, () => onListening?.(server.address() as AddressInfo));
  return server;
}

/** What Node's parser refuses before the app sees a request, as the status it would answer. */
const PARSER_REFUSALS: Record<string, [number, string, string, string]> = {
  HPE_HEADER_OVERFLOW: [
    431,
    'Request Header Fields Too Large',
    'headers_too_large',
    'The URL or headers are too large.',
  ],
  ERR_HTTP_REQUEST_TIMEOUT: [408, 'Request Timeout', 'request_timeout', 'The request was not sent in time.'],
};
const MALFORMED: [number, string, string, string] = [
  400,
  'Bad Request',
  'malformed_request',
  'Malformed HTTP request.',
];

/**
 * A request Node cannot parse (garbage, a body shorter than its Content-Length, a URL or headers past
 * the limit) is answered with the contract's JSON error instead of Node's empty one, then the
 * connection closes: the parser cannot find where the next request would start.
 */
function refuseMalformed(error: Error & { code?: string }, socket: Duplex): void {
  // As Node does: only a connection nothing was written to yet gets an answer.
  if (!socket.writable || (socket as Duplex & { bytesWritten?: number }).bytesWritten !== 0) {
    socket.destroy();
    return;
  }
  const [status, reason, code, message] = PARSER_REFUSALS[error.code ?? ''] ?? MALFORMED;
  const body = JSON.stringify(errorBody(code, message));
  socket.end(
    `HTTP/1.1 ${status} ${reason}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}` +
      `\r\nConnection: close\r\n\r\n${body}`,
  );
}
