import type { RunFigures } from '../runFiguresRepository.js';
import type { Db } from './database.js';
import type { RunStatus, StopReason } from '../runRepository.js';

interface RunFiguresRow {
  id: string;
  status: RunStatus;
  stop_reason: StopReason | null;
  reply: string | null;
  prompt_version: string;
  model: string;
  created_at: string;
  input_tokens: number;
  output_tokens: number;
  model_errors: number;
  active_ms: number | null;
  requested: number;
  approved: number;
  rejected: number;
  expired: number;
  denials: number;
  up: number;
  down: number;
}

/**
 * One row per run in the window with everything the dashboard counts. The
 * store is the source of truth (the same one support reads), so figures
 * survive restarts, unlike the process-local /metrics counters.
 */
const RUNS_SQL = `
  SELECT r.id, r.status, r.stop_reason, r.reply, r.prompt_version, r.model, r.created_at,
    COALESCE(g.input_tokens, 0) AS input_tokens, COALESCE(g.output_tokens, 0) AS output_tokens,
    COALESCE(g.errors, 0) AS model_errors, a.active_ms,
    COALESCE(ap.requested, 0) AS requested, COALESCE(ap.approved, 0) AS approved,
    COALESCE(ap.rejected, 0) AS rejected, COALESCE(ap.expired, 0) AS expired,
    (SELECT COUNT(*) FROM policy_decisions d WHERE d.run_id = r.id AND d.decision = 'deny') AS denials,
    (SELECT COUNT(*) FROM feedback f WHERE f.run_id = r.id AND f.value = 1) AS up,
    (SELECT COUNT(*) FROM feedback f WHERE f.run_id = r.id AND f.value = -1) AS down
  FROM runs r
  LEFT JOIN (
    SELECT trace_id,
      SUM(COALESCE(json_extract(data, '$.usage.input_tokens'), 0)) AS input_tokens,
      SUM(COALESCE(json_extract(data, '$.usage.output_tokens'), 0)) AS output_tokens,
      SUM(error IS NOT NULL) AS errors
    FROM trace_spans WHERE kind = 'generation' GROUP BY trace_id
  ) g ON g.trace_id = r.trace_id
  LEFT JOIN (
    SELECT trace_id, SUM((julianday(ended_at) - julianday(started_at)) * 86400000) AS active_ms
    FROM trace_spans WHERE kind = 'agent' AND ended_at IS NOT NULL GROUP BY trace_id
  ) a ON a.trace_id = r.trace_id
  LEFT JOIN (
    SELECT run_id,
      COUNT(*) AS requested,
      SUM(status = 'approved') AS approved,
      SUM(status = 'rejected') AS rejected,
      SUM(status = 'expired') AS expired
    FROM approvals GROUP BY run_id
  ) ap ON ap.run_id = r.id
  WHERE r.created_at >= ? AND r.created_at < ?
  ORDER BY r.created_at`;

const toFigures = (r: RunFiguresRow): RunFigures => ({
  runId: r.id,
  status: r.status,
  stopReason: r.stop_reason,
  reply: r.reply,
  promptVersion: r.prompt_version,
  model: r.model,
  createdAt: r.created_at,
  inputTokens: r.input_tokens,
  outputTokens: r.output_tokens,
  modelErrors: r.model_errors,
  activeMs: r.active_ms,
  approvals: { requested: r.requested, approved: r.approved, rejected: r.rejected, expired: r.expired },
  policyDenials: r.denials,
  feedback: { up: r.up, down: r.down },
});

/** Per-run figures across runs, spans, approvals, policy decisions and feedback: what monitoring aggregates. */
export class SqliteRunFiguresRepository {
  constructor(private readonly db: Db) {}

  /** The runs created in [from, to) (ISO timestamps), oldest first. */
  between(from: string, to: string): RunFigures[] {
    return (this.db.prepare(RUNS_SQL).all(from, to) as RunFiguresRow[]).map(toFigures);
  }
}
