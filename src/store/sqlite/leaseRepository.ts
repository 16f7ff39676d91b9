import type { Lease } from '../leaseRepository.js';
import type { Db } from './database.js';

/** Leases in one table; expiry in epoch milliseconds so the compare is numeric. */
export class SqliteLeaseRepository {
  constructor(private readonly db: Db) {}

  acquire(key: string, owner: string, until: Date, now: Date, takeOverFrom?: string, token = ''): boolean {
    // One upsert: SQLite runs it under the write lock, so the check and the write are one step.
    return (
      this.db
        .prepare(
          `INSERT INTO leases (key, owner, expires_at, token) VALUES (@key, @owner, @until, @token)
           ON CONFLICT (key) DO UPDATE SET owner = excluded.owner, expires_at = excluded.expires_at,
             token = excluded.token
           WHERE leases.owner = excluded.owner OR leases.expires_at <= @now OR leases.owner = @takeOver`,
        )
        .run({ key, owner, until: until.getTime(), now: now.getTime(), takeOver: takeOverFrom ?? null, token })
        .changes === 1
    );
  }

  acquireMany(leases: { key: string; token: string }[], owner: string, until: Date, now: Date): string[] {
    if (leases.length === 0) return [];
    // One upsert of several rows; RETURNING names the rows it inserted or updated (those the WHERE let through).
    const rows = leases.map(() => '(?, ?, ?, ?)').join(', ');
    return this.db
      .prepare(
        `INSERT INTO leases (key, owner, expires_at, token) VALUES ${rows}
         ON CONFLICT (key) DO UPDATE SET owner = excluded.owner, expires_at = excluded.expires_at,
           token = excluded.token
         WHERE leases.owner = excluded.owner OR leases.expires_at <= ?
         RETURNING key`,
      )
      .pluck()
      .all(...leases.flatMap((l) => [l.key, owner, until.getTime(), l.token]), now.getTime()) as string[];
  }

  holds(key: string, owner: string, token: string): boolean {
    // Asked inside BEGIN IMMEDIATE: no other connection can take the lease before this one commits.
    return (
      this.db.prepare('SELECT 1 FROM leases WHERE key = ? AND owner = ? AND token = ?').get(key, owner, token) !==
      undefined
    );
  }

  get(key: string): Lease | undefined {
    const row = this.db.prepare('SELECT key, owner, expires_at FROM leases WHERE key = ?').get(key) as
      { key: string; owner: string; expires_at: number } | undefined;
    return row && { key: row.key, owner: row.owner, expiresAt: new Date(row.expires_at) };
  }

  renew(owner: string, until: Date): string[] {
    return this.db
      .prepare('UPDATE leases SET expires_at = ? WHERE owner = ? RETURNING key')
      .pluck()
      .all(until.getTime(), owner) as string[];
  }

  release(key: string, owner: string): void {
    this.db.prepare('DELETE FROM leases WHERE key = ? AND owner = ?').run(key, owner);
  }

  releaseMany(keys: string[], owner: string): void {
    if (keys.length === 0) return;
    const list = keys.map(() => '?').join(', ');
    this.db.prepare(`DELETE FROM leases WHERE owner = ? AND key IN (${list})`).run(owner, ...keys);
  }

  releaseFenced(keys: string[], owner: string, fence: { key: string; token: string }): boolean {
    // Inside BEGIN IMMEDIATE, as `holds`: nobody takes the lease between this and the commit.
    const list = keys.map(() => '?').join(', ');
    const released = this.db
      .prepare(`DELETE FROM leases WHERE owner = ? AND key IN (${list}) RETURNING key, token`)
      .all(owner, ...keys) as { key: string; token: string }[];
    return released.some((r) => r.key === fence.key && r.token === fence.token);
  }
}
