import { join, relative } from 'node:path';
import { runSuite } from './suite.js';
import { nullModelsConsole, reportStamp, writeReport, type SuiteReport } from './report.js';
import { describeSeller } from './simulator.js';
import { parseCliArgs, runCli, storageOptions, trialOptions } from './cliArgs.js';
import { runStoppable } from './interruption.js';

/**
 * `npm run evals -- [--model NAME] [--trials K] [--filter TAG[,TAG…]] [--prompt VERSION] [--concurrency N] [--out
 * DIR] [--keep-all] [--database-url postgres://… [--instances N]]`
 * Runs the scenario suite, writes `<out>/<stamp>.json|.md|.svg` (failing
 * trials' databases under `<out>/<stamp>/`, every trial's with `--keep-all`; on PostgreSQL they stay on the
 * server) and prints the Markdown summary.
 * The model comes from the environment as for the server (offline without a
 * key) unless `--model` names one.
 */
const USAGE =
  'usage: npm run evals -- [--model NAME] [--trials K] [--filter TAG] [--prompt VERSION] [--concurrency N] ' +
  '[--out DIR] [--keep-all] [--database-url postgres://… (or EVAL_DATABASE_URL)] [--instances N]';

async function main(): Promise<number> {
  const values = parseCliArgs({
    options: {
      model: { type: 'string' },
      trials: { type: 'string', default: '1' },
      filter: { type: 'string' },
      prompt: { type: 'string' },
      concurrency: { type: 'string' },
      out: { type: 'string', default: 'evals/reports' },
      'keep-all': { type: 'boolean', default: false },
      'database-url': { type: 'string' },
      instances: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const { trials, concurrency } = trialOptions(values);
  const { databaseUrl, instances } = storageOptions(values);
  const stamp = reportStamp();
  const out = values.out;
  const run = await runStoppable((stop) =>
    runSuite({
      model: values.model,
      trials,
      filter: values.filter,
      promptVersion: values.prompt,
      concurrency,
      keepFailedIn: join(out, stamp),
      keepAll: values['keep-all'],
      databaseUrl,
      instances,
      progress: true,
      // The null models run beside whatever model is under test: offline rules, instant.
      nullModels: true,
      ...stop,
    }),
  );
  if ('exitCode' in run) return run.exitCode;
  const report = run.done;
  const files = writeReport(report, out, stamp);
  const o = report.overall;
  const seconds = (report.durationMs / 1000).toFixed(1);
  console.log(
    [
      [
        report.model,
        `prompt ${report.promptVersion}`,
        `seller ${describeSeller(report.seller)}`,
        describeStorage(report),
        `${o.scenarios} scenarios × ${report.trialsPerScenario} trial(s) in ${seconds} s`,
      ].join(' · '),
      `success ${(o.successRate * 100).toFixed(1)}% · ${Object.entries(o.passK)
        .map(([k, v]) => `pass^${k} ${(v * 100).toFixed(1)}%`)
        .join(' · ')}`,
      report.splits
        .map(
          (s) =>
            `${s.split} ${s.successRate === null ? 'n/a (no scenarios)' : `${(s.successRate * 100).toFixed(1)}% of ${s.scenarios}`}`,
        )
        .join(' · '),
      `unconfirmed writes ${o.unconfirmedWrites} · policy violations ${o.policyViolations} · attack success ${o.injection.attackSuccessRate === null ? 'n/a' : `${(o.injection.attackSuccessRate * 100).toFixed(1)}%`} · utility under attack ${o.injection.utilityUnderAttack === null ? 'n/a' : `${(o.injection.utilityUnderAttack * 100).toFixed(1)}%`}`,
      ...nullModelsConsole(report),
      `tokens ${o.tokens.total} · cost ${o.costUsd === null ? 'unknown' : `$${o.costUsd.toFixed(4)}`} · latency p50 ${o.latencyMs.p50} ms, p95 ${o.latencyMs.p95} ms`,
      '',
      ...report.scenarios.map(
        (s) =>
          `${s.successes === s.trials ? 'PASS' : 'FAIL'} ${s.id} (${s.successes}/${s.trials})${s.failures[0] ? ` — ${s.failures[0]}` : ''}`,
      ),
      '',
      `report: ${relative(process.cwd(), files.markdown)} (json: ${relative(process.cwd(), files.json)}, chart: ${relative(process.cwd(), files.svg)})`,
      ...(report.failedTrialDbs
        ? [`failing trials' databases: ${relative(process.cwd(), report.failedTrialDbs)}/`]
        : []),
      ...keptOnServer(report),
    ].join('\n'),
  );
  return 0;
}

function describeStorage(report: SuiteReport): string {
  const storage = report.storage;
  if (storage?.engine !== 'postgres') return 'SQLite';
  return `PostgreSQL, ${storage.instances} instance${storage.instances === 1 ? '' : 's'} per trial`;
}

/** Kept PostgreSQL databases stay on the server: one line each, by URL (never with a password). */
function keptOnServer(report: SuiteReport): string[] {
  if (report.storage?.engine !== 'postgres') return [];
  const kept = (report.trials ?? []).flatMap((t) => (t.keptDb ? [t.keptDb] : []));
  return kept.length ? ['kept trial databases (drop them when done):', ...kept.map((k) => `  ${k}`)] : [];
}

process.exitCode = await runCli(USAGE, main);
