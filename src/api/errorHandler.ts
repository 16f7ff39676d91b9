import type { Context, ErrorHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { AppError, ConversationBusyError, RateLimitedError } from '../errors.js';
import { StoreUnavailableError } from '../store/index.js';

export function errorBody(code: string, message: string) {
  return { error: { code, message } };
}

/** Every failure becomes the contract's JSON error; unexpected ones are logged and answered without internals. */
export function errorHandler(log: (msg: string, fields: Record<string, unknown>) => void): ErrorHandler {
  return (err, c) => {
    if (err instanceof AppError) {
      if (
        err instanceof RateLimitedError ||
        err instanceof ConversationBusyError ||
        err instanceof StoreUnavailableError
      )
        c.header('Retry-After', String(err.retryAfterSeconds));
      // The operator needs to know; the caller gets the safe message (the driver's words stay in the log).
      if (err instanceof StoreUnavailableError)
        log('storage unavailable', {
          path: c.req.path,
          error: err.cause instanceof Error ? err.cause.message : err.message,
        });
      return c.json(errorBody(err.code, err.message), err.status);
    }
    if (err instanceof HTTPException) {
      const status = err.status;
      if (status === 400 && /json/i.test(err.message)) {
        return c.json(
          errorBody('invalid_json', 'The request body must be valid JSON sent with Content-Type: application/json.'),
          400,
        );
      }
      const code = status === 413 ? 'payload_too_large' : status === 400 ? 'bad_request' : 'http_error';
      return c.json(errorBody(code, err.message || 'Request failed.'), status);
    }
    log('unhandled error', {
      path: c.req.path,
      error: err instanceof Error ? `${err.name}: ${err.message}` : String(err),
    });
    return c.json(errorBody('internal', 'Something went wrong on our side. Please try again.'), 500);
  };
}

/** A registered route as the app lists it (`ALL` for middleware). */
interface Route {
  method: string;
  path: string;
}

/**
 * The answer when no route takes a request: 405 with `Allow` when the path has routes for other
 * methods (a client that sent the wrong method learns the right one), else 404. The app's routes
 * are read on first use, once every one is registered.
 */
export function notFound(routes: () => readonly Route[]) {
  let byPath: Array<{ pattern: RegExp; method: string }> | undefined;
  return (c: Context) => {
    byPath ??= routes()
      .filter((r) => r.method !== 'ALL')
      .map((r) => ({ pattern: routePattern(r.path), method: r.method }));
    const allowed = [...new Set(byPath.filter((r) => r.pattern.test(c.req.path)).map((r) => r.method))];
    const { method, path } = c.req;
    if (allowed.length === 0) return c.json(errorBody('not_found', `No route for ${method} ${path}.`), 404);
    if (allowed.includes('GET')) allowed.push('HEAD');
    c.header('Allow', allowed.join(', '));
    return c.json(
      errorBody('method_not_allowed', `${method} is not allowed on ${path}; use ${allowed.join(' or ')}.`),
      405,
    );
  };
}

/** `/api/runs/:runId/feedback` as a pattern: a parameter is one path segment, `*` anything. */
const routePattern = (path: string) =>
  new RegExp(
    `^${path
      .split('/')
      .map((part) =>
        part.startsWith(':') ? '[^/]+' : part === '*' ? '.*' : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'),
      )
      .join('/')}$`,
  );
