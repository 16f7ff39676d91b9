import type { FunctionTool } from '@openai/agents';
import { gatedTool, type ToolDeps } from './gatedTool.js';
import { CreateListingParams } from './schemas.js';
import { summarizeListing } from './listingView.js';
import type { AssistantContext } from './toolContext.js';
import type { Category } from '../domain/listing.js';

export function createListingTool(deps: ToolDeps): FunctionTool<AssistantContext> {
  return gatedTool(deps, {
    name: 'createListing',
    description:
      'Post a new listing for the current seller. Always waits for the seller to confirm the exact title, description, category, condition and price (EUR) before anything is posted.',
    parameters: CreateListingParams,
    run: (args, ctx) => {
      const created = deps.store.listings.insert({
        sellerId: ctx.sellerId,
        title: args.title,
        description: args.description,
        // The policy gate has already refused any category outside the list.
        category: args.category as Category,
        price: args.price,
        condition: args.condition,
      });
      return { ok: true, created: summarizeListing(created) };
    },
  });
}
