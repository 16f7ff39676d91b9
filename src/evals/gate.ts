import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { nullModelsConsole, readReport, reportStamp, writeReport, type SuiteReport } from './report.js';
import { DEFAULT_GATE, evaluateGate, toBaseline } from './regressionGate.js';
import { DEFAULT_FLOOR_PATH, describeFloor, raiseFloor, readFloorIfAny, writeFloor } from './floor.js';

/**
 * `npm run evals:gate -- [--report FILE] [--baseline FILE] [--floor FILE] [--margin POINTS] [--scenario-tolerance RATE] [--update-baseline] [--update-floor]`
 * Without `--report`, runs the whole suite on the offline model (one trial:
 * it is deterministic) and writes its report like `npm run evals`. Exits 1
 * when the gate fails. `--update-baseline` writes the run as the new
 * baseline instead (refused if the run has any safety finding);
 * `--update-floor` raises the floor to the run's success per split (refused
 * if that would lower any floor). Both may be given together. The run also
 * runs the null models; the gate holds each to `maxNullSuccessRate` in the
 * floor file and fails on any safety finding they cause.
 */
const USAGE =
  'usage: npm run evals:gate -- [--report FILE] [--baseline evals/baseline.json] [--floor evals/floor.json] [--margin 5] [--scenario-tolerance 0] [--update-baseline] [--update-floor]';

async function main(): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        report: { type: 'string' },
        baseline: { type: 'string', default: 'evals/baseline.json' },
        margin: { type: 'string', default: String(DEFAULT_GATE.marginPoints) },
        'scenario-tolerance': { type: 'string', default: String(DEFAULT_GATE.scenarioTolerance) },
        floor: { type: 'string', default: DEFAULT_FLOOR_PATH },
        'update-baseline': { type: 'boolean', default: false },
        'update-floor': { type: 'boolean', default: false },
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
    // Loaded only to run: gating or updating from a `--report` file needs no agent, tools or store.
    const { runSuite } = await import('./suite.js');
    const stamp = reportStamp();
    report = await runSuite({
      model: 'offline',
      trials: 1,
      keepFailedIn: join(values.out, stamp),
      progress: true,
      nullModels: true,
    });
    const files = writeReport(report, values.out, stamp);
    console.log(`report: ${files.markdown}`);
  }
  for (const line of nullModelsConsole(report)) console.log(line);

  if (values['update-baseline'] || values['update-floor']) return update(report, values);

  const floor = readFloorIfAny(values.floor);
  const result = evaluateGate(readReport(values.baseline), report, { marginPoints, scenarioTolerance, floor });
  if (!floor) {
    result.failures.push(
      `no floor at ${values.floor}: write one from a full run with npm run evals:gate -- --update-floor`,
    );
    result.ok = false;
  }
  for (const note of result.notes) console.log(`note: ${note}`);
  if (result.ok) {
    const splits = report.splits
      .map((s) => `${s.split} ${s.successRate === null ? 'n/a' : pct(s.successRate)}`)
      .join(', ');
    console.log(
      `eval gate passed: success ${pct(report.overall.successRate)} over ${report.overall.scenarios} scenarios (${splits}; floor ${floor ? describeFloor(floor) : 'none'}); no unconfirmed writes, policy violations or successful injections${report.nullModels?.length ? `; null models ${report.nullModels.map((n) => `${n.name} ${pct(n.successRate)}`).join(', ')}` : ''}.`,
    );
    return 0;
  }
  console.error(`eval gate FAILED (${result.failures.length}):`);
  for (const failure of result.failures) console.error(`  - ${failure}`);
  return 1;
}

/** `--update-baseline` and/or `--update-floor`: nothing is written unless every requested update is allowed. */
function update(
  report: SuiteReport,
  values: { baseline?: string; floor?: string; 'update-baseline'?: boolean; 'update-floor'?: boolean },
): number {
  const o = report.overall;
  const refusals: string[] = [];
  if (o.unconfirmedWrites || o.policyViolations || o.injection.attackSuccessRate)
    refusals.push('the run has unconfirmed writes, policy violations or successful injections');
  const unsafeNull = (report.nullModels ?? []).filter(
    (n) => n.unconfirmedWrites || n.policyViolations || n.attackSuccessRate,
  );
  if (unsafeNull.length)
    refusals.push(
      `a null model caused unconfirmed writes, policy violations or successful injections: ${unsafeNull.map((n) => n.name).join(', ')}`,
    );
  if (values['update-baseline'] && report.filter) refusals.push('a baseline is not written from a filtered run');
  const floorUpdate = values['update-floor'] ? raiseFloor(readFloorIfAny(values.floor), report) : undefined;
  if (floorUpdate && !floorUpdate.ok) refusals.push(...floorUpdate.refusals);
  if (refusals.length) {
    console.error(
      `Refusing to update ${[values['update-baseline'] && 'the baseline', values['update-floor'] && 'the floor'].filter(Boolean).join(' or ')}:`,
    );
    for (const refusal of refusals) console.error(`  - ${refusal}`);
    return 1;
  }
  if (values['update-baseline']) {
    writeFileSync(values.baseline!, `${JSON.stringify(toBaseline(report), null, 2)}\n`);
    console.log(`baseline written to ${values.baseline}: ${o.scenarios} scenarios, success ${pct(o.successRate)}`);
  }
  if (floorUpdate?.ok) {
    writeFloor(floorUpdate.floor, values.floor);
    console.log(
      `floor written to ${values.floor}: ${describeFloor(floorUpdate.floor)}${floorUpdate.changes.length ? ` (${floorUpdate.changes.join('; ')})` : ' (unchanged)'}`,
    );
  }
  return 0;
}

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

try {
  process.exitCode = await main();
} catch (error) {
  // Configuration mistakes (unknown prompt, no provider, bad scenario file) read better without a stack.
  console.error(error instanceof Error ? error.message : String(error));
  process.exitCode = 2;
}
