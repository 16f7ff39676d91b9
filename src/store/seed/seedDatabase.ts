import type { BulkProgress, Store } from '../index.js';
import { generateListings } from './listingGenerator.js';

export const DEMO_SEED = 42;

/**
 * Fills an empty listings table from the deterministic generator; returns how many were added.
 * Instances starting together on a new database seed it once: the emptiness check, a claim row
 * and the listings commit in one write transaction, so the others wait for it and find it done.
 */
export async function seedIfEmpty(store: Store, count: number, seed = DEMO_SEED): Promise<number> {
  if (count <= 0 || (await store.listings.count()) > 0) return 0;
  try {
    return await store.transaction(async (tx) => {
      if (!(await tx.meta.setIfAbsent('catalogue-seeding', { seed, count }))) return 0;
      if ((await tx.listings.count()) > 0) return 0;
      return seedListings(tx, count, seed);
    });
  } catch (error) {
    // Another instance's catalogue committed first (its claim row or its ids): it is there now.
    if ((await store.listings.count()) > 0) return 0;
    throw error;
  }
}

export interface CatalogueFacts {
  seed: number;
  count: number;
}

/** Generates listings and remembers which catalogue the database holds, so a replay can rebuild it. */
export async function seedListings(
  store: Store,
  count: number,
  seed = DEMO_SEED,
  startIndex = 1,
  onProgress?: (progress: BulkProgress) => void,
): Promise<number> {
  const added = await store.listings.insertMany(generateListings({ count, seed, startIndex }), undefined, onProgress);
  const previous = await store.meta.get<CatalogueFacts>('catalogue');
  await store.meta.set('catalogue', { seed, count: (previous?.seed === seed ? previous.count : 0) + added });
  return added;
}
