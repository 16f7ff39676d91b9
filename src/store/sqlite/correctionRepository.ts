import type { CorrectionKind, CorrectionVia, CorrectionRecord, NewCorrection } from '../correctionRepository.js';
import type { Db } from './database.js';

interface CorrectionRow {
  id: string;
  run_id: string;
  trace_id: string;
  conversation_id: string;
  seller_id: string;
  approval_id: string;
  kind: CorrectionKind;
  via: CorrectionVia;
  tool: string;
  before: string;
  after: string | null;
  changed_fields: string;
  message: string | null;
  revised_approval_id: string | null;
  revised_in_run_id: string | null;
  created_at: string;
  revised_at: string | null;
}

const toRecord = (r: CorrectionRow): CorrectionRecord => ({
  id: r.id,
  runId: r.run_id,
  traceId: r.trace_id,
  conversationId: r.conversation_id,
  sellerId: r.seller_id,
  approvalId: r.approval_id,
  kind: r.kind,
  via: r.via,
  tool: r.tool,
  before: JSON.parse(r.before) as Record<string, unknown>,
  after: r.after === null ? null : (JSON.parse(r.after) as Record<string, unknown>),
  changedFields: JSON.parse(r.changed_fields) as string[],
  message: r.message,
  revisedApprovalId: r.revised_approval_id,
  revisedInRunId: r.revised_in_run_id,
  createdAt: r.created_at,
  revisedAt: r.revised_at,
});

export class SqliteCorrectionRepository {
  constructor(private readonly db: Db) {}

  /** One correction per turned-down approval: recording it again is a no-op. Returns whether it was new. */
  record(c: NewCorrection): boolean {
    return (
      this.db
        .prepare(
          `INSERT INTO corrections (id, run_id, trace_id, conversation_id, seller_id, approval_id, kind, via, tool, before, message, created_at)
           VALUES (?, ?, ?, ?, ?, ?, 'rejected', ?, ?, ?, ?, ?) ON CONFLICT (approval_id) DO NOTHING`,
        )
        .run(
          c.id,
          c.runId,
          c.traceId,
          c.conversationId,
          c.sellerId,
          c.approvalId,
          c.via,
          c.tool,
          JSON.stringify(c.before),
          c.message,
          c.createdAt,
        ).changes === 1
    );
  }

  /**
   * Corrections still waiting for a revised action: of this tool, turned down in one of these runs before
   * `proposedAt`.
   */
  open(tool: string, runIds: string[], proposedBefore: string): CorrectionRecord[] {
    if (runIds.length === 0) return [];
    const rows = this.db
      .prepare(
        `SELECT c.* FROM corrections c JOIN approvals a ON a.id = c.approval_id
         WHERE c.kind = 'rejected' AND c.tool = ? AND c.run_id IN (SELECT value FROM json_each(?)) AND a.created_at <= ?
         ORDER BY c.created_at, c.rowid`,
      )
      .all(tool, JSON.stringify(runIds), proposedBefore) as CorrectionRow[];
    return rows.map(toRecord);
  }

  /** Fills `after` once; a correction that was already revised keeps its first revision. */
  revise(
    id: string,
    revision: {
      after: Record<string, unknown>;
      changedFields: string[];
      approvalId: string;
      runId: string;
      at: string;
    },
  ): boolean {
    return (
      this.db
        .prepare(
          `UPDATE corrections SET kind = 'edited', after = ?, changed_fields = ?, revised_approval_id = ?, revised_in_run_id = ?, revised_at = ?
           WHERE id = ? AND kind = 'rejected'`,
        )
        .run(
          JSON.stringify(revision.after),
          JSON.stringify(revision.changedFields),
          revision.approvalId,
          revision.runId,
          revision.at,
          id,
        ).changes === 1
    );
  }

  get(id: string): CorrectionRecord | undefined {
    const row = this.db.prepare('SELECT * FROM corrections WHERE id = ?').get(id) as CorrectionRow | undefined;
    return row && toRecord(row);
  }

  /** Corrections turned down in this run or revised in it (a revision can come in the conversation's next run). */
  forRun(runId: string): CorrectionRecord[] {
    return (
      this.db
        .prepare('SELECT * FROM corrections WHERE run_id = ? OR revised_in_run_id = ? ORDER BY created_at, rowid')
        .all(runId, runId) as CorrectionRow[]
    ).map(toRecord);
  }

  forConversation(conversationId: string): CorrectionRecord[] {
    return (
      this.db
        .prepare('SELECT * FROM corrections WHERE conversation_id = ? ORDER BY created_at, rowid')
        .all(conversationId) as CorrectionRow[]
    ).map(toRecord);
  }
}
