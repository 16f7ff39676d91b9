import type { ApprovalStatus, ApprovalRecord, SellerEdit } from '../approvalRepository.js';
import type { Db } from './database.js';

interface ApprovalRow {
  id: string;
  run_id: string;
  call_id: string;
  seller_id: string;
  tool: string;
  arguments: string;
  proposed_arguments: string | null;
  summary: string;
  status: ApprovalStatus;
  message: string | null;
  decided_by: string | null;
  decided_at: string | null;
  expires_at: string;
  created_at: string;
}

const toRecord = (r: ApprovalRow): ApprovalRecord => ({
  id: r.id,
  runId: r.run_id,
  callId: r.call_id,
  sellerId: r.seller_id,
  tool: r.tool,
  arguments: JSON.parse(r.arguments) as Record<string, unknown>,
  proposedArguments: r.proposed_arguments ? (JSON.parse(r.proposed_arguments) as Record<string, unknown>) : null,
  summary: r.summary,
  status: r.status,
  message: r.message,
  decidedBy: r.decided_by,
  decidedAt: r.decided_at,
  expiresAt: r.expires_at,
  createdAt: r.created_at,
});

export class SqliteApprovalRepository {
  constructor(
    private readonly db: Db,
    private readonly now: () => Date,
  ) {}

  /** Idempotent per (run, call): a resumed run that surfaces the same call again keeps its approval. */
  request(
    a: Pick<ApprovalRecord, 'id' | 'runId' | 'callId' | 'sellerId' | 'tool' | 'arguments' | 'summary' | 'expiresAt'>,
  ): ApprovalRecord {
    // The row as inserted, or (a call asked again) the one already there: one statement when new.
    const inserted = this.db
      .prepare(
        `INSERT INTO approvals (id, run_id, call_id, seller_id, tool, arguments, summary, status, expires_at, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, 'pending', ?, ?) ON CONFLICT (run_id, call_id) DO NOTHING RETURNING *`,
      )
      .get(
        a.id,
        a.runId,
        a.callId,
        a.sellerId,
        a.tool,
        JSON.stringify(a.arguments),
        a.summary,
        a.expiresAt,
        this.now().toISOString(),
      ) as ApprovalRow | undefined;
    return inserted ? toRecord(inserted) : this.forCall(a.runId, a.callId)!;
  }

  get(id: string): ApprovalRecord | undefined {
    const row = this.db.prepare('SELECT * FROM approvals WHERE id = ?').get(id) as ApprovalRow | undefined;
    return row && toRecord(row);
  }

  forCall(runId: string, callId: string): ApprovalRecord | undefined {
    const row = this.db.prepare('SELECT * FROM approvals WHERE run_id = ? AND call_id = ?').get(runId, callId) as
      ApprovalRow | undefined;
    return row && toRecord(row);
  }

  forRun(runId: string): ApprovalRecord[] {
    return (
      this.db.prepare('SELECT * FROM approvals WHERE run_id = ? ORDER BY created_at, rowid').all(runId) as ApprovalRow[]
    ).map(toRecord);
  }

  forPreviousRun(runId: string): ApprovalRecord[] {
    return (
      this.db
        .prepare(
          `SELECT * FROM approvals WHERE run_id = (
             SELECT p.id FROM runs r JOIN runs p ON p.conversation_id = r.conversation_id
             WHERE r.id = ? AND (p.created_at < r.created_at OR (p.created_at = r.created_at AND p.rowid < r.rowid))
             ORDER BY p.created_at DESC, p.rowid DESC LIMIT 1)
           ORDER BY created_at, rowid`,
        )
        .all(runId) as ApprovalRow[]
    ).map(toRecord);
  }

  /**
   * Compare-and-set from `pending`: of two concurrent decisions on one approval
   * exactly one wins, and an expired approval cannot be decided.
   */
  decide(
    id: string,
    decision: 'approved' | 'rejected',
    by: string,
    message: string | null,
    edit?: SellerEdit,
  ): boolean {
    const at = this.now().toISOString();
    if (edit && decision === 'approved')
      return (
        this.db
          .prepare(
            `UPDATE approvals SET status = 'approved', decided_by = ?, decided_at = ?, message = ?,
               proposed_arguments = arguments, arguments = ?, summary = ?
             WHERE id = ? AND status = 'pending' AND expires_at > ?`,
          )
          .run(by, at, message, JSON.stringify(edit.arguments), edit.summary, id, at).changes === 1
      );
    const result = this.db
      .prepare(
        `UPDATE approvals SET status = ?, decided_by = ?, decided_at = ?, message = ?
         WHERE id = ? AND status = 'pending' AND expires_at > ?`,
      )
      .run(decision, by, at, message, id, at);
    return result.changes === 1;
  }

  /** Marks every pending approval of a run that has passed its expiry; returns how many. */
  expireDue(runId?: string): number {
    const at = this.now().toISOString();
    const result = runId
      ? this.db
          .prepare(
            `UPDATE approvals SET status = 'expired', decided_at = ? WHERE run_id = ? AND status = 'pending' AND expires_at <= ?`,
          )
          .run(at, runId, at)
      : this.db
          .prepare(
            `UPDATE approvals SET status = 'expired', decided_at = ? WHERE status = 'pending' AND expires_at <= ?`,
          )
          .run(at, at);
    return result.changes;
  }

  supersedePending(runId: string): number {
    return this.db
      .prepare(`UPDATE approvals SET status = 'superseded', decided_at = ? WHERE run_id = ? AND status = 'pending'`)
      .run(this.now().toISOString(), runId).changes;
  }
}
