import type { FeedbackRecord } from '../feedbackRepository.js';
import type { Db } from './database.js';

export class SqliteFeedbackRepository {
  constructor(
    private readonly db: Db,
    private readonly now: () => Date,
  ) {}

  add(f: Omit<FeedbackRecord, 'createdAt'>): FeedbackRecord {
    const createdAt = this.now().toISOString();
    this.db
      .prepare('INSERT INTO feedback (run_id, seller_id, value, comment, created_at) VALUES (?, ?, ?, ?, ?)')
      .run(f.runId, f.sellerId, f.value, f.comment, createdAt);
    return { ...f, createdAt };
  }

  forRun(runId: string): FeedbackRecord[] {
    return (
      this.db.prepare('SELECT * FROM feedback WHERE run_id = ? ORDER BY seq').all(runId) as Record<string, never>[]
    ).map((r) => ({
      runId: r['run_id'],
      sellerId: r['seller_id'],
      value: r['value'],
      comment: r['comment'],
      createdAt: r['created_at'],
    }));
  }
}
