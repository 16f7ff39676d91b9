import type { Context, MiddlewareHandler } from 'hono';
import { getConnInfo } from '@hono/node-server/conninfo';
import { RateLimitedError } from '../errors.js';
import type { RateBudget, Store } from '../store/index.js';
import type { AuthEnv } from './auth.js';

export interface RateLimits {
  /** Requests per minute per token, any route. */
  perMinute: number;
  /** Requests per minute per token on routes that start or resume a run. */
  runsPerMinute: number;
}

const MINUTE = 60_000;

/**
 * Per-user (or, signed out on a public route, per-address) sliding-window limits, counted in the store so that every instance on the database shares
 * one budget. Routes that run the model have their own, lower budget. Answers 429 with Retry-After.
 * Both budgets of a request are taken in one store call (one statement on PostgreSQL).
 */
export function rateLimit(
  limits: RateLimits,
  store: Store,
  now: () => Date = () => new Date(),
): MiddlewareHandler<AuthEnv> {
  return requestBudgets(store, { rateLimits: limits }, now).afterSignIn;
}

/** A request's budget keys and the message each refusal answers with. */
const MESSAGES = {
  all: 'Too many requests',
  runs: 'Too many messages',
  signIn: 'Too many failed sign-ins from this address',
};

const refusal = (message: string, retryAfterMs: number): RateLimitedError => {
  const wait = Math.max(1, Math.ceil(retryAfterMs / 1000));
  return new RateLimitedError(`${message}; try again in ${wait} s.`, wait);
};

/**
 * The authenticated API's budgets, one store call per request: `beforeSignIn` goes ahead of the
 * token check and `afterSignIn` after it. The failed sign-ins of the client's address are checked
 * in the same call as the user's budgets (a blocked address is refused before anything is counted
 * or served, valid token or not); a request whose token fails counts one failure instead, capped:
 * an address already past its budget gets the same 429 as before, never a 401 that tells a guess
 * apart. So guessing tokens still costs a minute per handful of guesses.
 */
export function requestBudgets(
  store: Store,
  { rateLimits, signInFailuresPerMinute }: { rateLimits?: RateLimits; signInFailuresPerMinute?: number },
  now: () => Date = () => new Date(),
): { beforeSignIn: MiddlewareHandler<AuthEnv>; afterSignIn: MiddlewareHandler<AuthEnv> } {
  const signInKey = (c: Context) => `signin-fail:${clientAddress(c)}`;
  const beforeSignIn: MiddlewareHandler<AuthEnv> = async (c, next) => {
    await next();
    if (!signInFailuresPerMinute || c.res.status !== 401) return;
    const key = signInKey(c);
    const failure = await store.rateCounters.takeAll([{ key, limit: signInFailuresPerMinute }], MINUTE, now());
    if (!failure.allowed) throw refusal(MESSAGES.signIn, failure.retryAfterMs);
  };
  const afterSignIn: MiddlewareHandler<AuthEnv> = async (c, next) => {
    const gate = signInFailuresPerMinute ? { key: signInKey(c), limit: signInFailuresPerMinute } : undefined;
    const takes: RateBudget[] = [];
    if (rateLimits) {
      // A public route's anonymous caller is counted by address.
      const user = c.get('principal')?.userId ?? `address:${clientAddress(c)}`;
      takes.push({ key: `all:${user}`, limit: rateLimits.perMinute });
      if (c.req.method === 'POST' && /\/(messages|decisions)$/.test(c.req.path))
        takes.push({ key: `runs:${user}`, limit: rateLimits.runsPerMinute });
    }
    const answer = await store.rateCounters.takeAll(takes, MINUTE, now(), gate);
    if (!answer.allowed) {
      const kind = answer.refusedBy === gate?.key ? 'signIn' : answer.refusedBy?.startsWith('runs:') ? 'runs' : 'all';
      throw refusal(MESSAGES[kind], answer.retryAfterMs);
    }
    await next();
  };
  return { beforeSignIn, afterSignIn };
}

/** The peer address of a request (no proxy header is trusted); `unknown` without a socket (tests). */
function clientAddress(c: Context): string {
  // Asked first, not caught: an exception per request (app.request has no socket) cost 3% of a run's CPU.
  const env = c.env as { incoming?: unknown; server?: unknown } | undefined;
  if (!env?.incoming && !env?.server) return 'unknown';
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    return 'unknown';
  }
}

/**
 * Failed sign-ins per client address on a route that checks its token itself (metrics, photos): the
 * same budget and answers as the authenticated API's (`requestBudgets`), asked before the route and
 * counted after its 401.
 */
export function failedSignInLimit(
  perMinute: number,
  store: Store,
  now: () => Date = () => new Date(),
): MiddlewareHandler<AuthEnv> {
  const { beforeSignIn, afterSignIn } = requestBudgets(store, { signInFailuresPerMinute: perMinute }, now);
  return (c, next) =>
    afterSignIn(c, async () => {
      await beforeSignIn(c, next);
    });
}
