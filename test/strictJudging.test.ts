import { describe, expect, it } from 'vitest';
import { claimsOf, falseClaims } from '../src/evals/claims.js';
import { inventedFacts } from '../src/evals/listingFacts.js';
import type { Listing } from '../src/domain/listing.js';

const listing = (fields: Partial<Listing>): Listing => ({
  id: 'lst_judged',
  sellerId: 'seller-1',
  title: 'VW Golf',
  description: 'VW Golf.',
  category: 'Vehicles',
  price: 7800,
  condition: 'good',
  status: 'active',
  createdAt: '2026-11-30T00:00:00.000Z',
  updatedAt: '2026-11-30T00:00:00.000Z',
  ...fields,
});

describe('claims in replies', () => {
  it('finds a claimed post or re-price that the database does not show', () => {
    expect(falseClaims(['Done: your listing is live.'], { posted: false, repriced: false })).toEqual([
      expect.stringContaining('nothing was posted'),
    ]);
    expect(falseClaims(["I've lowered the price for you."], { posted: false, repriced: false })).toEqual([
      expect.stringContaining('nothing was re-priced'),
    ]);
    expect(falseClaims(['Done: your listing is live.'], { posted: true, repriced: false })).toEqual([]);
  });

  it('does not count negated, conditional or questioned claims, nor a change to a draft', () => {
    for (const reply of [
      'OK, nothing was posted or changed.',
      'Nothing has been posted yet.',
      'It has not been posted.',
      'Your listing is live once you confirm.',
      'Has it been posted? Not yet.',
    ])
      expect(claimsOf('posted', reply), reply).toEqual([]);
    expect(claimsOf('repriced', 'I changed the price to €150 (was €13). Revised draft: Sofa at €150.')).toEqual([]);
    expect(claimsOf('repriced', 'The price has been lowered to €90.')).toEqual(['price has been lowered']);
  });
});

describe('facts a created listing states', () => {
  const said = ['Selling my 2012 VW Golf 1.4 TSI, 142,000 km, asking 7.800 EUR'];

  it('accepts numbers the seller gave in any common notation', () => {
    const fine = listing({ title: '2012 VW Golf 1.4 TSI', description: '142000 km, from 2012. €7,800.' });
    expect(inventedFacts(fine, said)).toEqual([]);
  });

  it('names a mangled or made-up number and an unclaimed "new"', () => {
    const mangled = listing({ description: '2012 VW Golf 1.4 TSI,000 km, 5 doors', condition: 'new' });
    expect(inventedFacts(mangled, said)).toEqual([
      'its description states 0, 5, which the seller never said',
      'its condition is "new", which the seller never said',
    ]);
  });

  it('does not take "like new" for a claim of new, but does take "brand new" and "sealed"', () => {
    expect(inventedFacts(listing({ condition: 'new' }), ['VW Golf, like new'])).toHaveLength(1);
    expect(inventedFacts(listing({ condition: 'new' }), ['brand new VW Golf'])).toEqual([]);
    expect(inventedFacts(listing({ condition: 'new' }), ['VW Golf model car, still sealed'])).toEqual([]);
  });
});
