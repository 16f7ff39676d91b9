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

  async acquireMany(
    leases: { key: string; token: string }[],
    owner: string,
    until: Date,
    now: Date,
  ): Promise<string[]> {
    if (leases.length === 0) return [];
    const rows = await this.db.query<{ key: string }>(
      `INSERT INTO leases (key, owner, expires_at, token)
       SELECT k, $3::text, $4::bigint, t FROM unnest($1::text[], $2::text[]) AS l (k, t)
       ON CONFLICT (key) DO UPDATE SET owner = excluded.owner, expires_at = excluded.expires_at, token = excluded.token
       WHERE leases.owner = excluded.owner OR leases.expires_at <= $5::bigint
       RETURNING key`,
      [leases.map((l) => l.key), leases.map((l) => l.token), owner, until.getTime(), now.getTime()],
    );
    return rows.map((r) => r.key);
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

  async releaseMany(keys: string[], owner: string): Promise<void> {
    if (keys.length === 0) return;
    await this.db.run('DELETE FROM leases WHERE owner = $1 AND key = ANY ($2::text[])', [owner, keys]);
  }

  async releaseFenced(keys: string[], owner: string, fence: { key: string; token: string }): Promise<boolean> {
    // The delete locks the rows as `holds` does: a takeover that committed first leaves its row undeleted
    // here (the WHERE is checked again on the latest version), a later one waits for this transaction.
    const released = await this.db.query<{ key: string; token: string }>(
      'DELETE FROM leases WHERE owner = $1 AND key = ANY ($2::text[]) RETURNING key, token',
      [owner, keys],
    );
    return released.some((r) => r.key === fence.key && r.token === fence.token);
  }
}

/**
 * One request counted if the budget allows it, in one statement: the previous window's count is
 * read, and the current window's row is inserted or incremented only while the sliding estimate
 * stays within the limit. The ON CONFLICT condition is evaluated on the row's latest version under
 * its row lock, so concurrent takes on a key (any instance) queue on that row and each judges the
 * count the one before left: the check and the increment are one step without a transaction.
 * Windows older than the previous one are deleted on the way. The arithmetic is `slidingWait`'s,
 * in float8 and in the same order, so both engines agree on every edge.
 */
const TAKE = `
  WITH previous AS (
    SELECT coalesce(sum(count), 0)::float8 AS n FROM rate_counters WHERE key = $1 AND window_start = $3
  ), taken AS (
    INSERT INTO rate_counters AS c (key, window_start, count)
    SELECT $1, $2, 1 FROM previous WHERE previous.n * $4::float8 + 1 <= $5::float8
    ON CONFLICT (key, window_start) DO UPDATE SET count = c.count + 1
    WHERE (SELECT n FROM previous) * $4::float8 + c.count + 1 <= $5::float8
    RETURNING c.count
  ), swept AS (
    DELETE FROM rate_counters WHERE key = $1 AND window_start < $3
  )
  SELECT EXISTS (SELECT 1 FROM taken) AS allowed`;

/** Per-window request counts, shared by every instance on the database. */
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

  /** One round trip when allowed; a refusal reads the counts again for its wait (a second one). */
  async take(key: string, limit: number, windowMs: number, now: Date): Promise<RateTake> {
    const t = now.getTime();
    const start = t - (t % windowMs);
    // The previous window's weight, as slidingWait computes it: 1 - into / windowMs.
    const weight = 1 - (t - start) / windowMs;
    const row = await this.db.one<{ allowed: boolean }>(TAKE, [key, start, start - windowMs, weight, limit]);
    if (row?.allowed) return { allowed: true, retryAfterMs: 0 };
    // Refused: the wait from the counts as they are now (a window that slid meanwhile: try again at once).
    const { retryAfterMs } = await this.budget(key, limit, windowMs, now);
    return { allowed: false, retryAfterMs: Math.max(1, retryAfterMs) };
  }
}
