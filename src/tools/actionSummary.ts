import { formatEur } from '../domain/listing.js';
import type { Store } from '../store/index.js';
import { argText } from '../shared/argText.js';

/**
 * The plain-language line a seller confirms. Built by code from the exact
 * arguments, never from model text, so what the seller reads is what runs.
 */
export function summarizeAction(tool: string, args: Record<string, unknown>, store: Store): string {
  switch (tool) {
    case 'createListing': {
      const description = argText(args.description);
      const excerpt = description.length > 160 ? `${description.slice(0, 157)}…` : description;
      return `Post a new listing "${String(args.title)}" in ${String(args.category)} (condition: ${String(args.condition)}) for ${formatEur(Number(args.price))}. Description: ${excerpt}`;
    }
    case 'updatePrice': {
      const listing = store.listings.get(String(args.listingId));
      const from = listing ? ` from ${formatEur(listing.price)}` : '';
      const name = listing ? `"${listing.title}" (${listing.id})` : String(args.listingId);
      return `Change the price of ${name}${from} to ${formatEur(Number(args.price))}.`;
    }
    default:
      return `Run ${tool} with ${JSON.stringify(args)}.`;
  }
}
