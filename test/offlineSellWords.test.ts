import { describe, expect, it } from 'vitest';
import { classify, type Intent } from '../src/agent/offline/intent.js';

/** Casual ways of asking to sell something, and what must not read as an item. */

const oakDesk = {
  title: 'Oak desk',
  description: 'Oak desk. Condition: good.',
  category: 'Furniture',
  condition: 'good' as const,
  price: 60,
};

const sold = (intent: Intent) => (intent.kind === 'sell' ? intent.item : undefined);

describe('casual offers to sell', () => {
  it.each([
    ['hey can u list my jbl flip 5 speaker 45e', /jbl flip 5 speaker/i, 45],
    ['post an ad for my garmin watch for 90 plz', /^garmin watch$/i, 90],
    ['put my weber kettle grill up for 120', /^weber kettle grill$/i, 120],
    ['Put up an ad: Kindle Oasis, 32GB, 110', /^kindle oasis/i, 110],
    ['sure, sell my toaster too', /^toaster$/i, undefined],
  ])('%s', (text, query, price) => {
    const item = sold(classify({ text, images: 0 }));
    expect(item?.query).toMatch(query);
    expect(item?.draft.title).not.toMatch(/\b(?:plz|too|put|up)\b/i);
    expect(item?.draft.price).toBe(price);
  });

  it.each(['put the price up to 50', 'I want to sell something else', 'can u help me'])('names no item: %s', (text) => {
    expect(classify({ text, images: 0 }).kind).not.toBe('sell');
  });

  it.each(['ok put it up for sale', 'yes, list this one now', 'sure, post it'])(
    'means the draft on the table: %s',
    (text) => {
      expect(classify({ text, images: 0 }, oakDesk)).toEqual({ kind: 'confirm', draft: oakDesk });
    },
  );
});

describe('a listing id in a message that also mentions another amount', () => {
  it.each([
    ['it cost me 300 new, so drop lst_abcd12 to 80', 80],
    ['I paid 400 for it, but set lst_abcd12 to 150', 150],
  ])('%s', (text, price) => {
    expect(classify({ text, images: 0 })).toMatchObject({ kind: 'reprice', listingId: 'lst_abcd12', price });
  });
});

describe('book words', () => {
  it.each([
    'selling an old road atlas, 15 euros',
    'Oxford English dictionary for sale, 20 euros',
    'sell my Hunger Games trilogy for 12',
    'a biography of Marie Curie for sale, 8 euros',
  ])('put %s in Books', (text) => {
    expect(sold(classify({ text, images: 0 }))?.draft.category).toBe('Books');
  });

  it('leave a bookshelf in Furniture', () => {
    expect(sold(classify({ text: 'selling my bookshelf, 30 euros', images: 0 }))?.draft.category).toBe('Furniture');
  });
});
