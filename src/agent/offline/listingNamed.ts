import type { ListingSummary } from '../../tools/index.js';
import { toolResultAt, type Item, type SellerMessage } from './history.js';
import type { Intent } from './intentKind.js';
import { readSellOffer } from './itemText.js';
import { describingWords, pickByWords } from './ownListing.js';
import { readToolOutcome } from './toolOutcome.js';

/**
 * The answer to "which listing?" after a re-price asked for without an id: the listing it names by
 * id or by words, still at the price asked for.
 */

/** "the Giant road bike", "the kids one": an answer naming no action may be describing a listing. */
export function mayNameListing(text: string, intent: Intent): boolean {
  // An item offered with a price, or in so many words ("I want to sell…"), is a new request.
  if (intent.kind === 'sell') return !readSellOffer(text)?.explicit && intent.item.draft.price === undefined;
  return intent.kind === 'unknown' || intent.kind === 'sell_unclear' || intent.kind === 'several_items';
}

/**
 * The answer to "which listing?" after a re-price asked for by description or without a listing:
 * the one candidate shown that the answer's words pick, or else a search of the seller's own
 * listings for those words, still at the price asked for. Never a new item to sell.
 */
export function listingDescribed(
  items: Item[],
  previousIndex: number,
  message: SellerMessage,
  before: Intent | undefined,
): Intent | undefined {
  const wanted =
    before?.kind === 'reprice_described'
      ? { price: before.price, relative: before.relative }
      : before?.kind === 'change_without_draft' && (before.change.price !== undefined || before.change.relativePrice)
        ? { price: before.change.price, relative: before.change.relativePrice }
        : undefined;
  if (!wanted) return undefined;
  const picked = pickByWords(candidatesShown(items, previousIndex, message.index), message.text);
  if (picked) return { kind: 'reprice', listingId: picked.id, ...wanted };
  const description = describingWords(message.text);
  if (!description) return undefined;
  return { kind: 'reprice_described', ref: { description, latest: false }, ...wanted };
}

/** The seller's own listings found between the request and the answer (the ones offered to choose from). */
function candidatesShown(items: Item[], from: number, to: number): ListingSummary[] {
  for (let i = to - 1; i > from; i--) {
    const result = toolResultAt(items, i);
    const outcome = result?.name === 'searchSimilar' ? readToolOutcome(result.text) : undefined;
    if (outcome?.kind === 'search') return outcome.matches;
  }
  return [];
}

/** The id the seller gave after being asked which listing: the price asked for before still applies. */
export function withPendingPrice(listingId: string, before: Intent | undefined): Intent | undefined {
  if (before?.kind === 'reprice_described')
    return { kind: 'reprice', listingId, price: before.price, relative: before.relative };
  if (before?.kind === 'change_without_draft') {
    const { price, relativePrice } = before.change;
    if (price !== undefined || relativePrice) return { kind: 'reprice', listingId, price, relative: relativePrice };
  }
  if (before?.kind === 'price_change_unclear' && !before.draft) return { kind: 'reprice', listingId };
  return undefined;
}
