import { parseJsonObject, sellerMessageAt, toolCallAt, toolResultAt, type Item } from './history.js';
import { intentAt } from './intent.js';
import { readToolOutcome } from './toolOutcome.js';

export interface PendingReprice {
  listingId: string;
  /** The price last proposed for it, if any. */
  proposed?: number;
}

/**
 * Whether a bare new price ("make it 320", "350") refers to a listing being
 * re-priced rather than to a draft: true when the latest subject before
 * `before` is an updatePrice proposal or a re-price request without a price.
 * A createListing proposal or a new item to sell makes the draft the subject.
 */
export function pendingReprice(items: Item[], before: number): PendingReprice | undefined {
  for (let i = before - 1; i >= 0; i--) {
    const call = toolCallAt(items, i);
    if (call?.name === 'createListing') return undefined;
    if (call?.name === 'updatePrice') {
      const args = parseJsonObject(call.arguments);
      if (typeof args?.listingId !== 'string') return undefined;
      return { listingId: args.listingId, proposed: typeof args.price === 'number' ? args.price : undefined };
    }
    if (sellerMessageAt(items, i)) {
      const intent = intentAt(items, i);
      if (intent?.kind === 'reprice') return { listingId: intent.listingId, proposed: intent.price };
      if (intent?.kind === 'sell' || intent?.kind === 'lookup') return undefined;
    }
  }
  return undefined;
}

/**
 * The listing's price as the latest tool result before `before` reported it
 * (a look-up or a finished change): what "lower it by 20" starts from when
 * the seller says it after the listing was shown. Never a proposed price that
 * was not confirmed.
 */
export function listedPrice(items: Item[], listingId: string, before: number): number | undefined {
  for (let i = before - 1; i >= 0; i--) {
    const result = toolResultAt(items, i);
    if (!result) continue;
    const outcome = readToolOutcome(result.text);
    if ((outcome.kind === 'listing' || outcome.kind === 'updated') && outcome.listing.id === listingId)
      return outcome.listing.price;
  }
  return undefined;
}
