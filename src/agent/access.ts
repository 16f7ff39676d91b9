import type { Conversation, RunRecord, Store } from '../store/index.js';
import { NotFoundError } from '../errors.js';

/** Who is looking: a seller sees only their own conversations and runs, support sees all of them. */
export interface Viewer {
  userId: string;
  role: 'seller' | 'support';
}

/**
 * Whether the viewer may see what belongs to this seller. Anything else is
 * answered as missing (NotFoundError, never ForbiddenError), so another
 * seller's ids cannot be probed.
 */
function maySee(sellerId: string, viewer: Viewer): boolean {
  return viewer.role === 'support' || sellerId === viewer.userId;
}

/** The conversation if this viewer may see it; another seller's is reported as missing. */
export async function visibleConversation(store: Store, conversationId: string, viewer: Viewer): Promise<Conversation> {
  const conversation = await store.conversations.get(conversationId);
  if (!conversation || !maySee(conversation.sellerId, viewer)) throw new NotFoundError('Conversation');
  return conversation;
}

/** The run if this viewer may see it; another seller's is reported as missing. */
export async function visibleRun(store: Store, runId: string, viewer: Viewer): Promise<RunRecord> {
  const run = await store.runs.get(runId);
  if (!run || !maySee(run.sellerId, viewer)) throw new NotFoundError('Run');
  return run;
}

/** The conversation if this seller may write to it: only its own seller may (support reads). */
export function ownConversation(store: Store, conversationId: string, sellerId: string): Promise<Conversation> {
  return visibleConversation(store, conversationId, { userId: sellerId, role: 'seller' });
}

/** The run if this seller may decide on it: only its own seller may (support reads). */
export function ownRun(store: Store, runId: string, sellerId: string): Promise<RunRecord> {
  return visibleRun(store, runId, { userId: sellerId, role: 'seller' });
}
