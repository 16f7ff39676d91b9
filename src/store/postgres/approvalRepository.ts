import type { ApprovalRecord, ApprovalRepository, SellerEdit } from '../approvalRepository.js';
import type { RefusalRecord, RefusalRepository } from '../refusalRepository.js';
import type { Decision, PolicyDecisionRecord, PolicyDecisionRepository } from '../policyDecisionRepository.js';
import type { Clock } from '../store.js';
import { json, type PgDatabase, type Row } from './database.js';

const toApproval = (r: Row): ApprovalRecord => ({
  id: r.id as string,
  runId: r.run_id as string,
  callId: r.call_id as string,
  sellerId: r.seller_id as string,
  tool: r.tool as string,
  arguments: r.arguments as Record<string, unknown>,
  proposedArguments: (r.proposed_arguments as Record<string, unknown> | null) ?? null,
  summary: r.summary as string,
  status: r.status as ApprovalRecord['status'],
  message: r.message as string | null,
  decidedBy: r.decided_by as string | null,
  decidedAt: r.decided_at as string | null,
  expiresAt: r.expires_at as string,
  createdAt: r.created_at as string,
});

const iso = (value: unknown): string => new Date(value as string).toISOString();

const toDecision = (r: Row): PolicyDecisionRecord => ({
  runId: r.run_id as string,
  callId: r.call_id as string,
  tool: r.tool as string,
  phase: r.phase as PolicyDecisionRecord['phase'],
  decision: r.decision as Decision,
  rule: r.rule as string,
  reason: r.reason as string,
  arguments: r.arguments,
  createdAt: r.created_at as string,
});

/** A policy decision from `to_json` of its row (see approvalFromJson). */
export const decisionFromJson = (r: Row): PolicyDecisionRecord => toDecision({ ...r, created_at: iso(r.created_at) });

/** An approval from `to_json` of its row: timestamps there keep PostgreSQL's text, made ISO as pg's parser does. */
export const approvalFromJson = (r: Row): ApprovalRecord =>
  toApproval({
    ...r,
    decided_at: r.decided_at === null ? null : iso(r.decided_at),
    expires_at: iso(r.expires_at),
    created_at: iso(r.created_at),
  });

/**
 * Approvals. The compare-and-set updates hold across instances: PostgreSQL re-checks a waiting
 * UPDATE's WHERE against the row the other transaction committed, so of two decisions one changes it.
 */
export class PgApprovalRepository implements ApprovalRepository {
  constructor(
    private readonly db: PgDatabase,
    private readonly now: Clock,
  ) {}

  /** The approval of a call, inserted or as it was: one statement (a second when a concurrent insert won). */
  async request(
    a: Pick<ApprovalRecord, 'id' | 'runId' | 'callId' | 'sellerId' | 'tool' | 'arguments' | 'summary' | 'expiresAt'>,
  ): Promise<ApprovalRecord> {
    const row = await this.db.one(
      `WITH inserted AS (
         INSERT INTO approvals
           (id, run_id, call_id, seller_id, tool, arguments, summary, status, expires_at, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, 'pending', $8, $9) ON CONFLICT (run_id, call_id) DO NOTHING RETURNING *
       )
       SELECT * FROM inserted
       UNION ALL SELECT * FROM approvals WHERE run_id = $2 AND call_id = $3 AND NOT EXISTS (SELECT 1 FROM inserted)`,
      [
        a.id,
        a.runId,
        a.callId,
        a.sellerId,
        a.tool,
        json(a.arguments),
        a.summary,
        a.expiresAt,
        this.now().toISOString(),
      ],
    );
    // Nothing when the row that won was committed after this statement's snapshot: read it anew.
    return row ? toApproval(row) : (await this.forCall(a.runId, a.callId))!;
  }

  async get(id: string): Promise<ApprovalRecord | undefined> {
    const row = await this.db.one('SELECT * FROM approvals WHERE id = $1', [id]);
    return row && toApproval(row);
  }

  async forCall(runId: string, callId: string): Promise<ApprovalRecord | undefined> {
    const row = await this.db.one('SELECT * FROM approvals WHERE run_id = $1 AND call_id = $2', [runId, callId]);
    return row && toApproval(row);
  }

  async forRun(runId: string): Promise<ApprovalRecord[]> {
    return (await this.db.query('SELECT * FROM approvals WHERE run_id = $1 ORDER BY created_at, seq', [runId])).map(
      toApproval,
    );
  }

  async forPreviousRun(runId: string): Promise<ApprovalRecord[]> {
    const rows = await this.db.query(
      `SELECT * FROM approvals WHERE run_id = (
         SELECT p.id FROM runs r JOIN runs p ON p.conversation_id = r.conversation_id
         WHERE r.id = $1 AND (p.created_at, p.seq) < (r.created_at, r.seq)
         ORDER BY p.created_at DESC, p.seq DESC LIMIT 1)
       ORDER BY created_at, seq`,
      [runId],
    );
    return rows.map(toApproval);
  }

  async decide(
    id: string,
    decision: 'approved' | 'rejected',
    by: string,
    message: string | null,
    edit?: SellerEdit,
  ): Promise<boolean> {
    const at = this.now().toISOString();
    if (edit && decision === 'approved')
      return (
        (await this.db.run(
          `UPDATE approvals SET status = 'approved', decided_by = $1, decided_at = $2, message = $3,
             proposed_arguments = arguments, arguments = $4, summary = $5
           WHERE id = $6 AND status = 'pending' AND expires_at > $2`,
          [by, at, message, json(edit.arguments), edit.summary, id],
        )) === 1
      );
    const changed = await this.db.run(
      `UPDATE approvals SET status = $1, decided_by = $2, decided_at = $3, message = $4
       WHERE id = $5 AND status = 'pending' AND expires_at > $3`,
      [decision, by, at, message, id],
    );
    return changed === 1;
  }

  expireDue(runId?: string): Promise<number> {
    const at = this.now().toISOString();
    return runId
      ? this.db.run(
          `UPDATE approvals SET status = 'expired', decided_at = $1 WHERE run_id = $2 AND status = 'pending' AND expires_at <= $1`,
          [at, runId],
        )
      : this.db.run(
          `UPDATE approvals SET status = 'expired', decided_at = $1 WHERE status = 'pending' AND expires_at <= $1`,
          [at],
        );
  }

  supersedePending(runId: string): Promise<number> {
    return this.db.run(
      `UPDATE approvals SET status = 'superseded', decided_at = $1 WHERE run_id = $2 AND status = 'pending'`,
      [this.now().toISOString(), runId],
    );
  }
}

const toRefusal = (r: Row): RefusalRecord => ({
  runId: r.run_id as string,
  callId: r.call_id as string,
  tool: r.tool as string,
  arguments: r.arguments,
  rule: r.rule as string,
  reason: r.reason as string,
  createdAt: r.created_at as string,
});

export class PgRefusalRepository implements RefusalRepository {
  constructor(
    private readonly db: PgDatabase,
    private readonly now: Clock,
  ) {}

  /** The refusal of a call, recorded or as it was: one statement, as `approvals.request`. */
  async record(r: Omit<RefusalRecord, 'createdAt'>): Promise<RefusalRecord> {
    const row = await this.db.one(
      `WITH inserted AS (
         INSERT INTO call_refusals (run_id, call_id, tool, arguments, rule, reason, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (run_id, call_id) DO NOTHING RETURNING *
       )
       SELECT * FROM inserted
       UNION ALL
       SELECT * FROM call_refusals WHERE run_id = $1 AND call_id = $2 AND NOT EXISTS (SELECT 1 FROM inserted)`,
      [r.runId, r.callId, r.tool, json(r.arguments ?? null), r.rule, r.reason, this.now().toISOString()],
    );
    return row ? toRefusal(row) : (await this.forCall(r.runId, r.callId))!;
  }

  async forCall(runId: string, callId: string): Promise<RefusalRecord | undefined> {
    const row = await this.db.one('SELECT * FROM call_refusals WHERE run_id = $1 AND call_id = $2', [runId, callId]);
    return row && toRefusal(row);
  }

  async forRun(runId: string): Promise<RefusalRecord[]> {
    return (await this.db.query('SELECT * FROM call_refusals WHERE run_id = $1 ORDER BY created_at, seq', [runId])).map(
      toRefusal,
    );
  }

  async forConversation(conversationId: string): Promise<Map<string, RefusalRecord>> {
    const rows = await this.db.query(
      `SELECT f.* FROM call_refusals f JOIN runs r ON r.id = f.run_id
       WHERE r.conversation_id = $1 ORDER BY f.created_at, f.seq`,
      [conversationId],
    );
    return new Map(rows.map((r) => [r.call_id as string, toRefusal(r)]));
  }
}

export class PgPolicyDecisionRepository implements PolicyDecisionRepository {
  constructor(
    private readonly db: PgDatabase,
    private readonly now: Clock,
  ) {}

  async record(d: Omit<PolicyDecisionRecord, 'createdAt'>): Promise<void> {
    await this.db.run(
      `INSERT INTO policy_decisions (run_id, call_id, tool, phase, decision, rule, reason, arguments, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
       ON CONFLICT (run_id, call_id, phase) DO UPDATE SET decision = excluded.decision, rule = excluded.rule,
         reason = excluded.reason, arguments = excluded.arguments, created_at = excluded.created_at`,
      [
        d.runId,
        d.callId,
        d.tool,
        d.phase,
        d.decision,
        d.rule,
        d.reason,
        json(d.arguments ?? null),
        this.now().toISOString(),
      ],
    );
  }

  async forRun(runId: string): Promise<PolicyDecisionRecord[]> {
    return (await this.db.query('SELECT * FROM policy_decisions WHERE run_id = $1 ORDER BY seq', [runId])).map(
      toDecision,
    );
  }
}
