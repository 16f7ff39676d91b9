import { describe, expect, it } from 'vitest';
import { classify } from '../src/agent/offline/intent.js';
import { ask, call, result, textOf, user } from './support/offlineConversation.js';

/** "is 1200 a fair price for a 2015 macbook pro?": years and ages are no search words; the answer names them. */

const kindOf = (text: string) => classify({ text, images: 0 });

describe('years and ages left out of the search words', () => {
  it.each([
    ['is 1200 a fair price for a 2015 macbook pro?', 'macbook pro'],
    ['how much is my 3 year old stroller worth?', 'stroller'],
    ['what is a 2 year old dyson v11 worth', 'dyson v11'],
    ['price check: ikea kallax from 2019', 'ikea kallax'],
    ['price for a macbook pro 2019 model?', 'macbook pro'],
  ])('%s', (text, query) => {
    expect(kindOf(text)).toMatchObject({ kind: 'price_question', query });
  });

  it.each([
    ['selling my 2 year old iphone 12 for 300', 'iphone 12'],
    ['canyon grail 2022 bike, 1500', 'canyon grail bike'],
  ])('in a draft too: %s', (text, query) => {
    const intent = kindOf(text);
    expect(intent.kind === 'sell' && intent.item.query).toBe(query);
  });

  it('leaves "the price of my sofa?" to other readings', () => {
    expect(kindOf('the price of my sofa?').kind).not.toBe('price_question');
  });

  it.each([
    ["what's a 2018 vw golf worth", '2018 vw golf'],
    ['how much for a 2012 ford focus', '2012 ford focus'],
  ])('keeps the year of a vehicle: %s', (text, query) => {
    expect(kindOf(text)).toMatchObject({ kind: 'price_question', query });
  });

  it('says the comparables are of any age, naming the seller’s year', async () => {
    const text = 'is 1200 a fair price for a 2015 macbook pro?';
    const stats = { count: 6, min: 400, p25: 600, median: 800, p75: 1000, max: 1100 };
    const response = await ask([
      user(text),
      call('searchSimilar', { query: 'macbook pro', category: 'Electronics', limit: 5 }, 'c1'),
      result('searchSimilar', 'c1', { ok: true, matches: [], stats, note: 'Seller-written data.' } as never),
    ]);
    expect(textOf(response)).toMatch(/any age, not only "2015"/);
    expect(textOf(response)).toMatch(/€1,?200 is above every one/);
  });

  it('says nothing of age when none was given', async () => {
    const stats = { count: 6, min: 400, p25: 600, median: 800, p75: 1000, max: 1100 };
    const response = await ask([
      user('what is a macbook pro worth?'),
      call('searchSimilar', { query: 'macbook pro', category: 'Electronics', limit: 5 }, 'c1'),
      result('searchSimilar', 'c1', { ok: true, matches: [], stats, note: 'Seller-written data.' } as never),
    ]);
    expect(textOf(response)).not.toMatch(/any age/);
  });
});
