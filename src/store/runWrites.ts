import type { Store } from './store.js';

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

  /** Starts holding the run's writes (its segment is under way). */
  open(runId: string): void {
    if (!this.held.has(runId)) this.held.set(runId, []);
  }

  /** Stops holding; whatever is still held was never committed and is dropped. */
  close(runId: string): void {
    this.held.delete(runId);
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
   */
  async transaction<T>(store: Store, runId: string, work: (tx: Store) => Promise<T>): Promise<T> {
    const list = this.held.get(runId);
    const writes = list ? [...list] : [];
    const result = await store.transaction(async (tx) => {
      for (const w of writes) await w.write(tx);
      return work(tx);
    });
    if (list && writes.length > 0) {
      list.splice(0, writes.length);
      for (const w of writes) w.committed?.();
    }
    return result;
  }
}
