import { unlinkSync } from 'node:fs';
import { isAbsolute, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SCENARIO_DIR } from '../evals/scenario.js';
import { canonicalJson } from '../shared/canonicalJson.js';
import { maskText, maskValue } from '../shared/masking.js';
import type { ReviewItemRecord, Store } from '../store/index.js';
import { ConflictError, NotFoundError } from '../errors.js';
import { scenarioFromReview, type PromotedScenario } from './scenarioFromReview.js';
import { ScenarioFileExistsError, writeScenarioFile } from './scenarioFile.js';

/**
 * `data/promoted-scenarios/` of this checkout: beside the database, ignored by git, and not under
 * `evals/scenarios/`, so a promoted run (a real seller's words, masked) reaches the suite only when an
 * engineer reviews it and moves it there.
 */
export const DEFAULT_PROMOTED_DIR = fileURLToPath(new URL('../../data/promoted-scenarios/', SCENARIO_DIR));

/** The configured directory (relative to the working directory), or the default. */
export function promotedScenariosDir(configured: string | undefined): string {
  return configured ? resolve(configured) : DEFAULT_PROMOTED_DIR;
}

export interface Promotion {
  item: ReviewItemRecord;
  scenario: PromotedScenario;
  /** Where the file was written, relative to the working directory when inside it. */
  path: string;
  warnings: string[];
}

/**
 * Promotes a labelled review item to an eval scenario file in `dir`, once.
 * The label is the judgement's basis, so an unlabelled item cannot be
 * promoted; a second promotion, or a file already at that name, is a
 * conflict and nothing is overwritten. One transaction: the item cannot be
 * relabelled between the checks, the derivation and the mark.
 */
export async function promoteReviewItem(store: Store, itemId: string, dir: string): Promise<Promotion> {
  return store.transaction(async (tx) => {
    const item = await tx.reviews.get(itemId);
    if (!item) throw new NotFoundError('Review item');
    if (item.promotedScenario)
      throw new ConflictError(`This review item was already promoted to ${item.promotedScenario}.`, 'already_promoted');
    if (item.status !== 'labelled' || !item.label)
      throw new ConflictError('Label the review item good or bad before promoting it.', 'not_labelled');

    const derived = await scenarioFromReview(tx, { ...item, label: item.label });
    // A seller's words may hold personal data: the file gets the masked scenario, and says so.
    const scenario = maskValue(derived.scenario);
    const warnings = [...derived.warnings];
    if (canonicalJson(scenario) !== canonicalJson(derived.scenario))
      warnings.push('Personal data or secrets in the recorded conversation were masked in this scenario.');
    const file = {
      $comment: [
        maskText(
          `Promoted from review item ${item.id} (run ${item.runId}, trace ${item.traceId}), labelled ${item.label}${item.reviewer ? ` by ${item.reviewer}` : ''}${item.note ? `: ${item.note}` : ''}.`,
        ),
        'Turns and decisions are the recorded seller’s; the expectation comes from what the seller approved and corrected.',
        ...warnings,
      ].join(' '),
      scenarios: [scenario],
    };
    let written: string;
    try {
      written = writeScenarioFile(dir, `${scenario.id}.json`, file);
    } catch (error) {
      if (error instanceof ScenarioFileExistsError)
        throw new ConflictError(`A scenario file named ${scenario.id}.json already exists.`, 'scenario_exists');
      throw error;
    }
    const path = displayPath(written);
    if (!(await tx.reviews.markPromoted(item.id, path))) {
      unlinkSync(written);
      throw new ConflictError('This review item was promoted by someone else meanwhile.', 'already_promoted');
    }
    return { item: (await tx.reviews.get(item.id))!, scenario, path, warnings };
  });
}

function displayPath(path: string): string {
  const fromCwd = relative(process.cwd(), path);
  return fromCwd && !fromCwd.startsWith('..') && !isAbsolute(fromCwd) ? fromCwd : path;
}
