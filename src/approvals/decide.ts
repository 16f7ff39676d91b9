import { ForbiddenError, NotFoundError } from '../errors.js';
import type { ApprovalRecord, Store } from '../store/index.js';
import { ApprovalNotPendingError } from './errors.js';

export interface SellerDecision {
  runId: string;
  approvalId: string;
  sellerId: string;
  decision: 'approve' | 'reject';
  message?: string;
}

/**
 * The seller's decision, compare-and-set from `pending`: of two concurrent
 * decisions exactly one wins, and an approval past its expiry is expired
 * first, so it cannot be approved. The loser gets ApprovalNotPendingError.
 * One transaction, so the status reported (and returned) is the one the decision left;
 * the loser's error comes after it commits, so an expiry it found stays recorded.
 */
export async function decideApproval(store: Store, d: SellerDecision): Promise<ApprovalRecord> {
  const { won, approval } = await store.transaction(async (tx) => {
    const found = await tx.approvals.get(d.approvalId);
    if (!found || found.runId !== d.runId) throw new NotFoundError('Approval');
    if (found.sellerId !== d.sellerId)
      throw new ForbiddenError('Only the seller who owns this conversation can decide.');
    await tx.approvals.expireDue(d.runId);
    const status = d.decision === 'approve' ? 'approved' : 'rejected';
    const decided = await tx.approvals.decide(found.id, status, d.sellerId, d.message?.trim() || null);
    return { won: decided, approval: (await tx.approvals.get(found.id))! };
  });
  if (!won) throw new ApprovalNotPendingError(approval.status);
  return approval;
}
