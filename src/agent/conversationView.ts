import type { AgentInputItem } from '@openai/agents';
import type { Conversation, Store } from '../store/index.js';
import { transcript, type TranscriptEntry } from './messages.js';
import type { RunResult } from './runResult.js';

/** What a conversation shows whoever may see it: a page of the transcript and the latest run's RunResult. */
export interface ConversationView {
  id: string;
  sellerId: string;
  createdAt: string;
  messages: TranscriptEntry[];
  /** Entries in the whole transcript, and the position of the first one in `messages`. */
  messagesTotal: number;
  messagesStart: number;
  latestRun: RunResult | null;
}

/** `limit` transcript entries ending before position `before` (default: the latest ones). */
export interface TranscriptPage {
  limit: number;
  before?: number;
}

/** Longer texts (tool arguments) are cut in the view: the trace has them whole. */
const MAX_ENTRY_CHARS = 4000;
export const DEFAULT_TRANSCRIPT_PAGE: TranscriptPage = { limit: 100 };

/** The view of a conversation, with the RunResult of its latest run (null before the first message). */
export async function conversationView(
  store: Store,
  conversation: Conversation,
  latestRun: RunResult | null,
  page: TranscriptPage = DEFAULT_TRANSCRIPT_PAGE,
): Promise<ConversationView> {
  const all = transcript((await store.conversations.items(conversation.id)) as AgentInputItem[]);
  const end = Math.min(page.before ?? all.length, all.length);
  const start = Math.max(0, end - page.limit);
  return {
    id: conversation.id,
    sellerId: conversation.sellerId,
    createdAt: conversation.createdAt,
    messages: all.slice(start, end).map(cut),
    messagesTotal: all.length,
    messagesStart: start,
    latestRun,
  };
}

function cut(entry: TranscriptEntry): TranscriptEntry {
  if (entry.text.length <= MAX_ENTRY_CHARS) return entry;
  return { ...entry, text: `${entry.text.slice(0, MAX_ENTRY_CHARS)}… (${entry.text.length} characters)` };
}
