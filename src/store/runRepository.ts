import type { ApprovalRecord } from './approvalRepository.js';
import type { Lease } from './leaseRepository.js';
import type { PolicyDecisionRecord } from './policyDecisionRepository.js';

export const RUN_STATUSES = ['completed', 'awaiting_approval', 'stopped', 'running'] as const;
export const STOP_REASONS = [
  'max_steps',
  'timeout',
  'model_error',
  'cancelled',
  'loop_detected',
  'interrupted',
  'storage_error',
] as const;
export type RunStatus = (typeof RUN_STATUSES)[number];
export type StopReason = (typeof STOP_REASONS)[number];
export interface RunRecord {
  id: string;
  conversationId: string;
  sellerId: string;
  traceId: string;
  status: RunStatus;
  stopReason: StopReason | null;
  reply: string | null;
  steps: number;
  input: unknown;
  /** `RunState.toString()` of a paused run, null once it is no longer resumable. */
  state: string | null;
  appVersion: string;
  promptVersion: string;
  model: string;
  /** Free labels, e.g. `eval:scenario-id`, so eval trials can be found and replayed. */
  tags: string[];
  createdAt: string;
  updatedAt: string;
}
/** A run with its approvals (oldest first) and its policy decisions (in order), as read on one snapshot. */
export interface RunWithApprovals {
  run: RunRecord;
  approvals: ApprovalRecord[];
  decisions: PolicyDecisionRecord[];
}
/** What a new run is created from; the rest starts as a running run's. */
export type NewRun = Pick<
  RunRecord,
  'id' | 'conversationId' | 'sellerId' | 'traceId' | 'input' | 'appVersion' | 'promptVersion' | 'model'
> & { tags?: string[] };
export type RunUpdate = Partial<Pick<RunRecord, 'status' | 'stopReason' | 'reply' | 'steps' | 'state'>>;
export interface RunRepository {
  create(
    run: Pick<
      RunRecord,
      'id' | 'conversationId' | 'sellerId' | 'traceId' | 'input' | 'appVersion' | 'promptVersion' | 'model'
    > & {
      tags?: string[];
    },
  ): Promise<RunRecord>;
  /**
   * `create`, answering also the run that was its conversation's latest just before (as
   * `latestForConversation` would have): one statement where it can be.
   */
  createNext(run: NewRun): Promise<{ run: RunRecord; previous: RunRecord | undefined }>;
  get(id: string): Promise<RunRecord | undefined>;
  /**
   * The run, its approvals and its policy decisions on one snapshot (a settled segment's answer, and what
   * the sinks count): one statement where it can be.
   */
  withApprovals(id: string): Promise<RunWithApprovals | undefined>;
  latestForConversation(conversationId: string): Promise<RunRecord | undefined>;
  update(id: string, update: RunUpdate): Promise<void>;
  /** `update`, answering the run as it now stands (one statement); undefined when there is no such run. */
  updateReturning(id: string, update: RunUpdate): Promise<RunRecord | undefined>;
  /**
   * `update`, answering what `withApprovals` would right after it (one statement where it can be): a
   * segment's last write, whose answer is the segment's outcome once its transaction commits.
   */
  updateSettled(id: string, update: RunUpdate): Promise<RunWithApprovals | undefined>;
  /** A conversation's runs, oldest first: one per seller message. */
  forConversation(conversationId: string): Promise<RunRecord[]>;
  /** Every run, oldest first (a trial's database holds only that trial's runs). */
  all(): Promise<RunRecord[]>;
  byTraceId(traceId: string): Promise<RunRecord | undefined>;
  /**
   * Runs a crash may have interrupted: executing, or paused with no approval left pending (a decision
   * not yet acted on), each with its lease (key `leaseKeyPrefix` + run id) as the same snapshot saw
   * it: a run that ends meanwhile is not listed with its lease gone.
   */
  listInterrupted(leaseKeyPrefix: string): Promise<InterruptedRun[]>;
}

/** A run a crash may have interrupted, and the lease on it (none: nobody runs it). */
export interface InterruptedRun {
  run: RunRecord;
  lease?: Lease;
}
