import type { AgentInputItem } from '@openai/agents';
import type { Conversation, Store } from '../store/index.js';
import { transcript, type TranscriptEntry } from './messages.js';
import type { RunResult } from './runResult.js';

/** What a conversation shows whoever may see it: the transcript and the latest run's RunResult. */
export interface ConversationView {
  id: string;
  sellerId: string;
  createdAt: string;
  messages: TranscriptEntry[];
  latestRun: RunResult | null;
}

/** The view of a conversation, with the RunResult of its latest run (null before the first message). */
export async function conversationView(
  store: Store,
  conversation: Conversation,
  latestRun: RunResult | null,
): Promise<ConversationView> {
  return {
    id: conversation.id,
    sellerId: conversation.sellerId,
    createdAt: conversation.createdAt,
    messages: transcript((await store.conversations.items(conversation.id)) as AgentInputItem[]),
    latestRun,
  };
}
