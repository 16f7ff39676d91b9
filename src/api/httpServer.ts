import { createAdaptorServer } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';

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
  server.listen({ port, host: hostname, backlog: BACKLOG }, () => onListening?.(server.address() as AddressInfo));
  return server;
}
