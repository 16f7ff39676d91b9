import type { LedgerKey, ToolExecution, ToolExecutionRepository } from '../toolExecutionRepository.js';
import type { Clock } from '../store.js';
import { faultPoint } from '../../faults.js';
import { isUniqueViolation, json, type PgDatabase, type Row } from './database.js';

const toExecution = (r: Row): ToolExecution => ({
  runId: r.run_id as string,
  callId: r.call_id as string,
  sellerId: r.seller_id as string,
  tool: r.tool as string,
  arguments: r.arguments,
  result: r.result,
  approvalId: r.approval_id as string | null,
  executedAt: r.executed_at as string,
});

/**
 * The ledger of executed writes, keyed by (run, tool call id). `once` runs the check, the write and
 * the ledger row in one transaction; `serialiseWrites` queues a seller's write transactions, since
 * READ COMMITTED would otherwise let two of them pass the same re-check before either commits. Across instances, a
 * transaction-scoped advisory lock on the key
 * makes a second caller wait for the first to commit and then find its row; should two get past it
 * anyway, the primary key refuses the second row, whose write is rolled back (to a savepoint) and
 * which answers the recorded result as replayed.
 */
export class PgToolExecutionRepository implements ToolExecutionRepository {
  constructor(
    private readonly db: PgDatabase,
    private readonly now: Clock,
  ) {}

  async get(runId: string, callId: string): Promise<ToolExecution | undefined> {
    const row = await this.db.one('SELECT * FROM tool_executions WHERE run_id = $1 AND call_id = $2', [runId, callId]);
    return row && toExecution(row);
  }

  async forRun(runId: string): Promise<ToolExecution[]> {
    return (
      await this.db.query('SELECT * FROM tool_executions WHERE run_id = $1 ORDER BY executed_at, seq', [runId])
    ).map(toExecution);
  }

  async all(): Promise<ToolExecution[]> {
    return (await this.db.query('SELECT * FROM tool_executions ORDER BY executed_at, seq')).map(toExecution);
  }

  async serialiseWrites(sellerId: string): Promise<void> {
    // Transaction-scoped: released by COMMIT or ROLLBACK, so a crashed instance never leaves it held.
    await this.db.run('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [`writes\u0001${sellerId}`]);
  }

  once<T>(key: LedgerKey, write: () => Promise<T>): Promise<{ result: T; replayed: boolean }> {
    const replay = async () => ({ result: (await this.get(key.runId, key.callId))!.result as T, replayed: true });
    return this.db.transaction(async () => {
      await this.db.run('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [
        `ledger\u0001${key.runId}\u0001${key.callId}`,
      ]);
      const existing = await this.get(key.runId, key.callId);
      if (existing) return { result: existing.result as T, replayed: true };
      let recording = false;
      return this.db.savepoint(
        async () => {
          const result = await write();
          faultPoint('during-write');
          recording = true;
          await this.db.run(
            `INSERT INTO tool_executions (run_id, call_id, seller_id, tool, arguments, result, approval_id, executed_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
            [
              key.runId,
              key.callId,
              key.sellerId,
              key.tool,
              json(key.arguments),
              json(result),
              key.approvalId,
              this.now().toISOString(),
            ],
          );
          return { result, replayed: false };
        },
        (error) => recording && isUniqueViolation(error),
        replay,
      );
    });
  }

  async firstPriceChangeSince(listingId: string, at: string): Promise<ToolExecution | undefined> {
    const row = await this.db.one(
      `SELECT * FROM tool_executions WHERE tool = 'updatePrice' AND arguments->>'listingId' = $1 AND executed_at >= $2
       ORDER BY executed_at, seq LIMIT 1`,
      [listingId, at],
    );
    return row && toExecution(row);
  }

  async writesBetween(sellerId: string, tools: readonly string[], from: Date, to: Date): Promise<ToolExecution[]> {
    return (
      await this.db.query(
        `SELECT * FROM tool_executions WHERE seller_id = $1 AND executed_at >= $2 AND executed_at < $3 AND tool = ANY($4::text[])
         ORDER BY executed_at, seq`,
        [sellerId, from.toISOString(), to.toISOString(), [...tools]],
      )
    ).map(toExecution);
  }

  async countSince(sellerId: string, tools: readonly string[], since: Date): Promise<number> {
    const row = await this.db.one<{ n: number }>(
      'SELECT count(*) AS n FROM tool_executions WHERE seller_id = $1 AND executed_at >= $2 AND tool = ANY($3::text[])',
      [sellerId, since.toISOString(), [...tools]],
    );
    return row!.n;
  }
}
