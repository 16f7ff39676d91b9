import { createHash } from 'node:crypto';
import { readFileSync, readlinkSync } from 'node:fs';
import { hostname } from 'node:os';
import type { Lease, SegmentFence, Store } from '../store/index.js';
import { newId } from '../store/ids.js';
import { ConversationBusyError } from '../errors.js';
import { describeError, type Logger } from '../logging/logger.js';

/** What a run's lease key starts with: the run id follows. */
export const RUN_LEASE_PREFIX = 'run:';
export const runLeaseKey = (runId: string) => `${RUN_LEASE_PREFIX}${runId}`;
export const conversationLeaseKey = (conversationId: string) => `conversation:${conversationId}`;

/**
 * What tells this machine's processes apart from any other's: hostname, boot and pid namespace
 * (two containers may share a hostname and reuse pids; they do not share a pid namespace).
 */
function hostKey(): string {
  const parts = [hostname()];
  for (const read of [
    () => readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim(),
    () => readlinkSync('/proc/self/ns/pid'),
  ]) {
    try {
      parts.push(read());
    } catch {
      // not Linux: the hostname alone, and the pid check below stays conservative
    }
  }
  return createHash('sha256').update(parts.join('|')).digest('hex').slice(0, 12);
}

const HOST = hostKey();
/** The owner ids of this process (several assistants may share one process, in tests and evals). */
const OWNERS_HERE = new Set<string>();

/**
 * True only when `owner` was a process of this machine that no longer exists: its leases can be
 * taken at once instead of after they expire (a restart on the same host recovers at start). A
 * live pid, a pid reused by another process, or another machine's owner all answer false: those
 * leases are waited out.
 */
export function ownerDiedHere(owner: string, self: string): boolean {
  const [, pid, host] = owner.split('@');
  if (owner === self || host !== HOST || !/^\d+$/.test(pid ?? '')) return false;
  // Our own pid but not one of our owners: a previous process of this pid namespace (a restarted container).
  if (Number(pid) === process.pid) return !OWNERS_HERE.has(owner);
  try {
    process.kill(Number(pid), 0);
    return false;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ESRCH';
  }
}

/** Leases taken inside a transaction (LeaseKeeper.acquireIn). */
export interface LeaseGrant {
  taken: Set<string>;
  /** The transaction did not commit: the keys are not held after all. */
  rolledBack(): void;
}

/**
 * This instance's leases: taken by compare-and-set in the store, renewed together by one heartbeat
 * while any is held (every `leaseMs / 3`), released when the work ends. A lease the heartbeat finds
 * taken by another instance (this one stalled past its expiry) is reported through `onLost`.
 */
export class LeaseKeeper {
  /** `inst_<random>@<pid>@<host key>`: unique per process, and says where the process ran. */
  readonly owner = `${newId('inst', 10)}@${process.pid}@${HOST}`;
  private readonly held = new Map<string, { generation: number; token: string; onLost: () => void }>();
  /** Held keys whose release is written in a transaction not yet committed (releaseIn): not renewed. */
  private readonly ending = new Set<string>();
  private generation = 0;
  private timer: NodeJS.Timeout | undefined;
  private beating: Promise<void> | undefined;

  constructor(
    private readonly store: Store,
    readonly leaseMs: number,
    private readonly logger: Logger,
  ) {
    OWNERS_HERE.add(this.owner);
  }

  /**
   * Takes `key` for this instance if it is free, expired, already ours, or held by a process of
   * this machine that died. `store` is the transaction to take it in, when it must commit with other
   * writes.
   */
  async acquire(key: string, { store = this.store, onLost }: { store?: Store; onLost?: () => void } = {}) {
    const mine = this.held.get(key);
    if (mine && store === this.store) {
      // Already held (the heartbeat drops a lease it finds lost): no round trip, only the new listener.
      if (onLost) mine.onLost = onLost;
      return true;
    }
    const now = this.store.now();
    const until = new Date(now.getTime() + this.leaseMs);
    // New for each acquisition: a segment's writes check it, so an older segment of this same instance
    // (one that stalled past its lease while the run moved on) is told apart from the current one.
    const token = newId('lease', 10);
    let taken = await store.leases.acquire(key, this.owner, until, now, undefined, token);
    if (!taken) {
      const current = await store.leases.get(key);
      if (current && ownerDiedHere(current.owner, this.owner))
        taken = await store.leases.acquire(key, this.owner, until, now, current.owner, token);
    }
    if (taken) {
      this.held.set(key, { generation: ++this.generation, token, onLost: onLost ?? (() => undefined) });
      this.startHeartbeat();
    }
    return taken;
  }

  /**
   * Takes every key of `keys` it can inside `tx`, in one statement (a key held by a dead process of this
   * machine is then taken over one by one). The keys count as held from here on; `rolledBack` undoes
   * that when `tx` does not commit. Answers the keys taken.
   */
  async acquireIn(tx: Store, keys: string[]): Promise<LeaseGrant> {
    const now = this.store.now();
    const until = new Date(now.getTime() + this.leaseMs);
    const tokens = new Map([...new Set(keys)].map((key) => [key, newId('lease', 10)]));
    const asked = [...tokens].map(([key, token]) => ({ key, token }));
    const taken = new Set(await tx.leases.acquireMany(asked, this.owner, until, now));
    for (const { key, token } of asked) {
      if (taken.has(key)) continue;
      const current = await tx.leases.get(key);
      if (current && ownerDiedHere(current.owner, this.owner)) {
        if (await tx.leases.acquire(key, this.owner, until, now, current.owner, token)) taken.add(key);
      }
    }
    const before = new Map([...taken].map((key) => [key, this.held.get(key)]));
    for (const key of taken) {
      const onLost = before.get(key)?.onLost ?? (() => undefined);
      this.held.set(key, { generation: ++this.generation, token: tokens.get(key)!, onLost });
    }
    if (taken.size > 0) this.startHeartbeat();
    return {
      taken,
      rolledBack: () => {
        for (const [key, held] of before) {
          this.ending.delete(key);
          if (held) this.held.set(key, held);
          else this.held.delete(key);
        }
        if (this.held.size === 0) this.stopHeartbeat();
      },
    };
  }

  /**
   * What a segment's writes check (see RunWrites): this instance's current lease on `key`. A write it
   * refuses tells the lease's listener, as the heartbeat does when it finds the lease gone.
   */
  fence(key: string): SegmentFence | undefined {
    const held = this.held.get(key);
    if (!held) return undefined;
    return {
      key,
      owner: this.owner,
      token: held.token,
      onFenced: () => {
        const current = this.held.get(key);
        if (current?.token !== held.token) return;
        this.held.delete(key);
        if (this.held.size === 0) this.stopHeartbeat();
        this.logger.warn({ lease: key }, 'lease lost to another instance; the write was refused');
        current.onLost();
      },
    };
  }

  /** Takes `key`, trying again until `deadline` (epoch ms); past it, ConversationBusyError. */
  async acquireBy(key: string, deadline: number): Promise<void> {
    for (let pause = 25; ; pause = Math.min(pause * 2, 250)) {
      if (await this.acquire(key)) return;
      const left = deadline - Date.now();
      if (left <= 0) throw new ConversationBusyError();
      await new Promise((resolve) => setTimeout(resolve, Math.min(pause, left)));
    }
  }

  /** Whether a lease as the store holds it may not be taken now: held by a live owner (this one included). */
  heldElsewhereOrHere(lease: Lease | undefined): boolean {
    if (!lease) return false;
    // Ours in the store but no longer here: its release failed (the database was away); it is free.
    if (lease.owner === this.owner) return this.held.has(lease.key);
    return lease.expiresAt.getTime() > this.store.now().getTime() && !ownerDiedHere(lease.owner, this.owner);
  }

  async release(key: string): Promise<void> {
    this.ending.delete(key);
    if (!this.held.delete(key)) return;
    if (this.held.size === 0) this.stopHeartbeat();
    await this.store.leases.release(key, this.owner);
  }

  /**
   * Writes the release of `keys` inside `tx` (one statement), so that it commits with the work it ends
   * instead of in a commit of its own. The leases stay held here until `released` is told the
   * transaction committed; if it rolled back, `release` still drops them from the store. With `fence`
   * (a segment's, on one of `keys`), the same statement checks it: answers whether it held.
   */
  async releaseIn(tx: Store, keys: string[], fence?: SegmentFence): Promise<boolean | undefined> {
    const mine = keys.filter((key) => this.held.has(key));
    if (mine.length === 0) return undefined;
    for (const key of mine) this.ending.add(key);
    if (fence?.owner === this.owner && mine.includes(fence.key))
      return tx.leases.releaseFenced(mine, this.owner, fence);
    await tx.leases.releaseMany(mine, this.owner);
    return undefined;
  }

  /** The transaction that released `keys` (releaseIn) has committed: the leases are gone from the store. */
  released(...keys: string[]): void {
    for (const key of keys) {
      if (this.ending.delete(key)) this.held.delete(key);
    }
    if (this.held.size === 0) this.stopHeartbeat();
  }

  /** Stops renewing (shutdown); leases still held expire on their own. */
  async close(): Promise<void> {
    this.stopHeartbeat();
    await this.beating;
  }

  private startHeartbeat(): void {
    if (this.timer) return;
    this.timer = setInterval(
      () => void (this.beating ??= this.beat().finally(() => (this.beating = undefined))),
      Math.max(10, Math.floor(this.leaseMs / 3)),
    );
    this.timer.unref();
  }

  private stopHeartbeat(): void {
    clearInterval(this.timer);
    this.timer = undefined;
  }

  private async beat(): Promise<void> {
    const asked = new Map(
      [...this.held].filter(([key]) => !this.ending.has(key)).map(([key, h]) => [key, h.generation]),
    );
    if (asked.size === 0) return;
    try {
      const until = new Date(this.store.now().getTime() + this.leaseMs);
      const kept = new Set(await this.store.leases.renew(this.owner, until));
      for (const [key, generation] of asked) {
        const held = this.held.get(key);
        if (kept.has(key) || held?.generation !== generation || this.ending.has(key)) continue;
        this.held.delete(key);
        this.logger.warn({ lease: key }, 'lease lost to another instance');
        held.onLost();
      }
    } catch (error) {
      this.logger.error({ error: describeError(error) }, 'lease renewal failed');
    }
  }
}
