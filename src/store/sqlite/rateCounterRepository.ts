import { slidingWait, type RateBudget, type RateTake, type RequestBudgetAnswer } from '../rateCounterRepository.js';
import type { Db } from './database.js';

/** Per-window request counts; the check and the increment share one IMMEDIATE transaction. */
export class SqliteRateCounterRepository {
  constructor(private readonly db: Db) {}

  /** The budget as `take` would judge it at `now`, and the window `now` counts in. */
  private budget(key: string, limit: number, windowMs: number, now: Date): RateTake & { start: number } {
    const t = now.getTime();
    const start = t - (t % windowMs);
    const counts = new Map(
      (
        this.db
          .prepare('SELECT window_start, count FROM rate_counters WHERE key = ? AND window_start >= ?')
          .all(key, start - windowMs) as { window_start: number; count: number }[]
      ).map((r) => [r.window_start, r.count]),
    );
    const retryAfterMs = slidingWait(
      counts.get(start - windowMs) ?? 0,
      counts.get(start) ?? 0,
      limit,
      windowMs,
      t - start,
    );
    return { allowed: retryAfterMs === 0, retryAfterMs, start };
  }

  peek(key: string, limit: number, windowMs: number, now: Date): RateTake {
    const { allowed, retryAfterMs } = this.budget(key, limit, windowMs, now);
    return { allowed, retryAfterMs };
  }

  take(key: string, limit: number, windowMs: number, now: Date): RateTake {
    return this.db.transaction((): RateTake => this.counted(key, limit, windowMs, now)).immediate();
  }

  /** The gate, then the takes in order, in one IMMEDIATE transaction (nothing else writes meanwhile). */
  takeAll(takes: RateBudget[], windowMs: number, now: Date, gate?: RateBudget): RequestBudgetAnswer {
    return this.db
      .transaction((): RequestBudgetAnswer => {
        if (gate) {
          const { allowed, retryAfterMs } = this.budget(gate.key, gate.limit, windowMs, now);
          if (!allowed) return { allowed, retryAfterMs, refusedBy: gate.key };
        }
        for (const { key, limit } of takes) {
          const { allowed, retryAfterMs } = this.counted(key, limit, windowMs, now);
          if (!allowed) return { allowed, retryAfterMs, refusedBy: key };
        }
        return { allowed: true, retryAfterMs: 0 };
      })
      .immediate();
  }

  /** One take, inside the caller's transaction. */
  private counted(key: string, limit: number, windowMs: number, now: Date): RateTake {
    const { allowed, retryAfterMs, start } = this.budget(key, limit, windowMs, now);
    if (!allowed) return { allowed, retryAfterMs };
    this.db
      .prepare(
        `INSERT INTO rate_counters (key, window_start, count) VALUES (?, ?, 1)
         ON CONFLICT (key, window_start) DO UPDATE SET count = count + 1`,
      )
      .run(key, start);
    this.db.prepare('DELETE FROM rate_counters WHERE key = ? AND window_start < ?').run(key, start - windowMs);
    return { allowed: true, retryAfterMs: 0 };
  }
}
