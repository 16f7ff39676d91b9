import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { z } from 'zod';
import { SPLITS, type Split } from './scenario.js';
import type { SuiteReport } from './report.js';

/**
 * The floor: per split, the lowest success rate the gate accepts, written in
 * the repo (`evals/floor.json`). Unlike the baseline, which is whatever the
 * offline model did last time (known failures included), the floor is a
 * promise: it may rise when the model gets better, never fall. A split with
 * no floor (the test split before it has scenarios) is not checked.
 */

const Rate = z.number().min(0).max(1);

export const Floor = z.strictObject({
  $comment: z.string().optional(),
  /** The model the rates were measured on. */
  model: z.string().min(1),
  minSuccessRate: z.strictObject({ train: Rate.optional(), test: Rate.optional() }),
  /**
   * The highest success rate (over all scenarios of a full run) a null model
   * may reach (`src/evals/nullModels.ts`). A ceiling, not a floor: set by hand,
   * and `--update-floor` carries it over unchanged.
   */
  maxNullSuccessRate: Rate.optional(),
});
export type Floor = z.infer<typeof Floor>;

export const DEFAULT_FLOOR_PATH = 'evals/floor.json';

const COMMENT =
  'Per split, the lowest success rate (0-1, mean over scenarios) `npm run evals:gate` accepts. Written by `npm run evals:gate -- --update-floor`, which raises a floor and refuses to lower one. maxNullSuccessRate: the highest success rate any null model (do-nothing, keyword-stuffed refuser, write-everything) may reach on a full run; edited by hand, carried over by --update-floor.';

export function readFloor(path: string = DEFAULT_FLOOR_PATH): Floor {
  const parsed = Floor.safeParse(JSON.parse(readFileSync(path, 'utf8')));
  if (!parsed.success) throw new Error(`Invalid floor file ${path}:\n${z.prettifyError(parsed.error)}`);
  return parsed.data;
}

/** The floor file, or none yet (the first `--update-floor` writes it). */
export function readFloorIfAny(path: string = DEFAULT_FLOOR_PATH): Floor | undefined {
  return existsSync(path) ? readFloor(path) : undefined;
}

export function writeFloor(floor: Floor, path: string = DEFAULT_FLOOR_PATH): void {
  const { model, minSuccessRate, maxNullSuccessRate } = floor;
  writeFileSync(
    path,
    `${JSON.stringify({ $comment: COMMENT, model, minSuccessRate, ...(maxNullSuccessRate !== undefined ? { maxNullSuccessRate } : {}) }, null, 2)}\n`,
  );
}

export interface FloorCheck {
  failures: string[];
  notes: string[];
}

const EPSILON = 1e-9;
const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

/**
 * Fails a split whose success is below its floor, naming the split's failing
 * scenarios, and a split that has a floor but ran no scenario (its scenarios
 * were removed or renamed away). A filtered run is not held to the floor: its
 * scenarios are not the split.
 */
export function checkFloor(floor: Floor, report: SuiteReport): FloorCheck {
  const failures: string[] = [];
  const notes: string[] = [];
  if (report.filter !== null) {
    notes.push(`the floor is not checked on a filtered run (--filter ${report.filter})`);
    return { failures, notes };
  }
  if (floor.model !== report.model)
    notes.push(`the floor was measured on ${floor.model}, this run used ${report.model}`);
  for (const split of SPLITS) {
    const min = floor.minSuccessRate[split];
    const ran = report.splits.find((s) => s.split === split);
    if (min === undefined) {
      if (ran?.scenarios) notes.push(`the ${split} split has no floor yet (npm run evals:gate -- --update-floor)`);
      continue;
    }
    if (!ran || ran.successRate === null) {
      failures.push(`${split} split: its floor is ${pct(min)} but no ${split} scenario ran`);
    } else if (ran.successRate < min - EPSILON) {
      const failing = report.scenarios.filter((s) => s.split === split && s.successRate < 1).map((s) => s.id);
      failures.push(
        `${split} split: success ${pct(ran.successRate)} over ${ran.scenarios} scenarios is below its floor of ${pct(min)} — not passing: ${failing.join(', ') || 'none'}`,
      );
    }
  }
  return { failures, notes };
}

export type FloorUpdate = { ok: true; floor: Floor; changes: string[] } | { ok: false; refusals: string[] };

/**
 * The floor raised to this run's success rates. Refused, whole, if any split
 * did worse than its floor (or has a floor and ran nothing): a floor never
 * falls. An empty split keeps having no floor.
 */
export function raiseFloor(floor: Floor | undefined, report: SuiteReport): FloorUpdate {
  if (report.filter !== null)
    return { ok: false, refusals: [`a filtered run (--filter ${report.filter}) does not measure a split`] };
  if (floor && floor.model !== report.model)
    return { ok: false, refusals: [`the floor was measured on ${floor.model}; this run used ${report.model}`] };
  const refusals: string[] = [];
  const changes: string[] = [];
  const next: Floor['minSuccessRate'] = {};
  for (const split of SPLITS) {
    const was = floor?.minSuccessRate[split];
    const now = report.splits.find((s) => s.split === split)?.successRate ?? null;
    if (now === null) {
      if (was !== undefined)
        refusals.push(`the ${split} split has a floor of ${pct(was)} but no ${split} scenario ran`);
      continue;
    }
    if (was !== undefined && now < was - EPSILON) {
      refusals.push(`the ${split} split's success ${pct(now)} is below its floor of ${pct(was)}; a floor never falls`);
      continue;
    }
    next[split] = now;
    if (was === undefined) changes.push(`${split}: ${pct(now)} (new)`);
    else if (now > was + EPSILON) changes.push(`${split}: ${pct(was)} -> ${pct(now)}`);
  }
  if (refusals.length) return { ok: false, refusals };
  const maxNull = floor?.maxNullSuccessRate;
  return {
    ok: true,
    floor: {
      model: report.model,
      minSuccessRate: next,
      ...(maxNull !== undefined ? { maxNullSuccessRate: maxNull } : {}),
    },
    changes,
  };
}

/** For messages: "train ≥ 88.2%, test (no floor), null models ≤ 10.0%". */
export function describeFloor(floor: Floor): string {
  return [
    ...SPLITS.map((split: Split) => {
      const min = floor.minSuccessRate[split];
      return min === undefined ? `${split} (no floor)` : `${split} ≥ ${pct(min)}`;
    }),
    ...(floor.maxNullSuccessRate !== undefined ? [`null models ≤ ${pct(floor.maxNullSuccessRate)}`] : []),
  ].join(', ');
}
