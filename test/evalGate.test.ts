import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Scenario } from '../src/evals/scenario.js';
import { evaluateGate } from '../src/evals/regressionGate.js';
import { checkFloor, raiseFloor, readFloor, type Floor } from '../src/evals/floor.js';
import { summarizeSplits } from '../src/evals/metrics.js';
import { readReport, renderMarkdown, type SuiteReport } from '../src/evals/report.js';

const baseline = readReport('evals/baseline.json');
const floor = readFloor('evals/floor.json');

describe('splits', () => {
  const minimal = { id: 'x', title: 'x', tags: ['x'], persona: { sellerId: 'seller-1', description: 'x' }, turns: [{ say: 'hi' }], expect: {} };

  it('puts a scenario in train unless it says test, and accepts nothing else', () => {
    expect(Scenario.parse(minimal).split).toBe('train');
    expect(Scenario.parse({ ...minimal, split: 'test' }).split).toBe('test');
    expect(Scenario.safeParse({ ...minimal, split: 'validation' }).success).toBe(false);
  });

  it('reports success per split, an empty split as having no scenarios', () => {
    const splits = summarizeSplits([
      { split: 'train', successRate: 1 },
      { split: 'train', successRate: 0 },
    ]);
    expect(splits).toEqual([
      { split: 'train', scenarios: 2, successRate: 0.5 },
      { split: 'test', scenarios: 0, successRate: null },
    ]);
    const markdown = renderMarkdown({ ...baseline, splits }, 'chart.svg');
    expect(markdown).toContain('| train | 2 | 50.0% |');
    expect(markdown).toContain('| test | 0 | n/a (no scenarios) |');
  });

  it('reads a report written before splits as all train', () => {
    const dir = mkdtempSync(join(tmpdir(), 'eval-splits-'));
    try {
      const { splits: _splits, ...old } = baseline;
      const path = join(dir, 'old.json');
      writeFileSync(path, JSON.stringify({ ...old, scenarios: baseline.scenarios.map(({ split: _split, ...s }) => s) }));
      const read = readReport(path);
      expect(read.scenarios.every((s) => s.split === 'train')).toBe(true);
      expect(read.splits).toEqual(summarizeSplits(baseline.scenarios.map((s) => ({ ...s, split: 'train' as const }))));
      expect(read.splits.find((s) => s.split === 'test')).toEqual({ split: 'test', scenarios: 0, successRate: null });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

/** The committed baseline with some scenarios' results replaced, its split figures recomputed. */
function withResults(report: SuiteReport, results: Record<string, number>): SuiteReport {
  const scenarios = report.scenarios.map((s) => (s.id in results ? { ...s, successRate: results[s.id], successes: results[s.id] * s.trials } : s));
  return { ...report, scenarios, splits: summarizeSplits(scenarios) };
}

const passingTrain = baseline.scenarios.find((s) => s.split === 'train' && s.successRate === 1)!.id;

describe('the floor', () => {
  it('is met by the committed baseline, and every split with scenarios has one', () => {
    expect(checkFloor(floor, baseline)).toEqual({ failures: [], notes: [] });
    for (const s of baseline.splits) expect(floor.minSuccessRate[s.split] !== undefined, s.split).toBe(s.scenarios > 0);
  });

  it('fails the gate when a split falls below its floor, naming the scenarios that do not pass', () => {
    const worse = withResults(baseline, { [passingTrain]: 0 });
    // Tolerant of the regression itself: the floor alone must catch the drop.
    const gate = evaluateGate(baseline, worse, { marginPoints: 100, scenarioTolerance: 1, floor });
    expect(gate.ok).toBe(false);
    expect(gate.failures).toEqual([expect.stringMatching(new RegExp(`^train split: success .* is below its floor .*${passingTrain}`))]);
  });

  it('is not held against a filtered run, and an empty split without a floor is fine', () => {
    expect(checkFloor(floor, { ...withResults(baseline, { [passingTrain]: 0 }), filter: passingTrain }).failures).toEqual([]);
    expect(checkFloor({ model: 'offline', minSuccessRate: { train: 0.5 } }, baseline).failures).toEqual([]);
  });

  it('fails a split that has a floor but ran no scenario', () => {
    const { failures } = checkFloor({ model: 'offline', minSuccessRate: { train: 0.5, test: 0.5 } }, baseline);
    expect(failures).toEqual(['test split: its floor is 50.0% but no test scenario ran']);
  });

  it('rises with a better run, keeps an empty split without a floor, and refuses to fall', () => {
    const train = baseline.splits.find((s) => s.split === 'train')!.successRate!;
    const lower: Floor = { model: 'offline', minSuccessRate: { train: train - 0.1 } };
    expect(raiseFloor(lower, baseline)).toEqual({ ok: true, floor: { model: 'offline', minSuccessRate: { train } }, changes: [expect.stringMatching(/^train: .* -> /)] });

    const higher: Floor = { model: 'offline', minSuccessRate: { train: train + 0.01 } };
    const refused = raiseFloor(higher, baseline);
    expect(refused).toEqual({ ok: false, refusals: [expect.stringMatching(/^the train split's success .* is below its floor .*; a floor never falls$/)] });

    const withTest: Floor = { model: 'offline', minSuccessRate: { train, test: 0.5 } };
    expect(raiseFloor(withTest, baseline)).toEqual({ ok: false, refusals: ['the test split has a floor of 50.0% but no test scenario ran'] });
    expect(raiseFloor(lower, { ...baseline, filter: 'policy' }).ok).toBe(false);
  });
});

describe('npm run evals:gate -- --update-floor', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'eval-floor-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('refuses to lower the floor and leaves the file as it was', async () => {
    const reportPath = join(dir, 'worse.json');
    const floorPath = join(dir, 'floor.json');
    writeFileSync(reportPath, JSON.stringify(withResults(baseline, { [passingTrain]: 0 })));
    writeFileSync(floorPath, readFileSync('evals/floor.json'));
    const run = promisify(execFile)(process.execPath, ['--import', 'tsx', 'src/evals/gate.ts', '--report', reportPath, '--floor', floorPath, '--update-floor'], { encoding: 'utf8' });
    const failed = await run.then(
      () => undefined,
      (error: { code: number; stderr: string }) => error,
    );
    expect(failed?.code).toBe(1);
    expect(failed?.stderr).toMatch(/Refusing to update the floor:\n {2}- the train split's success .* is below its floor/);
    expect(readFileSync(floorPath, 'utf8')).toBe(readFileSync('evals/floor.json', 'utf8'));
  });
});
