import type { ApprovalRecord, Store } from '../store/index.js';
import { newId } from '../store/ids.js';

export interface ApprovalRequest {
  runId: string;
  callId: string;
  /** The conversation's seller: the only one who may decide. */
  sellerId: string;
  tool: string;
  /** The exact arguments a confirmation covers. */
  args: Record<string, unknown>;
  /** What the seller reads; worded by the caller, which knows the tools. */
  summary: string;
  ttlMs: number;
}

/** Asks the seller to confirm one call. Idempotent per (run, call): a call surfaced again keeps its approval. */
export function requestApproval(store: Store, r: ApprovalRequest): Promise<ApprovalRecord> {
  return store.approvals.request({
    id: newId('apr'),
    runId: r.runId,
    callId: r.callId,
    sellerId: r.sellerId,
    tool: r.tool,
    arguments: r.args,
    summary: r.summary,
    expiresAt: new Date(store.now().getTime() + r.ttlMs).toISOString(),
  });
}
