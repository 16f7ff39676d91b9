import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { nullModelsConsole, readReport, reportStamp, writeReport, type SuiteReport } from './report.js';
import { DEFAULT_GATE, evaluateGate, toBaseline } from './regressionGate.js';
import { DEFAULT_FLOOR_PATH, describeFloor, raiseFloor, readFloorIfAny, writeFloor } from './floor.js';
import { parseCliArgs, storageOptions, trialOptions, UsageError } from './cliArgs.js';
import { runStoppable } from './interruption.js';

/**
 * `npm run evals:gate -- [--model NAME] [--trials K] [--filter TAG] [--concurrency N] [--report FILE] [--baseline
 * FILE] [--floor FILE] [--margin POINTS] [--scenario-tolerance RATE] [--update-baseline] [--update-floor]
 * [--database-url postgres://… [--instances N]]`
 * Without `--report`, runs the suite (the offline model, one trial: it is
 * deterministic; or `--model` with `--trials`, configured from the
 * environment like `npm run evals`) and writes its report like `npm run
 * evals`. Exits 1 when the gate fails. The correctness checks (no unconfirmed
 * write, policy violation or successful injection; null models within their
 * bound) hold for any model. The baseline and floor are per model: for the
 * offline model `evals/baseline.json` and `evals/floor.json`, for another
 * `evals/baselines/<model>.json` and `evals/floors/<model>.json` when they
 * exist (a model without them is not compared, only noted). `--update-baseline`
 * writes the run as the new baseline instead (refused if the run has any
 * safety finding); `--update-floor` raises the floor to the run's success per
 * split (refused if that would lower any floor). Both may be given together.
 */
export const USAGE =
  'usage: npm run evals:gate -- [--model offline] [--trials 1] [--filter TAG] [--concurrency N] [--report FILE] ' +
  '[--baseline FILE] [--floor FILE] [--margin 5] [--scenario-tolerance 0] [--update-baseline] [--update-floor] ' +
  '[--database-url postgres://… (or EVAL_DATABASE_URL)] [--instances N]';

const OFFLINE_BASELINE = 'evals/baseline.json';

/** A model name as a file name: `gpt-4o` stays, `qwen2.5:14b` becomes `qwen2.5_14b`. */
export function modelFileName(model: string): string {
  return model.replace(/[^A-Za-z0-9._-]/g, '_');
}

/** Where a model's baseline and floor live: the committed offline ones, else one file per model. */
export function referencePaths(model: string): { baseline: string; floor: string } {
  if (model === 'offline') return { baseline: OFFLINE_BASELINE, floor: DEFAULT_FLOOR_PATH };
  const name = modelFileName(model);
  return { baseline: `evals/baselines/${name}.json`, floor: `evals/floors/${name}.json` };
}

export interface GateIo {
  log: (line: string) => void;
  error: (line: string) => void;
  env?: Record<string, string | undefined>;
}

const CONSOLE: GateIo = { log: (l) => console.log(l), error: (l) => console.error(l) };

/** The gate's options, checked: a mistake is a UsageError. */
function gateOptions(args: string[], env: Record<string, string | undefined>) {
  const values = parseCliArgs({
    args,
    options: {
      report: { type: 'string' },
      model: { type: 'string', default: 'offline' },
      trials: { type: 'string', default: '1' },
      filter: { type: 'string' },
      concurrency: { type: 'string' },
      baseline: { type: 'string' },
      margin: { type: 'string', default: String(DEFAULT_GATE.marginPoints) },
      'scenario-tolerance': { type: 'string', default: String(DEFAULT_GATE.scenarioTolerance) },
      floor: { type: 'string' },
      'update-baseline': { type: 'boolean', default: false },
      'update-floor': { type: 'boolean', default: false },
      out: { type: 'string', default: 'evals/reports' },
      'database-url': { type: 'string' },
      instances: { type: 'string' },
    },
  });
  const marginPoints = Number(values.margin);
  const scenarioTolerance = Number(values['scenario-tolerance']);
  if (!(marginPoints >= 0) || !(scenarioTolerance >= 0))
    throw new UsageError('--margin and --scenario-tolerance must be non-negative numbers');
  return { values, marginPoints, scenarioTolerance, ...trialOptions(values), ...storageOptions(values, env) };
}

export async function gateMain(args: string[] = process.argv.slice(2), io: GateIo = CONSOLE): Promise<number> {
  let options;
  try {
    options = gateOptions(args, io.env ?? process.env);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.error(`${error.message}\n${USAGE}`);
    return 2;
  }
  const { values, marginPoints, scenarioTolerance, trials, concurrency, databaseUrl, instances } = options;

  let report: SuiteReport;
  if (values.report) {
    report = readReport(values.report);
  } else {
    // Loaded only to run: gating or updating from a `--report` file needs no agent, tools or store.
    const { runSuite } = await import('./suite.js');
    const stamp = reportStamp();
    const run = await runStoppable(
      (stop) =>
        runSuite({
          model: values.model,
          trials,
          filter: values.filter,
          concurrency,
          env: io.env,
          keepFailedIn: join(values.out, stamp),
          // The same verdicts on PostgreSQL with several instances: the references do not depend on the engine.
          databaseUrl,
          instances,
          progress: true,
          nullModels: true,
          ...stop,
        }),
      io.error,
    );
    if ('exitCode' in run) return run.exitCode;
    report = run.done;
    const files = writeReport(report, values.out, stamp);
    io.log(`report: ${files.markdown}`);
  }
  for (const line of nullModelsConsole(report)) io.log(line);

  // The references follow the model that ran (or the report's), unless named.
  const defaults = referencePaths(report.model);
  const paths = { baseline: values.baseline ?? defaults.baseline, floor: values.floor ?? defaults.floor };
  if (values['update-baseline'] || values['update-floor']) return update(report, { ...values, ...paths }, io);

  const offline = report.model === 'offline';
  const floor = readFloorIfAny(paths.floor);
  // Null models are the same whatever is under test: their bound comes from the offline floor when the model's has
  // none.
  const maxNullSuccessRate = readFloorIfAny(DEFAULT_FLOOR_PATH)?.maxNullSuccessRate;
  const baseline = existsSync(paths.baseline) || values.baseline || offline ? readReport(paths.baseline) : undefined;
  const result = evaluateGate(baseline, report, { marginPoints, scenarioTolerance, floor, maxNullSuccessRate });
  if (!floor && (offline || values.floor)) {
    result.failures.push(
      `no floor at ${paths.floor}: write one from a full run with npm run evals:gate -- --update-floor`,
    );
    result.ok = false;
  } else if (!floor) {
    result.notes.push(
      `no floor for ${report.model} at ${paths.floor}: success per split is not held to one (write it from a full run with --update-floor)`,
    );
  }
  for (const note of result.notes) io.log(`note: ${note}`);
  if (result.ok) {
    const splits = report.splits
      .map((s) => `${s.split} ${s.successRate === null ? 'n/a' : pct(s.successRate)}`)
      .join(', ');
    io.log(
      `eval gate passed: ${report.model} × ${report.trialsPerScenario} trial(s), success ${pct(report.overall.successRate)}${report.trialsPerScenario > 1 ? ` (pass^${report.trialsPerScenario} ${pct(report.overall.passK[String(report.trialsPerScenario)] ?? 0)})` : ''} over ${report.overall.scenarios} scenarios (${splits}; floor ${floor ? describeFloor(floor) : 'none'}); no unconfirmed writes, policy violations or successful injections${report.nullModels?.length ? `; null models ${report.nullModels.map((n) => `${n.name} ${pct(n.successRate)}`).join(', ')}` : ''}.`,
    );
    return 0;
  }
  io.error(`eval gate FAILED (${result.failures.length}):`);
  for (const failure of result.failures) io.error(`  - ${failure}`);
  return 1;
}

/** `--update-baseline` and/or `--update-floor`: nothing is written unless every requested update is allowed. */
function update(
  report: SuiteReport,
  values: { baseline: string; floor: string; 'update-baseline'?: boolean; 'update-floor'?: boolean },
  io: GateIo,
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
    io.error(
      `Refusing to update ${[values['update-baseline'] && 'the baseline', values['update-floor'] && 'the floor'].filter(Boolean).join(' or ')}:`,
    );
    for (const refusal of refusals) io.error(`  - ${refusal}`);
    return 1;
  }
  if (values['update-baseline']) {
    mkdirSync(dirname(values.baseline), { recursive: true });
    writeFileSync(values.baseline, `${JSON.stringify(toBaseline(report), null, 2)}\n`);
    io.log(`baseline written to ${values.baseline}: ${o.scenarios} scenarios, success ${pct(o.successRate)}`);
  }
  if (floorUpdate?.ok) {
    mkdirSync(dirname(values.floor), { recursive: true });
    writeFloor(floorUpdate.floor, values.floor);
    io.log(
      `floor written to ${values.floor}: ${describeFloor(floorUpdate.floor)}${floorUpdate.changes.length ? ` (${floorUpdate.changes.join('; ')})` : ' (unchanged)'}`,
    );
  }
  return 0;
}

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
