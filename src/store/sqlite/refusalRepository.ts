import type { RefusalRecord } from '../refusalRepository.js';
import type { Db } from './database.js';

interface RefusalRow {
  run_id: string;
  call_id: string;
  tool: string;
  arguments: string;
  rule: string;
  reason: string;
  created_at: string;
}

const toRecord = (r: RefusalRow): RefusalRecord => ({
  runId: r.run_id,
  callId: r.call_id,
  tool: r.tool,
  arguments: JSON.parse(r.arguments),
  rule: r.rule,
  reason: r.reason,
  createdAt: r.created_at,
});

export class SqliteRefusalRepository {
  constructor(
    private readonly db: Db,
    private readonly now: () => Date,
  ) {}

  /** Idempotent per (run, call): a call surfaced again keeps its first refusal. */
  record(r: Omit<RefusalRecord, 'createdAt'>): RefusalRecord {
    // As `approvals.request`: the row as inserted, or the first refusal already there.
    const inserted = this.db
      .prepare(
        `INSERT INTO call_refusals (run_id, call_id, tool, arguments, rule, reason, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (run_id, call_id) DO NOTHING RETURNING *`,
      )
      .get(
        r.runId,
        r.callId,
        r.tool,
        JSON.stringify(r.arguments ?? null),
        r.rule,
        r.reason,
        this.now().toISOString(),
      ) as RefusalRow | undefined;
    return inserted ? toRecord(inserted) : this.forCall(r.runId, r.callId)!;
  }

  forCall(runId: string, callId: string): RefusalRecord | undefined {
    const row = this.db.prepare('SELECT * FROM call_refusals WHERE run_id = ? AND call_id = ?').get(runId, callId) as
      RefusalRow | undefined;
    return row && toRecord(row);
  }

  forRun(runId: string): RefusalRecord[] {
    return (
      this.db
        .prepare('SELECT * FROM call_refusals WHERE run_id = ? ORDER BY created_at, rowid')
        .all(runId) as RefusalRow[]
    ).map(toRecord);
  }

  /** A conversation's refusals by call id (call ids are unique within a conversation's history). */
  forConversation(conversationId: string): Map<string, RefusalRecord> {
    const rows = this.db
      .prepare(
        `SELECT f.* FROM call_refusals f JOIN runs r ON r.id = f.run_id
         WHERE r.conversation_id = ? ORDER BY f.created_at, f.rowid`,
      )
      .all(conversationId) as RefusalRow[];
    return new Map(rows.map((r) => [r.call_id, toRecord(r)]));
  }
}
