import type { Draft } from './draft.js';
import type { DraftChange } from './draftChange.js';
import type { ByOrTo } from './byOrTo.js';
import type { RelativePrice } from './priceChange.js';

/** "drop 20" against the draft's price: the one reading that makes sense, or a question. */

/** The new price when one reading is the only sensible one; `ask` when both are. */
export function resolveByOrTo(draft: Draft, change: ByOrTo): { price: number } | { relative: RelativePrice } | 'ask' {
  const relative: RelativePrice = { direction: change.direction, unit: 'eur', amount: change.amount };
  const current = draft.price;
  if (current === undefined) return { price: change.amount };
  const toFits = change.direction < 0 ? change.amount < current : change.amount > current;
  const byFits = change.direction > 0 || current - change.amount > 0;
  if (toFits === byFits) return 'ask';
  return toFits ? { price: change.amount } : { relative };
}

/** The change with "drop 20" settled into a price or a relative change; `ask` when it cannot be. */
export function settleByOrTo(draft: Draft, asked: DraftChange): DraftChange | 'ask' {
  const { byOrTo: unclear, ...change } = asked;
  if (!unclear) return change;
  const read = resolveByOrTo(draft, unclear);
  if (read === 'ask') return 'ask';
  return 'price' in read ? { ...change, price: read.price } : { ...change, relativePrice: read.relative };
}
