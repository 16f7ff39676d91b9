import type { Store } from '../store/index.js';
import type { ConversationLocks } from './conversationLock.js';
import type { RunLifecycle } from './runLifecycle.js';
import { STOP_REPLIES } from './replies.js';

/**
 * After a crash or restart: runs whose approvals were all decided resume
 * (the write ledger keeps an approved write to one execution), also when
 * the crash came between the decision and the resume; runs that were
 * mid-flight without a resumable state are stopped as cancelled. Runs
 * still waiting for the seller are left as they are. Returns how many runs
 * were resumed or stopped.
 */
export async function recoverInterruptedRuns(
  store: Store,
  locks: ConversationLocks,
  lifecycle: RunLifecycle,
): Promise<number> {
  let recovered = 0;
  for (const run of await store.runs.listInterrupted()) {
    await locks.run(run.conversationId, async () => {
      const approvals = await store.approvals.forRun(run.id);
      const decided = approvals.length > 0 && approvals.every((a) => a.status !== 'pending');
      if (run.status === 'awaiting_approval') {
        if (!decided || !approvals.some((a) => a.status === 'approved')) return;
        await lifecycle.resume(run);
      } else if (run.state && decided) {
        await lifecycle.resume(run);
      } else {
        await lifecycle.stop(run, 'cancelled', STOP_REPLIES.cancelled, run.steps);
        await lifecycle.settled(run.id);
      }
      recovered++;
    });
  }
  return recovered;
}
