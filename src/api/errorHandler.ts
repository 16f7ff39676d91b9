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

export function notFound(c: Context) {
  return c.json(errorBody('not_found', `No route for ${c.req.method} ${c.req.path}.`), 404);
}
