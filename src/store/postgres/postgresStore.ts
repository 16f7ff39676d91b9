import type { Clock, Store } from '../store.js';
import type { ListingRepository } from '../listingRepository.js';
import type { ConversationRepository } from '../conversationRepository.js';
import type { RunRepository } from '../runRepository.js';
import type { RunFiguresRepository } from '../runFiguresRepository.js';
import type { ApprovalRepository } from '../approvalRepository.js';
import type { RefusalRepository } from '../refusalRepository.js';
import type { ToolExecutionRepository } from '../toolExecutionRepository.js';
import type { PolicyDecisionRepository } from '../policyDecisionRepository.js';
import type { FeedbackRepository } from '../feedbackRepository.js';
import type { TraceRepository } from '../traceRepository.js';
import type { MetaRepository } from '../metaRepository.js';
import type { CorrectionRepository } from '../correctionRepository.js';
import type { ReviewRepository } from '../reviewRepository.js';
import type { LeaseRepository } from '../leaseRepository.js';
import type { RateCounterRepository } from '../rateCounterRepository.js';
import type { ImageRepository } from '../imageRepository.js';
import { PgImageRepository } from './imageRepository.js';
import { PgLeaseRepository, PgRateCounterRepository } from './leaseRepository.js';
import { PgDatabase, type PgOptions } from './database.js';
import { migrate } from './migrations.js';
import { PgListingRepository } from './listingRepository.js';
import { PgConversationRepository, PgRunRepository } from './conversationRepository.js';
import { PgApprovalRepository, PgPolicyDecisionRepository, PgRefusalRepository } from './approvalRepository.js';
import { PgToolExecutionRepository } from './toolExecutionRepository.js';
import {
  PgFeedbackRepository,
  PgMetaRepository,
  PgRunFiguresRepository,
  PgTraceRepository,
} from './traceRepository.js';
import { PgCorrectionRepository, PgReviewRepository } from './reviewRepository.js';

export type PostgresOptions = PgOptions;

/**
 * The networked engine: PostgreSQL through a node-postgres pool, so several instances of the
 * service can share one database. Transactions hold one pooled client from BEGIN to COMMIT;
 * `read` is a REPEATABLE READ READ ONLY transaction (one snapshot).
 */
export class PostgresStore implements Store {
  readonly engine = 'postgres';
  readonly listings: ListingRepository;
  readonly conversations: ConversationRepository;
  readonly runs: RunRepository;
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
  readonly leases: LeaseRepository;
  readonly rateCounters: RateCounterRepository;
  readonly images: ImageRepository;

  private constructor(
    private readonly db: PgDatabase,
    readonly now: Clock = () => new Date(),
  ) {
    this.listings = new PgListingRepository(db, now);
    this.conversations = new PgConversationRepository(db, now);
    this.runs = new PgRunRepository(db, now);
    this.runFigures = new PgRunFiguresRepository(db);
    this.approvals = new PgApprovalRepository(db, now);
    this.refusals = new PgRefusalRepository(db, now);
    this.executions = new PgToolExecutionRepository(db, now);
    this.decisions = new PgPolicyDecisionRepository(db, now);
    this.feedback = new PgFeedbackRepository(db, now);
    this.traces = new PgTraceRepository(db);
    this.meta = new PgMetaRepository(db);
    this.corrections = new PgCorrectionRepository(db);
    this.reviews = new PgReviewRepository(db, now);
    this.leases = new PgLeaseRepository(db);
    this.rateCounters = new PgRateCounterRepository(db);
    this.images = new PgImageRepository(db, now);
  }

  /** Connects, applies the migrations not applied yet (once, whatever the number of instances starting). */
  static async open(url: string, now?: Clock, options?: PostgresOptions): Promise<PostgresStore> {
    const db = new PgDatabase(url, options);
    try {
      await migrate(db.pool);
    } catch (error) {
      await db.close().catch(() => undefined);
      throw error;
    }
    return new PostgresStore(db, now);
  }

  transaction<T>(work: (tx: Store) => Promise<T>): Promise<T> {
    return this.db.transaction(() => work(this));
  }

  read<T>(work: (tx: Store) => Promise<T>): Promise<T> {
    return this.db.transaction(() => work(this), { readOnly: true });
  }

  withClock(now: Clock): Store {
    return new PostgresStore(this.db, now);
  }

  close(): Promise<void> {
    return this.db.close();
  }
}
