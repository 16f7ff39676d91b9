import type { Category, Listing, NewListing } from '../domain/listing.js';
import type { PriceStatistics } from './priceStats.js';

/** How many of the most relevant comparable listings back a price suggestion, on either engine. */
export const COMPARABLES_CAP = 50;

export interface SimilarListings {
  matches: Listing[];
  stats: PriceStatistics | null;
}

export interface ListingQuery {
  q?: string;
  category?: Category;
  sellerId?: string;
  limit?: number;
  offset?: number;
}
/** How far a bulk insert has got: rows written so far, and whether the search index is being built. */
export interface BulkProgress {
  rows: number;
  phase: 'loading' | 'indexing';
}

/** Listing rows: read, write, browse. The comparable-listings search is ListingSearch's. */
export interface ListingRepository {
  get(id: string): Promise<Listing | undefined>;
  insert(listing: NewListing): Promise<Listing>;
  /**
   * Bulk insert: the seeding path for demo and benchmark databases. `onProgress` hears after each
   * batch (and when the search index is being built after the rows, where the engine does that).
   */
  insertMany(
    listings: Iterable<NewListing>,
    batchSize?: number,
    onProgress?: (progress: BulkProgress) => void,
  ): Promise<number>;
  /**
   * Inserts a listing with its given id, or puts an existing one (e.g. a generated one) back into exactly this state.
   */
  replace(
    listing: NewListing & {
      id: string;
    },
  ): Promise<Listing>;
  /** Listings with the generator's ids (lst_ + 7 digits): the catalogue a database was seeded with. */
  countGenerated(): Promise<number>;
  updatePrice(id: string, price: number): Promise<Listing>;
  count(): Promise<number>;
  /** Browse for the API: optional full-text filter, category and seller, newest first. */
  list(query: ListingQuery): Promise<Listing[]>;
  /** Active listings similar to free text, with price statistics over the best matches: see ListingSearch.similar. */
  searchSimilar(
    text: string,
    options: {
      category?: Category;
      limit: number;
    },
  ): Promise<SimilarListings>;
}
