import { AppError } from '../errors.js';
import type { Conversation } from '../store/index.js';

/**
 * The conversation holds as many seller messages as one may (CONVERSATION_MAX_MESSAGES): 413, like its photo
 * cap. A conversation's stored history, transcript and runs grow with every message and are read whole by its
 * view, so each has a bound; a new conversation starts afresh (the seller's listings stay theirs).
 */
export class ConversationFullError extends AppError {
  constructor(limit: number) {
    const messages = limit === 1 ? '1 message' : `${limit} messages`;
    super(
      413,
      'conversation_too_large',
      `This conversation has reached its limit of ${messages}; start a new conversation to go on.`,
    );
  }
}

/** Refuses one more message to a conversation at its cap, before anything of it is stored or run. */
export function assertRoomForMessage(conversation: Conversation, maxMessages: number): void {
  if (conversation.sellerMessages >= maxMessages) throw new ConversationFullError(maxMessages);
}
