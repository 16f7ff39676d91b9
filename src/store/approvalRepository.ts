export type ApprovalStatus = 'pending' | 'approved' | 'rejected' | 'expired' | 'superseded';
export interface ApprovalRecord {
  id: string;
  runId: string;
  callId: string;
  sellerId: string;
  tool: string;
  /** What a confirmation covers: the model's proposal, or the seller's edit of it. */
  arguments: Record<string, unknown>;
  /** The model's proposal when the seller edited it on approving; null otherwise. */
  proposedArguments: Record<string, unknown> | null;
  summary: string;
  status: ApprovalStatus;
  message: string | null;
  decidedBy: string | null;
  decidedAt: string | null;
  expiresAt: string;
  createdAt: string;
}
/** The seller's version of an action, approved in the same step: it replaces the arguments and summary. */
export interface SellerEdit {
  arguments: Record<string, unknown>;
  summary: string;
}
export interface ApprovalRepository {
  /** Idempotent per (run, call): a resumed run that surfaces the same call again keeps its approval. */
  request(
    a: Pick<ApprovalRecord, 'id' | 'runId' | 'callId' | 'sellerId' | 'tool' | 'arguments' | 'summary' | 'expiresAt'>,
  ): Promise<ApprovalRecord>;
  get(id: string): Promise<ApprovalRecord | undefined>;
  forCall(runId: string, callId: string): Promise<ApprovalRecord | undefined>;
  forRun(runId: string): Promise<ApprovalRecord[]>;
  /**
   * The approvals of the run before `runId` in its conversation (oldest first), in one statement:
   * empty when it is the conversation's first run.
   */
  forPreviousRun(runId: string): Promise<ApprovalRecord[]>;
  /**
   * Compare-and-set from `pending`: of two concurrent decisions on one approval
   * exactly one wins, and an expired approval cannot be decided.
   */
  decide(
    id: string,
    decision: 'approved' | 'rejected',
    by: string,
    message: string | null,
    edit?: SellerEdit,
  ): Promise<boolean>;
  /** Marks every pending approval of a run that has passed its expiry; returns how many. */
  expireDue(runId?: string): Promise<number>;
  supersedePending(runId: string): Promise<number>;
}
