import type { RunFigures } from '../store/index.js';
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

function percentile(sorted: number[], q: number): number | null {
  if (!sorted.length) return null;
  return Math.round(sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]);
}

/** The figures of a set of runs (a prompt version's, over a window or a bucket). */
export function summarize(rows: RunFigures[]): VersionFigures {
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
      stopReasons[r.stopReason ?? 'unknown'] = (stopReasons[r.stopReason ?? 'unknown'] ?? 0) + 1;
      if (r.stopReason !== 'cancelled') f.failed++;
    }
    if (r.stopReason === 'model_error') f.modelErrors++;
    else f.modelErrors += r.modelErrors > 0 ? 1 : 0;
    if (r.status === 'completed' && !r.reply?.trim()) f.emptyReplies++;
    if (r.activeMs !== null) latencies.push(r.activeMs);
    f.tokens.input += r.inputTokens;
    f.tokens.output += r.outputTokens;
    const c = estimateCost(r.model, { inputTokens: r.inputTokens, outputTokens: r.outputTokens });
    cost = c === null || cost === null ? null : cost + c;
    f.approvals.requested += r.approvals.requested;
    f.approvals.approved += r.approvals.approved;
    f.approvals.rejected += r.approvals.rejected;
    f.approvals.expired += r.approvals.expired;
    f.policyDenials += r.policyDenials;
    f.feedback.up += r.feedback.up;
    f.feedback.down += r.feedback.down;
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

/** Where the dashboard reads its runs: `store.runFigures` (runs created in [from, to), oldest first). */
export interface RunFiguresSource {
  between(from: string, to: string): Promise<RunFigures[]>;
}

/** Figures for the last hour (5-minute buckets) or day (hourly buckets), per prompt version, with alerts. */
export async function buildDashboard(
  runs: RunFiguresSource,
  window: DashboardWindow,
  now: Date,
  thresholds: AlertThresholds,
): Promise<Dashboard> {
  const { spanMs, bucketMs } = WINDOWS[window];
  // Buckets are aligned to the clock, so a chart does not shift between refreshes.
  const end = Math.ceil(now.getTime() / bucketMs) * bucketMs;
  const start = end - spanMs;
  const rows = await runs.between(new Date(start).toISOString(), new Date(end).toISOString());
  const byVersion = groupBy(rows, (r) => r.promptVersion);
  const versions = [...byVersion.keys()].sort();
  const totals = Object.fromEntries(versions.map((v) => [v, summarize(byVersion.get(v)!)]));
  const byBucket = groupBy(rows, (r) => String(Math.floor((Date.parse(r.createdAt) - start) / bucketMs)));
  const buckets = Array.from({ length: spanMs / bucketMs }, (_, i) => {
    const inBucket = groupBy(byBucket.get(String(i)) ?? [], (r) => r.promptVersion);
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
