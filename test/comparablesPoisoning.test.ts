import { afterEach, describe, expect, it } from 'vitest';
import type { NewListing } from '../src/domain/listing.js';
import { ENGINES, engineStore, type EngineStore } from './support/engines.js';

let e: EngineStore | undefined;
afterEach(async () => {
  await e?.dispose();
  e = undefined;
});

const sideboard = (sellerId: string, price: number, n: number): NewListing => ({
  sellerId,
  title: `Walnut sideboard ${['mid-century', 'teak legs', 'three drawers', 'restored'][n % 4]}`,
  description: `Solid walnut sideboard, ${['minor scratches', 'like new', 'sturdy', 'one owner'][n % 4]}, pick-up only.`,
  category: 'Furniture',
  price,
  condition: 'good',
});

describe.each(ENGINES)('comparable prices on %s', (engine) => {
  it("one seller's many listings at one price do not move another seller's suggested median", async () => {
    e = await engineStore(engine);
    // Eight honest sellers between €180 and €260.
    const honest = [180, 190, 200, 210, 220, 230, 240, 260];
    await e.store.listings.insertMany(honest.map((price, i) => sideboard(`seller-h${i}`, price, i)));
    const before = (await e.store.listings.searchSimilar('walnut sideboard', { category: 'Furniture', limit: 5 }))
      .stats!;
    expect(before.median).toBeGreaterThanOrEqual(180);
    expect(before.median).toBeLessThanOrEqual(260);

    // One seller floods the category with thirty copies at €990 (they would outnumber everyone else).
    await e.store.listings.insertMany(Array.from({ length: 30 }, (_, i) => sideboard('seller-flood', 990, i)));
    const after = (await e.store.listings.searchSimilar('walnut sideboard', { category: 'Furniture', limit: 5 }))
      .stats!;
    expect(after.median).not.toBe(990);
    expect(after.median).toBeLessThanOrEqual(260);
    expect(Math.abs(after.median - before.median)).toBeLessThanOrEqual(20);
    // The flooding seller is one voice among nine: at most one value, and not the upper quartile.
    expect(after.count).toBeLessThanOrEqual(honest.length + 1);
    expect(after.p75).toBeLessThan(990);
  });
});
