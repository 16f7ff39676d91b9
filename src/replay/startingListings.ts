import type { Store } from '../store/index.js';
import { COMPARABLES_CAP } from '../store/index.js';
import type { Listing } from '../domain/listing.js';
import { generateListings } from '../store/seed/listingGenerator.js';
import type { CatalogueFacts } from '../store/seed/seedDatabase.js';

/** A recorded tool call, as observedBehaviour reads it back. */
interface RecordedCall {
  tool: string;
  arguments: unknown;
  result: unknown;
}

interface SearchArguments {
  query?: unknown;
  category?: unknown;
  limit?: unknown;
  mine?: unknown;
}

interface SearchResult {
  matches?: Array<{ id?: unknown; status?: unknown }>;
}

/**
 * The listings a run's searches saw or weighed, by id, beyond the generated catalogue: what a
 * scratch copy of the catalogue lacks for the searches to rank and price alike. Each search's
 * recorded matches (with the status it showed), and the listings that rank among its comparables
 * today and existed before `before` (sellers' listings move a median and can outrank generated
 * ones). Listings since removed from the comparables (sold, re-worded) cannot be found again.
 */
export async function searchedListings(
  store: Store,
  calls: readonly RecordedCall[],
  sellerId: string,
  before: string,
): Promise<Map<string, { status?: Listing['status'] }>> {
  const seen = new Map<string, { status?: Listing['status'] }>();
  for (const call of calls) {
    if (call.tool !== 'searchSimilar') continue;
    for (const match of (call.result as SearchResult | null)?.matches ?? []) {
      if (typeof match.id !== 'string') continue;
      const status = match.status === 'active' || match.status === 'sold' ? match.status : undefined;
      seen.set(match.id, { status });
    }
    const args = (call.arguments ?? {}) as SearchArguments;
    if (typeof args.query !== 'string') continue;
    const category = typeof args.category === 'string' ? (args.category as Listing['category']) : undefined;
    // A search by the seller's own titles weighs nothing beyond its matches: only the limit it asked for.
    const weighed = args.mine
      ? await store.listings.list({
          q: args.query,
          category,
          sellerId,
          limit: typeof args.limit === 'number' ? args.limit : 5,
        })
      : (await store.listings.searchSimilar(args.query, { category, limit: COMPARABLES_CAP })).matches;
    for (const listing of weighed) if (listing.createdAt < before && !seen.has(listing.id)) seen.set(listing.id, {});
  }
  return seen;
}

/**
 * Listings as they were at `at` (every re-pricing since undone, a status when one is known), leaving out
 * those the generated catalogue holds exactly so: the starting data a scratch catalogue needs added.
 */
export async function listingsAsOf(
  store: Store,
  ids: ReadonlyMap<string, { status?: Listing['status'] }>,
  at: string,
  catalogue: CatalogueFacts,
): Promise<Listing[]> {
  const listings: Listing[] = [];
  for (const [id, known] of ids) {
    const now = await store.listings.get(id);
    if (!now) continue; // a listing that never existed stays missing, as the run saw it
    const firstChange = await store.executions.firstPriceChangeSince(id, at);
    const previousPrice = (firstChange?.result as { previousPrice?: unknown } | undefined)?.previousPrice;
    const then: Listing = {
      ...now,
      price: typeof previousPrice === 'number' ? previousPrice : now.price,
      status: known.status ?? now.status,
    };
    if (!sameAsGenerated(then, catalogue)) listings.push(then);
  }
  return listings;
}

/** Whether the generated catalogue already holds this listing exactly as it is. */
export function sameAsGenerated(listing: Listing, catalogue: CatalogueFacts): boolean {
  const match = /^lst_(\d{7})$/.exec(listing.id);
  if (!match) return false;
  const index = Number(match[1]);
  if (index < 1 || index > catalogue.count) return false;
  const [generated] = generateListings({ count: 1, seed: catalogue.seed, startIndex: index });
  return (
    generated.sellerId === listing.sellerId &&
    generated.title === listing.title &&
    generated.description === listing.description &&
    generated.category === listing.category &&
    Math.round(generated.price * 100) === Math.round(listing.price * 100) &&
    generated.condition === listing.condition &&
    generated.status === listing.status
  );
}
