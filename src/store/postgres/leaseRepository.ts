import type { Lease, LeaseRepository } from '../leaseRepository.js';
import {
  slidingWait,
  type RateBudget,
  type RateCounterRepository,
  type RateTake,
  type RequestBudgetAnswer,
} from '../rateCounterRepository.js';
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
    await this.db.write('DELETE FROM leases WHERE key = $1 AND owner = $2', [key, owner]);
  }

  async releaseMany(keys: string[], owner: string): Promise<void> {
    if (keys.length === 0) return;
    // Like `release`: nobody waits for the answer, so it leaves with the next statement or COMMIT.
    await this.db.write('DELETE FROM leases WHERE owner = $1 AND key = ANY ($2::text[])', [owner, keys]);
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
 * A request's budgets in one statement. The gate's counts are read (never written) and must leave
 * room for one more. Each take then reads its previous window's count and inserts or increments the
 * current window's row only while the sliding estimate stays within its limit; its ON CONFLICT
 * condition is evaluated on the row's latest version under its row lock, so concurrent takes on a
 * key (any instance) queue on that row and each judges the count the one before left: the check
 * and the increment are one step without a transaction. A take selects from the one before it
 * (from the gate for the first), so it happens only when that one did: the order of successive
 * `take` calls. Windows older than the previous one are deleted on the way. The arithmetic is
 * `slidingWait`'s, in float8 and in the same order, so both engines agree on every edge.
 * Parameters: $1 the current window's start, $2 the previous one's, $3 the previous one's weight,
 * then key and limit of the gate (when there is one) and of each take.
 */
function budgetsStatement(takes: number, gate: boolean): string {
  const parts: string[] = [];
  let p = 4;
  let before = '';
  if (gate) {
    parts.push(`gate AS (
      SELECT coalesce(sum(count) FILTER (WHERE window_start = $2), 0)::float8 AS previous,
             coalesce(sum(count) FILTER (WHERE window_start = $1), 0)::float8 AS current
      FROM rate_counters WHERE key = $${p} AND window_start >= $2
    ), opened AS (
      SELECT 1 FROM gate WHERE gate.previous * $3::float8 + gate.current + 1 <= $${p + 1}::float8
    )`);
    before = ', opened';
    p += 2;
  }
  const results = gate
    ? [
        'EXISTS (SELECT 1 FROM opened) AS gate_open',
        '(SELECT previous FROM gate) AS gate_previous',
        '(SELECT current FROM gate) AS gate_current',
      ]
    : [];

  for (let i = 0; i < takes; i++, p += 2) {
    const [key, limit] = [`$${p}`, `$${p + 1}::float8`];
    parts.push(`counts${i} AS (
      SELECT coalesce(sum(count) FILTER (WHERE window_start = $2), 0)::float8 AS previous,
             coalesce(sum(count) FILTER (WHERE window_start = $1), 0)::float8 AS current
      FROM rate_counters WHERE key = ${key} AND window_start >= $2
    ), taken${i} AS (
      INSERT INTO rate_counters AS c (key, window_start, count)
      SELECT ${key}, $1, 1 FROM counts${i}${before} WHERE counts${i}.previous * $3::float8 + 1 <= ${limit}
      ON CONFLICT (key, window_start) DO UPDATE SET count = c.count + 1
      WHERE (SELECT previous FROM counts${i}) * $3::float8 + c.count + 1 <= ${limit}
      RETURNING 1
    ), swept${i} AS (
      DELETE FROM rate_counters WHERE key = ${key} AND window_start < $2
    )`);
    before = `, taken${i}`;
    results.push(
      `EXISTS (SELECT 1 FROM taken${i}) AS taken${i}`,
      `(SELECT previous FROM counts${i}) AS previous${i}`,
      `(SELECT current FROM counts${i}) AS current${i}`,
    );
  }
  return `WITH ${parts.join(', ')} SELECT ${results.join(', ')}`;
}

/** Statement texts by shape (number of takes, gate or not): a request has one to three budgets. */
const statements = new Map<string, string>();

/** Per-window request counts, shared by every instance on the database. */
export class PgRateCounterRepository implements RateCounterRepository {
  constructor(private readonly db: PgDatabase) {}

  /** The budget as `take` would judge it at `now`. */
  async peek(key: string, limit: number, windowMs: number, now: Date): Promise<RateTake> {
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
    return { allowed: retryAfterMs === 0, retryAfterMs };
  }

  async take(key: string, limit: number, windowMs: number, now: Date): Promise<RateTake> {
    const { allowed, retryAfterMs } = await this.takeAll([{ key, limit }], windowMs, now);
    return { allowed, retryAfterMs };
  }

  /**
   * One round trip when allowed. The wait of a refusal comes from the counts the statement read; a
   * take that queued on the row lock behind others was refused on counts its snapshot predates, so
   * when those counts would have allowed it the wait is read again (a second round trip, only then).
   */
  async takeAll(takes: RateBudget[], windowMs: number, now: Date, gate?: RateBudget): Promise<RequestBudgetAnswer> {
    // One statement cannot change a row twice: a key counted twice would be counted once.
    if (new Set(takes.map((b) => b.key)).size !== takes.length) throw new Error('takeAll: the same key twice');
    if (takes.length === 0 && !gate) return { allowed: true, retryAfterMs: 0 };
    const t = now.getTime();
    const start = t - (t % windowMs);
    const into = t - start;
    const shape = `${takes.length}:${gate !== undefined}`;
    let sql = statements.get(shape);
    if (sql === undefined) statements.set(shape, (sql = budgetsStatement(takes.length, gate !== undefined)));
    const budgets = gate ? [gate, ...takes] : takes;
    // The previous window's weight, as slidingWait computes it: 1 - into / windowMs.
    const params: unknown[] = [start, start - windowMs, 1 - into / windowMs];
    for (const b of budgets) params.push(b.key, b.limit);
    const row = (await this.db.one<Record<string, number | boolean>>(sql, params))!;
    const wait = async (key: string, previous: unknown, current: unknown, limit: number) => {
      const read = slidingWait(Number(previous), Number(current), limit, windowMs, into);
      if (read > 0) return read;
      return Math.max(1, (await this.peek(key, limit, windowMs, now)).retryAfterMs);
    };
    if (gate && row.gate_open !== true)
      return {
        allowed: false,
        retryAfterMs: await wait(gate.key, row.gate_previous, row.gate_current, gate.limit),
        refusedBy: gate.key,
      };
    for (const [i, { key, limit }] of takes.entries()) {
      if (row[`taken${i}`] !== true) {
        const retryAfterMs = await wait(key, row[`previous${i}`], row[`current${i}`], limit);
        return { allowed: false, retryAfterMs, refusedBy: key };
      }
    }
    return { allowed: true, retryAfterMs: 0 };
  }
}
