/** Which call a ledger row belongs to, and what it was asked to do. */
export interface LedgerKey {
  runId: string;
  callId: string;
  sellerId: string;
  tool: string;
  arguments: unknown;
  approvalId: string | null;
}

export interface ToolExecution {
  runId: string;
  callId: string;
  sellerId: string;
  tool: string;
  arguments: unknown;
  result: unknown;
  approvalId: string | null;
  executedAt: string;
}
/**
 * The ledger of executed writes, keyed by (run, tool call id). A write and its
 * ledger row commit in one SQLite transaction, so a retried, resumed or
 * restarted call finds the row and returns the recorded result instead of
 * writing twice.
 */
export interface ToolExecutionRepository {
  get(runId: string, callId: string): Promise<ToolExecution | undefined>;
  forRun(runId: string): Promise<ToolExecution[]>;
  /** The whole ledger in execution order (the eval judge reads it whole rather than trusting one run's view). */
  all(): Promise<ToolExecution[]>;
  /**
   * Inside a transaction: waits until no other transaction (on any instance) holds the seller's writes,
   * then holds them until this one ends. A write's re-check (listing state, the hourly cap) and the
   * write then run one seller at a time, each seeing the writes committed before it.
   */
  serialiseWrites(sellerId: string): Promise<void>;
  /** Runs `write` and records it atomically, or returns the earlier result for the same call. */
  once<T>(
    key: LedgerKey,
    write: () => Promise<T>,
  ): Promise<{
    result: T;
    replayed: boolean;
  }>;
  /** The first price change of a listing at or after `at` (its result holds the price before it). */
  firstPriceChangeSince(listingId: string, at: string): Promise<ToolExecution | undefined>;
  /** A seller's writes in [from, to): what the rate limit had already counted when a conversation began. */
  writesBetween(sellerId: string, tools: readonly string[], from: Date, to: Date): Promise<ToolExecution[]>;
  countSince(sellerId: string, tools: readonly string[], since: Date): Promise<number>;
}
