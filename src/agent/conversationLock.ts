import { ConversationBusyError } from '../errors.js';

/**
 * Serializes work per conversation inside this process: two messages (or a
 * message and a decision) on one conversation never interleave their history.
 * The store's conversation lease does the same across processes (assistant.ts).
 */
export class ConversationLocks {
  private readonly tails = new Map<string, Promise<unknown>>();

  /**
   * Runs `work` once the conversation's earlier work has settled. With `waitMs`, work that has not
   * started by then is dropped and the call rejects with ConversationBusyError (later work still
   * waits its turn behind the earlier work, not behind the dropped one).
   */
  run<T>(conversationId: string, work: () => Promise<T>, waitMs?: number): Promise<T> {
    const previous = (this.tails.get(conversationId) ?? Promise.resolve()).catch(() => undefined);
    let gaveUp = false;
    const next = previous.then(() => (gaveUp ? undefined : work()));
    this.tails.set(conversationId, next);
    const cleanup = () => {
      if (this.tails.get(conversationId) === next) this.tails.delete(conversationId);
    };
    next.then(cleanup, cleanup);
    if (waitMs === undefined) return next as Promise<T>;
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => {
        gaveUp = true;
        reject(new ConversationBusyError());
      }, waitMs);
      void previous.then(() => clearTimeout(timer));
      next.then((value) => resolve(value as T), reject);
    });
  }

  /** Resolves once every queued piece of work has settled (for graceful shutdown). */
  async drain(): Promise<void> {
    while (this.tails.size) await Promise.allSettled([...this.tails.values()]);
  }
}
