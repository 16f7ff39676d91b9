import { ServiceUnavailableError } from '../errors.js';
import type { ListingRepository } from './listingRepository.js';
import type { ConversationRepository } from './conversationRepository.js';
import type { RunRepository } from './runRepository.js';
import type { RunFiguresRepository } from './runFiguresRepository.js';
import type { ApprovalRepository } from './approvalRepository.js';
import type { RefusalRepository } from './refusalRepository.js';
import type { ToolExecutionRepository } from './toolExecutionRepository.js';
import type { PolicyDecisionRepository } from './policyDecisionRepository.js';
import type { FeedbackRepository } from './feedbackRepository.js';
import type { TraceRepository } from './traceRepository.js';
import type { MetaRepository } from './metaRepository.js';
import type { CorrectionRepository } from './correctionRepository.js';
import type { ReviewRepository } from './reviewRepository.js';
import type { LeaseRepository } from './leaseRepository.js';
import type { RateCounterRepository } from './rateCounterRepository.js';
import type { ImageRepository } from './imageRepository.js';

export type Clock = () => Date;

/** The database engine behind a store: the embedded file, or a server shared by every instance. */
export type StoreEngine = 'sqlite' | 'postgres';

/** The engine's name as reports and messages print it. */
export const engineName = (engine: StoreEngine): string => (engine === 'postgres' ? 'PostgreSQL' : 'SQLite');

/**
 * Persistent state behind one repository per concept, every method asynchronous so that a networked
 * engine can implement it. Code outside src/store reads and writes through these, never SQL.
 */
export interface Store {
  /** Which engine holds the data (a search ranks a little differently on each). */
  readonly engine: StoreEngine;
  readonly listings: ListingRepository;
  readonly conversations: ConversationRepository;
  readonly runs: RunRepository;
  /** Per-run figures across tables, for the dashboard. */
  readonly runFigures: RunFiguresRepository;
  readonly approvals: ApprovalRepository;
  readonly refusals: RefusalRepository;
  readonly executions: ToolExecutionRepository;
  readonly decisions: PolicyDecisionRepository;
  readonly feedback: FeedbackRepository;
  readonly traces: TraceRepository;
  readonly meta: MetaRepository;
  readonly corrections: CorrectionRepository;
  readonly reviews: ReviewRepository;
  /** Which instance runs a run segment or holds a conversation (several processes on one database). */
  readonly leases: LeaseRepository;
  /** Request budgets shared by every instance (the API's rate limits). */
  readonly rateCounters: RateCounterRepository;
  /** Uploaded photos, stored once and referred to by id. */
  readonly images: ImageRepository;
  readonly now: Clock;

  /**
   * Runs `work` as one transaction: its writes commit together (one commit) or not at all, and no
   * other caller's statement runs inside it while it awaits. `tx` is the store seen from inside the
   * transaction; work already inside a transaction joins it.
   */
  transaction<T>(work: (tx: Store) => Promise<T>): Promise<T>;

  /**
   * Runs `work` on one consistent snapshot, for reads that must agree with each other (a run and its
   * approvals). It takes no write lock; writing inside it is an error on engines that enforce it.
   */
  read<T>(work: (tx: Store) => Promise<T>): Promise<T>;

  /** The same database seen through another clock (evals back-date prior writes with it). */
  withClock(now: Clock): Store;

  /** Finishes queued work and releases the database. */
  close(): Promise<void>;
}

/**
 * The database cannot be reached: at start (the message says where and why, for the operator), or
 * it went away under a request (a message safe for any caller). The API answers it as a JSON 503
 * `storage_unavailable`; a run it interrupts stops as `storage_error` when that can still be stored.
 */
export class StoreUnavailableError extends ServiceUnavailableError {
  override readonly name = 'StoreUnavailableError';
  /** Seconds a caller should wait before trying again. */
  readonly retryAfterSeconds = 5;

  constructor(
    message = 'The database cannot be reached right now; nothing was lost. Please try again shortly.',
    options?: ErrorOptions,
  ) {
    super(message, 'storage_unavailable');
    if (options && 'cause' in options) this.cause = options.cause;
  }
}

/** The StoreUnavailableError behind `error`, however deeply wrapped (the SDK wraps what a tool or session throws). */
export function storeFailure(error: unknown): StoreUnavailableError | undefined {
  for (let e = error, depth = 0; e && depth < 8; e = (e as { cause?: unknown }).cause, depth++)
    if (e instanceof StoreUnavailableError) return e;
  return undefined;
}
