import type { Store } from '../store/index.js';

/** Marks a run's pending approvals that are past their expiry as expired; returns how many. */
export function expireApprovals(store: Store, runId: string): Promise<number> {
  return store.approvals.expireDue(runId);
}

/** The seller sent a new message instead of deciding: the paused run's pending approvals lapse unexecuted. */
export function supersedeApprovals(store: Store, runId: string): Promise<number> {
  return store.approvals.supersedePending(runId);
}
