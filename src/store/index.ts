import { openDatabase, type Db, type OpenOptions } from './database.js';
import { ListingRepository } from './listingRepository.js';
import { ConversationRepository } from './conversationRepository.js';
import { RunRepository } from './runRepository.js';
import { RunFiguresRepository } from './runFiguresRepository.js';
import { ApprovalRepository } from './approvalRepository.js';
import { RefusalRepository } from './refusalRepository.js';
import { ToolExecutionRepository } from './toolExecutionRepository.js';
import { PolicyDecisionRepository } from './policyDecisionRepository.js';
import { FeedbackRepository } from './feedbackRepository.js';
import { TraceRepository } from './traceRepository.js';
import { MetaRepository } from './metaRepository.js';
import { CorrectionRepository } from './correctionRepository.js';
import { ReviewRepository } from './reviewRepository.js';

export type Clock = () => Date;

/**
 * The one handle on persistent state: a SQLite file and a repository per concept. The connection
 * stays inside: code outside src/store reads and writes through the repositories, never SQL.
 */
export class Store {
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

  private constructor(
    private readonly db: Db,
    readonly now: Clock = () => new Date(),
  ) {
    this.listings = new ListingRepository(db, now);
    this.conversations = new ConversationRepository(db, now);
    this.runs = new RunRepository(db, now);
    this.runFigures = new RunFiguresRepository(db);
    this.approvals = new ApprovalRepository(db, now);
    this.refusals = new RefusalRepository(db, now);
    this.executions = new ToolExecutionRepository(db, now);
    this.decisions = new PolicyDecisionRepository(db, now);
    this.feedback = new FeedbackRepository(db, now);
    this.traces = new TraceRepository(db);
    this.meta = new MetaRepository(db);
    this.corrections = new CorrectionRepository(db);
    this.reviews = new ReviewRepository(db, now);
  }

  /**
   * Runs `work` as one transaction: its writes commit together or not at all, in one commit
   * instead of one per statement. Synchronous for now (better-sqlite3); nested calls join the
   * outer transaction.
   */
  transaction<T>(work: () => T): T {
    return this.db.transaction(work)();
  }

  /** The same database seen through another clock (evals back-date prior writes with it). */
  withClock(now: Clock): Store {
    return new Store(this.db, now);
  }

  static open(path: string, now?: Clock, options?: OpenOptions): Store {
    return new Store(openDatabase(path, options), now);
  }

  close(): void {
    this.db.close();
  }
}

export type { OpenOptions } from './database.js';
export type { Conversation } from './conversationRepository.js';
export type { RunRecord, RunStatus, StopReason } from './runRepository.js';
export type { RunFigures } from './runFiguresRepository.js';
export type { ApprovalRecord, ApprovalStatus } from './approvalRepository.js';
export type { RefusalRecord } from './refusalRepository.js';
export type { PolicyDecisionRecord, Decision } from './policyDecisionRepository.js';
export type { SimilarListings } from './listingSearch.js';
export type { PriceStatistics } from './priceStats.js';
export type { TraceSpanRecord } from './traceRepository.js';
export type { CorrectionRecord, CorrectionKind, CorrectionVia } from './correctionRepository.js';
export type { ReviewItemRecord, ReviewReason, ReviewStatus, ReviewLabel } from './reviewRepository.js';
