import type { RefusalRecord, Store } from '../store/index.js';

export interface Refusal {
  runId: string;
  callId: string;
  tool: string;
  /** The parsed arguments, or the raw text when they did not parse. */
  args: unknown;
  rule: string;
  reason: string;
}

/** The gate turned a call away without asking the seller: recorded once per (run, call), never as an approval. */
export function refuseCall(store: Store, r: Refusal): Promise<RefusalRecord> {
  return store.refusals.record({
    runId: r.runId,
    callId: r.callId,
    tool: r.tool,
    arguments: r.args,
    rule: r.rule,
    reason: r.reason,
  });
}

/** A conversation's refusals by call id: the model's input names calls by id. */
export function refusalsByCall(store: Store, conversationId: string): Promise<Map<string, RefusalRecord>> {
  return store.refusals.forConversation(conversationId);
}
