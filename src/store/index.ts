import { SqliteStore } from './sqlite/sqliteStore.js';
import type { Clock, Store as StoreShape } from './store.js';
import type { OpenOptions } from './sqlite/database.js';

export type Store = StoreShape;

/** Opens a store: today the embedded SQLite file at `path` (created and migrated if needed). */
export const Store = {
  open(path: string, now?: Clock, options?: OpenOptions): Store {
    return SqliteStore.open(path, now, options);
  },
};

export type { Clock } from './store.js';
export type { OpenOptions } from './sqlite/database.js';
export type { Conversation, ConversationRepository } from './conversationRepository.js';
export type { ListingQuery, ListingRepository, SimilarListings } from './listingRepository.js';
export type { RunRecord, RunStatus, StopReason, RunUpdate, RunRepository } from './runRepository.js';
export { RUN_STATUSES, STOP_REASONS } from './runRepository.js';
export type { RunFigures } from './runFiguresRepository.js';
export type { ApprovalRecord, ApprovalStatus } from './approvalRepository.js';
export type { RefusalRecord } from './refusalRepository.js';
export type { LedgerKey, ToolExecution } from './toolExecutionRepository.js';
export type { PolicyDecisionRecord, Decision } from './policyDecisionRepository.js';
export type { FeedbackRecord } from './feedbackRepository.js';
export type { PriceStatistics } from './priceStats.js';
export type { TraceSpanRecord, TraceFilter, TraceSummary } from './traceRepository.js';
export type { CorrectionRecord, CorrectionKind, CorrectionVia, NewCorrection } from './correctionRepository.js';
export type { ReviewItemRecord, ReviewReason, ReviewStatus, ReviewLabel, ReviewFilter } from './reviewRepository.js';
export { REVIEW_REASONS, REVIEW_STATUSES, REVIEW_LABELS } from './reviewRepository.js';
export { RunWrites, type HeldWrite } from './runWrites.js';
export type { Lease, LeaseRepository } from './leaseRepository.js';
export type { RateTake, RateCounterRepository } from './rateCounterRepository.js';
