import type { Store } from '../index.js';
import { generateListings } from './listingGenerator.js';

export const DEMO_SEED = 42;

/** Fills an empty listings table from the deterministic generator; returns how many were added. */
export function seedIfEmpty(store: Store, count: number, seed = DEMO_SEED): number {
  if (count <= 0 || store.listings.count() > 0) return 0;
  return seedListings(store, count, seed);
}

export function seedListings(store: Store, count: number, seed = DEMO_SEED, startIndex = 1): number {
  return store.listings.insertMany(generateListings({ count, seed, startIndex }));
}
