import { SqliteStore } from './sqlite/sqliteStore.js';
import { PostgresStore, type PostgresOptions } from './postgres/postgresStore.js';
import { StoreUnavailableError, type Clock, type Store as StoreShape } from './store.js';
import type { OpenOptions } from './sqlite/database.js';

export type Store = StoreShape;

/** Opens the embedded SQLite file at `path` (created and migrated if needed): tests and SQLite-only tools. */
export const Store = {
  open(path: string, now?: Clock, options?: OpenOptions): Store {
    return SqliteStore.open(path, now, options);
  },
};

/** Where the store lives: a PostgreSQL URL when one is given, else the SQLite file. */
export interface StoreLocation {
  /** `postgres://…`: PostgreSQL, shared by every instance of the service. */
  DATABASE_URL?: string;
  /** The SQLite file used when there is no DATABASE_URL. */
  DATABASE_PATH: string;
}

/** Credentials never reach a message. */
const redact = (url: string) => url.replace(/\/\/([^:@/]*):[^@/]*@/, '//$1:***@');

/**
 * Opens the configured store: PostgreSQL when DATABASE_URL is set (migrations applied once even
 * when several instances start together), else SQLite at DATABASE_PATH.
 */
export async function openStore(
  location: StoreLocation,
  now?: Clock,
  options: { sqlite?: OpenOptions; postgres?: PostgresOptions } = {},
): Promise<Store> {
  if (!location.DATABASE_URL) {
    try {
      return SqliteStore.open(location.DATABASE_PATH, now, options.sqlite);
    } catch (error) {
      // A file or folder that cannot be created, opened or written (SQLITE_*, or the file system's E*).
      if (!/^(SQLITE_|E[A-Z]+$)/.test(String((error as { code?: unknown }).code))) throw error;
      throw new StoreUnavailableError(
        `Cannot open the SQLite database at ${location.DATABASE_PATH}: ${reasonOf(error)}`,
        { cause: error },
      );
    }
  }
  try {
    return await PostgresStore.open(location.DATABASE_URL, now, options.postgres);
  } catch (error) {
    throw new StoreUnavailableError(
      `Cannot open the PostgreSQL database at ${redact(location.DATABASE_URL)}: ${reasonOf(error)}`,
      { cause: error },
    );
  }
}

/** The driver's or file system's words, on one line (the operator's start-up message). */
function reasonOf(error: unknown): string {
  const inner = error instanceof StoreUnavailableError && error.cause ? error.cause : error;
  const { code, message } = (inner ?? {}) as { code?: unknown; message?: unknown };
  const text = typeof message === 'string' && message ? message : String(code ?? inner);
  return text.replace(/\s+/g, ' ').trim();
}

export type { Clock } from './store.js';
export { StoreUnavailableError, storeFailure, engineName, type StoreEngine } from './store.js';
export type { OpenOptions } from './sqlite/database.js';
export type { PostgresOptions } from './postgres/postgresStore.js';
export { DatabaseAdmin, databaseName, withoutPassword } from './postgres/databaseAdmin.js';
export type { Conversation, ConversationRepository } from './conversationRepository.js';
export { COMPARABLES_CAP } from './listingRepository.js';
export type { BulkProgress, ListingQuery, ListingRepository, SimilarListings } from './listingRepository.js';
export type { InterruptedRun, RunRecord, RunStatus, StopReason, RunUpdate, RunRepository } from './runRepository.js';
export { RUN_STATUSES, STOP_REASONS } from './runRepository.js';
export type { RunFigures } from './runFiguresRepository.js';
export type { ApprovalRecord, ApprovalStatus, SellerEdit } from './approvalRepository.js';
export type { RefusalRecord } from './refusalRepository.js';
export type { LedgerKey, ToolExecution } from './toolExecutionRepository.js';
export type { PolicyDecisionRecord, Decision } from './policyDecisionRepository.js';
export type { FeedbackRecord } from './feedbackRepository.js';
export type { PriceStatistics } from './priceStats.js';
export type { TraceSpanRecord, TraceFilter, TraceSummary } from './traceRepository.js';
export type { CorrectionRecord, CorrectionKind, CorrectionVia, NewCorrection } from './correctionRepository.js';
export type { ReviewItemRecord, ReviewReason, ReviewStatus, ReviewLabel, ReviewFilter } from './reviewRepository.js';
export { REVIEW_REASONS, REVIEW_STATUSES, REVIEW_LABELS } from './reviewRepository.js';
export { RunWrites, SegmentFencedError, type HeldWrite, type SegmentFence } from './runWrites.js';
export type { Lease, LeaseRepository } from './leaseRepository.js';
export type { RateBudget, RateTake, RateCounterRepository, RequestBudgetAnswer } from './rateCounterRepository.js';
export { ImageQuotaError, type ImageQuota, type ImageRecord, type NewImage } from './imageRepository.js';
