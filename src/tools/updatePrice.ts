import type { FunctionTool } from '@openai/agents';
import { gatedTool, type ToolDeps } from './gatedTool.js';
import { UpdatePriceParams } from './schemas.js';
import { summarizeListing } from './listingView.js';
import type { AssistantContext } from './toolContext.js';

export function updatePriceTool(deps: ToolDeps): FunctionTool<AssistantContext> {
  return gatedTool(deps, {
    name: 'updatePrice',
    description:
      "Change the price (EUR) of one of the current seller's own active listings. Always waits for the seller to confirm the exact new price.",
    parameters: UpdatePriceParams,
    run: ({ listingId, price }) => {
      const before = deps.store.listings.get(listingId)!;
      const updated = deps.store.listings.updatePrice(listingId, price);
      return { ok: true, updated: summarizeListing(updated), previousPrice: before.price };
    },
  });
}
