import type { Lease, LeaseRepository } from '../leaseRepository.js';
import { slidingWait, type RateCounterRepository, type RateTake } from '../rateCounterRepository.js';
import type { PgDatabase } from './database.js';

/** Leases in one table (see the SQLite twin); one upsert is the compare-and-set. */
export class PgLeaseRepository implements LeaseRepository {
  constructor(private readonly db: PgDatabase) {}

  async acquire(
    key: string,
    owner: string,
    until: Date,
    now: Date,
    takeOverFrom?: string,
    token = '',
  ): Promise<boolean> {
    // A concurrent upsert on the same key waits for the first and re-checks the WHERE on its row.
    const changed = await this.db.run(
      `INSERT INTO leases (key, owner, expires_at, token) VALUES ($1, $2, $3, $6)
       ON CONFLICT (key) DO UPDATE SET owner = excluded.owner, expires_at = excluded.expires_at, token = excluded.token
       WHERE leases.owner = excluded.owner OR leases.expires_at <= $4 OR leases.owner = $5`,
      [key, owner, until.getTime(), now.getTime(), takeOverFrom ?? null, token],
    );
    return changed === 1;
  }

  async holds(key: string, owner: string, token: string): Promise<boolean> {
    // The row lock holds off a takeover (its upsert waits, then re-checks) until this transaction ends.
    const row = await this.db.one('SELECT 1 FROM leases WHERE key = $1 AND owner = $2 AND token = $3 FOR UPDATE', [
      key,
      owner,
      token,
    ]);
    return row !== undefined;
  }

  async get(key: string): Promise<Lease | undefined> {
    const row = await this.db.one<{ key: string; owner: string; expires_at: string }>(
      'SELECT key, owner, expires_at FROM leases WHERE key = $1',
      [key],
    );
    return row && { key: row.key, owner: row.owner, expiresAt: new Date(Number(row.expires_at)) };
  }

  async renew(owner: string, until: Date): Promise<string[]> {
    const rows = await this.db.query<{ key: string }>(
      'UPDATE leases SET expires_at = $1 WHERE owner = $2 RETURNING key',
      [until.getTime(), owner],
    );
    return rows.map((r) => r.key);
  }

  async release(key: string, owner: string): Promise<void> {
    await this.db.run('DELETE FROM leases WHERE key = $1 AND owner = $2', [key, owner]);
  }
}

/**
 * Per-window request counts. The check and the increment are one transaction holding a
 * transaction-scoped advisory lock on the key, so instances counting the same key take turns.
 */
export class PgRateCounterRepository implements RateCounterRepository {
  constructor(private readonly db: PgDatabase) {}

  /** The budget as `take` would judge it at `now`, and the window `now` counts in. */
  private async budget(key: string, limit: number, windowMs: number, now: Date): Promise<RateTake & { start: number }> {
    const t = now.getTime();
    const start = t - (t % windowMs);
    const rows = await this.db.query<{ window_start: string; count: number }>(
      'SELECT window_start, count FROM rate_counters WHERE key = $1 AND window_start >= $2',
      [key, start - windowMs],
    );
    const counts = new Map(rows.map((r) => [Number(r.window_start), Number(r.count)]));
    const retryAfterMs = slidingWait(
      counts.get(start - windowMs) ?? 0,
      counts.get(start) ?? 0,
      limit,
      windowMs,
      t - start,
    );
    return { allowed: retryAfterMs === 0, retryAfterMs, start };
  }

  async peek(key: string, limit: number, windowMs: number, now: Date): Promise<RateTake> {
    const { allowed, retryAfterMs } = await this.budget(key, limit, windowMs, now);
    return { allowed, retryAfterMs };
  }

  take(key: string, limit: number, windowMs: number, now: Date): Promise<RateTake> {
    return this.db.transaction(async (): Promise<RateTake> => {
      await this.db.run('SELECT pg_advisory_xact_lock(hashtextextended($1, 7))', [`rate:${key}`]);
      const { allowed, retryAfterMs, start } = await this.budget(key, limit, windowMs, now);
      if (!allowed) return { allowed, retryAfterMs };
      await this.db.run(
        `INSERT INTO rate_counters (key, window_start, count) VALUES ($1, $2, 1)
         ON CONFLICT (key, window_start) DO UPDATE SET count = rate_counters.count + 1`,
        [key, start],
      );
      await this.db.run('DELETE FROM rate_counters WHERE key = $1 AND window_start < $2', [key, start - windowMs]);
      return { allowed: true, retryAfterMs: 0 };
    });
  }
}
