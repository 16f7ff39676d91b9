import type { MiddlewareHandler } from 'hono';
import { RateLimitedError } from '../errors.js';
import type { AuthEnv } from './auth.js';

export interface RateLimits {
  /** Requests per minute per token, any route. */
  perMinute: number;
  /** Requests per minute per token on routes that start or resume a run. */
  runsPerMinute: number;
}

/**
 * Per-token sliding-window limits, in memory (one process). Routes that run
 * the model have their own, lower budget. Answers 429 with Retry-After.
 */
export function rateLimit(limits: RateLimits, now: () => number = Date.now): MiddlewareHandler<AuthEnv> {
  const windows = new Map<string, number[]>();
  const take = (key: string, max: number): number | undefined => {
    const t = now();
    const recent = (windows.get(key) ?? []).filter((at) => t - at < 60_000);
    if (recent.length >= max) {
      windows.set(key, recent);
      return Math.max(1, Math.ceil((recent[0] + 60_000 - t) / 1000));
    }
    recent.push(t);
    windows.set(key, recent);
    return undefined;
  };
  return async (c, next) => {
    const user = c.get('principal').userId;
    const wait = take(`all:${user}`, limits.perMinute);
    if (wait) throw new RateLimitedError(`Too many requests; try again in ${wait} s.`, wait);
    const runsModel = c.req.method === 'POST' && /\/(messages|decisions)$/.test(c.req.path);
    if (runsModel) {
      const runWait = take(`runs:${user}`, limits.runsPerMinute);
      if (runWait) throw new RateLimitedError(`Too many messages; try again in ${runWait} s.`, runWait);
    }
    await next();
  };
}
