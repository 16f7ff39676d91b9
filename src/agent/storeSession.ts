import type { AgentInputItem, Session } from '@openai/agents';
import type { Store } from '../store/index.js';

/**
 * The SDK's `Session` backed by the store: a conversation's history lives in
 * SQLite and survives restarts; every run of the conversation reads it.
 */
export class StoreSession implements Session {
  constructor(
    private readonly store: Store,
    private readonly conversationId: string,
  ) {}

  async getSessionId(): Promise<string> {
    return this.conversationId;
  }

  async getItems(limit?: number): Promise<AgentInputItem[]> {
    return (await this.store.conversations.items(this.conversationId, limit)) as AgentInputItem[];
  }

  async addItems(items: AgentInputItem[]): Promise<void> {
    await this.store.conversations.addItems(this.conversationId, items);
  }

  async popItem(): Promise<AgentInputItem | undefined> {
    return (await this.store.conversations.popItem(this.conversationId)) as AgentInputItem | undefined;
  }

  async clearSession(): Promise<void> {
    await this.store.conversations.clearItems(this.conversationId);
  }
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
