import type { ApprovalRecord, CorrectionRecord, RunRecord, Store } from '../store/index.js';
import { newId } from '../store/ids.js';
import { changedFields, sameSubject } from './changedFields.js';
import { sellerText } from './conversationRecord.js';

/**
 * Brings a run's corrections up to date with its approvals, after a segment
 * of it settled. Reads only what the store already holds, so it is
 * idempotent and can run any number of times:
 *
 * - every action the seller turned down, in this run or the conversation's
 *   previous one, becomes a correction (`rejected`): the reject button, or a
 *   new message typed instead of deciding (the paused run was superseded)
 *   when that message led to a revised action on the same draft or listing
 *   (a look-up, a question or a new item in between is no correction);
 * - every action the seller edited as they approved it, in this run, becomes
 *   an `edited` correction at once (`via: 'edit'`, the proposal before, their version after);
 * - every action the seller approved in this run fills `after` of the open
 *   corrections for the same tool and the same draft or listing turned down
 *   before it was proposed, in this run or the previous one (`edited`, with
 *   the changed fields).
 *
 * Returns the corrections recorded for the first time. One transaction: what
 * it records and revises follows from approvals read in the same snapshot.
 */
export async function reconcileCorrections(store: Store, runId: string): Promise<CorrectionRecord[]> {
  return store.transaction(async (tx) => {
    const run = await tx.runs.get(runId);
    if (!run) return [];
    const runs = await tx.runs.forConversation(run.conversationId);
    const index = runs.findIndex((r) => r.id === run.id);
    const previous = index > 0 ? runs[index - 1] : undefined;
    const scope = previous ? [previous, run] : [run];

    const recorded: CorrectionRecord[] = [];
    for (const r of scope) {
      const next = runs[runs.findIndex((x) => x.id === r.id) + 1];
      const proposedNext = next ? await tx.approvals.forRun(next.id) : [];
      for (const approval of await tx.approvals.forRun(r.id)) {
        const turnedDown = turnedDownBy(approval, next);
        if (!turnedDown) continue;
        const revisedNext = proposedNext.some(
          (p) => p.tool === approval.tool && sameSubject(p.tool, approval.arguments, p.arguments),
        );
        if (turnedDown.via === 'new_message' && !revisedNext) continue;
        const id = newId('cor');
        const isNew = await tx.corrections.record({
          id,
          runId: r.id,
          traceId: r.traceId,
          conversationId: r.conversationId,
          sellerId: r.sellerId,
          approvalId: approval.id,
          via: turnedDown.via,
          tool: approval.tool,
          before: approval.arguments,
          message: turnedDown.message,
          createdAt: approval.decidedAt ?? approval.createdAt,
        });
        if (isNew) recorded.push((await tx.corrections.get(id))!);
      }
    }

    // An action the seller edited and approved in one step: before is the proposal, after their version.
    for (const edited of await tx.approvals.forRun(run.id)) {
      if (edited.status !== 'approved' || !edited.proposedArguments || edited.decidedBy !== edited.sellerId) continue;
      const id = newId('cor');
      const at = edited.decidedAt ?? edited.createdAt;
      const isNew = await tx.corrections.record({
        id,
        runId: run.id,
        traceId: run.traceId,
        conversationId: run.conversationId,
        sellerId: run.sellerId,
        approvalId: edited.id,
        via: 'edit',
        tool: edited.tool,
        before: edited.proposedArguments,
        message: edited.message,
        createdAt: at,
      });
      if (!isNew) continue;
      await tx.corrections.revise(id, {
        after: edited.arguments,
        changedFields: changedFields(edited.proposedArguments, edited.arguments),
        approvalId: edited.id,
        runId: run.id,
        at,
      });
      recorded.push((await tx.corrections.get(id))!);
    }

    const scopeIds = scope.map((r) => r.id);
    for (const approved of await tx.approvals.forRun(run.id)) {
      if (approved.status !== 'approved' || approved.decidedBy !== approved.sellerId) continue;
      for (const open of await tx.corrections.open(approved.tool, scopeIds, approved.createdAt)) {
        if (!sameSubject(approved.tool, open.before, approved.arguments)) continue;
        await tx.corrections.revise(open.id, {
          after: approved.arguments,
          changedFields: changedFields(open.before, approved.arguments),
          approvalId: approved.id,
          runId: run.id,
          at: approved.decidedAt ?? approved.createdAt,
        });
      }
    }
    return recorded;
  });
}

/**
 * Whether `reconcileCorrections` could record or revise anything for a run whose approvals are
 * `approvals`, so that a run with nothing to reconcile costs no transaction. Every correction starts
 * from an approval turned down (rejected or superseded) or edited, in this run or the one before,
 * and touches this run only through its own approvals: a run without approvals has nothing to do
 * (a rejection in the run before was reconciled when that run settled), one with only plain
 * proposals or approvals needs the run before's approvals (one read) to tell.
 */
export async function mayReconcile(store: Store, runId: string, approvals: ApprovalRecord[]): Promise<boolean> {
  if (approvals.length === 0) return false;
  if (approvals.some((a) => turnedDownOrEdited(a))) return true;
  return (await store.approvals.forPreviousRun(runId)).some((a) => turnedDownOrEdited(a));
}

function turnedDownOrEdited(a: ApprovalRecord): boolean {
  return a.status === 'rejected' || a.status === 'superseded' || (a.status === 'approved' && !!a.proposedArguments);
}

/** Whether the seller turned this approval down, how, and in which words. */
function turnedDownBy(
  approval: ApprovalRecord,
  nextRun: RunRecord | undefined,
): { via: 'rejection' | 'new_message'; message: string | null } | undefined {
  if (approval.status === 'rejected' && approval.decidedBy === approval.sellerId)
    return { via: 'rejection', message: approval.message };
  // A superseded approval was left undecided while the seller typed something else: those words are the correction.
  if (approval.status === 'superseded' && nextRun) return { via: 'new_message', message: sellerText(nextRun) || null };
  return undefined;
}
