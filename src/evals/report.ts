import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import {
  summarizeSplits,
  type OverallSummary,
  type ScenarioSummary,
  type SplitSummary,
  type TagSummary,
} from './metrics.js';
import type { TrialResult } from './trial.js';
import { successByTagSvg } from './chart.js';
import { CHECKS, type Check } from './judge.js';
import { describeSeller, SCRIPTED_SELLER, type SellerKind } from './simulator.js';

/** One eval run as written to `evals/reports/<stamp>.json`; the baseline and comparisons read the same shape. */
export interface SuiteReport {
  kind: 'listing-assistant-eval-report';
  version: 1;
  createdAt: string;
  model: string;
  provider: string;
  promptVersion: string;
  policyVersion: string;
  appVersion: string;
  trialsPerScenario: number;
  /**
   * Who played the seller: the scenarios' scripts, or a model (`SIMULATOR_MODEL`). Absent in older reports: scripted.
   */
  seller?: SellerKind;
  filter: string | null;
  concurrency: number;
  durationMs: number;
  /** Where failing trials' databases were kept, if anywhere (a folder of SQLite files). */
  failedTrialDbs: string | null;
  /**
   * Where the trials ran: one SQLite file each, or one PostgreSQL database each (named `<prefix>_…` on
   * the server) served by `instances` assistants. Absent in older reports: SQLite, one instance.
   */
  storage?: { engine: 'sqlite' | 'postgres'; instances: number; databasePrefix?: string };
  /** Where the suite was recorded in Langfuse, when configured. */
  langfuseDatasetRun?: { dataset: string; runName: string } | null;
  overall: OverallSummary;
  /** Success per split (train, test), each listed even when it has no scenarios. */
  splits: SplitSummary[];
  tags: TagSummary[];
  scenarios: ScenarioSummary[];
  /**
   * The same scenarios run by the null models (`src/evals/nullModels.ts`): what
   * a fixed sentence or blind writes score. The gate holds each to a bound.
   */
  nullModels?: NullModelSummary[];
  /** Every trial's verdict and figures; the baseline drops these. */
  trials?: TrialResult[];
}

/** One null model's run of the suite, summarised. */
export interface NullModelSummary {
  name: string;
  description: string;
  scenarios: number;
  successRate: number;
  splits: SplitSummary[];
  /** The scenarios it passed: each is one a fixed sentence or a blind write satisfies. */
  passed: string[];
  unconfirmedWrites: number;
  policyViolations: number;
  attackSuccessRate: number | null;
  /** Unconfirmed writes, policy violations and successful injections it caused, by scenario. */
  safetyFindings: string[];
}

export function readReport(path: string): SuiteReport {
  const report = JSON.parse(readFileSync(path, 'utf8')) as SuiteReport;
  if (report.kind !== 'listing-assistant-eval-report') throw new Error(`${path} is not an eval report`);
  // Reports from before splits: every scenario was a train one.
  report.scenarios = report.scenarios.map((s) => ({ ...s, split: s.split ?? 'train' }));
  report.splits ??= summarizeSplits(report.scenarios);
  report.seller ??= SCRIPTED_SELLER;
  return report;
}

/** A filesystem-safe, sortable timestamp: 2026-11-23T05-40-12-345Z. */
export function reportStamp(at = new Date()): string {
  return at.toISOString().replace(/[:.]/g, '-');
}

/** Writes a side report (comparables, images) as `<name>-<stamp>.json` and `.md` into `dir`; their paths. */
export function writeSideReport(
  dir: string,
  name: string,
  stamp: string,
  report: unknown,
  markdown: string,
): { json: string; markdown: string } {
  mkdirSync(dir, { recursive: true });
  const paths = { json: join(dir, `${name}-${stamp}.json`), markdown: join(dir, `${name}-${stamp}.md`) };
  writeFileSync(paths.json, `${JSON.stringify(report, null, 2)}\n`);
  writeFileSync(paths.markdown, markdown);
  return paths;
}

/** Writes `<stamp>.json`, `<stamp>.md` and `<stamp>.svg` into `dir`; returns their paths. */
export function writeReport(
  report: SuiteReport,
  dir: string,
  stamp: string,
): { json: string; markdown: string; svg: string } {
  mkdirSync(dir, { recursive: true });
  const json = join(dir, `${stamp}.json`);
  const markdown = join(dir, `${stamp}.md`);
  const svg = join(dir, `${stamp}.svg`);
  writeFileSync(json, `${JSON.stringify(report, null, 2)}\n`);
  writeFileSync(svg, successByTagSvg(report.tags, `Success by tag — ${report.model}, prompt ${report.promptVersion}`));
  writeFileSync(markdown, renderMarkdown(report, basename(svg), dir));
  return { json, markdown, svg };
}

const pct = (x: number | null) => (x === null ? 'n/a' : `${(x * 100).toFixed(1)}%`);
const usd = (x: number | null) => (x === null ? 'unknown' : `$${x.toFixed(4)}`);
const checkCells = (checks: Partial<Record<Check, number>> | null | undefined) =>
  CHECKS.map((c) => pct(checks?.[c] ?? null)).join(' | ');
const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');

/** The null models' pass rates beside the model under test: a table, or nothing when they were not run. */
function nullModelsMarkdown(report: SuiteReport): string[] {
  if (!report.nullModels?.length) return [];
  const train = (splits: SplitSummary[]) => pct(splits.find((s) => s.split === 'train')?.successRate ?? null);
  return [
    '## Null models',
    '',
    'The same scenarios, once each, answered by models that understand nothing. A scenario one of them passes is satisfied by a fixed sentence or a blind write; the gate holds each null model to its bound in `evals/floor.json`.',
    '',
    '| model | success | train | unconfirmed writes | policy violations | scenarios passed |',
    '| --- | ---: | ---: | ---: | ---: | --- |',
    `| **${report.model}** (under test) | ${pct(report.overall.successRate)} | ${train(report.splits)} | ${report.overall.unconfirmedWrites} | ${report.overall.policyViolations} | ${report.scenarios.filter((s) => s.successes > 0).length} of ${report.overall.scenarios} |`,
    ...report.nullModels.map(
      (n) =>
        `| ${n.name} — ${cell(n.description)} | ${pct(n.successRate)} | ${train(n.splits)} | ${n.unconfirmedWrites} | ${n.policyViolations} | ${n.passed.length ? cell(n.passed.join(', ')) : 'none'} |`,
    ),
    '',
  ];
}

/** One console line per null model, beside the model under test's success. */
export function nullModelsConsole(report: SuiteReport): string[] {
  if (!report.nullModels?.length) return [];
  return [
    `null models (bound: maxNullSuccessRate in evals/floor.json), beside ${report.model} at ${pct(report.overall.successRate)}:`,
    ...report.nullModels.map(
      (n) =>
        `  ${n.name.padEnd(24)} ${pct(n.successRate).padStart(6)}  unconfirmed writes ${n.unconfirmedWrites} · policy violations ${n.policyViolations}${n.passed.length ? ` · passes ${n.passed.join(', ')}` : ''}`,
    ),
  ];
}

export function renderMarkdown(report: SuiteReport, chartFile: string, dir = '.'): string {
  const o = report.overall;
  const ks = Object.keys(o.passK);
  const lines = [
    `# Eval report ${report.createdAt}`,
    '',
    `Model **${report.model}** (${report.provider}), prompt **${report.promptVersion}**, policy ${report.policyVersion}, app ${report.appVersion}, seller **${describeSeller(report.seller)}**; ` +
      `${o.scenarios} scenarios × ${report.trialsPerScenario} trial(s)${report.filter ? `, filter \`${report.filter}\`` : ''}; ${(report.durationMs / 1000).toFixed(1)} s.`,
    '',
    '## Overall',
    '',
    '| metric | value |',
    '| --- | --- |',
    `| success (mean over scenarios) | ${pct(o.successRate)} |`,
    ...ks.map((k) => `| pass^${k} | ${pct(o.passK[k])} |`),
    `| unconfirmed writes (must be 0) | ${o.unconfirmedWrites} |`,
    `| policy violations (must be 0) | ${o.policyViolations} |`,
    `| injection attack success rate (${o.injection.trials} attacked trials) | ${pct(o.injection.attackSuccessRate)} |`,
    `| injection attempted by the model | ${pct(o.injection.attackAttemptRate)} |`,
    `| utility under attack | ${pct(o.injection.utilityUnderAttack)} |`,
    `| mean model steps per trial | ${o.meanSteps} |`,
    `| latency per trial (mean / p50 / p95) | ${o.latencyMs.mean} / ${o.latencyMs.p50} / ${o.latencyMs.p95} ms |`,
    `| tokens (input / output / total) | ${o.tokens.input} / ${o.tokens.output} / ${o.tokens.total} |`,
    `| estimated cost | ${usd(o.costUsd)} |`,
    '',
    '## By split',
    '',
    'Train scenarios are the ones the offline model may be tuned against; test scenarios are held out.',
    '',
    'Success means all three checks passed: the **database** after the trial (created and changed rows, every field,',
    'nothing else touched), the **policy** (confirmation, rules, required and forbidden calls, budgets) and the',
    '**communication** (facts the replies must state, no claim of an action that did not happen).',
    '',
    '| split | scenarios | success | database | policy | communication |',
    '| --- | ---: | ---: | ---: | ---: | ---: |',
    ...report.splits.map(
      (s) =>
        `| ${s.split} | ${s.scenarios} | ${s.scenarios ? pct(s.successRate) : 'n/a (no scenarios)'} | ${checkCells(s.checks)} |`,
    ),
    `| all | ${o.scenarios} | ${pct(o.successRate)} | ${checkCells(o.checks)} |`,
    '',
    ...nullModelsMarkdown(report),
    `![Success by tag](${chartFile})`,
    '',
    '## By tag',
    '',
    '| tag | scenarios | success |',
    '| --- | ---: | ---: |',
    ...report.tags.map((t) => `| ${t.tag} | ${t.scenarios} | ${pct(t.successRate)} |`),
    '',
    '## Scenarios',
    '',
    `| scenario | split | tags | success | pass^${report.trialsPerScenario} | steps | latency ms | tokens | cost | first failure |`,
    '| --- | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |',
    ...report.scenarios.map(
      (s) =>
        `| ${s.id} | ${s.split} | ${s.tags.join(', ')} | ${s.successes}/${s.trials} | ${pct(s.passK[String(s.trials)] ?? null)} | ${s.meanSteps} | ${s.meanLatencyMs} | ${s.meanTokens.total} | ${usd(s.meanCostUsd)} | ${cell(s.failures[0] ?? '')} |`,
    ),
  ];
  const failed = report.scenarios.filter((s) => s.successes < s.trials);
  if (failed.length) {
    lines.push('', '## Failures', '');
    if (report.failedTrialDbs) {
      lines.push(
        `The database of every failing trial is kept in \`${report.failedTrialDbs}\`. Each holds the trial's conversation, runs (tagged \`eval\`, \`scenario:<id>\`, \`trial:<n>\`), approvals, policy decisions and trace spans. Open one with`,
        '',
        '```sh',
        `DATABASE_PATH=${report.failedTrialDbs}/<scenario>.t<n>.db SEED_COUNT=0 npm start`,
        `curl -s -H 'Authorization: Bearer demo-support' 'localhost:3000/api/traces?tag=scenario:<scenario>' | jq`,
        '```',
        '',
      );
    }
    for (const s of failed) {
      lines.push(`### ${s.id} — ${s.title}`, '', ...s.failures.map((f) => `- ${cell(f)}`));
      // A kept PostgreSQL database is named by its URL (no password): open it with DATABASE_URL.
      for (const db of s.keptDbs) lines.push(`- database: \`${db.includes('://') ? db : relative(dir, db) || db}\``);
      lines.push('');
    }
  }
  return `${lines.join('\n')}\n`;
}
