export {
  TOOL_SPECS,
  TOOL_NAMES,
  WRITE_TOOL_NAMES,
  TOOL_PARAMETERS,
  isToolName,
  toolSpec,
  createListingTools,
  callVetting,
  type ToolName,
  type WriteToolName,
} from './registry.js';
export type { ToolSpec, ReadToolSpec, WriteToolSpec, ToolEnvironment } from './toolSpec.js';
export type { ToolDeps } from './gatedTool.js';
export { CallVetting, parseArguments, type VettedCall } from './callVetting.js';
export { summarizeAction } from './actionSummary.js';
export { recordedArguments, RECORDED_ARGUMENTS_MAX } from './recordedArguments.js';
export type { AssistantContext } from './toolContext.js';
export type { ToolResult, ToolErrorCode, ListingSummary, PriceStats } from './toolResult.js';
export { TOOL_ERROR_CODES } from './toolResult.js';
export { GetListingParams, type GetListingArgs } from './getListing.js';
export { SearchSimilarParams, type SearchSimilarArgs } from './searchSimilar.js';
export { CreateListingParams, MAX_LISTING_PHOTOS, type CreateListingArgs } from './createListing.js';
export { UpdatePriceParams, type UpdatePriceArgs } from './updatePrice.js';
