import type { FunctionTool } from '@openai/agents';
import { gatedTool, type ToolDeps } from './gatedTool.js';
import { GetListingParams } from './schemas.js';
import { summarizeListing, UNTRUSTED_DATA_NOTE } from './listingView.js';
import type { AssistantContext } from './toolContext.js';

export function getListingTool(deps: ToolDeps): FunctionTool<AssistantContext> {
  return gatedTool(deps, {
    name: 'getListing',
    description:
      'Look up one listing by its id (lst_…): title, description, category, condition, price in EUR, status, and whether it belongs to the current seller.',
    parameters: GetListingParams,
    run: ({ listingId }, ctx) => {
      const listing = deps.store.listings.get(listingId);
      if (!listing) return { ok: false, error: 'not_found', message: `There is no listing ${listingId}.` };
      return {
        ok: true,
        listing: {
          ...summarizeListing(listing),
          description: listing.description,
          yours: listing.sellerId === ctx.sellerId,
        },
        note: UNTRUSTED_DATA_NOTE,
      };
    },
  });
}
