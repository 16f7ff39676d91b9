import type { AgentInputItem } from '@openai/agents';
import type { ApprovalRecord, Conversation, RunRecord, Store } from '../store/index.js';
import type { ListingSummary } from '../tools/index.js';
import { transcript, type TranscriptEntry } from './messages.js';
import { isPhotoId, photoUrl } from './photos.js';
import type { RunResult } from './runResult.js';
import { toolResultEvent, type Comparables } from './runEvents.js';

/** Turns restored at most: the seller's screen shows the latest ones. */
const MAX_TURNS = 50;

/** One seller message and what came of it: the run's reply, its approvals as decided, its writes, the thumbs. */
export interface ConversationTurn {
  runId: string;
  text: string;
  images: number;
  /** The message's stored photos, for its seller's screen (runs from before ids were kept have a count only). */
  photos: { id: string; url: string }[];
  status: RunResult['status'];
  stopReason?: RunResult['stopReason'];
  reply?: string;
  approvals: {
    approvalId: string;
    tool: string;
    arguments: Record<string, unknown>;
    summary: string;
    status: ApprovalRecord['status'];
    expiresAt: string;
    /** The seller changed the proposed action as they approved it. */
    edited: boolean;
  }[];
  /** Listings this run created or re-priced, as the write left them. */
  written: ListingSummary[];
  /** The seller's latest thumbs on this run, if any. */
  feedback: 1 | -1 | null;
}

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
  /** The seller's screen, restorable after a reload: the latest turns, oldest first. */
  turns: ConversationTurn[];
  /** The conversation's latest comparables and the listing it last wrote, as that listing stands now. */
  panel: { comparables: Comparables | null; listing: ListingSummary | null };
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
  const items = (await store.conversations.items(conversation.id)) as AgentInputItem[];
  const all = transcript(items);
  const end = Math.min(page.before ?? all.length, all.length);
  const start = Math.max(0, end - page.limit);
  const runs = (await store.runs.forConversation(conversation.id)).slice(-MAX_TURNS);
  const turns = await Promise.all(runs.map((run) => conversationTurn(store, run)));
  const lastWritten = turns.flatMap((t) => t.written).at(-1);
  const current = lastWritten ? await store.listings.get(lastWritten.id) : undefined;
  return {
    id: conversation.id,
    sellerId: conversation.sellerId,
    createdAt: conversation.createdAt,
    messages: all.slice(start, end).map(cut),
    messagesTotal: all.length,
    messagesStart: start,
    latestRun,
    turns,
    panel: {
      comparables: latestComparables(items),
      listing: current ? { ...lastWritten!, price: current.price, status: current.status, title: current.title } : null,
    },
  };
}

function cut(entry: TranscriptEntry): TranscriptEntry {
  if (entry.text.length <= MAX_ENTRY_CHARS) return entry;
  return { ...entry, text: `${entry.text.slice(0, MAX_ENTRY_CHARS)}… (${entry.text.length} characters)` };
}

async function conversationTurn(store: Store, run: RunRecord): Promise<ConversationTurn> {
  const input = (run.input ?? {}) as { text?: unknown; images?: unknown; photoIds?: unknown };
  const photoIds = Array.isArray(input.photoIds) ? input.photoIds.filter((id) => isPhotoId(String(id))) : [];
  const [approvals, executions, feedback] = await Promise.all([
    store.approvals.forRun(run.id),
    store.executions.forRun(run.id),
    store.feedback.forRun(run.id),
  ]);
  const written = executions.flatMap((e) => {
    const event = toolResultEvent(e.tool, JSON.stringify(e.result));
    return event.type === 'tool_result' && event.listing ? [event.listing] : [];
  });
  return {
    runId: run.id,
    text: typeof input.text === 'string' ? input.text : '',
    images: typeof input.images === 'number' ? input.images : 0,
    photos: photoIds.map((id) => ({ id: String(id), url: photoUrl(String(id)) })),
    status: run.status,
    ...(run.stopReason ? { stopReason: run.stopReason } : {}),
    ...(run.reply ? { reply: run.reply } : {}),
    approvals: approvals.map((a) => ({
      approvalId: a.id,
      tool: a.tool,
      arguments: a.arguments,
      summary: a.summary,
      status: a.status,
      expiresAt: a.expiresAt,
      edited: a.proposedArguments !== null,
    })),
    written,
    feedback: feedback.at(-1)?.value ?? null,
  };
}

/** The last search's comparables in the stored history (a tool result is matched to its call by id). */
function latestComparables(items: AgentInputItem[]): Comparables | null {
  const names = new Map<string, string>();
  let found: Comparables | null = null;
  for (const item of items) {
    if (item.type === 'function_call') names.set(item.callId, item.name);
    else if (item.type === 'function_call_result') {
      const name = names.get(item.callId);
      if (name !== 'searchSimilar') continue;
      const event = toolResultEvent(name, item.output);
      if (event.type === 'tool_result' && event.comparables) found = event.comparables;
    }
  }
  return found;
}
