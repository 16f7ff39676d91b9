import { z } from 'zod';
import { formatEur } from '../domain/listing.js';
import { defineTool } from './toolSpec.js';
import { ListingIdArgument, PriceArgument } from './argumentSchemas.js';
import { summarizeListing } from './listingView.js';
import { cleanLine } from '../shared/readableText.js';

export const UpdatePriceParams = z.object({
  listingId: ListingIdArgument,
  price: PriceArgument,
});
export type UpdatePriceArgs = z.infer<typeof UpdatePriceParams>;

export const updatePrice = defineTool({
  name: 'updatePrice',
  effect: 'write',
  description:
    "Change the price (EUR) of one of the current seller's own active listings. Always waits for the seller to confirm the exact new price.",
  parameters: UpdatePriceParams,
  progress: 'Preparing the price change for confirmation…',
  facts: async ({ listingId, price }, store) => {
    const listing = await store.listings.get(listingId);
    return { listingId, listing, category: listing?.category, price };
  },
  summarize: async ({ listingId, price }, store) => {
    const listing = await store.listings.get(listingId);
    const from = listing ? ` from ${formatEur(listing.price)}` : '';
    const name = listing ? `"${cleanLine(listing.title)}" (${listing.id})` : listingId;
    return `Change the price of ${name}${from} to ${formatEur(price)}.`;
  },
  run: async ({ listingId, price }, { store }) => {
    const before = (await store.listings.get(listingId))!;
    const updated = await store.listings.updatePrice(listingId, price);
    return { ok: true, updated: summarizeListing(updated), previousPrice: before.price };
  },
});
