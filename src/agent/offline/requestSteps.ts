import { formatEur } from '../../domain/listing.js';
import { lastSellerMessage, type Item, type ToolResultItem } from './history.js';
import { requestAt } from './intent.js';
import type { Step } from './intentKind.js';
import { describeRelativePrice } from './priceChange.js';
import { endsStep, stepProgress } from './stepProgress.js';
import { readToolOutcome, type ToolOutcome } from './toolOutcome.js';
import { callTool, type Turn } from './turn.js';

/**
 * One message, several writes ("my desk for 60 and a chair for 45", "lower
 * lst_a to 100 and lst_b to 180"): the model takes them one at a time, each
 * with its own look-up or search and its own confirmation, and says so.
 */

/** 'Other' would narrow the search to uncategorised listings; an unknown item is better searched everywhere. */
export const searchCategory = (category: string): string | null => (category === 'Other' ? null : category);

/** The first call of a step: the comparables for an item, the current state of a listing. */
export function startStep(step: Step): Turn {
  if (step.kind === 'sell')
    return callTool('searchSimilar', {
      query: step.item.query,
      category: searchCategory(step.item.draft.category),
      limit: 5,
    });
  // Re-pricing starts with a look-up too: the seller sees the current price before confirming a new one.
  return callTool('getListing', { listingId: step.listingId });
}

/** The steps the seller message at `index` asks for, when it asks for several. */
function stepsOf(items: Item[], index: number): Step[] | undefined {
  const intent = requestAt(items, index);
  return intent?.kind === 'several' ? intent.steps : undefined;
}

/** The first reply to a message with several steps says what will happen, before the first of them. */
export function withPlan(items: Item[], index: number, turn: Turn): Turn {
  const steps = stepsOf(items, index);
  if (!steps) return turn;
  const plan =
    `You asked for ${steps.length} things: ${steps.map(describeStep).join('; ')}. ` +
    "I'll take them one at a time, each for you to confirm.";
  return { ...turn, text: [plan, turn.text].filter(Boolean).join('\n') };
}

/** "stop", "cancel the rest": a rejection that ends the whole list, not just this step. */
const STOP_ALL = /\b(?:stop|cancel|none|forget|never\s?mind|don'?t|do not|leave it|the rest)\b/i;

/**
 * After each tool result: when a step ended and the model has nothing more to do for it, the next
 * step starts. A run's reply is only the text after its last tool result, so a proposal for a later
 * step, and the last reply, also say what became of the earlier steps.
 */
export function continueSteps(items: Item[], result: ToolResultItem, turn: Turn): Turn {
  const seller = lastSellerMessage(items);
  const steps = seller ? stepsOf(items, seller.index) : undefined;
  if (!seller || !steps) return turn;
  const progress = stepProgress(items, seller.index, steps);
  const earlier = steps.slice(0, progress.current).map((step, i) => stepOutcome(step, progress.outcomes[i]));
  const soFar = earlier.length ? `So far: ${earlier.join('; ')}.` : '';
  if (turn.calls.length) {
    const proposes = turn.calls.some((c) => c.name === 'createListing' || c.name === 'updatePrice');
    return proposes && soFar ? { ...turn, text: [soFar, turn.text].filter(Boolean).join('\n\n') } : turn;
  }
  const outcome = readToolOutcome(result.text);
  const next = steps[progress.current + 1];
  const stop = outcome.kind === 'rejected' && STOP_ALL.test(outcome.sellerMessage ?? '');
  if (!endsStep(outcome) || !next || stop) {
    return soFar && endsStep(outcome) ? { ...turn, text: [soFar, turn.text].filter(Boolean).join('\n\n') } : turn;
  }
  const start = startStep(next);
  return { text: [turn.text, `Next: ${describeStep(next)}.`].filter(Boolean).join('\n\n'), calls: start.calls };
}

/** What became of a step, in a few words. */
function stepOutcome(step: Step, outcome: ToolOutcome | undefined): string {
  switch (outcome?.kind) {
    case 'created':
      return `**${outcome.listing.title}** is live at ${formatEur(outcome.listing.price)} (${outcome.listing.id})`;
    case 'updated':
      return (
        `${outcome.listing.id} now costs ${formatEur(outcome.listing.price)} ` +
        `(was ${formatEur(outcome.previousPrice)})`
      );
    case 'policy_denied':
      return `${describeStep(step)} was not done: ${outcome.message}`;
    case 'rejected':
      return `${describeStep(step)} was not done, as you declined it`;
    case 'not_found':
      return `${describeStep(step)} was not done: no such listing`;
    default:
      return `${describeStep(step)} was not done`;
  }
}

function describeStep(step: Step): string {
  if (step.kind === 'sell') {
    const price = step.item.draft.price;
    return `**${step.item.draft.title}**${price === undefined ? '' : ` at ${formatEur(price)}`}`;
  }
  if (step.relative) return `${step.listingId}, ${describeRelativePrice(step.relative)}`;
  return `${step.listingId} to ${formatEur(step.price ?? 0)}`;
}
