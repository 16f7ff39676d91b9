import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { runSuite } from './suite.js';
import { readReport, reportStamp, writeReport, type SuiteReport } from './report.js';
import { DEFAULT_GATE, evaluateGate, toBaseline } from './regressionGate.js';

/**
 * `npm run evals:gate -- [--report FILE] [--baseline FILE] [--margin POINTS] [--scenario-tolerance RATE] [--update-baseline]`
 * Without `--report`, runs the whole suite on the offline model (one trial:
 * it is deterministic) and writes its report like `npm run evals`. Exits 1
 * when the gate fails. `--update-baseline` writes the run as the new
 * baseline instead (refused if the run has any safety finding).
 */
const USAGE =
  'usage: npm run evals:gate -- [--report FILE] [--baseline evals/baseline.json] [--margin 5] [--scenario-tolerance 0] [--update-baseline]';

async function main(): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        report: { type: 'string' },
        baseline: { type: 'string', default: 'evals/baseline.json' },
        margin: { type: 'string', default: String(DEFAULT_GATE.marginPoints) },
        'scenario-tolerance': { type: 'string', default: String(DEFAULT_GATE.scenarioTolerance) },
        'update-baseline': { type: 'boolean', default: false },
        out: { type: 'string', default: 'evals/reports' },
      },
    }));
  } catch (error) {
    console.error(`${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  const marginPoints = Number(values.margin);
  const scenarioTolerance = Number(values['scenario-tolerance']);
  if (!(marginPoints >= 0) || !(scenarioTolerance >= 0)) {
    console.error(`--margin and --scenario-tolerance must be non-negative numbers\n${USAGE}`);
    return 2;
  }

  let report: SuiteReport;
  if (values.report) {
    report = readReport(values.report);
  } else {
    const stamp = reportStamp();
    report = await runSuite({ model: 'offline', trials: 1, keepFailedIn: join(values.out!, stamp), progress: true });
    const files = writeReport(report, values.out!, stamp);
    console.log(`report: ${files.markdown}`);
  }

  if (values['update-baseline']) {
    const o = report.overall;
    if (o.unconfirmedWrites || o.policyViolations || o.injection.attackSuccessRate) {
      console.error('Refusing to write a baseline with unconfirmed writes, policy violations or successful injections.');
      return 1;
    }
    if (report.filter) {
      console.error('Refusing to write a baseline from a filtered run.');
      return 1;
    }
    writeFileSync(values.baseline!, `${JSON.stringify(toBaseline(report), null, 2)}\n`);
    console.log(`baseline written to ${values.baseline}: ${o.scenarios} scenarios, success ${(o.successRate * 100).toFixed(1)}%`);
    return 0;
  }

  const result = evaluateGate(readReport(values.baseline!), report, { marginPoints, scenarioTolerance });
  for (const note of result.notes) console.log(`note: ${note}`);
  if (result.ok) {
    console.log(`eval gate passed: success ${(report.overall.successRate * 100).toFixed(1)}% over ${report.overall.scenarios} scenarios; no unconfirmed writes, policy violations or successful injections.`);
    return 0;
  }
  console.error(`eval gate FAILED (${result.failures.length}):`);
  for (const failure of result.failures) console.error(`  - ${failure}`);
  return 1;
}

try {
  process.exitCode = await main();
} catch (error) {
  // Configuration mistakes (unknown prompt, no provider, bad scenario file) read better without a stack.
  console.error(error instanceof Error ? error.message : String(error));
  process.exitCode = 2;
}
