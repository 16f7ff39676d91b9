import type { CorrectionRecord, ReviewItemRecord, Store } from '../store/index.js';
import { sellerText } from './conversationRecord.js';

/** A review item as support's review page shows it: the item, and enough of its run to judge it at a glance. */
export interface ReviewItemView extends ReviewItemRecord {
  sellerId: string;
  conversationId: string;
  promptVersion: string;
  model: string;
  runStatus: string;
  stopReason: string | null;
  runCreatedAt: string;
  /** The message that opened the conversation (what the seller came for). */
  firstSellerMessage: string;
  /** The message that started this run (the same as the first in a one-message conversation). */
  sellerMessage: string;
  reply: string | null;
  /** The seller's latest thumbs up/down on this run, if any. */
  feedback: { value: 1 | -1; comment: string | null; createdAt: string } | null;
  /** Corrections turned down in this run, or revised in it. */
  corrections: CorrectionRecord[];
}

export async function reviewItemView(store: Store, item: ReviewItemRecord): Promise<ReviewItemView> {
  const run = (await store.runs.get(item.runId))!;
  const first = (await store.runs.forConversation(run.conversationId))[0] ?? run;
  const feedback = (await store.feedback.forRun(run.id)).at(-1);
  const corrections = await store.corrections.forRun(run.id);
  return {
    ...item,
    sellerId: run.sellerId,
    conversationId: run.conversationId,
    promptVersion: run.promptVersion,
    model: run.model,
    runStatus: run.status,
    stopReason: run.stopReason,
    runCreatedAt: run.createdAt,
    firstSellerMessage: sellerText(first),
    sellerMessage: sellerText(run),
    reply: run.reply,
    feedback: feedback ? { value: feedback.value, comment: feedback.comment, createdAt: feedback.createdAt } : null,
    corrections,
  };
}
