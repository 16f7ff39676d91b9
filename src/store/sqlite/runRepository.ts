import type {
  InterruptedRun,
  NewRun,
  RunStatus,
  StopReason,
  RunRecord,
  RunUpdate,
  RunWithApprovals,
} from '../runRepository.js';
import type { ApprovalRecord } from '../approvalRepository.js';
import type { PolicyDecisionRecord } from '../policyDecisionRepository.js';
import type { Db } from './database.js';

interface RunRow {
  id: string;
  conversation_id: string;
  seller_id: string;
  trace_id: string;
  status: RunStatus;
  stop_reason: StopReason | null;
  reply: string | null;
  steps: number;
  input: string;
  state: string | null;
  app_version: string;
  prompt_version: string;
  model: string;
  tags: string;
  created_at: string;
  updated_at: string;
}

const toRecord = (r: RunRow): RunRecord => ({
  id: r.id,
  conversationId: r.conversation_id,
  sellerId: r.seller_id,
  traceId: r.trace_id,
  status: r.status,
  stopReason: r.stop_reason,
  reply: r.reply,
  steps: r.steps,
  input: JSON.parse(r.input),
  state: r.state,
  appVersion: r.app_version,
  promptVersion: r.prompt_version,
  model: r.model,
  tags: JSON.parse(r.tags) as string[],
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

export class SqliteRunRepository {
  constructor(
    private readonly db: Db,
    private readonly now: () => Date,
    /** The approvals' reader, for `withApprovals` (the approvals repository's own `forRun`). */
    private readonly approvalsFor: (runId: string) => ApprovalRecord[] = () => [],
    /** The policy decisions' reader, for `withApprovals` (that repository's own `forRun`). */
    private readonly decisionsFor: (runId: string) => PolicyDecisionRecord[] = () => [],
  ) {}

  create(
    run: Pick<
      RunRecord,
      'id' | 'conversationId' | 'sellerId' | 'traceId' | 'input' | 'appVersion' | 'promptVersion' | 'model'
    > & { tags?: string[] },
  ): RunRecord {
    const at = this.now().toISOString();
    const input = JSON.stringify(run.input);
    const tags = JSON.stringify(run.tags ?? []);
    this.db
      .prepare(
        `INSERT INTO runs (id, conversation_id, seller_id, trace_id, status, input, app_version, prompt_version, model, tags, created_at, updated_at)
         VALUES (?, ?, ?, ?, 'running', ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        run.id,
        run.conversationId,
        run.sellerId,
        run.traceId,
        input,
        run.appVersion,
        run.promptVersion,
        run.model,
        tags,
        at,
        at,
      );
    // The row as inserted, without reading it back (a read costs as much as the insert).
    return toRecord({
      id: run.id,
      conversation_id: run.conversationId,
      seller_id: run.sellerId,
      trace_id: run.traceId,
      status: 'running',
      stop_reason: null,
      reply: null,
      steps: 0,
      input,
      state: null,
      app_version: run.appVersion,
      prompt_version: run.promptVersion,
      model: run.model,
      tags,
      created_at: at,
      updated_at: at,
    });
  }

  createNext(run: NewRun): { run: RunRecord; previous: RunRecord | undefined } {
    return this.db.transaction(() => {
      const previous = this.latestForConversation(run.conversationId);
      return { run: this.create(run), previous };
    })();
  }

  /** The reads in one transaction: one snapshot, even with another process writing the file. */
  withApprovals(id: string): RunWithApprovals | undefined {
    return this.db.transaction(() => {
      const run = this.get(id);
      return run && { run, approvals: this.approvalsFor(id), decisions: this.decisionsFor(id) };
    })();
  }

  get(id: string): RunRecord | undefined {
    const row = this.db.prepare('SELECT * FROM runs WHERE id = ?').get(id) as RunRow | undefined;
    return row && toRecord(row);
  }

  latestForConversation(conversationId: string): RunRecord | undefined {
    const row = this.db
      .prepare('SELECT * FROM runs WHERE conversation_id = ? ORDER BY created_at DESC, rowid DESC LIMIT 1')
      .get(conversationId) as RunRow | undefined;
    return row && toRecord(row);
  }

  update(id: string, update: RunUpdate): void {
    const { sql, params } = this.updateStatement(id, update);
    this.db.prepare(sql).run(params);
  }

  updateReturning(id: string, update: RunUpdate): RunRecord | undefined {
    const { sql, params } = this.updateStatement(id, update);
    const row = this.db.prepare(`${sql} RETURNING *`).get(params) as RunRow | undefined;
    return row && toRecord(row);
  }

  updateSettled(id: string, update: RunUpdate): RunWithApprovals | undefined {
    return this.db.transaction(() => {
      const run = this.updateReturning(id, update);
      return run && { run, approvals: this.approvalsFor(id), decisions: this.decisionsFor(id) };
    })();
  }

  private updateStatement(id: string, update: RunUpdate): { sql: string; params: Record<string, unknown> } {
    const sets: string[] = ['updated_at = @updatedAt'];
    const params: Record<string, unknown> = { id, updatedAt: this.now().toISOString() };
    const columns: Record<keyof RunUpdate, string> = {
      status: 'status',
      stopReason: 'stop_reason',
      reply: 'reply',
      steps: 'steps',
      state: 'state',
    };
    for (const [key, column] of Object.entries(columns) as [keyof RunUpdate, string][]) {
      if (key in update) {
        sets.push(`${column} = @${key}`);
        params[key] = update[key] ?? null;
      }
    }
    return { sql: `UPDATE runs SET ${sets.join(', ')} WHERE id = @id`, params };
  }

  /** A conversation's runs, oldest first: one per seller message. */
  forConversation(conversationId: string): RunRecord[] {
    return (
      this.db
        .prepare('SELECT * FROM runs WHERE conversation_id = ? ORDER BY created_at, rowid')
        .all(conversationId) as RunRow[]
    ).map(toRecord);
  }

  /** Every run, oldest first (a trial's database holds only that trial's runs). */
  all(): RunRecord[] {
    return (this.db.prepare('SELECT * FROM runs ORDER BY created_at, rowid').all() as RunRow[]).map(toRecord);
  }

  byTraceId(traceId: string): RunRecord | undefined {
    const row = this.db.prepare('SELECT * FROM runs WHERE trace_id = ?').get(traceId) as RunRow | undefined;
    return row && toRecord(row);
  }

  /** Runs a crash may have interrupted, with their leases, in one statement (one snapshot). */
  listInterrupted(leaseKeyPrefix: string): InterruptedRun[] {
    const rows = this.db
      .prepare(
        `SELECT r.*, l.key AS lease_key, l.owner AS lease_owner, l.expires_at AS lease_expires_at
         FROM runs r LEFT JOIN leases l ON l.key = ? || r.id
         WHERE r.status = 'running' OR (r.status = 'awaiting_approval'
           AND NOT EXISTS (SELECT 1 FROM approvals a WHERE a.run_id = r.id AND a.status = 'pending'))
         ORDER BY r.rowid`,
      )
      .all(leaseKeyPrefix) as (RunRow & { lease_key: string | null; lease_owner: string; lease_expires_at: number })[];
    return rows.map(({ lease_key, lease_owner, lease_expires_at, ...run }) => ({
      run: toRecord(run),
      ...(lease_key === null
        ? {}
        : { lease: { key: lease_key, owner: lease_owner, expiresAt: new Date(lease_expires_at) } }),
    }));
  }
}
