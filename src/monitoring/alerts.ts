import type { VersionFigures } from './versionFigures.js';

export interface AlertThresholds {
  /** Share of finished runs that failed (0..1). */
  failureRate: number;
  /** Estimated USD per run. */
  costPerRunUsd: number;
  /** Fewer runs than this in the window raise no alert: one failure out of two runs is noise. */
  minRuns: number;
}

export interface Alert {
  promptVersion: string;
  kind: 'failure_rate' | 'cost_per_run';
  value: number;
  threshold: number;
  message: string;
}

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

/** Each prompt version's figures against the thresholds: what needs a person's attention now. */
export function alertsFor(totals: Record<string, VersionFigures>, t: AlertThresholds): Alert[] {
  const alerts: Alert[] = [];
  for (const [version, f] of Object.entries(totals)) {
    if (f.runs < t.minRuns) continue;
    if (f.failureRate > t.failureRate) {
      alerts.push({
        promptVersion: version,
        kind: 'failure_rate',
        value: f.failureRate,
        threshold: t.failureRate,
        message: `Prompt ${version}: ${pct(f.failureRate)} of finished runs failed (${f.failed} of ${f.completed + f.stopped}); threshold ${pct(t.failureRate)}.`,
      });
    }
    if (f.costPerRunUsd !== null && f.costPerRunUsd > t.costPerRunUsd) {
      alerts.push({
        promptVersion: version,
        kind: 'cost_per_run',
        value: f.costPerRunUsd,
        threshold: t.costPerRunUsd,
        message: `Prompt ${version}: $${f.costPerRunUsd.toFixed(4)} per run on average; threshold $${t.costPerRunUsd.toFixed(4)}.`,
      });
    }
  }
  return alerts;
}
