import type { Context, MiddlewareHandler } from 'hono';
import { getConnInfo } from '@hono/node-server/conninfo';
import { RateLimitedError } from '../errors.js';
import type { Store } from '../store/index.js';
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
 */
export function rateLimit(
  limits: RateLimits,
  store: Store,
  now: () => Date = () => new Date(),
): MiddlewareHandler<AuthEnv> {
  const take = async (key: string, max: number): Promise<number | undefined> => {
    const answer = await store.rateCounters.take(key, max, MINUTE, now());
    return answer.allowed ? undefined : Math.max(1, Math.ceil(answer.retryAfterMs / 1000));
  };
  return async (c, next) => {
    // A public route's anonymous caller is counted by address.
    const user = c.get('principal')?.userId ?? `address:${clientAddress(c)}`;
    const wait = await take(`all:${user}`, limits.perMinute);
    if (wait) throw new RateLimitedError(`Too many requests; try again in ${wait} s.`, wait);
    const runsModel = c.req.method === 'POST' && /\/(messages|decisions)$/.test(c.req.path);
    if (runsModel) {
      const runWait = await take(`runs:${user}`, limits.runsPerMinute);
      if (runWait) throw new RateLimitedError(`Too many messages; try again in ${runWait} s.`, runWait);
    }
    await next();
  };
}

/** The peer address of a request (no proxy header is trusted); `unknown` without a socket (tests). */
function clientAddress(c: Context): string {
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    return 'unknown';
  }
}

/**
 * Failed sign-ins per client address, shared by every instance through the store: past the budget,
 * requests from that address are refused before their token is even checked, so guessing tokens
 * costs a minute per handful of guesses. Only answers of 401 count.
 */
export function failedSignInLimit(
  perMinute: number,
  store: Store,
  now: () => Date = () => new Date(),
): MiddlewareHandler {
  return async (c, next) => {
    const key = `signin-fail:${clientAddress(c)}`;
    const budget = await store.rateCounters.peek(key, perMinute, MINUTE, now());
    if (!budget.allowed) {
      const wait = Math.max(1, Math.ceil(budget.retryAfterMs / 1000));
      throw new RateLimitedError(`Too many failed sign-ins from this address; try again in ${wait} s.`, wait);
    }
    await next();
    // Counted without a cap: the budget is judged by the peek above, before the next request's token.
    if (c.res.status === 401) await store.rateCounters.take(key, Number.MAX_SAFE_INTEGER, MINUTE, now());
  };
}
