import { faultPoint } from '../../faults.js';
import type { Clock, Store } from '../store.js';
import type { ListingRepository } from '../listingRepository.js';
import type { ConversationRepository } from '../conversationRepository.js';
import type { RunRepository } from '../runRepository.js';
import type { RunFiguresRepository } from '../runFiguresRepository.js';
import type { ApprovalRepository } from '../approvalRepository.js';
import type { RefusalRepository } from '../refusalRepository.js';
import type { LedgerKey, ToolExecutionRepository } from '../toolExecutionRepository.js';
import type { PolicyDecisionRepository } from '../policyDecisionRepository.js';
import type { FeedbackRepository } from '../feedbackRepository.js';
import type { TraceRepository } from '../traceRepository.js';
import type { MetaRepository } from '../metaRepository.js';
import type { CorrectionRepository } from '../correctionRepository.js';
import type { ReviewRepository } from '../reviewRepository.js';
import type { LeaseRepository } from '../leaseRepository.js';
import type { RateCounterRepository } from '../rateCounterRepository.js';
import type { ImageRepository } from '../imageRepository.js';
import { SqliteImageRepository } from './imageRepository.js';
import { openDatabase, type OpenOptions } from './database.js';
import { Connection } from './connection.js';
import { SqliteListingRepository } from './listingRepository.js';
import { SqliteConversationRepository } from './conversationRepository.js';
import { SqliteRunRepository } from './runRepository.js';
import { SqliteRunFiguresRepository } from './runFiguresRepository.js';
import { SqliteApprovalRepository } from './approvalRepository.js';
import { SqliteRefusalRepository } from './refusalRepository.js';
import { SqliteToolExecutionRepository } from './toolExecutionRepository.js';
import { SqlitePolicyDecisionRepository } from './policyDecisionRepository.js';
import { SqliteFeedbackRepository } from './feedbackRepository.js';
import { SqliteTraceRepository } from './traceRepository.js';
import { SqliteMetaRepository } from './metaRepository.js';
import { SqliteCorrectionRepository } from './correctionRepository.js';
import { SqliteReviewRepository } from './reviewRepository.js';
import { SqliteLeaseRepository } from './leaseRepository.js';
import { SqliteRateCounterRepository } from './rateCounterRepository.js';

/** The embedded engine: one SQLite file in WAL mode, one connection, repositories over it. */
export class SqliteStore implements Store {
  readonly engine = 'sqlite';
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
    private readonly connection: Connection,
    readonly now: Clock = () => new Date(),
  ) {
    const { db } = connection;
    const over = connection.over.bind(connection);
    this.listings = over(new SqliteListingRepository(db, now));
    this.conversations = over(new SqliteConversationRepository(db, now));
    const approvals = new SqliteApprovalRepository(db, now);
    const decisions = new SqlitePolicyDecisionRepository(db, now);
    this.runs = over(
      new SqliteRunRepository(
        db,
        now,
        (runId) => approvals.forRun(runId),
        (runId) => decisions.forRun(runId),
      ),
    );
    this.runFigures = over(new SqliteRunFiguresRepository(db));
    this.approvals = over(approvals);
    this.refusals = over(new SqliteRefusalRepository(db, now));
    this.decisions = over(decisions);
    this.feedback = over(new SqliteFeedbackRepository(db, now));
    this.traces = over(new SqliteTraceRepository(db));
    const meta = new SqliteMetaRepository(db);
    this.meta = {
      get: <T>(key: string) => connection.run(() => meta.get<T>(key)),
      set: (key, value) => connection.run(() => meta.set(key, value)),
      setIfAbsent: (key, value) => connection.run(() => meta.setIfAbsent(key, value)),
    };
    this.corrections = over(new SqliteCorrectionRepository(db));
    this.reviews = over(new SqliteReviewRepository(db, now));
    this.leases = over(new SqliteLeaseRepository(db));
    this.rateCounters = over(new SqliteRateCounterRepository(db));
    this.images = over(new SqliteImageRepository(db, now));
    const ledger = new SqliteToolExecutionRepository(db, now);
    this.executions = {
      ...over(ledger),
      // BEGIN IMMEDIATE already gives a write transaction the whole database, across processes too.
      serialiseWrites: () => Promise.resolve(),
      once: <T>(key: LedgerKey, write: () => Promise<T>) =>
        connection.transaction(async () => {
          const existing = ledger.get(key.runId, key.callId);
          if (existing) return { result: existing.result as T, replayed: true };
          const result = await write();
          faultPoint('during-write');
          ledger.record(key, result);
          return { result, replayed: false };
        }),
    };
  }

  static open(path: string, now?: Clock, options?: OpenOptions): SqliteStore {
    return new SqliteStore(new Connection(openDatabase(path, options)), now);
  }

  transaction<T>(work: (tx: Store) => Promise<T>): Promise<T> {
    return this.connection.transaction(() => work(this));
  }

  read<T>(work: (tx: Store) => Promise<T>): Promise<T> {
    return this.connection.transaction(() => work(this), { readOnly: true });
  }

  withClock(now: Clock): Store {
    return new SqliteStore(this.connection, now);
  }

  close(): Promise<void> {
    return this.connection.close();
  }
}
