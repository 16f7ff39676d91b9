/** The answer of one rate-limited request. */
export interface RateTake {
  allowed: boolean;
  /** When refused: milliseconds until a request would be allowed again (at least 1). */
  retryAfterMs: number;
}

/** One budget of a request: counted under `key`, at most `limit` per sliding window. */
export interface RateBudget {
  key: string;
  limit: number;
}

/** The answer for all of a request's budgets: allowed, or the first budget that refused it and the wait. */
export interface RequestBudgetAnswer extends RateTake {
  /** The key of the budget that refused the request (the gate's, or a take's); absent when allowed. */
  refusedBy?: string;
}

/**
 * Request budgets counted in the store, so every instance on the database shares them. The window
 * slides: counts are kept per fixed window of `windowMs`, and a request is allowed while the current
 * window's count plus the previous window's count, weighted by how much of it still overlaps the last
 * `windowMs`, stays below `limit`.
 */
export interface RateCounterRepository {
  /**
   * Counts one request on `key` at `now` if the budget allows it, atomically across instances (the
   * check and the increment are one step); a refused request is not counted. Windows older than the
   * previous one may be deleted on the way.
   */
  take(key: string, limit: number, windowMs: number, now: Date): Promise<RateTake>;
  /** What `take` would answer, without counting anything (a budget checked before the request is judged). */
  peek(key: string, limit: number, windowMs: number, now: Date): Promise<RateTake>;
  /**
   * A request's budgets in one step (one statement where the engine allows): `gate` is peeked, never
   * counted, and must allow; then each of `takes` (distinct keys) is taken in order, each only when
   * the ones before it were, exactly as successive `take` calls would (a refused one and those after
   * it are not counted; those before it are).
   */
  takeAll(takes: RateBudget[], windowMs: number, now: Date, gate?: RateBudget): Promise<RequestBudgetAnswer>;
}

/**
 * How long until one more request fits a sliding window estimated from two fixed windows
 * (`previous` weighted by the share of it still inside the last `windowMs`); 0 when it fits now.
 * Shared by the engines, so they agree on the budget.
 */
export function slidingWait(previous: number, current: number, limit: number, windowMs: number, into: number): number {
  const estimate = (at: number) => previous * (1 - at / windowMs) + current;
  if (estimate(into) + 1 <= limit) return 0;
  if (current + 1 <= limit) {
    // Later in this window, once enough of the previous one has slid out.
    const at = windowMs * (1 - (limit - 1 - current) / previous);
    return Math.max(1, Math.ceil(at - into));
  }
  // In the next window, where this window's count is the previous one.
  const next = windowMs * Math.max(0, 1 - (limit - 1) / current);
  return Math.max(1, Math.ceil(windowMs - into + next));
}
