import { parseJsonObject, sellerMessageAt, toolCallAt, toolResultAt, type Item } from './history.js';
import type { Step } from './intentKind.js';
import { readToolOutcome, type ToolOutcome } from './toolOutcome.js';

/**
 * How far the model got through the steps one seller message asked for,
 * read from the tool calls after it: a step starts with its own first call
 * (the search for an item, the look-up of a listing) once the step before
 * it ended (posted, changed, refused, rejected or not found).
 */

/** Outcomes after which a step is over, whatever became of it. */
const ENDING: ReadonlySet<ToolOutcome['kind']> = new Set([
  'created',
  'updated',
  'policy_denied',
  'not_found',
  'not_confirmed',
  'failed',
  'invalid_arguments',
  'rejected',
]);

export function endsStep(outcome: ToolOutcome): boolean {
  return ENDING.has(outcome.kind) && !(outcome.kind === 'rejected' && outcome.expired);
}

/** Whether a tool call is the first call of `step`. */
export function startsStep(name: string, args: Record<string, unknown> | undefined, step: Step): boolean {
  if (step.kind === 'sell') return name === 'searchSimilar' && args?.query === step.item.query && !args.mine;
  return name === 'getListing' && args?.listingId === step.listingId;
}

export interface StepProgress {
  /** The index of the step under way (0 before any call). */
  current: number;
  /** The last outcome that ended each step so far, by step index. */
  outcomes: Array<ToolOutcome | undefined>;
}

/** How far the steps asked for by the seller message at `index` got. */
export function stepProgress(items: Item[], index: number, steps: Step[]): StepProgress {
  let current = 0;
  let started = false;
  let ended = false;
  const outcomes: Array<ToolOutcome | undefined> = [];
  for (let i = index + 1; i < items.length && !sellerMessageAt(items, i); i++) {
    const call = toolCallAt(items, i);
    if (call) {
      const next = started ? current + 1 : current;
      const args = parseJsonObject(call.arguments);
      if (next < steps.length && (!started || ended) && startsStep(call.name, args, steps[next])) {
        current = next;
        started = true;
        ended = false;
      }
      continue;
    }
    const result = toolResultAt(items, i);
    const outcome = result && started ? readToolOutcome(result.text) : undefined;
    if (outcome && endsStep(outcome)) {
      ended = true;
      outcomes[current] = outcome;
    }
  }
  return { current, outcomes };
}

export const currentStep = (items: Item[], index: number, steps: Step[]): number =>
  stepProgress(items, index, steps).current;
