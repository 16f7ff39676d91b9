import type { ListingSummary } from '../../tools/index.js';
import type { Item } from './history.js';
import type { Intent } from './intent.js';
import { resolveInConversation } from './ownListing.js';
import { applyRelativePrice } from './priceChange.js';
import * as replies from './replies.js';
import { callTool, say, type Turn } from './turn.js';

type Described = Extract<Intent, { kind: 'reprice_described' }>;

/** A re-price of a listing named by description: this conversation's listings first, then the seller's own. */
export function repriceDescribed(items: Item[], intent: Described): Turn {
  const found = resolveInConversation(items, intent.ref);
  if (found) return proposeReprice(found, intent);
  if (intent.ref.latest) return say(replies.askWhichListing());
  return callTool('searchSimilar', { query: intent.ref.description, category: null, limit: 5, mine: true });
}

/** The seller's own listings that match the description came back: one is re-priced, several are asked about. */
export function afterOwnSearch(matches: ListingSummary[], intent: Described): Turn {
  if (matches.length === 1) return proposeReprice(matches[0], intent);
  if (matches.length === 0) return say(replies.noOwnListingMatches(intent.ref.description));
  return say(replies.listingsToChoose(intent.ref.description, matches));
}

function proposeReprice(listing: ListingSummary, intent: Described): Turn {
  if (intent.relative) {
    const price = applyRelativePrice(listing.price, intent.relative);
    if (price === undefined) return say(replies.askNewPriceOf(listing.id));
    return callTool(
      'updatePrice',
      { listingId: listing.id, price },
      replies.relativeRepriceProposal(listing, intent.relative, price),
    );
  }
  if (intent.price === undefined) return say(replies.askNewPriceOf(listing.id));
  return callTool(
    'updatePrice',
    { listingId: listing.id, price: intent.price },
    replies.repriceProposal(listing, intent.price),
  );
}
