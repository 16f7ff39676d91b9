/**
 * A write call the gate turned away when the SDK asked for approval (invalid
 * arguments, or a call the policy denies): never shown to the seller, so not
 * an approval.
 */
export interface RefusalRecord {
  runId: string;
  callId: string;
  tool: string;
  /** The parsed arguments, or the raw text (clipped) when they did not parse. */
  arguments: unknown;
  rule: string;
  reason: string;
  createdAt: string;
}
export interface RefusalRepository {
  /** Idempotent per (run, call): a call surfaced again keeps its first refusal. */
  record(r: Omit<RefusalRecord, 'createdAt'>): Promise<RefusalRecord>;
  forCall(runId: string, callId: string): Promise<RefusalRecord | undefined>;
  forRun(runId: string): Promise<RefusalRecord[]>;
  /** A conversation's refusals by call id (call ids are unique within a conversation's history). */
  forConversation(conversationId: string): Promise<Map<string, RefusalRecord>>;
}
