import type { FunctionTool } from '@openai/agents';
import { gatedTool, type ToolDeps } from './gatedTool.js';
import { SearchSimilarParams } from './schemas.js';
import { summarizeListing, UNTRUSTED_DATA_NOTE } from './listingView.js';
import type { AssistantContext } from './toolContext.js';

export function searchSimilarTool(deps: ToolDeps): FunctionTool<AssistantContext> {
  return gatedTool(deps, {
    name: 'searchSimilar',
    description:
      'Find active listings similar to an item (free text: brand, model, type) and optionally one category. Returns the best matches and price statistics (count, min, p25, median, p75, max in EUR) of the comparable listings: use them to suggest a fair price.',
    parameters: SearchSimilarParams,
    run: ({ query, category, limit }) => {
      const { matches, stats } = deps.store.listings.searchSimilar(query, {
        category: category ?? undefined,
        limit: limit ?? 5,
      });
      return { ok: true, matches: matches.map(summarizeListing), stats, note: UNTRUSTED_DATA_NOTE };
    },
  });
}
