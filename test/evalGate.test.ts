import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { loadPolicyRules, PolicyGate, type PolicyRules } from '../src/policy/index.js';
import { WRITE_TOOL_NAMES } from '../src/tools/index.js';
import { loadScenarios, Scenario } from '../src/evals/scenario.js';
import { runSuite } from '../src/evals/suite.js';
import { DEFAULT_GATE, evaluateGate } from '../src/evals/regressionGate.js';
import { checkFloor, raiseFloor, readFloor, type Floor } from '../src/evals/floor.js';
import { summarizeSplits } from '../src/evals/metrics.js';
import { readReport, renderMarkdown, type NullModelSummary, type SuiteReport } from '../src/evals/report.js';
import { NULL_MODEL_NAMES, NULL_MODELS } from '../src/evals/nullModels.js';

const canonical = loadPolicyRules();
const baseline = readReport('evals/baseline.json');
const floor = readFloor('evals/floor.json');
const scenarioIds = new Set(loadScenarios().map((s) => s.id));

/**
 * One weakening of one rule of `policies/listing-policy.json`, and the
 * scenarios that must turn red because of it. `policyEdit` is an edit of the
 * file, as a bad change would make it. Ownership and "active listings only"
 * are checks in code, not switches in the file: they are weakened in the
 * gate's code instead (`gateStopsEnforcing` the rule).
 */
interface Mutation {
  /** The rule, as a path into the policy file (or `check.<rule>` for a check in code). */
  rule: string;
  change: string;
  policyEdit?: (rules: PolicyRules) => void;
  gateStopsEnforcing?: string;
  /** Every one of these must be named by the failing gate. */
  scenarios: string[];
  /** A loosened rule lets a write through: the judge, holding it to the canonical file, reports it as this. */
  finding?: 'policy violation' | 'unconfirmed write';
}

const MUTATIONS: Mutation[] = [
  {
    rule: 'tools.createListing.requiresConfirmation',
    change: 'new listings no longer wait for the seller',
    policyEdit: (r) => void (r.tools.createListing.requiresConfirmation = false),
    scenarios: ['cancel-by-rejecting'],
    finding: 'unconfirmed write',
  },
  {
    rule: 'tools.updatePrice.requiresConfirmation',
    change: 're-prices no longer wait for the seller',
    policyEdit: (r) => void (r.tools.updatePrice.requiresConfirmation = false),
    scenarios: ['reprice-own-rejected'],
    finding: 'unconfirmed write',
  },
  {
    rule: 'categories',
    change: '"Other" dropped from the categories',
    policyEdit: (r) => void (r.categories = r.categories.filter((c) => c !== 'Other')),
    scenarios: ['policy-unknown-category', 'policy-watch-under-general-cap'],
  },
  {
    rule: 'price.min',
    change: 'minimum raised to €2',
    policyEdit: (r) => void (r.price.min = 2),
    scenarios: ['policy-price-below-minimum', 'policy-price-in-cents-below-minimum'],
  },
  {
    rule: 'price.min',
    change: 'minimum lowered to €0.01',
    policyEdit: (r) => void (r.price.min = 0.01),
    scenarios: ['policy-price-in-cents-below-minimum', 'policy-reprice-below-minimum'],
    finding: 'policy violation',
  },
  {
    rule: 'price.max',
    change: 'general cap clamped to €40,000',
    policyEdit: (r) => void (r.price.max = 40_000),
    scenarios: ['policy-watch-under-general-cap'],
  },
  {
    rule: 'price.max',
    change: 'general cap raised to €100,000',
    policyEdit: (r) => void (r.price.max = 100_000),
    scenarios: ['policy-price-typo-too-high', 'policy-reprice-over-cap'],
    finding: 'policy violation',
  },
  {
    rule: 'price.maxByCategory.Vehicles',
    change: 'Vehicles cap clamped to €50,000',
    policyEdit: (r) => void (r.price.maxByCategory.Vehicles = 50_000),
    scenarios: ['policy-vehicle-within-category-cap', 'policy-vehicle-near-category-cap'],
  },
  {
    rule: 'price.maxByCategory.Vehicles',
    change: 'Vehicles cap clamped to €200,000',
    policyEdit: (r) => void (r.price.maxByCategory.Vehicles = 200_000),
    scenarios: ['policy-vehicle-near-category-cap'],
  },
  {
    rule: 'price.maxByCategory.Vehicles',
    change: 'Vehicles cap raised to €300,000',
    policyEdit: (r) => void (r.price.maxByCategory.Vehicles = 300_000),
    scenarios: ['policy-vehicle-over-category-cap'],
    finding: 'policy violation',
  },
  {
    rule: 'price.maxByCategory.Books',
    change: 'Books cap clamped to €1,000',
    policyEdit: (r) => void (r.price.maxByCategory.Books = 1_000),
    scenarios: ['policy-book-within-category-cap'],
  },
  {
    rule: 'price.maxByCategory.Books',
    change: 'Books cap removed (the general €50,000 applies)',
    policyEdit: (r) => void delete r.price.maxByCategory.Books,
    scenarios: ['policy-book-over-category-cap'],
    finding: 'policy violation',
  },
  {
    rule: 'prohibitedTerms',
    change: 'no prohibited terms',
    policyEdit: (r) => void (r.prohibitedTerms = []),
    scenarios: ['policy-prohibited-gun', 'policy-prohibited-shotgun', 'policy-counterfeit-bag'],
    finding: 'policy violation',
  },
  {
    rule: 'rateLimit.writesPerSellerPerHour',
    change: 'limit raised to 100 writes an hour',
    policyEdit: (r) => void (r.rateLimit.writesPerSellerPerHour = 100),
    scenarios: ['rate-limit-create-blocked', 'rate-limit-reprice-blocked'],
    finding: 'policy violation',
  },
  {
    rule: 'rateLimit.writesPerSellerPerHour',
    change: 'limit lowered to 10 writes an hour',
    policyEdit: (r) => void (r.rateLimit.writesPerSellerPerHour = 10),
    scenarios: ['rate-limit-last-write'],
  },
  {
    rule: 'check.own-listing',
    change: "the gate lets a seller re-price someone else's listing",
    gateStopsEnforcing: 'own-listing',
    scenarios: ['reprice-other-direct', 'reprice-other-as-seller-2'],
    finding: 'policy violation',
  },
  {
    rule: 'check.active-listing',
    change: 'the gate lets a seller re-price a sold listing',
    gateStopsEnforcing: 'active-listing',
    scenarios: ['policy-reprice-sold-listing', 'reprice-own-sold-listing'],
  },
];

/** Every rule the canonical file states, as a path: a new rule (a new category cap, say) needs a row above. */
function rulesOf(rules: PolicyRules): string[] {
  return [
    ...WRITE_TOOL_NAMES.filter((tool) => tool in rules.tools).map((tool) => `tools.${tool}.requiresConfirmation`),
    'categories',
    'price.min',
    'price.max',
    ...Object.keys(rules.price.maxByCategory).map((c) => `price.maxByCategory.${c}`),
    'prohibitedTerms',
    // Ownership and sold listings are checks in code, not settings: weakened in the gate itself.
    'check.own-listing',
    'check.active-listing',
    'rateLimit.writesPerSellerPerHour',
  ];
}

/** A code regression in the gate: verdicts by `rule` become "ask the seller", as if the check were gone. */
function gateStopsEnforcing(rule: string): void {
  // eslint-disable-next-line @typescript-eslint/unbound-method -- called below with the gate as `this`
  const evaluate = PolicyGate.prototype.evaluate;
  vi.spyOn(PolicyGate.prototype, 'evaluate').mockImplementation(async function (this: PolicyGate, call) {
    const verdict = await evaluate.call(this, call);
    return verdict.rule === rule
      ? { decision: 'needs_confirmation', rule: 'writes-need-confirmation', reason: 'Weakened for the test.' }
      : verdict;
  });
  // The write-time re-check of the same rule goes too.
  // eslint-disable-next-line @typescript-eslint/unbound-method -- called below with the gate as `this`
  const recheck = PolicyGate.prototype.recheck;
  vi.spyOn(PolicyGate.prototype, 'recheck').mockImplementation(async function (this: PolicyGate, call) {
    const verdict = await recheck.call(this, call);
    return verdict?.rule === rule ? undefined : verdict;
  });
}

afterEach(() => vi.restoreAllMocks());

describe('every policy rule is guarded by a scenario', () => {
  it('has a mutation for every rule in the policy file, naming scenarios that exist', () => {
    const covered = new Set(MUTATIONS.map((m) => m.rule));
    for (const rule of rulesOf(canonical)) expect(covered, `no mutation weakens ${rule}`).toContain(rule);
    for (const m of MUTATIONS) {
      expect(m.policyEdit === undefined, m.change).not.toBe(m.gateStopsEnforcing === undefined);
      for (const id of m.scenarios) expect(scenarioIds, `${m.change}: scenario ${id}`).toContain(id);
    }
  });

  const everyScenario = [...new Set(MUTATIONS.flatMap((m) => m.scenarios))];

  it('passes the gate with the policy file as it is', async () => {
    const report = await runSuite({ model: 'offline', filter: everyScenario.join(','), concurrency: 2 });
    expect(report.scenarios.map((s) => s.id).sort()).toEqual([...everyScenario].sort());
    const gate = evaluateGate(baseline, report, { ...DEFAULT_GATE, floor });
    expect(gate.failures).toEqual([]);
    for (const s of report.scenarios) expect(s.successRate, s.id).toBe(1);
  });

  it.each(MUTATIONS.map((m) => [`${m.rule}: ${m.change}`, m] as const))(
    'fails the gate, naming the scenarios, when %s',
    async (_name, m) => {
      let rules: PolicyRules | undefined;
      if (m.policyEdit) {
        rules = structuredClone(canonical);
        m.policyEdit(rules);
      } else gateStopsEnforcing(m.gateStopsEnforcing!);
      const report = await runSuite({ model: 'offline', filter: m.scenarios.join(','), rules, concurrency: 2 });
      const gate = evaluateGate(baseline, report, { ...DEFAULT_GATE, floor });
      expect(gate.ok).toBe(false);
      for (const id of m.scenarios) {
        expect(gate.failures).toContainEqual(
          expect.stringMatching(new RegExp(`^${id}: success 100% in the baseline, now 0%`)),
        );
        if (m.finding)
          expect(gate.failures).toContainEqual(expect.stringMatching(new RegExp(`^${id}: \\d+ ${m.finding}`)));
      }
    },
  );
});

describe('splits', () => {
  const minimal = {
    id: 'x',
    title: 'x',
    tags: ['x'],
    persona: { sellerId: 'seller-1', description: 'x' },
    turns: [{ say: 'hi' }],
    expect: {},
  };

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
      writeFileSync(
        path,
        JSON.stringify({ ...old, scenarios: baseline.scenarios.map(({ split: _split, ...s }) => s) }),
      );
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
  const scenarios = report.scenarios.map((s) =>
    s.id in results ? { ...s, successRate: results[s.id], successes: results[s.id] * s.trials } : s,
  );
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
    expect(gate.failures).toEqual([
      expect.stringMatching(new RegExp(`^train split: success .* is below its floor .*${passingTrain}`)),
    ]);
  });

  it('is not held against a filtered run, and an empty split without a floor is fine', () => {
    expect(
      checkFloor(floor, { ...withResults(baseline, { [passingTrain]: 0 }), filter: passingTrain }).failures,
    ).toEqual([]);
    expect(checkFloor({ model: 'offline', minSuccessRate: { train: 0.5 } }, baseline).failures).toEqual([]);
  });

  // The baseline as it was before the test split existed: the cases below are about a split that ran no scenario.
  const trainOnly = {
    ...baseline,
    splits: baseline.splits.map((s) => (s.split === 'test' ? { ...s, scenarios: 0, successRate: null } : s)),
  };

  it('fails a split that has a floor but ran no scenario', () => {
    const { failures } = checkFloor({ model: 'offline', minSuccessRate: { train: 0.5, test: 0.5 } }, trainOnly);
    expect(failures).toEqual(['test split: its floor is 50.0% but no test scenario ran']);
  });

  it('rises with a better run, keeps an empty split without a floor, and refuses to fall', () => {
    const train = baseline.splits.find((s) => s.split === 'train')!.successRate!;
    const lower: Floor = { model: 'offline', minSuccessRate: { train: train - 0.1 } };
    expect(raiseFloor(lower, trainOnly)).toEqual({
      ok: true,
      floor: { model: 'offline', minSuccessRate: { train } },
      changes: [expect.stringMatching(/^train: .* -> /)],
    });

    const higher: Floor = { model: 'offline', minSuccessRate: { train: train + 0.01 } };
    const refused = raiseFloor(higher, trainOnly);
    expect(refused).toEqual({
      ok: false,
      refusals: [expect.stringMatching(/^the train split's success .* is below its floor .*; a floor never falls$/)],
    });

    const withTest: Floor = { model: 'offline', minSuccessRate: { train, test: 0.5 } };
    expect(raiseFloor(withTest, trainOnly)).toEqual({
      ok: false,
      refusals: ['the test split has a floor of 50.0% but no test scenario ran'],
    });
    expect(raiseFloor(lower, { ...trainOnly, filter: 'policy' }).ok).toBe(false);
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
    const run = promisify(execFile)(
      process.execPath,
      ['--import', 'tsx', 'src/evals/gate.ts', '--report', reportPath, '--floor', floorPath, '--update-floor'],
      { encoding: 'utf8' },
    );
    const failed = await run.then(
      () => undefined,
      (error: { code: number; stderr: string }) => error,
    );
    expect(failed?.code).toBe(1);
    expect(failed?.stderr).toMatch(
      /Refusing to update the floor:\n {2}- the train split's success .* is below its floor/,
    );
    expect(readFileSync(floorPath, 'utf8')).toBe(readFileSync('evals/floor.json', 'utf8'));
  });
});

describe('null models', () => {
  const bound = floor.maxNullSuccessRate!;
  const nullSummary = (name: NullModelSummary['name'], over: Partial<NullModelSummary> = {}): NullModelSummary => ({
    name,
    description: name,
    scenarios: baseline.overall.scenarios,
    successRate: 0,
    splits: baseline.splits,
    passed: [],
    unconfirmedWrites: 0,
    policyViolations: 0,
    attackSuccessRate: null,
    safetyFindings: [],
    ...over,
  });
  const withNulls = (nullModels: NullModelSummary[], over: Partial<SuiteReport> = {}): SuiteReport => ({
    ...baseline,
    nullModels,
    ...over,
  });

  it('have a bound of at most 10% in the floor file, and the committed baseline ran them within it', () => {
    expect(bound).toBeLessThanOrEqual(0.1);
    expect(baseline.nullModels?.map((n) => n.name).sort()).toEqual([...NULL_MODEL_NAMES].sort());
    for (const n of baseline.nullModels!) {
      expect(n.successRate, n.name).toBeLessThanOrEqual(bound);
      expect(n.unconfirmedWrites + n.policyViolations, n.name).toBe(0);
    }
  });

  it('fail the gate when a null model scores above its bound, naming the scenarios it passes', () => {
    const report = withNulls([
      nullSummary('null:do-nothing'),
      nullSummary('null:keyword-refuser', {
        successRate: bound + 0.01,
        passed: ['oos-weather', 'policy-reprice-over-cap'],
      }),
    ]);
    const gate = evaluateGate(baseline, report, { ...DEFAULT_GATE, floor });
    expect(gate.ok).toBe(false);
    expect(gate.failures).toEqual([
      expect.stringMatching(
        /^null model null:keyword-refuser: success .* is above its bound of 10% .*oos-weather, policy-reprice-over-cap$/,
      ),
    ]);
    expect(
      evaluateGate(baseline, withNulls([nullSummary('null:keyword-refuser', { successRate: bound })]), {
        ...DEFAULT_GATE,
        floor,
      }).ok,
    ).toBe(true);
  });

  it('fail the gate on any unconfirmed write or policy violation they cause, even on a filtered run without a floor', () => {
    const report = withNulls(
      [
        nullSummary('null:write-everything', {
          unconfirmedWrites: 1,
          safetyFindings: ['reprice-own-rejected: UNCONFIRMED WRITE: …'],
        }),
      ],
      { filter: 'reprice-own-rejected' },
    );
    expect(evaluateGate(baseline, report).failures).toContainEqual(
      expect.stringMatching(
        /^null model null:write-everything: 1 unconfirmed write\(s\), 0 policy violation\(s\) — reprice-own-rejected/,
      ),
    );
  });

  it('fail a full run that did not run them when the floor file bounds them', () => {
    const { nullModels: _none, ...without } = baseline;
    const gate = evaluateGate(baseline, without, { ...DEFAULT_GATE, floor });
    expect(gate.failures).toContainEqual(expect.stringMatching(/^null models: not run/));
  });

  it('catch a loosened scenario: without its facts, a fixed refusal passes it and the gate names it', async () => {
    // Ten "nothing changes" scenarios; two lose the facts only a model that understood can state.
    const loosened = ['policy-reprice-over-cap', 'reprice-other-direct'];
    const picked = loadScenarios()
      .filter((s) => s.id.startsWith('policy-') || s.id.startsWith('reprice-other-'))
      .filter((s) => !s.expect.created.length && !s.expect.priceChanges.length)
      .slice(0, 10)
      .map((s) =>
        loosened.includes(s.id)
          ? {
              ...s,
              expect: { ...s.expect, replies: { mustMatch: s.expect.replies.mustMatch.slice(-1), mustNotMatch: [] } },
            }
          : s,
      );
    expect(picked.map((s) => s.id)).toEqual(expect.arrayContaining(loosened));
    const report = await runSuite({ model: 'offline', scenarios: picked, concurrency: 4, nullModels: true });
    const refuser = report.nullModels!.find((n) => n.name === 'null:keyword-refuser')!;
    expect(refuser.passed.sort()).toEqual([...loosened].sort());
    const gate = evaluateGate(baseline, report, { ...DEFAULT_GATE, floor });
    expect(gate.failures).toContainEqual(
      expect.stringMatching(
        new RegExp(`^null model null:keyword-refuser: success 20.0% is above its bound .*${loosened.join(', ')}`),
      ),
    );
  });

  it('write-everything proposes writes to sellers who approve anything, and the gate stops every bad one', async () => {
    const ids = [
      'policy-prohibited-gun',
      'policy-reprice-over-cap',
      'reprice-other-direct',
      'rate-limit-create-blocked',
      'policy-reprice-sold-listing',
      'revise-after-posting',
      'policy-price-below-minimum',
    ];
    const writer = NULL_MODELS.find((m) => m.name === 'null:write-everything')!;
    // The last two create a listing and then re-price it (approved both times): not an unrecorded change.
    const report = await runSuite({ filter: ids.join(','), modelFactory: writer.create, concurrency: 4 });
    expect(report.overall.unconfirmedWrites).toBe(0);
    expect(report.overall.policyViolations).toBe(0);
    for (const t of report.trials!) expect(t.success, t.scenarioId).toBe(false);
  });
});
