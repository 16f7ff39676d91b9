import type { LedgerKey, ToolExecution } from '../toolExecutionRepository.js';
import type { Db } from './database.js';

function toExecution(row: Record<string, string>): ToolExecution {
  return {
    runId: row.run_id,
    callId: row.call_id,
    sellerId: row.seller_id,
    tool: row.tool,
    arguments: JSON.parse(row.arguments),
    result: JSON.parse(row.result),
    approvalId: row.approval_id,
    executedAt: row.executed_at,
  };
}

/**
 * The ledger of executed writes, keyed by (run, tool call id). A write and its
 * ledger row commit in one SQLite transaction, so a retried, resumed or
 * restarted call finds the row and returns the recorded result instead of
 * writing twice.
 */
export class SqliteToolExecutionRepository {
  constructor(
    private readonly db: Db,
    private readonly now: () => Date,
  ) {}

  get(runId: string, callId: string): ToolExecution | undefined {
    const row = this.db.prepare('SELECT * FROM tool_executions WHERE run_id = ? AND call_id = ?').get(runId, callId) as
      Record<string, string> | undefined;
    return row && toExecution(row);
  }

  forRun(runId: string): ToolExecution[] {
    return (
      this.db
        .prepare('SELECT * FROM tool_executions WHERE run_id = ? ORDER BY executed_at, rowid')
        .all(runId) as Record<string, string>[]
    ).map(toExecution);
  }

  /** The whole ledger in execution order (the eval judge reads it whole rather than trusting one run's view). */
  all(): ToolExecution[] {
    return (
      this.db.prepare('SELECT * FROM tool_executions ORDER BY executed_at, rowid').all() as Record<string, string>[]
    ).map(toExecution);
  }

  /** The ledger row of a write that just ran; the caller's transaction commits both together. */
  record(key: LedgerKey, result: unknown): void {
    this.db
      .prepare(
        `INSERT INTO tool_executions (run_id, call_id, seller_id, tool, arguments, result, approval_id, executed_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        key.runId,
        key.callId,
        key.sellerId,
        key.tool,
        JSON.stringify(key.arguments),
        JSON.stringify(result),
        key.approvalId,
        this.now().toISOString(),
      );
  }

  /** The first price change of a listing at or after `at` (its result holds the price before it). */
  firstPriceChangeSince(listingId: string, at: string): ToolExecution | undefined {
    const row = this.db
      .prepare(
        `SELECT * FROM tool_executions WHERE tool = 'updatePrice' AND json_extract(arguments, '$.listingId') = ? AND executed_at >= ?
         ORDER BY executed_at, rowid LIMIT 1`,
      )
      .get(listingId, at) as Record<string, string> | undefined;
    return row && toExecution(row);
  }

  /** A seller's writes in [from, to): what the rate limit had already counted when a conversation began. */
  writesBetween(sellerId: string, tools: readonly string[], from: Date, to: Date): ToolExecution[] {
    const placeholders = tools.map(() => '?').join(', ');
    return (
      this.db
        .prepare(
          `SELECT * FROM tool_executions WHERE seller_id = ? AND executed_at >= ? AND executed_at < ? AND tool IN (${placeholders}) ORDER BY executed_at, rowid`,
        )
        .all(sellerId, from.toISOString(), to.toISOString(), ...tools) as Record<string, string>[]
    ).map(toExecution);
  }

  countSince(sellerId: string, tools: readonly string[], since: Date): number {
    const placeholders = tools.map(() => '?').join(', ');
    return (
      this.db
        .prepare(
          `SELECT count(*) AS n FROM tool_executions WHERE seller_id = ? AND executed_at >= ? AND tool IN (${placeholders})`,
        )
        .get(sellerId, since.toISOString(), ...tools) as { n: number }
    ).n;
  }
}
