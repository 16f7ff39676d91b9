import type { AgentInputItem, Session } from '@openai/agents';
import type { RunWrites, Store } from '../store/index.js';

/**
 * The SDK's `Session` backed by the store: a conversation's history lives in
 * SQLite and survives restarts; every run of the conversation reads it.
 * Items the SDK adds during a segment are held (RunWrites) and commit with the
 * run's next transaction (a write, the pause, the run's end); until then this
 * session serves them from memory after the stored ones.
 */
export class StoreSession implements Session {
  /** Added but not yet committed, oldest first. */
  private pending: AgentInputItem[] = [];
  /**
   * The items of the held write not yet started: items added meanwhile join it, so that a transaction
   * writes the segment's items in one batch (one statement on PostgreSQL, one `updated_at`).
   */
  private unwritten: AgentInputItem[] | undefined;

  constructor(
    private readonly store: Store,
    private readonly conversationId: string,
    private readonly held?: { writes: RunWrites; runId: string },
    /** How many of the seller's latest turns the model gets (HISTORY_TURNS); unset: all of them. */
    private readonly historyTurns?: number,
  ) {}

  async getSessionId(): Promise<string> {
    return this.conversationId;
  }

  /**
   * The history the SDK puts before a new message. Without a limit and with a window, that is the
   * latest `historyTurns` turns (a turn starts at a seller message), read from the end of the
   * stored items, so a run's cost does not grow with the conversation; older turns are replaced
   * by one short note.
   */
  async getItems(limit?: number): Promise<AgentInputItem[]> {
    if (limit === undefined && this.historyTurns !== undefined) return this.window(this.historyTurns);
    const stored = (await this.store.conversations.items(this.conversationId, limit)) as AgentInputItem[];
    if (this.pending.length === 0) return stored;
    const all = [...stored, ...this.pending];
    return limit === undefined ? all : all.slice(Math.max(0, all.length - limit));
  }

  private async window(turns: number): Promise<AgentInputItem[]> {
    // Turns are a few items each (a message, tool calls and results, replies); read more until enough.
    for (let read = turns * 8 + 8; ; read *= 4) {
      const stored = (await this.store.conversations.items(this.conversationId, read)) as AgentInputItem[];
      const all = [...stored, ...this.pending];
      const starts = all.flatMap((item, i) => (isSellerMessage(item) ? [i] : []));
      const whole = stored.length < read;
      if (starts.length >= turns || whole) {
        const from = starts.length >= turns ? starts[starts.length - turns] : 0;
        const dropped = from > 0 || !whole;
        return dropped ? [olderTurnsNote(turns), ...all.slice(from)] : all;
      }
    }
  }

  async addItems(items: AgentInputItem[]): Promise<void> {
    if (items.length === 0) return;
    if (!this.held) {
      await this.store.conversations.addItems(this.conversationId, items);
      return;
    }
    this.pending.push(...items);
    if (this.unwritten) {
      this.unwritten.push(...items);
      return;
    }
    const batch = [...items];
    this.unwritten = batch;
    await this.held.writes.hold(this.store, this.held.runId, {
      write: (tx) => {
        // From here on the batch is fixed (a rollback writes it again, whole); later items start another.
        if (this.unwritten === batch) this.unwritten = undefined;
        return tx.conversations.addItems(this.conversationId, batch);
      },
      committed: () => {
        const at = this.pending.indexOf(batch[0]);
        if (at >= 0) this.pending.splice(at, batch.length);
      },
    });
  }

  async popItem(): Promise<AgentInputItem | undefined> {
    // Held items are not stored yet: the last one is popped from memory (its held write still lands).
    if (this.pending.length > 0) throw new Error('popItem with uncommitted session items is not supported');
    return (await this.store.conversations.popItem(this.conversationId)) as AgentInputItem | undefined;
  }

  async clearSession(): Promise<void> {
    if (this.pending.length > 0) throw new Error('clearSession with uncommitted session items is not supported');
    await this.store.conversations.clearItems(this.conversationId);
  }
}

const isSellerMessage = (item: AgentInputItem) => item.type === 'message' && item.role === 'user';

/** Stands in for the turns left out of the model's input (never stored: the SDK stores only new items). */
function olderTurnsNote(turns: number): AgentInputItem {
  return {
    type: 'message',
    role: 'system',
    content:
      `Earlier turns of this conversation are not shown, only the last ${turns} before this message. ` +
      'Ask the seller, or look listings up by id, for anything from before them.',
  };
}

/**
 * Tool calls in the history without a result (a run that timed out, crashed
 * or was superseded) would make the next model request invalid, so each gets
 * an explicit "did not run" result. One transaction, so two callers cannot both answer a call.
 */
export function closeDanglingCalls(store: Store, conversationId: string, output: string): Promise<number> {
  return store.transaction(async (tx) => {
    const items = (await tx.conversations.items(conversationId)) as AgentInputItem[];
    const answered = new Set(
      items.filter((i) => i.type === 'function_call_result').map((i) => (i as { callId: string }).callId),
    );
    const dangling = items.filter(
      (i): i is Extract<AgentInputItem, { type: 'function_call' }> =>
        i.type === 'function_call' && !answered.has(i.callId),
    );
    if (dangling.length === 0) return 0;
    await tx.conversations.addItems(
      conversationId,
      dangling.map((call) => ({
        type: 'function_call_result',
        name: call.name,
        callId: call.callId,
        status: 'completed',
        output: { type: 'text', text: output },
      })),
    );
    return dangling.length;
  });
}
