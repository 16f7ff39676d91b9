import type { SegmentFence, Store } from '../store/index.js';
import { ConversationBusyError } from '../errors.js';
import { conversationLeaseKey, type LeaseGrant, type LeaseKeeper } from './leases.js';

/** Another instance holds the conversation: the transaction that tried to take it rolls back and waits. */
class ConversationTakenError extends Error {
  constructor() {
    super('The conversation is held by another instance.');
  }
}

/**
 * This instance's claim on a conversation across instances (its lease in the store), for one piece of
 * work. The lease is taken either up front, in a commit of its own, or by the work's first transaction
 * (`firstTransaction`), and given back either by the work's last transaction (`releaseIn`) or at the end
 * (`end`): a run's segment then adds no commits of its own for the lease. Nothing the work writes commits
 * without the lease: its first transaction takes it or rolls back.
 */
export class ConversationHold {
  private taken = false;
  private releasing = false;

  constructor(
    private readonly leases: LeaseKeeper,
    conversationId: string,
    /** Epoch ms after which waiting for the conversation ends with ConversationBusyError. */
    private readonly deadline: number,
    readonly key = conversationLeaseKey(conversationId),
  ) {}

  /** Takes the lease now, in its own commit, waiting for it until the deadline. */
  async takeNow(): Promise<void> {
    if (this.taken) return;
    await this.leases.acquireBy(this.key, this.deadline);
    this.taken = true;
  }

  /**
   * Runs `work` as one transaction that first takes the lease (unless it is held already) together with
   * `alsoKeys` (a run's lease), in one statement; while another instance holds the conversation, the
   * transaction rolls back and is tried again until the deadline. `work` learns which keys were taken.
   */
  async firstTransaction<T>(
    store: Store,
    work: (tx: Store, taken: Set<string>) => Promise<T>,
    alsoKeys: string[] = [],
  ): Promise<T> {
    for (let pause = 25; ; pause = Math.min(pause * 2, 250)) {
      let grant: LeaseGrant | undefined;
      try {
        const wasTaken = this.taken;
        const keys = wasTaken ? alsoKeys : [this.key, ...alsoKeys];
        const result = await store.transaction(async (tx) => {
          grant = keys.length ? await this.leases.acquireIn(tx, keys) : undefined;
          if (!wasTaken && !grant?.taken.has(this.key)) throw new ConversationTakenError();
          return work(tx, grant?.taken ?? new Set());
        });
        this.taken = true;
        return result;
      } catch (error) {
        grant?.rolledBack();
        if (!(error instanceof ConversationTakenError)) throw error;
        const left = this.deadline - Date.now();
        if (left <= 0) throw new ConversationBusyError();
        await new Promise((resolve) => setTimeout(resolve, Math.min(pause, left)));
      }
    }
  }

  /**
   * Writes the lease's release inside `tx`, the work's last transaction, with `alsoKeys` (one statement,
   * which checks `fence` too: see LeaseKeeper.releaseIn); `committed` once it has committed (the caller
   * tells the keeper of `alsoKeys` itself).
   */
  releaseIn(tx: Store, alsoKeys: string[] = [], fence?: SegmentFence): Promise<boolean | undefined> {
    if (this.taken) this.releasing = true;
    return this.leases.releaseIn(tx, [...(this.taken ? [this.key] : []), ...alsoKeys], fence);
  }

  /** The transaction carrying `releaseIn` committed. */
  committed(): void {
    if (!this.releasing) return;
    this.leases.released(this.key);
    this.taken = false;
  }

  /** The work is over: a lease still held (no transaction released it, or that one rolled back) is released. */
  async end(): Promise<void> {
    if (!this.taken) return;
    this.taken = false;
    await this.leases.release(this.key);
  }
}
