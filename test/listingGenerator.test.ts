import { readFileSync } from 'node:fs';
import { describe, it, expect } from 'vitest';
import { CATEGORIES, type Category } from '../src/domain/listing.js';
import { generateListings, type GeneratedListing } from '../src/store/seed/listingGenerator.js';
import { VOCABULARY } from '../src/store/seed/vocabulary.js';

const generate = (
  count: number,
  options: { seed?: number; startIndex?: number; sellerCount?: number } = {},
): GeneratedListing[] => [...generateListings({ count, seed: 42, ...options })];

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

const words = (text: string): string[] =>
  text
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);

const policy = JSON.parse(readFileSync(new URL('../policies/listing-policy.json', import.meta.url), 'utf8')) as {
  prohibitedTerms: string[];
  price: { min: number; max: number; maxByCategory: Partial<Record<Category, number>> };
};

const sample = generate(5000);

describe('generateListings: determinism', () => {
  it('gives identical listings for the same seed', () => {
    expect(generate(500)).toEqual(generate(500));
  });

  it('gives different listings for a different seed', () => {
    const other = generate(500, { seed: 7 });
    const sameTitle = other.filter((l, i) => l.title === sample[i].title).length;
    // Indices 1-3 are fixed demo items, so a few titles may coincide; most must not.
    expect(sameTitle).toBeLessThan(50);
  });

  it('makes listing i independent of how many are generated', () => {
    const fromSmall = generate(200)[122];
    const fromLarge = generate(1000)[122];
    expect(fromSmall.id).toBe('lst_0000123');
    expect(fromLarge).toEqual(fromSmall);
    expect(generate(1, { startIndex: 123 })[0]).toEqual(fromSmall);
  });

  it('continues a catalogue from startIndex with the same listings', () => {
    const tail = generate(100, { startIndex: 4901 });
    expect(tail).toEqual(sample.slice(4900));
  });
});

describe('generateListings: shape', () => {
  it('numbers ids from startIndex, zero-padded to seven digits, all unique', () => {
    expect(sample[0].id).toBe('lst_0000001');
    expect(sample[41].id).toBe('lst_0000042');
    expect(sample.every((l, i) => l.id === `lst_${String(i + 1).padStart(7, '0')}`)).toBe(true);
    expect(new Set(sample.map((l) => l.id)).size).toBe(sample.length);
    expect(generate(3, { startIndex: 1_234_567 }).map((l) => l.id)).toEqual([
      'lst_1234567',
      'lst_1234568',
      'lst_1234569',
    ]);
  });

  it('covers every category that has seed vocabulary within 2,000 listings', () => {
    const seen = new Set(sample.slice(0, 2000).map((l) => l.category));
    expect([...seen].sort()).toEqual(CATEGORIES.filter((c) => VOCABULARY[c]).sort());
  });

  it('fills every placeholder and keeps titles and descriptions within the tool limits', () => {
    for (const l of sample) {
      for (const text of [l.title, l.description]) {
        expect(text).not.toMatch(/[{}]|undefined|NaN|\s{2}/);
        expect(text).toBe(text.trim());
      }
      expect(l.title.length).toBeGreaterThanOrEqual(3);
      expect(l.title.length).toBeLessThanOrEqual(120);
      expect(l.description.length).toBeGreaterThanOrEqual(10);
      expect(l.description.length).toBeLessThanOrEqual(4000);
    }
  });

  it('uses a large vocabulary: more than 2,000 distinct words in 5,000 listings', () => {
    const distinct = new Set(sample.flatMap((l) => [...words(l.title), ...words(l.description)]));
    expect(distinct.size).toBeGreaterThan(2000);
  });

  it('mostly produces distinct titles and descriptions', () => {
    expect(new Set(sample.map((l) => l.description)).size).toBeGreaterThan(4900);
    expect(new Set(sample.map((l) => l.title)).size).toBeGreaterThan(3000);
  });

  it('never uses a term the policy prohibits', () => {
    const text = generate(20_000).map((l) => `${l.title} ${l.description}`.toLowerCase());
    for (const term of policy.prohibitedTerms) {
      const pattern = new RegExp(`\\b${term.toLowerCase().replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\b`);
      expect(
        text.filter((t) => pattern.test(t)),
        term,
      ).toEqual([]);
    }
  });

  it('spreads createdAt over 2025-01-01 .. 2026-11-01 as ISO timestamps', () => {
    const times = sample.map((l) => Date.parse(l.createdAt));
    expect(sample.every((l) => new Date(l.createdAt).toISOString() === l.createdAt)).toBe(true);
    expect(Math.min(...times)).toBeGreaterThanOrEqual(Date.UTC(2025, 0, 1));
    expect(Math.max(...times)).toBeLessThan(Date.UTC(2026, 10, 1));
    expect(times.filter((t) => t < Date.UTC(2025, 11, 31)).length).toBeGreaterThan(1500);
    expect(times.filter((t) => t >= Date.UTC(2026, 0, 1)).length).toBeGreaterThan(1500);
  });

  it('marks about 15% as sold and weights conditions towards "good"', () => {
    const sold = sample.filter((l) => l.status === 'sold').length / sample.length;
    expect(sold).toBeGreaterThan(0.12);
    expect(sold).toBeLessThan(0.18);
    const share = (c: string) => sample.filter((l) => l.condition === c).length / sample.length;
    expect(share('good')).toBeGreaterThan(0.35);
    expect(share('good')).toBeLessThan(0.45);
    expect(share('for parts')).toBeGreaterThan(0.05);
    expect(share('for parts')).toBeLessThan(0.11);
    expect(share('new')).toBeLessThan(share('like new'));
  });
});

describe('generateListings: prices', () => {
  it('are positive EUR amounts with at most two decimals, within the policy bounds', () => {
    for (const l of sample) {
      expect(Number.isFinite(l.price)).toBe(true);
      expect(l.price).toBeGreaterThanOrEqual(Math.max(1, policy.price.min));
      expect(Math.round(l.price * 100) / 100).toBe(l.price);
      expect(l.price).toBeLessThanOrEqual(policy.price.maxByCategory[l.category] ?? policy.price.max);
    }
  });

  it('end mostly in whole euros, with some .50 and .99', () => {
    const cents = sample.map((l) => Math.round((l.price % 1) * 100));
    const whole = cents.filter((c) => c === 0).length / cents.length;
    expect(whole).toBeGreaterThan(0.8);
    expect(cents.filter((c) => c === 50).length).toBeGreaterThan(0);
    expect(cents.filter((c) => c === 99).length).toBeGreaterThan(0);
    expect(cents.every((c) => c === 0 || c === 50 || c === 99)).toBe(true);
  });

  it('are realistic per category: vehicles cost far more than books', () => {
    const prices = (category: Category) => sample.filter((l) => l.category === category).map((l) => l.price);
    const vehicles = median(prices('Vehicles'));
    const books = median(prices('Books'));
    expect(vehicles).toBeGreaterThan(books);
    expect(vehicles).toBeGreaterThan(1000);
    expect(books).toBeLessThan(30);
  });

  it('drop with condition: a good item asks more than the same kind of item for parts', () => {
    const bikes = generate(20_000).filter((l) => l.category === 'Sports' && / bike /.test(l.title));
    const good = median(bikes.filter((l) => l.condition === 'good').map((l) => l.price));
    const broken = median(bikes.filter((l) => l.condition === 'for parts').map((l) => l.price));
    expect(good).toBeGreaterThan(broken * 1.5);
  });

  it('puts used iPhones, IKEA Billy bookcases and used VW Golfs in believable ranges', () => {
    const many = generate(60_000);
    const typical = (pattern: RegExp) =>
      median(many.filter((l) => pattern.test(l.title) && l.condition === 'good').map((l) => l.price));
    expect(typical(/^Apple iPhone 12 \d/)).toBeGreaterThan(180);
    expect(typical(/^Apple iPhone 12 \d/)).toBeLessThan(450);
    expect(typical(/^IKEA Billy /)).toBeGreaterThan(15);
    expect(typical(/^IKEA Billy /)).toBeLessThan(60);
    expect(typical(/^VW Golf VII /)).toBeGreaterThan(3000);
    expect(typical(/^VW Golf VII /)).toBeLessThan(15000);
  });
});

describe('generateListings: sellers', () => {
  it('gives seller-1 listings 1 (a Sports bike) and 2 (Electronics), and seller-2 listing 3 (a bike), all active', () => {
    const [first, second, third] = sample;
    expect(first).toMatchObject({ sellerId: 'seller-1', category: 'Sports', status: 'active' });
    expect(first.title).toMatch(/^(Trek|Cube) .* bike /);
    expect(second).toMatchObject({ sellerId: 'seller-1', category: 'Electronics', status: 'active' });
    expect(third).toMatchObject({ sellerId: 'seller-2', category: 'Sports', status: 'active' });
    expect(third.title).toMatch(/ bike /);
  });

  it('keeps the demo listings whatever the seed', () => {
    for (const seed of [1, 99, 123456]) {
      const [first, second, third] = generate(3, { seed });
      expect([first.sellerId, second.sellerId, third.sellerId]).toEqual(['seller-1', 'seller-1', 'seller-2']);
      expect(first.category).toBe('Sports');
    }
  });

  it('gives seller-1 at least two active listings in a catalogue of 100', () => {
    const active = generate(100).filter((l) => l.sellerId === 'seller-1' && l.status === 'active');
    expect(active.length).toBeGreaterThanOrEqual(2);
  });

  it('draws sellers from max(50, count / 20) ids, skewed so a few sellers list a lot', () => {
    const ids = sample.map((l) => Number(l.sellerId.slice('seller-'.length)));
    expect(Math.min(...ids)).toBeGreaterThanOrEqual(1);
    expect(Math.max(...ids)).toBeLessThanOrEqual(250);
    const perSeller = new Map<number, number>();
    for (const id of ids) perSeller.set(id, (perSeller.get(id) ?? 0) + 1);
    const counts = [...perSeller.values()].sort((a, b) => b - a);
    const uniform = sample.length / perSeller.size;
    expect(counts[0]).toBeGreaterThan(uniform * 5);
    expect(perSeller.size).toBeGreaterThan(150);
    // The demo accounts are ordinary sellers, not the power sellers, so their own listings stay few.
    expect(perSeller.get(1)! / sample.length).toBeLessThan(0.02);
    expect(perSeller.get(2)! / sample.length).toBeLessThan(0.02);
  });

  it('honours an explicit sellerCount', () => {
    const ids = new Set(generate(2000, { sellerCount: 10 }).map((l) => l.sellerId));
    expect(ids.size).toBeLessThanOrEqual(10);
    expect(ids.size).toBeGreaterThan(5);
  });
});

describe('generateListings: options', () => {
  it('rejects nonsensical counts and indices', () => {
    expect(() => generate(-1)).toThrow(RangeError);
    expect(() => generate(1.5)).toThrow(RangeError);
    expect(() => generate(1, { startIndex: 0 })).toThrow(RangeError);
    expect(() => generate(1, { sellerCount: 0 })).toThrow(RangeError);
    expect(generate(0)).toEqual([]);
  });
});
