import type { MiddlewareHandler } from 'hono';
import type { Logger } from '../logging/logger.js';
import { inRequestScope, newRequestId } from '../logging/requestScope.js';

/** A proxy's or client's own request id, kept for correlation only when it is plainly an id. */
const WELL_FORMED_ID = /^[A-Za-z0-9._:-]{1,64}$/;
/** Probes a load balancer sends every few seconds: logged at debug, so they do not drown the access log. */
const PROBES = new Set(['/api/health', '/api/ready']);

/**
 * Every request gets its own id, answered as `X-Request-Id` (errors included) and carried by every log
 * line written while serving it; when it has been answered, one access line: method, path (never the
 * query, which may hold search text), status, duration, id. An incoming `X-Request-Id` is not trusted
 * as ours (any client can send one, and this service trusts no proxy headers): a well-formed one is
 * logged beside ours as `upstreamRequestId`, so a proxy's logs can be joined with these.
 */
export function requestLog(logger: Logger): MiddlewareHandler {
  return async (c, next) => {
    const requestId = newRequestId();
    const started = performance.now();
    c.header('X-Request-Id', requestId);
    await inRequestScope({ requestId }, () => next());
    // A response built without the context's headers (a raw Response) still gets the id.
    if (!c.res.headers.has('x-request-id')) {
      try {
        c.res.headers.set('X-Request-Id', requestId);
      } catch {
        // Immutable headers: the line below still carries the id.
      }
    }
    const upstream = c.req.header('x-request-id');
    const fields = {
      method: c.req.method,
      path: c.req.path.slice(0, 200),
      status: c.res.status,
      durationMs: Math.round((performance.now() - started) * 10) / 10,
      requestId,
      ...(upstream && WELL_FORMED_ID.test(upstream) ? { upstreamRequestId: upstream } : {}),
    };
    if (PROBES.has(c.req.path)) logger.debug(fields, 'request');
    else logger.info(fields, 'request');
  };
}
