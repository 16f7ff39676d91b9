import type { RateTake } from '../rateCounterRepository.js';
import type { Db } from './database.js';

/** Per-window request counts; the check and the increment share one IMMEDIATE transaction. */
export class SqliteRateCounterRepository {
  constructor(private readonly db: Db) {}

  take(key: string, limit: number, windowMs: number, now: Date): RateTake {
    const t = now.getTime();
    const start = t - (t % windowMs);
    return this.db
      .transaction((): RateTake => {
        const counts = new Map(
          (
            this.db
              .prepare('SELECT window_start, count FROM rate_counters WHERE key = ? AND window_start >= ?')
              .all(key, start - windowMs) as { window_start: number; count: number }[]
          ).map((r) => [r.window_start, r.count]),
        );
        const current = counts.get(start) ?? 0;
        const previous = counts.get(start - windowMs) ?? 0;
        const retryAfterMs = slidingWait(previous, current, limit, windowMs, t - start);
        if (retryAfterMs > 0) return { allowed: false, retryAfterMs };
        this.db
          .prepare(
            `INSERT INTO rate_counters (key, window_start, count) VALUES (?, ?, 1)
           ON CONFLICT (key, window_start) DO UPDATE SET count = count + 1`,
          )
          .run(key, start);
        this.db.prepare('DELETE FROM rate_counters WHERE key = ? AND window_start < ?').run(key, start - windowMs);
        return { allowed: true, retryAfterMs: 0 };
      })
      .immediate();
  }
}

/**
 * How long until one more request fits a sliding window estimated from two fixed windows
 * (`previous` weighted by the share of it still inside the last `windowMs`); 0 when it fits now.
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
