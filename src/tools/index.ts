import type { FunctionTool } from '@openai/agents';
import type { ToolDeps } from './gatedTool.js';
import type { AssistantContext } from './toolContext.js';
import { getListingTool } from './getListing.js';
import { searchSimilarTool } from './searchSimilar.js';
import { createListingTool } from './createListing.js';
import { updatePriceTool } from './updatePrice.js';
import { CreateListingParams, GetListingParams, SearchSimilarParams, UpdatePriceParams } from './schemas.js';

/** The assistant's four tools, each behind the policy gate. */
export function createListingTools(deps: ToolDeps): FunctionTool<AssistantContext>[] {
  return [getListingTool(deps), searchSimilarTool(deps), createListingTool(deps), updatePriceTool(deps)];
}

export const TOOL_PARAMETERS = {
  getListing: GetListingParams,
  searchSimilar: SearchSimilarParams,
  createListing: CreateListingParams,
  updatePrice: UpdatePriceParams,
} as const;

export { parseArguments, type ToolDeps } from './gatedTool.js';
export { summarizeAction } from './actionSummary.js';
export type { AssistantContext } from './toolContext.js';
export * from './schemas.js';
