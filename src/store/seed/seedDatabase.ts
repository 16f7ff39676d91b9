import type { Store } from '../index.js';
import { generateListings } from './listingGenerator.js';

export const DEMO_SEED = 42;

/** Fills an empty listings table from the deterministic generator; returns how many were added. */
export async function seedIfEmpty(store: Store, count: number, seed = DEMO_SEED): Promise<number> {
  if (count <= 0 || (await store.listings.count()) > 0) return 0;
  try {
    // One transaction: instances starting together on one empty database both try; the one that
    // commits second conflicts on the generated ids, rolls back whole, and finds the catalogue there.
    return await store.transaction(async (tx) => ((await tx.listings.count()) > 0 ? 0 : seedListings(tx, count, seed)));
  } catch (error) {
    if ((await store.listings.count()) > 0) return 0;
    throw error;
  }
}

export interface CatalogueFacts {
  seed: number;
  count: number;
}

/** Generates listings and remembers which catalogue the database holds, so a replay can rebuild it. */
export async function seedListings(store: Store, count: number, seed = DEMO_SEED, startIndex = 1): Promise<number> {
  const added = await store.listings.insertMany(generateListings({ count, seed, startIndex }));
  const previous = await store.meta.get<CatalogueFacts>('catalogue');
  await store.meta.set('catalogue', { seed, count: (previous?.seed === seed ? previous.count : 0) + added });
  return added;
}
