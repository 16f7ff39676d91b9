/**
 * Typed errors shared by every layer. The API maps `status` and `code` straight
 * onto the `{"error": {"code", "message"}}` contract, so a message here must be
 * safe to show to the caller: no other tenant's data, no secrets.
 */
export class AppError extends Error {
  constructor(
    readonly status: 400 | 401 | 403 | 404 | 409 | 413 | 429 | 500 | 503,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class BadRequestError extends AppError {
  constructor(message: string, code = 'bad_request') {
    super(400, code, message);
  }
}

export class UnauthorizedError extends AppError {
  constructor(message = 'A valid bearer token is required.') {
    super(401, 'unauthorized', message);
  }
}

export class ForbiddenError extends AppError {
  constructor(message = 'You may not access this resource.', code = 'forbidden') {
    super(403, code, message);
  }
}

export class NotFoundError extends AppError {
  constructor(what: string) {
    super(404, 'not_found', `${what} was not found.`);
  }
}

export class ConflictError extends AppError {
  constructor(message: string, code = 'conflict') {
    super(409, code, message);
  }
}

export class PayloadTooLargeError extends AppError {
  constructor(message = 'The request body is too large.') {
    super(413, 'payload_too_large', message);
  }
}

export class RateLimitedError extends AppError {
  constructor(
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super(429, 'rate_limited', message);
  }
}

/** The service cannot serve right now (its database is unreachable); try again later. */
export class ServiceUnavailableError extends AppError {
  constructor(message: string, code = 'unavailable') {
    super(503, code, message);
  }
}

/** Another instance (or request) holds the conversation past the wait: try again after `retryAfterSeconds`. */
export class ConversationBusyError extends ConflictError {
  constructor(readonly retryAfterSeconds = 2) {
    super(
      'Another message in this conversation is still being answered; please try again shortly.',
      'conversation_busy',
    );
  }
}
