export type CorrectionKind = 'rejected' | 'edited';
/**
 * How the seller turned the action down: the reject button, a new message instead of deciding, or
 * an edit of the action approved in the same step (then `after` is the edit and the approval is the same).
 */
export type CorrectionVia = 'rejection' | 'new_message' | 'edit';
/**
 * An implicit feedback signal: the seller did not accept an action as the
 * assistant proposed it. `before` is what was proposed; `after` is what the
 * seller approved instead, once a revised action for the same tool is
 * approved (then the kind is `edited`), else null.
 */
export interface CorrectionRecord {
  id: string;
  runId: string;
  traceId: string;
  conversationId: string;
  sellerId: string;
  /** The approval the seller turned down. */
  approvalId: string;
  kind: CorrectionKind;
  via: CorrectionVia;
  tool: string;
  before: Record<string, unknown>;
  after: Record<string, unknown> | null;
  changedFields: string[];
  /** The seller's words: the rejection message, or the message typed instead of deciding. */
  message: string | null;
  revisedApprovalId: string | null;
  revisedInRunId: string | null;
  createdAt: string;
  revisedAt: string | null;
}
export type NewCorrection = Pick<
  CorrectionRecord,
  | 'id'
  | 'runId'
  | 'traceId'
  | 'conversationId'
  | 'sellerId'
  | 'approvalId'
  | 'via'
  | 'tool'
  | 'before'
  | 'message'
  | 'createdAt'
>;
export interface CorrectionRepository {
  /** One correction per turned-down approval: recording it again is a no-op. Returns whether it was new. */
  record(c: NewCorrection): Promise<boolean>;
  /**
   * Corrections still waiting for a revised action: of this tool, turned down in one of these runs before
   * `proposedAt`.
   */
  open(tool: string, runIds: string[], proposedBefore: string): Promise<CorrectionRecord[]>;
  /** Fills `after` once; a correction that was already revised keeps its first revision. */
  revise(
    id: string,
    revision: {
      after: Record<string, unknown>;
      changedFields: string[];
      approvalId: string;
      runId: string;
      at: string;
    },
  ): Promise<boolean>;
  get(id: string): Promise<CorrectionRecord | undefined>;
  /** Corrections turned down in this run or revised in it (a revision can come in the conversation's next run). */
  forRun(runId: string): Promise<CorrectionRecord[]>;
  forConversation(conversationId: string): Promise<CorrectionRecord[]>;
}
