import { join, relative } from 'node:path';
import { runSuite } from './suite.js';
import { nullModelsConsole, reportStamp, writeReport } from './report.js';
import { describeSeller } from './simulator.js';
import { parseCliArgs, runCli, trialOptions } from './cliArgs.js';

/**
 * `npm run evals -- [--model NAME] [--trials K] [--filter TAG[,TAG…]] [--prompt VERSION] [--concurrency N] [--out
 * DIR] [--keep-all]`
 * Runs the scenario suite, writes `<out>/<stamp>.json|.md|.svg` (failing
 * trials' databases under `<out>/<stamp>/`, every trial's with `--keep-all`) and prints the Markdown summary.
 * The model comes from the environment as for the server (offline without a
 * key) unless `--model` names one.
 */
const USAGE =
  'usage: npm run evals -- [--model NAME] [--trials K] [--filter TAG] [--prompt VERSION] [--concurrency N] [--out DIR] [--keep-all]';

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
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const { trials, concurrency } = trialOptions(values);
  const stamp = reportStamp();
  const out = values.out;
  const report = await runSuite({
    model: values.model,
    trials,
    filter: values.filter,
    promptVersion: values.prompt,
    concurrency,
    keepFailedIn: join(out, stamp),
    keepAll: values['keep-all'],
    progress: true,
    // The null models run beside whatever model is under test: offline rules, instant.
    nullModels: true,
  });
  const files = writeReport(report, out, stamp);
  const o = report.overall;
  console.log(
    [
      `${report.model} · prompt ${report.promptVersion} · seller ${describeSeller(report.seller)} · ${o.scenarios} scenarios × ${report.trialsPerScenario} trial(s) in ${(report.durationMs / 1000).toFixed(1)} s`,
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
    ].join('\n'),
  );
  return 0;
}

process.exitCode = await runCli(USAGE, main);
