import { canonicalJson } from '../shared/canonicalJson.js';
import { ForbiddenError, NotFoundError } from '../errors.js';
import type { ApprovalRecord, SellerEdit, Store } from '../store/index.js';
import { ApprovalNotPendingError, EditRefusedError } from './errors.js';

export interface SellerDecision {
  runId: string;
  approvalId: string;
  sellerId: string;
  decision: 'approve' | 'reject';
  message?: string;
  /** With `approve`: the seller's edit of the action; fields left out keep the proposed values. */
  arguments?: Record<string, unknown>;
}

/**
 * How an edited action is checked again before it can be approved: parsed by the tool's schema,
 * judged by the policy gate, and summarised anew (the caller knows the tools; approvals do not).
 */
export type EditVetting = (edit: {
  tool: string;
  args: Record<string, unknown>;
  sellerId: string;
  runId: string;
}) => Promise<
  { ok: true; edit: SellerEdit } | { ok: false; code: 'invalid_arguments' | 'edit_refused'; reason: string }
>;

/**
 * The seller's decision, compare-and-set from `pending`: of two concurrent
 * decisions exactly one wins, and an approval past its expiry is expired
 * first, so it cannot be approved. The loser gets ApprovalNotPendingError.
 * One transaction, so the status reported (and returned) is the one the decision left;
 * the loser's error comes after it commits, so an expiry it found stays recorded. Returns the
 * decided approval and the run's approvals as the decision left them (one read).
 *
 * `edit` (from vetSellerEdit) replaces the approval's arguments as it is approved: the
 * confirmation binds to them, and the proposal is kept beside them.
 */
export async function decideApproval(
  store: Store,
  d: SellerDecision,
  edit?: SellerEdit,
): Promise<{ approval: ApprovalRecord; approvals: ApprovalRecord[] }> {
  const { won, approval, approvals } = await store.transaction(async (tx) => {
    const found = await owned(tx, d);
    await tx.approvals.expireDue(d.runId);
    const status = d.decision === 'approve' ? 'approved' : 'rejected';
    const decided = await tx.approvals.decide(found.id, status, d.sellerId, d.message?.trim() || null, edit);
    const approvals = await tx.approvals.forRun(d.runId);
    return { won: decided, approval: approvals.find((a) => a.id === found.id)!, approvals };
  });
  if (!won) throw new ApprovalNotPendingError(approval.status);
  return { approval, approvals };
}

async function owned(store: Store, d: SellerDecision): Promise<ApprovalRecord> {
  const found = await store.approvals.get(d.approvalId);
  if (!found || found.runId !== d.runId) throw new NotFoundError('Approval');
  if (found.sellerId !== d.sellerId) throw new ForbiddenError('Only the seller who owns this conversation can decide.');
  return found;
}

/**
 * An approve with `arguments` is an edit: the proposal with the seller's changes, vetted again
 * (schema, policy gate, new summary) before any transaction. A refused edit throws
 * EditRefusedError and the approval stays pending. Undefined when there is nothing to edit.
 */
export async function vetSellerEdit(
  store: Store,
  d: SellerDecision,
  vetEdit: EditVetting,
): Promise<SellerEdit | undefined> {
  const changes = d.decision === 'approve' ? d.arguments : undefined;
  if (!changes) return undefined;
  const found = await owned(store, d);
  if (found.status !== 'pending') throw new ApprovalNotPendingError(found.status);
  const args = { ...found.arguments, ...changes };
  if (canonicalJson(args) === canonicalJson(found.arguments)) return undefined;
  const verdict = await vetEdit({ tool: found.tool, args, sellerId: d.sellerId, runId: d.runId });
  if (!verdict.ok) throw new EditRefusedError(verdict.code, verdict.reason);
  return verdict.edit;
}
