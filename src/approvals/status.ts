import type { ApprovalStatus, Store } from '../store/index.js';

export type CallStatus = ApprovalStatus | 'refused';

/** Where a call stands: refused by the gate, an approval's status, or undefined if it was never vetted. */
export async function callStatus(store: Store, runId: string, callId: string): Promise<CallStatus | undefined> {
  if (await store.refusals.forCall(runId, callId)) return 'refused';
  return (await store.approvals.forCall(runId, callId))?.status;
}
