import type { Decision, PolicyDecisionRecord } from '../policyDecisionRepository.js';
import type { Db } from './database.js';

export class SqlitePolicyDecisionRepository {
  constructor(
    private readonly db: Db,
    private readonly now: () => Date,
  ) {}

  /** One decision per call and phase; a re-evaluation after a resume replaces it. */
  record(d: Omit<PolicyDecisionRecord, 'createdAt'>): void {
    this.db
      .prepare(
        `INSERT INTO policy_decisions (run_id, call_id, tool, phase, decision, rule, reason, arguments, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (run_id, call_id, phase) DO UPDATE SET decision = excluded.decision, rule = excluded.rule,
           reason = excluded.reason, arguments = excluded.arguments, created_at = excluded.created_at`,
      )
      .run(
        d.runId,
        d.callId,
        d.tool,
        d.phase,
        d.decision,
        d.rule,
        d.reason,
        JSON.stringify(d.arguments ?? null),
        this.now().toISOString(),
      );
  }

  forRun(runId: string): PolicyDecisionRecord[] {
    return (
      this.db.prepare('SELECT * FROM policy_decisions WHERE run_id = ? ORDER BY seq').all(runId) as Record<
        string,
        string
      >[]
    ).map((r) => ({
      runId: r.run_id,
      callId: r.call_id,
      tool: r.tool,
      phase: r.phase as PolicyDecisionRecord['phase'],
      decision: r.decision as Decision,
      rule: r.rule,
      reason: r.reason,
      arguments: JSON.parse(r.arguments) as unknown,
      createdAt: r.created_at,
    }));
  }
}
