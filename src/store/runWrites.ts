import { stallPoint } from '../faults.js';
import type { Store } from './store.js';

/**
 * The lease a run segment was started under. Every transaction of the segment checks it first and
 * commits nothing once the lease has changed hands (the segment stalled past it and another instance
 * settled the run): `onFenced` is told, and the transaction fails with SegmentFencedError.
 */
export interface SegmentFence {
  key: string;
  owner: string;
  token: string;
  onFenced(): void;
}

/** A segment's write refused: its lease was taken by another instance, whose outcome of the run stands. */
export class SegmentFencedError extends Error {
  override readonly name = 'SegmentFencedError';
  constructor(readonly runId: string) {
    super(`Run ${runId}: this segment lost its lease to another instance; its writes are refused.`);
  }
}

/** A write held back until the run's next transaction; `committed` runs once that transaction has committed. */
export interface HeldWrite {
  write(tx: Store): Promise<void>;
  committed?(): void;
}

/**
 * Writes of a running segment that nothing needs on disk at once (session items, the gate's
 * decisions on reads), held back so that they commit with the run's next transaction: the
 * confirmed write and its ledger row, the pause (approvals and the paused state), or the
 * run's last update. One commit per step instead of one per row, in the order the writes
 * were asked for; what must be on disk before the seller sees an approval still is, since
 * the pause's transaction carries them. A run without an open segment writes at once.
 */
export class RunWrites {
  private readonly held = new Map<string, HeldWrite[]>();
  private readonly fences = new Map<string, SegmentFence>();

  /** `fenceFor` names the lease a run's segment holds as it opens (none: its writes are not fenced). */
  constructor(private readonly fenceFor: (runId: string) => SegmentFence | undefined = () => undefined) {}

  /** Starts holding the run's writes (its segment is under way), fenced by the lease it holds now. */
  open(runId: string): void {
    if (!this.held.has(runId)) this.held.set(runId, []);
    const fence = this.fenceFor(runId);
    if (fence && !this.fences.has(runId)) this.fences.set(runId, fence);
  }

  /** Stops holding; whatever is still held was never committed and is dropped. */
  close(runId: string): void {
    this.held.delete(runId);
    this.fences.delete(runId);
  }

  /** Holds `write` for the run's next transaction, or writes it now when the run holds nothing. */
  async hold(store: Store, runId: string, write: HeldWrite): Promise<void> {
    const list = this.held.get(runId);
    if (list) {
      list.push(write);
      return;
    }
    await write.write(store);
    write.committed?.();
  }

  /**
   * One transaction of the run: the held writes first (in order), then `work`. Held writes leave
   * the queue only once the transaction has committed, so a rolled-back one keeps them for the next.
   *
   * The fence is checked first, or, with `last`, at the end: `last` runs after `work`, is handed the
   * fence, and answers whether it checked it itself (true: held, false: lost), or leaves the check
   * here (undefined). A segment's last transaction checks it so in the statement that releases its
   * lease. Either way nothing commits once the lease has changed hands (see LeaseRepository.holds).
   */
  async transaction<T>(
    store: Store,
    runId: string,
    work: (tx: Store) => Promise<T>,
    last?: (tx: Store, fence: SegmentFence | undefined) => Promise<boolean | undefined>,
  ): Promise<T> {
    const list = this.held.get(runId);
    const writes = list ? [...list] : [];
    const fence = this.fences.get(runId);
    stallPoint('before-run-transaction');
    const result = await store.transaction(async (tx) => {
      const refused = () => {
        fence!.onFenced();
        return new SegmentFencedError(runId);
      };
      if (fence && !last && !(await tx.leases.holds(fence.key, fence.owner, fence.token))) throw refused();
      for (const w of writes) await w.write(tx);
      const result = await work(tx);
      if (last) {
        const checked = await last(tx, fence);
        if (fence && !(checked ?? (await tx.leases.holds(fence.key, fence.owner, fence.token)))) throw refused();
      }
      return result;
    });
    if (list && writes.length > 0) {
      list.splice(0, writes.length);
      for (const w of writes) w.committed?.();
    }
    return result;
  }
}
