import { z } from 'zod';
import { CategorySchema } from '../domain/listing.js';
import { defineTool } from './toolSpec.js';
import { summarizeListing, UNTRUSTED_DATA_NOTE } from './listingView.js';

export const SearchSimilarParams = z.object({
  query: z.string().trim().min(2, 'must describe the item in a few words').max(200),
  category: CategorySchema.nullable().optional(),
  limit: z.number().int().min(1).max(20).nullable().optional(),
  /** Only the signed-in seller's own listings ("my oak table"), any status, best title match first. */
  mine: z.boolean().nullable().optional(),
});
export type SearchSimilarArgs = z.infer<typeof SearchSimilarParams>;

export const searchSimilar = defineTool({
  name: 'searchSimilar',
  effect: 'read',
  description:
    'Find active listings similar to an item (free text: brand, model, type) and optionally one category. Returns the best matches and price statistics (count, min, p25, median, p75, max in EUR) of the comparable listings: use them to suggest a fair price. With mine: true, searches only the seller\'s own listings by title words (to find "my oak table"); no statistics then.',
  parameters: SearchSimilarParams,
  progress: 'Looking up similar listings…',
  run: async ({ query, category, limit, mine }, { store, context }) => {
    if (mine) {
      const own = await store.listings.list({
        q: query,
        category: category ?? undefined,
        sellerId: context.sellerId,
        limit: limit ?? 5,
      });
      return { ok: true, matches: own.map(summarizeListing), stats: null, mine: true, note: UNTRUSTED_DATA_NOTE };
    }
    const { matches, stats } = await store.listings.searchSimilar(query, {
      category: category ?? undefined,
      limit: limit ?? 5,
    });
    return { ok: true, matches: matches.map(summarizeListing), stats, note: UNTRUSTED_DATA_NOTE };
  },
});
