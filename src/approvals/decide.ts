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
 */
export function decideApproval(store: Store, d: SellerDecision): ApprovalRecord {
  const approval = store.approvals.get(d.approvalId);
  if (!approval || approval.runId !== d.runId) throw new NotFoundError('Approval');
  if (approval.sellerId !== d.sellerId)
    throw new ForbiddenError('Only the seller who owns this conversation can decide.');
  store.approvals.expireDue(d.runId);
  const status = d.decision === 'approve' ? 'approved' : 'rejected';
  if (!store.approvals.decide(approval.id, status, d.sellerId, d.message?.trim() || null))
    throw new ApprovalNotPendingError(store.approvals.get(approval.id)!.status);
  return store.approvals.get(approval.id)!;
}
