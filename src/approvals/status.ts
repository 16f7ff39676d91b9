import type { ApprovalRecord, ApprovalStatus, RefusalRecord, Store } from '../store/index.js';

export type CallStatus = ApprovalStatus | 'refused';

/** A vetted call as it stands: the gate's refusal, or the approval asked of the seller. */
export type CallRecord =
  | { status: 'refused'; refusal: RefusalRecord; approval?: undefined }
  | { status: ApprovalStatus; approval: ApprovalRecord; refusal?: undefined };

/** Where a call stands, with the record behind it; undefined if it was never vetted. */
export async function callRecord(store: Store, runId: string, callId: string): Promise<CallRecord | undefined> {
  const refusal = await store.refusals.forCall(runId, callId);
  if (refusal) return { status: 'refused', refusal };
  const approval = await store.approvals.forCall(runId, callId);
  return approval && { status: approval.status, approval };
}

/** Where a call stands: refused by the gate, an approval's status, or undefined if it was never vetted. */
export async function callStatus(store: Store, runId: string, callId: string): Promise<CallStatus | undefined> {
  return (await callRecord(store, runId, callId))?.status;
}
