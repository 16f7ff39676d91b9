/** The answer of one rate-limited request. */
export interface RateTake {
  allowed: boolean;
  /** When refused: milliseconds until a request would be allowed again (at least 1). */
  retryAfterMs: number;
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
}
