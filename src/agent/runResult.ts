import type { ApprovalRecord, RunRecord, StopReason } from '../store/index.js';

export interface PendingApproval {
  approvalId: string;
  tool: string;
  arguments: Record<string, unknown>;
  summary: string;
  expiresAt: string;
}

/** The contract's RunResult: what every message, decision and run lookup answers. */
export interface RunResult {
  runId: string;
  conversationId: string;
  traceId: string;
  /** `running` appears only when a run is looked up while it is still executing. */
  status: 'completed' | 'awaiting_approval' | 'stopped' | 'running';
  stopReason?: StopReason;
  reply?: string;
  pendingApprovals: PendingApproval[];
  steps: number;
}

export function toRunResult(run: RunRecord, approvals: ApprovalRecord[]): RunResult {
  return {
    runId: run.id,
    conversationId: run.conversationId,
    traceId: run.traceId,
    status: run.status,
    ...(run.stopReason ? { stopReason: run.stopReason } : {}),
    ...(run.reply ? { reply: run.reply } : {}),
    pendingApprovals: approvals
      .filter((a) => a.status === 'pending')
      .map((a) => ({
        approvalId: a.id,
        tool: a.tool,
        arguments: a.arguments,
        summary: a.summary,
        expiresAt: a.expiresAt,
      })),
    steps: run.steps,
  };
}
