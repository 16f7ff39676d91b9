/**
 * What a tool knows about the run it serves. Plain data only: the SDK
 * serializes the run context into a paused run's state, so database handles
 * and secrets stay out of it (tools get those from their factory).
 */
export interface AssistantContext {
  runId: string;
  conversationId: string;
  sellerId: string;
}
