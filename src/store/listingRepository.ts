import type { Category, Listing, NewListing } from '../domain/listing.js';
import type { PriceStatistics } from './priceStats.js';

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
/** Listing rows: read, write, browse. The comparable-listings search is ListingSearch's. */
export interface ListingRepository {
  get(id: string): Promise<Listing | undefined>;
  insert(listing: NewListing): Promise<Listing>;
  /** Bulk insert in batched transactions: the seeding path for demo and benchmark databases. */
  insertMany(listings: Iterable<NewListing>, batchSize?: number): Promise<number>;
  /** Inserts a listing with its given id, or puts an existing one (e.g. a generated one) back into exactly this state. */
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
