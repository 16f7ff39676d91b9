/** A time-limited claim on a key (`run:<id>`, `conversation:<id>`) by one instance. */
export interface Lease {
  key: string;
  /** The instance holding it (an opaque id the agent layer makes). */
  owner: string;
  expiresAt: Date;
}

/**
 * Leases shared by every instance on the database: who runs a run segment, who holds a
 * conversation. Every change is one atomic compare-and-set, so two instances never both hold a key.
 */
export interface LeaseRepository {
  /**
   * Takes `key` for `owner` until `until` when it is free, expired at `now` (expiresAt <= now),
   * already `owner`'s (a renewal), or held by `takeOverFrom` (an owner known to be dead); true when
   * `owner` holds it afterwards, with `token` (new for each acquisition) as its token. Anything else
   * leaves the lease as it is and answers false.
   */
  acquire(key: string, owner: string, until: Date, now: Date, takeOverFrom?: string, token?: string): Promise<boolean>;
  /**
   * `acquire` (without a takeover) for several distinct keys in one statement, each with its own token;
   * answers the keys `owner` holds afterwards.
   */
  acquireMany(leases: { key: string; token: string }[], owner: string, until: Date, now: Date): Promise<string[]>;
  /**
   * Inside a write transaction: whether `owner` still holds `key` with `token` (expired or not: nobody
   * took it). The lease cannot change hands before the transaction ends (SQLite's write lock; a row
   * lock on PostgreSQL), so writes made after a true answer commit only while the lease is the caller's.
   */
  holds(key: string, owner: string, token: string): Promise<boolean>;
  /** The lease on `key`, expired or not; undefined when none. */
  get(key: string): Promise<Lease | undefined>;
  /** Extends every lease `owner` holds to `until`; answers the keys it still held (and renewed). */
  renew(owner: string, until: Date): Promise<string[]>;
  /** Drops `key` if `owner` holds it (a lease taken over by another instance stays theirs). */
  release(key: string, owner: string): Promise<void>;
  /** `release` for several keys in one statement. */
  releaseMany(keys: string[], owner: string): Promise<void>;
  /**
   * `releaseMany`, answering whether `fence.key` was released with `fence.token` (as `holds` would
   * have answered): the check and the release in one statement. On false the caller rolls back.
   */
  releaseFenced(keys: string[], owner: string, fence: { key: string; token: string }): Promise<boolean>;
}
