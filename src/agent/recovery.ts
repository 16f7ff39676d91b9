import type { RunRecord, Store } from '../store/index.js';
import { ConversationBusyError } from '../errors.js';
import type { RunLifecycle } from './runLifecycle.js';
import { RUN_LEASE_PREFIX, runLeaseKey, type LeaseKeeper } from './leases.js';
import { STOP_REPLIES } from './replies.js';

/** Runs `work` holding the conversation (this process's lock and the store's lease), waiting at most `waitMs`. */
export type HoldConversation = <T>(conversationId: string, work: () => Promise<T>, waitMs: number) => Promise<T>;

/**
 * Settles runs whose instance is gone: at start, and periodically on every instance. A run is taken
 * only when its lease is free (none, expired, or its owner was a process of this machine that died),
 * by compare-and-set on the lease, so two sweeping instances never both settle it. Runs whose
 * approvals were all decided resume (the write ledger keeps an approved write to one execution),
 * also when the crash came between the decision and the resume; runs that were mid-flight without a
 * resumable state stop as `interrupted`. Runs still waiting for the seller are left as they are.
 * Returns how many runs were resumed or stopped.
 */
export async function recoverInterruptedRuns(
  store: Store,
  hold: HoldConversation,
  leases: LeaseKeeper,
  lifecycle: RunLifecycle,
): Promise<number> {
  let recovered = 0;
  // Each run with its lease from one snapshot: a run that ended since is not listed, so a sweep takes
  // no lease of a run that is merely finishing, and asks nothing more of the store for a live one.
  for (const { run, lease } of await store.runs.listInterrupted(RUN_LEASE_PREFIX)) {
    const key = runLeaseKey(run.id);
    if (leases.heldElsewhereOrHere(lease)) continue;
    // A paused run is only for the taking once its decisions are in (the list leaves out those with
    // one pending) and one of them approves.
    if (run.status === 'awaiting_approval' && (await nextStep(store, run)) !== 'resume') continue;
    if (!(await leases.acquire(key))) continue;
    try {
      await hold(
        run.conversationId,
        async () => {
          // Read again under the lease and the conversation: it may have moved on meanwhile.
          const current = await store.runs.get(run.id);
          if (!current || (current.status !== 'running' && current.status !== 'awaiting_approval')) return;
          const step = await nextStep(store, current);
          if (step === 'wait') return;
          if (step === 'resume') {
            await lifecycle.resume(current);
          } else {
            await lifecycle.stop(current, 'interrupted', STOP_REPLIES.interrupted, current.steps);
            await lifecycle.settled(current.id);
          }
          recovered++;
        },
        1_000,
      );
    } catch (error) {
      // A live segment holds the conversation: the next sweep tries again.
      if (!(error instanceof ConversationBusyError)) throw error;
    } finally {
      await leases.release(key);
    }
  }
  return recovered;
}

async function nextStep(store: Store, run: RunRecord): Promise<'resume' | 'stop' | 'wait'> {
  const approvals = await store.approvals.forRun(run.id);
  const decided = approvals.length > 0 && approvals.every((a) => a.status !== 'pending');
  if (run.status === 'awaiting_approval')
    return decided && approvals.some((a) => a.status === 'approved') ? 'resume' : 'wait';
  return run.state && decided ? 'resume' : 'stop';
}
