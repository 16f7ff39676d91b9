import type { CorrectionRecord, CorrectionRepository, NewCorrection } from '../correctionRepository.js';
import type {
  ReviewFilter,
  ReviewItemRecord,
  ReviewLabel,
  ReviewReason,
  ReviewRepository,
} from '../reviewRepository.js';
import type { Clock } from '../store.js';
import { newId } from '../ids.js';
import { json, type PgDatabase, type Row } from './database.js';

const toCorrection = (r: Row): CorrectionRecord => ({
  id: r.id as string,
  runId: r.run_id as string,
  traceId: r.trace_id as string,
  conversationId: r.conversation_id as string,
  sellerId: r.seller_id as string,
  approvalId: r.approval_id as string,
  kind: r.kind as CorrectionRecord['kind'],
  via: r.via as CorrectionRecord['via'],
  tool: r.tool as string,
  before: r.before as Record<string, unknown>,
  after: (r.after ?? null) as Record<string, unknown> | null,
  changedFields: r.changed_fields as string[],
  message: r.message as string | null,
  revisedApprovalId: r.revised_approval_id as string | null,
  revisedInRunId: r.revised_in_run_id as string | null,
  createdAt: r.created_at as string,
  revisedAt: r.revised_at as string | null,
});

export class PgCorrectionRepository implements CorrectionRepository {
  constructor(private readonly db: PgDatabase) {}

  async record(c: NewCorrection): Promise<boolean> {
    const changed = await this.db.run(
      `INSERT INTO corrections (id, run_id, trace_id, conversation_id, seller_id, approval_id, kind, via, tool, before, message, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, 'rejected', $7, $8, $9, $10, $11) ON CONFLICT (approval_id) DO NOTHING`,
      [
        c.id,
        c.runId,
        c.traceId,
        c.conversationId,
        c.sellerId,
        c.approvalId,
        c.via,
        c.tool,
        json(c.before),
        c.message,
        c.createdAt,
      ],
    );
    return changed === 1;
  }

  async open(tool: string, runIds: string[], proposedBefore: string): Promise<CorrectionRecord[]> {
    if (runIds.length === 0) return [];
    return (
      await this.db.query(
        `SELECT c.* FROM corrections c JOIN approvals a ON a.id = c.approval_id
         WHERE c.kind = 'rejected' AND c.tool = $1 AND c.run_id = ANY($2::text[]) AND a.created_at <= $3
         ORDER BY c.created_at, c.seq`,
        [tool, runIds, proposedBefore],
      )
    ).map(toCorrection);
  }

  /** Compare-and-set on `kind`: a correction that was already revised keeps its first revision. */
  async revise(
    id: string,
    revision: {
      after: Record<string, unknown>;
      changedFields: string[];
      approvalId: string;
      runId: string;
      at: string;
    },
  ): Promise<boolean> {
    const changed = await this.db.run(
      `UPDATE corrections SET kind = 'edited', after = $1, changed_fields = $2, revised_approval_id = $3, revised_in_run_id = $4, revised_at = $5
       WHERE id = $6 AND kind = 'rejected'`,
      [json(revision.after), json(revision.changedFields), revision.approvalId, revision.runId, revision.at, id],
    );
    return changed === 1;
  }

  async get(id: string): Promise<CorrectionRecord | undefined> {
    const row = await this.db.one('SELECT * FROM corrections WHERE id = $1', [id]);
    return row && toCorrection(row);
  }

  async forRun(runId: string): Promise<CorrectionRecord[]> {
    return (
      await this.db.query(
        'SELECT * FROM corrections WHERE run_id = $1 OR revised_in_run_id = $1 ORDER BY created_at, seq',
        [runId],
      )
    ).map(toCorrection);
  }

  async forConversation(conversationId: string): Promise<CorrectionRecord[]> {
    return (
      await this.db.query('SELECT * FROM corrections WHERE conversation_id = $1 ORDER BY created_at, seq', [
        conversationId,
      ])
    ).map(toCorrection);
  }
}

const toReview = (r: Row): ReviewItemRecord => {
  const reasons = r.reasons as ReviewReason[];
  return {
    id: r.id as string,
    runId: r.run_id as string,
    traceId: r.trace_id as string,
    reason: reasons[0],
    reasons,
    status: r.status as ReviewItemRecord['status'],
    label: r.label as ReviewLabel | null,
    note: r.note as string | null,
    reviewer: r.reviewer as string | null,
    promotedScenario: r.promoted_scenario as string | null,
    createdAt: r.created_at as string,
    labelledAt: r.labelled_at as string | null,
    promotedAt: r.promoted_at as string | null,
  };
};

export class PgReviewRepository implements ReviewRepository {
  constructor(
    private readonly db: PgDatabase,
    private readonly now: Clock,
  ) {}

  /** One upsert: concurrent enqueues of one run (from any instance) leave one item with every reason. */
  async enqueue(entry: { runId: string; traceId: string; reason: ReviewReason }): Promise<ReviewItemRecord> {
    const row = await this.db.one(
      `INSERT INTO review_items (id, run_id, trace_id, reasons, status, created_at)
       VALUES ($1, $2, $3, jsonb_build_array($4::text), 'open', $5)
       ON CONFLICT (run_id) DO UPDATE SET reasons = CASE WHEN review_items.reasons ? $4::text THEN review_items.reasons
         ELSE review_items.reasons || jsonb_build_array($4::text) END
       RETURNING *`,
      [newId('rev'), entry.runId, entry.traceId, entry.reason, this.now().toISOString()],
    );
    return toReview(row!);
  }

  async get(id: string): Promise<ReviewItemRecord | undefined> {
    const row = await this.db.one('SELECT * FROM review_items WHERE id = $1', [id]);
    return row && toReview(row);
  }

  async forRun(runId: string): Promise<ReviewItemRecord | undefined> {
    const row = await this.db.one('SELECT * FROM review_items WHERE run_id = $1', [runId]);
    return row && toReview(row);
  }

  async list(f: ReviewFilter): Promise<{ items: ReviewItemRecord[]; total: number }> {
    const where: string[] = [];
    const params: unknown[] = [];
    const add = (clause: (p: string) => string, value: unknown) => {
      if (value === undefined) return;
      params.push(value);
      where.push(clause(`$${params.length}`));
    };
    add((p) => `status = ${p}`, f.status);
    add((p) => `label = ${p}`, f.label);
    add((p) => `reasons ? ${p}::text`, f.reason);
    const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const total = (await this.db.one<{ n: number }>(`SELECT count(*) AS n FROM review_items ${clause}`, params))!.n;
    const rows = await this.db.query(
      `SELECT * FROM review_items ${clause} ORDER BY created_at DESC, seq DESC LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
      [...params, f.limit, f.offset],
    );
    return { items: rows.map(toReview), total };
  }

  async label(id: string, label: { label: ReviewLabel; note: string | null; reviewer: string }): Promise<boolean> {
    const changed = await this.db.run(
      `UPDATE review_items SET status = 'labelled', label = $1, note = $2, reviewer = $3, labelled_at = $4
       WHERE id = $5 AND promoted_scenario IS NULL`,
      [label.label, label.note, label.reviewer, this.now().toISOString(), id],
    );
    return changed === 1;
  }

  async markPromoted(id: string, scenarioPath: string): Promise<boolean> {
    const changed = await this.db.run(
      'UPDATE review_items SET promoted_scenario = $1, promoted_at = $2 WHERE id = $3 AND promoted_scenario IS NULL',
      [scenarioPath, this.now().toISOString(), id],
    );
    return changed === 1;
  }
}
