import type { Db } from '../store/database.js';
import { estimateCost } from '../shared/modelPricing.js';
import { alertsFor, type Alert, type AlertThresholds } from './alerts.js';
import type { VersionFigures } from './versionFigures.js';

export type { VersionFigures };

export type DashboardWindow = 'hour' | 'day';

const WINDOWS: Record<DashboardWindow, { spanMs: number; bucketMs: number }> = {
  hour: { spanMs: 3_600_000, bucketMs: 5 * 60_000 },
  day: { spanMs: 86_400_000, bucketMs: 3_600_000 },
};

export interface Dashboard {
  window: DashboardWindow;
  from: string;
  to: string;
  bucketMinutes: number;
  versions: string[];
  totals: Record<string, VersionFigures>;
  buckets: { start: string; byVersion: Record<string, VersionFigures> }[];
  alerts: Alert[];
}

interface RunRow {
  id: string;
  status: string;
  stop_reason: string | null;
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

function percentile(sorted: number[], q: number): number | null {
  if (!sorted.length) return null;
  return Math.round(sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]);
}

export function summarize(rows: RunRow[]): VersionFigures {
  const stopReasons: Record<string, number> = {};
  let cost: number | null = 0;
  const latencies: number[] = [];
  const f = {
    runs: rows.length,
    completed: 0,
    awaitingApproval: 0,
    stopped: 0,
    failed: 0,
    modelErrors: 0,
    emptyReplies: 0,
    tokens: { input: 0, output: 0 },
    approvals: { requested: 0, approved: 0, rejected: 0, expired: 0 },
    policyDenials: 0,
    feedback: { up: 0, down: 0 },
  };
  for (const r of rows) {
    if (r.status === 'completed') f.completed++;
    if (r.status === 'awaiting_approval') f.awaitingApproval++;
    if (r.status === 'stopped') {
      f.stopped++;
      stopReasons[r.stop_reason ?? 'unknown'] = (stopReasons[r.stop_reason ?? 'unknown'] ?? 0) + 1;
      if (r.stop_reason !== 'cancelled') f.failed++;
    }
    if (r.stop_reason === 'model_error') f.modelErrors++;
    else f.modelErrors += r.model_errors > 0 ? 1 : 0;
    if (r.status === 'completed' && !r.reply?.trim()) f.emptyReplies++;
    if (r.active_ms !== null) latencies.push(r.active_ms);
    f.tokens.input += r.input_tokens;
    f.tokens.output += r.output_tokens;
    const c = estimateCost(r.model, { inputTokens: r.input_tokens, outputTokens: r.output_tokens });
    cost = c === null || cost === null ? null : cost + c;
    f.approvals.requested += r.requested;
    f.approvals.approved += r.approved;
    f.approvals.rejected += r.rejected;
    f.approvals.expired += r.expired;
    f.policyDenials += r.denials;
    f.feedback.up += r.up;
    f.feedback.down += r.down;
  }
  latencies.sort((a, b) => a - b);
  const finished = f.completed + f.stopped;
  return {
    ...f,
    failureRate: finished ? f.failed / finished : 0,
    stopReasons,
    latencyMs: { p50: percentile(latencies, 0.5), p95: percentile(latencies, 0.95) },
    costUsd: cost,
    costPerRunUsd: cost === null || !rows.length ? null : cost / rows.length,
  };
}

function groupBy<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    groups.set(k, [...(groups.get(k) ?? []), item]);
  }
  return groups;
}

/** Figures for the last hour (5-minute buckets) or day (hourly buckets), per prompt version, with alerts. */
export function buildDashboard(db: Db, window: DashboardWindow, now: Date, thresholds: AlertThresholds): Dashboard {
  const { spanMs, bucketMs } = WINDOWS[window];
  // Buckets are aligned to the clock, so a chart does not shift between refreshes.
  const end = Math.ceil(now.getTime() / bucketMs) * bucketMs;
  const start = end - spanMs;
  const rows = db.prepare(RUNS_SQL).all(new Date(start).toISOString(), new Date(end).toISOString()) as RunRow[];
  const byVersion = groupBy(rows, (r) => r.prompt_version);
  const versions = [...byVersion.keys()].sort();
  const totals = Object.fromEntries(versions.map((v) => [v, summarize(byVersion.get(v)!)]));
  const byBucket = groupBy(rows, (r) => String(Math.floor((Date.parse(r.created_at) - start) / bucketMs)));
  const buckets = Array.from({ length: spanMs / bucketMs }, (_, i) => {
    const inBucket = groupBy(byBucket.get(String(i)) ?? [], (r) => r.prompt_version);
    return {
      start: new Date(start + i * bucketMs).toISOString(),
      byVersion: Object.fromEntries(versions.map((v) => [v, summarize(inBucket.get(v) ?? [])])),
    };
  });
  return {
    window,
    from: new Date(start).toISOString(),
    to: new Date(end).toISOString(),
    bucketMinutes: bucketMs / 60_000,
    versions,
    totals,
    buckets,
    alerts: alertsFor(totals, thresholds),
  };
}
