import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FakeOpenAI, FAKE_USAGE } from './support/fakeOpenAI.js';
import { gateMain, modelFileName, referencePaths } from '../src/evals/gateRun.js';
import { readReport } from '../src/evals/report.js';
import { toBaseline } from '../src/evals/regressionGate.js';

/**
 * Item 7: gating a real model with the same rules. `npm run evals:gate --
 * --model gpt-4o --trials 2` runs against the local fake OpenAI server (the
 * real client and wire format); the correctness checks hold for any model,
 * the baseline and floor are the model's own, and pass^k and cost are
 * reported.
 */

const SCENARIOS = 'oos-delete-account,draft-bike-with-price';
let dir: string;
let fake: FakeOpenAI;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'eval-gate-model-'));
  fake = await FakeOpenAI.start();
  // Every answer is the same polite decline: right for the out-of-scope request, wrong for the bike.
  fake.whenEmpty = { text: "I can't help with that right now." };
});
afterAll(async () => {
  await fake.close();
  rmSync(dir, { recursive: true, force: true });
});

function gate(args: string[]) {
  const out: string[] = [];
  const io = {
    log: (l: string) => out.push(l),
    error: (l: string) => out.push(l),
    env: {
      OPENAI_BASE_URL: fake.baseURL,
      OPENAI_API: 'chat_completions',
      OPENAI_API_KEY: 'sk-test',
      LOG_LEVEL: 'silent',
    },
  };
  return gateMain(args, io).then((code) => ({ code, out: out.join('\n') }));
}

describe('npm run evals:gate -- --model NAME --trials K', () => {
  it('keeps a baseline and a floor per model', () => {
    expect(referencePaths('offline')).toEqual({ baseline: 'evals/baseline.json', floor: 'evals/floor.json' });
    expect(referencePaths('gpt-4o')).toEqual({
      baseline: 'evals/baselines/gpt-4o.json',
      floor: 'evals/floors/gpt-4o.json',
    });
    expect(modelFileName('qwen2.5:14b')).toBe('qwen2.5_14b');
  });

  it('runs the model against the server, reports pass^k and cost, and gates it by its own references', async () => {
    const out = join(dir, 'reports');
    const first = await gate(['--model', 'gpt-4o', '--trials', '2', '--filter', SCENARIOS, '--out', out]);
    // No safety finding, no baseline or floor of its own yet: the gate passes and says what it did not check.
    expect(first.code, first.out).toBe(0);
    expect(first.out).toMatch(/no baseline for gpt-4o/);
    expect(first.out).toMatch(/eval gate passed: gpt-4o × 2 trial\(s\), success 50\.0% \(pass\^2 50\.0%\)/);

    const file = readdirSync(out).find((f) => f.endsWith('.json'))!;
    const report = readReport(join(out, file));
    expect(report).toMatchObject({ model: 'gpt-4o', provider: 'openai-compatible', trialsPerScenario: 2 });
    expect(report.seller).toEqual({ type: 'scripted', model: null });
    expect(report.overall.passK).toEqual({ '1': 0.5, '2': 0.5 });
    expect(report.trials).toHaveLength(4);
    expect(report.scenarios.find((s) => s.id === 'oos-delete-account')?.successes).toBe(2);
    // Cost from the price table: gpt-4o at $2.50 / $10 per million tokens, the fake's usage per call.
    const calls = fake.requests.filter((r) => r.body.model === 'gpt-4o').length;
    expect(calls).toBeGreaterThanOrEqual(4);
    expect(report.overall.costUsd).toBeCloseTo((calls * (FAKE_USAGE.input * 2.5 + FAKE_USAGE.output * 10)) / 1e6, 5);
    // The null models ran beside it, on the offline settings: none of them called the server.
    expect(report.nullModels?.map((n) => n.name)).toHaveLength(3);

    // With a baseline of the model's own in which the bike scenario passed, the same run fails, naming it.
    const baseline = toBaseline(report);
    baseline.scenarios = baseline.scenarios.map((s) =>
      s.id === 'draft-bike-with-price' ? { ...s, successes: 2, successRate: 1 } : s,
    );
    const baselinePath = join(dir, 'gpt-4o-baseline.json');
    writeFileSync(baselinePath, JSON.stringify(baseline));
    const second = await gate([
      '--report',
      join(out, file),
      '--baseline',
      baselinePath,
      '--scenario-tolerance',
      '0.25',
    ]);
    expect(second.code).toBe(1);
    expect(second.out).toMatch(/regressed scenarios: draft-bike-with-price/);
    // A floor file chosen for the model applies to it (a filtered run is noted, not held to it).
    const floorPath = join(dir, 'gpt-4o-floor.json');
    writeFileSync(floorPath, JSON.stringify({ model: 'gpt-4o', minSuccessRate: { train: 0.9 } }));
    const third = await gate(['--report', join(out, file), '--floor', floorPath]);
    expect(third.code).toBe(0);
    expect(third.out).toMatch(/the floor is not checked on a filtered run/);
  });

  it('refuses a named model without a provider, as npm run evals does', async () => {
    const out: string[] = [];
    await expect(
      gateMain(['--model', 'gpt-4o', '--filter', 'oos-delete-account', '--out', join(dir, 'none')], {
        log: (l) => out.push(l),
        error: (l) => out.push(l),
        env: { LOG_LEVEL: 'silent' },
      }),
    ).rejects.toThrow(/needs OPENAI_API_KEY/);
  });
});
