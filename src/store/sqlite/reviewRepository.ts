import type { ReviewReason, ReviewStatus, ReviewLabel, ReviewItemRecord, ReviewFilter } from '../reviewRepository.js';
import type { Db } from './database.js';
import { newId } from '../ids.js';

interface ReviewRow {
  id: string;
  run_id: string;
  trace_id: string;
  reasons: string;
  status: ReviewStatus;
  label: ReviewLabel | null;
  note: string | null;
  reviewer: string | null;
  promoted_scenario: string | null;
  created_at: string;
  labelled_at: string | null;
  promoted_at: string | null;
}

const toRecord = (r: ReviewRow): ReviewItemRecord => {
  const reasons = JSON.parse(r.reasons) as ReviewReason[];
  return {
    id: r.id,
    runId: r.run_id,
    traceId: r.trace_id,
    reason: reasons[0],
    reasons,
    status: r.status,
    label: r.label,
    note: r.note,
    reviewer: r.reviewer,
    promotedScenario: r.promoted_scenario,
    createdAt: r.created_at,
    labelledAt: r.labelled_at,
    promotedAt: r.promoted_at,
  };
};

export class SqliteReviewRepository {
  constructor(
    private readonly db: Db,
    private readonly now: () => Date,
  ) {}

  /**
   * Queues a run, once: a run queued again for another reason gains that
   * reason and keeps its place, status and label (a reviewer's work is never
   * undone by a late signal; the reasons show it arrived).
   */
  enqueue(entry: { runId: string; traceId: string; reason: ReviewReason }): ReviewItemRecord {
    return this.db
      .transaction(() => {
        const existing = this.forRun(entry.runId);
        if (existing) {
          if (!existing.reasons.includes(entry.reason)) {
            this.db
              .prepare('UPDATE review_items SET reasons = ? WHERE id = ?')
              .run(JSON.stringify([...existing.reasons, entry.reason]), existing.id);
          }
          return this.get(existing.id)!;
        }
        const id = newId('rev');
        this.db
          .prepare(
            `INSERT INTO review_items (id, run_id, trace_id, reasons, status, created_at) VALUES (?, ?, ?, ?, 'open', ?)`,
          )
          .run(id, entry.runId, entry.traceId, JSON.stringify([entry.reason]), this.now().toISOString());
        return this.get(id)!;
      })
      .immediate();
  }

  get(id: string): ReviewItemRecord | undefined {
    const row = this.db.prepare('SELECT * FROM review_items WHERE id = ?').get(id) as ReviewRow | undefined;
    return row && toRecord(row);
  }

  forRun(runId: string): ReviewItemRecord | undefined {
    const row = this.db.prepare('SELECT * FROM review_items WHERE run_id = ?').get(runId) as ReviewRow | undefined;
    return row && toRecord(row);
  }

  /** Newest first; every filter is a bound parameter. */
  list(f: ReviewFilter): { items: ReviewItemRecord[]; total: number } {
    const where: string[] = [];
    const params: Record<string, unknown> = {};
    const add = (clause: string, key: string, value: unknown) => {
      if (value === undefined) return;
      where.push(clause);
      params[key] = value;
    };
    add('status = @status', 'status', f.status);
    add('label = @label', 'label', f.label);
    add('EXISTS (SELECT 1 FROM json_each(reasons) WHERE value = @reason)', 'reason', f.reason);
    const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const total = (this.db.prepare(`SELECT count(*) AS n FROM review_items ${clause}`).get(params) as { n: number }).n;
    const rows = this.db
      .prepare(`SELECT * FROM review_items ${clause} ORDER BY created_at DESC, rowid DESC LIMIT @limit OFFSET @offset`)
      .all({ ...params, limit: f.limit, offset: f.offset }) as ReviewRow[];
    return { items: rows.map(toRecord), total };
  }

  /** Labels (or relabels) an item that has not been promoted yet; returns whether it changed. */
  label(id: string, label: { label: ReviewLabel; note: string | null; reviewer: string }): boolean {
    return (
      this.db
        .prepare(
          `UPDATE review_items SET status = 'labelled', label = ?, note = ?, reviewer = ?, labelled_at = ?
           WHERE id = ? AND promoted_scenario IS NULL`,
        )
        .run(label.label, label.note, label.reviewer, this.now().toISOString(), id).changes === 1
    );
  }

  /** Compare-and-set: of two promotions of one item exactly one is recorded. */
  markPromoted(id: string, scenarioPath: string): boolean {
    return (
      this.db
        .prepare(
          `UPDATE review_items SET promoted_scenario = ?, promoted_at = ? WHERE id = ? AND promoted_scenario IS NULL`,
        )
        .run(scenarioPath, this.now().toISOString(), id).changes === 1
    );
  }
}
