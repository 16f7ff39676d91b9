import type { Store } from '../index.js';
import { generateListings } from './listingGenerator.js';

export const DEMO_SEED = 42;

/** Fills an empty listings table from the deterministic generator; returns how many were added. */
export function seedIfEmpty(store: Store, count: number, seed = DEMO_SEED): number {
  if (count <= 0 || store.listings.count() > 0) return 0;
  return seedListings(store, count, seed);
}

export interface CatalogueFacts {
  seed: number;
  count: number;
}

/** Generates listings and remembers which catalogue the database holds, so a replay can rebuild it. */
export function seedListings(store: Store, count: number, seed = DEMO_SEED, startIndex = 1): number {
  const added = store.listings.insertMany(generateListings({ count, seed, startIndex }));
  const previous = store.meta.get<CatalogueFacts>('catalogue');
  store.meta.set('catalogue', { seed, count: (previous?.seed === seed ? previous.count : 0) + added });
  return added;
}
