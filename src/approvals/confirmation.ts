import { canonicalJson } from '../shared/canonicalJson.js';
import type { Store } from '../store/index.js';
import { sellerEditMessage } from './wording.js';

/** One write call as it is about to run. */
export interface WriteCall {
  runId: string;
  callId: string;
  sellerId: string;
  tool: string;
  args: Record<string, unknown>;
}

/** The proof that a call was confirmed: which approval, who decided, when. */
export interface Confirmation {
  approvalId: string;
  by: string;
  at: string;
  /** For the model, when the seller edited the proposed action before confirming it. */
  sellerEdit?: string;
}

/**
 * The one check the write path asks: an approval for this call id, approved
 * by this seller, for the same tool and the same canonical arguments (the
 * seller's edit, when they edited the action: the resumed run carries it).
 * Undefined when the call is not confirmed.
 */
export async function isConfirmed(store: Store, call: WriteCall): Promise<Confirmation | undefined> {
  const a = await store.approvals.forCall(call.runId, call.callId);
  if (!a || a.status !== 'approved' || !a.decidedAt) return undefined;
  if (a.sellerId !== call.sellerId || a.decidedBy !== call.sellerId || a.tool !== call.tool) return undefined;
  if (canonicalJson(a.arguments) !== canonicalJson(call.args)) return undefined;
  const sellerEdit = sellerEditMessage(a);
  return { approvalId: a.id, by: a.decidedBy, at: a.decidedAt, ...(sellerEdit ? { sellerEdit } : {}) };
}
