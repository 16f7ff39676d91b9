/**
 * Serializes work per conversation inside this process: two messages (or a
 * message and a decision) on one conversation never interleave their history.
 */
export class ConversationLocks {
  private readonly tails = new Map<string, Promise<unknown>>();

  run<T>(conversationId: string, work: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(conversationId) ?? Promise.resolve();
    const next = previous.catch(() => undefined).then(work);
    this.tails.set(conversationId, next);
    const cleanup = () => {
      if (this.tails.get(conversationId) === next) this.tails.delete(conversationId);
    };
    next.then(cleanup, cleanup);
    return next;
  }

  /** Resolves once every queued piece of work has settled (for graceful shutdown). */
  async drain(): Promise<void> {
    while (this.tails.size) await Promise.allSettled([...this.tails.values()]);
  }
}
