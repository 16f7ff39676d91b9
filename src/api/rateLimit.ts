import type { MiddlewareHandler } from 'hono';
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
 * Per-user sliding-window limits, counted in the store so that every instance on the database shares
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
    const user = c.get('principal').userId;
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
