import { z } from 'zod';
import { defineTool } from './toolSpec.js';
import { ListingIdArgument } from './argumentSchemas.js';
import { descriptionForModel, summarizeListing, UNTRUSTED_DATA_NOTE } from './listingView.js';

export const GetListingParams = z.object({
  listingId: ListingIdArgument,
});
export type GetListingArgs = z.infer<typeof GetListingParams>;

export const getListing = defineTool({
  name: 'getListing',
  effect: 'read',
  description:
    'Look up one listing by its id (lst_…): title, description, category, condition, price in EUR, status, and whether it belongs to the current seller.',
  parameters: GetListingParams,
  progress: 'Looking up the listing…',
  run: async ({ listingId }, { store, context }) => {
    const listing = await store.listings.get(listingId);
    if (!listing) return { ok: false, error: 'not_found', message: `There is no listing ${listingId}.` };
    return {
      ok: true,
      listing: {
        ...summarizeListing(listing),
        description: descriptionForModel(listing.description),
        yours: listing.sellerId === context.sellerId,
      },
      note: UNTRUSTED_DATA_NOTE,
    };
  },
});
