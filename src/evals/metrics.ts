import { SPLITS, type Scenario, type Split } from './scenario.js';
import type { TrialResult } from './trial.js';
import { estimateCost } from '../shared/modelPricing.js';
import { CHECKS, type Check } from './judge.js';

/** n choose k, exact for the small numbers of trials evals run. */
export function choose(n: number, k: number): number {
  if (k < 0 || k > n) return 0;
  let result = 1;
  for (let i = 1; i <= k; i++) result = (result * (n - k + i)) / i;
  return result;
}

/**
 * tau-bench's pass^k for one scenario with n trials and c successes: the
 * chance that k trials drawn from the n all succeed, C(c,k)/C(n,k). pass^1
 * is the success rate; higher k rewards consistency, not luck.
 */
export function passHatK(n: number, c: number, k: number): number {
  if (k < 1 || k > n) throw new RangeError(`pass^${k} needs 1 <= k <= n (n = ${n})`);
  return choose(c, k) / choose(n, k);
}

export interface ScenarioSummary {
  id: string;
  title: string;
  tags: string[];
  split: Split;
  trials: number;
  successes: number;
  successRate: number;
  /** Share of trials passing each of the judge's checks (database, policy, communication). */
  checks?: Record<Check, number>;
  /** pass^k for k = 1..trials, keyed by k. */
  passK: Record<string, number>;
  unconfirmedWrites: number;
  policyViolations: number;
  attack?: { trials: number; attempted: number; succeeded: number };
  meanSteps: number;
  meanLatencyMs: number;
  meanTokens: { input: number; output: number; total: number };
  /** USD per trial, null when the model's price is unknown. */
  meanCostUsd: number | null;
  /** The first failing trial's reasons: enough to start from. */
  failures: string[];
  keptDbs: string[];
}

export interface OverallSummary {
  scenarios: number;
  trials: number;
  successRate: number;
  /** Mean over scenarios of each check's pass rate: which part of the job fails most. */
  checks?: Record<Check, number>;
  passK: Record<string, number>;
  unconfirmedWrites: number;
  policyViolations: number;
  injection: {
    scenarios: number;
    trials: number;
    /** Share of attacked trials in which the attacker's goal happened. */
    attackSuccessRate: number | null;
    /** Share of attacked trials in which the model asked for the attacker's action (the gate may have stopped it). */
    attackAttemptRate: number | null;
    /** Success rate of the seller's real task in the attacked scenarios. */
    utilityUnderAttack: number | null;
  };
  meanSteps: number;
  latencyMs: { mean: number; p50: number; p95: number };
  tokens: { input: number; output: number; total: number };
  costUsd: number | null;
}

/** Success over one split's scenarios; `null` when the split has none (the test split may be empty). */
export interface SplitSummary {
  split: Split;
  scenarios: number;
  successRate: number | null;
  checks?: Record<Check, number> | null;
}

export interface TagSummary {
  tag: string;
  scenarios: number;
  successRate: number;
}

const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0);
const round = (x: number, digits = 4) => Math.round(x * 10 ** digits) / 10 ** digits;

function percentile(xs: number[], p: number): number {
  if (!xs.length) return 0;
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

export function summarizeScenario(scenario: Scenario, trials: TrialResult[]): ScenarioSummary {
  const n = trials.length;
  const c = trials.filter((t) => t.success).length;
  const passK: Record<string, number> = {};
  for (let k = 1; k <= n; k++) passK[k] = round(passHatK(n, c, k));
  const costs = trials.map((t) => estimateCost(t.model, t.usage));
  const attacked = trials.filter((t) => t.attack);
  const firstFailure = trials.find((t) => !t.success);
  return {
    id: scenario.id,
    title: scenario.title,
    tags: scenario.tags,
    split: scenario.split,
    trials: n,
    successes: c,
    successRate: round(n ? c / n : 0),
    checks: checkRates(trials.map((t) => (check) => (t.breakdown ? t.breakdown[check].length === 0 : t.success))),
    passK,
    unconfirmedWrites: trials.reduce((s, t) => s + t.unconfirmedWrites.length, 0),
    policyViolations: trials.reduce((s, t) => s + t.policyViolations.length, 0),
    ...(attacked.length
      ? {
          attack: {
            trials: attacked.length,
            attempted: attacked.filter((t) => t.attack!.attempted).length,
            succeeded: attacked.filter((t) => t.attack!.succeeded).length,
          },
        }
      : {}),
    meanSteps: round(mean(trials.map((t) => t.steps)), 2),
    meanLatencyMs: Math.round(mean(trials.map((t) => t.latencyMs))),
    meanTokens: {
      input: Math.round(mean(trials.map((t) => t.usage.inputTokens))),
      output: Math.round(mean(trials.map((t) => t.usage.outputTokens))),
      total: Math.round(mean(trials.map((t) => t.usage.totalTokens))),
    },
    meanCostUsd: costs.some((x) => x === null) ? null : round(mean(costs as number[]), 6),
    failures: firstFailure?.failures ?? [],
    keptDbs: trials.flatMap((t) => (t.keptDb ? [t.keptDb] : [])),
  };
}

/** Scenario averages, so a scenario counts once however many trials it ran (as pass^k is defined). */
export function summarizeOverall(scenarios: ScenarioSummary[], trials: TrialResult[]): OverallSummary {
  const passK: Record<string, number> = {};
  const minTrials = scenarios.length ? Math.min(...scenarios.map((s) => s.trials)) : 0;
  for (let k = 1; k <= minTrials; k++) passK[k] = round(mean(scenarios.map((s) => s.passK[k])));
  const attackedScenarios = scenarios.filter((s) => s.attack);
  const attackedTrials = attackedScenarios.reduce((n, s) => n + s.attack!.trials, 0);
  const costs = scenarios.map((s) => s.meanCostUsd);
  const latencies = trials.map((t) => t.latencyMs);
  return {
    scenarios: scenarios.length,
    trials: trials.length,
    successRate: round(mean(scenarios.map((s) => s.successRate))),
    checks: meanChecks(scenarios),
    passK,
    unconfirmedWrites: scenarios.reduce((n, s) => n + s.unconfirmedWrites, 0),
    policyViolations: scenarios.reduce((n, s) => n + s.policyViolations, 0),
    injection: {
      scenarios: attackedScenarios.length,
      trials: attackedTrials,
      attackSuccessRate: attackedTrials
        ? round(attackedScenarios.reduce((n, s) => n + s.attack!.succeeded, 0) / attackedTrials)
        : null,
      attackAttemptRate: attackedTrials
        ? round(attackedScenarios.reduce((n, s) => n + s.attack!.attempted, 0) / attackedTrials)
        : null,
      utilityUnderAttack: attackedScenarios.length ? round(mean(attackedScenarios.map((s) => s.successRate))) : null,
    },
    meanSteps: round(mean(trials.map((t) => t.steps)), 2),
    latencyMs: {
      mean: Math.round(mean(latencies)),
      p50: Math.round(percentile(latencies, 50)),
      p95: Math.round(percentile(latencies, 95)),
    },
    tokens: {
      input: trials.reduce((n, t) => n + t.usage.inputTokens, 0),
      output: trials.reduce((n, t) => n + t.usage.outputTokens, 0),
      total: trials.reduce((n, t) => n + t.usage.totalTokens, 0),
    },
    costUsd: costs.some((x) => x === null)
      ? null
      : round(
          scenarios.reduce((n, s) => n + (s.meanCostUsd ?? 0) * s.trials, 0),
          6,
        ),
  };
}

export function summarizeTags(scenarios: ScenarioSummary[]): TagSummary[] {
  const tags = [...new Set(scenarios.flatMap((s) => s.tags))].sort();
  return tags.map((tag) => {
    const tagged = scenarios.filter((s) => s.tags.includes(tag));
    return { tag, scenarios: tagged.length, successRate: round(mean(tagged.map((s) => s.successRate))) };
  });
}

/** Every split, in order, even an empty one: a report says "no test scenarios" rather than leaving the split out. */
export function summarizeSplits(
  scenarios: Array<Pick<ScenarioSummary, 'successRate' | 'checks'> & { split?: Split }>,
): SplitSummary[] {
  return SPLITS.map((split) => {
    // Reports written before splits existed have none: every scenario then was a train one.
    const inSplit = scenarios.filter((s) => (s.split ?? 'train') === split);
    return {
      split,
      scenarios: inSplit.length,
      successRate: inSplit.length ? round(mean(inSplit.map((s) => s.successRate))) : null,
      // Reports judged before the three checks existed have none to average.
      ...(inSplit.some((s) => s.checks) ? { checks: meanChecks(inSplit) } : {}),
    };
  });
}

/** Share of the judged items passing each check. */
function checkRates(passes: Array<(check: Check) => boolean>): Record<Check, number> {
  const rates = {} as Record<Check, number>;
  for (const check of CHECKS)
    rates[check] = round(passes.length ? passes.filter((p) => p(check)).length / passes.length : 0);
  return rates;
}

/** Mean per check over scenarios; a scenario from an older report without checks counts by its success. */
function meanChecks(scenarios: Array<Pick<ScenarioSummary, 'successRate' | 'checks'>>): Record<Check, number> {
  const rates = {} as Record<Check, number>;
  for (const check of CHECKS) rates[check] = round(mean(scenarios.map((s) => s.checks?.[check] ?? s.successRate)));
  return rates;
}
