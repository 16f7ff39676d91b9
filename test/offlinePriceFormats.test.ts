import { describe, expect, it } from 'vitest';
import { classify } from '../src/agent/offline/intent.js';
import { priceRanges, requestedPrice, statedPrice } from '../src/agent/offline/price.js';
import { ask, callsOf, textOf, user } from './support/offlineConversation.js';

/** Amounts written with grouped thousands or a decimal comma, and ranges given instead of one price. */

const sold = (text: string) => {
  const intent = classify({ text, images: 0 });
  return intent.kind === 'sell' ? intent.item : undefined;
};

describe('grouped thousands at the end of an offer', () => {
  it.each([
    ['selling my couch 1,200', /^couch$/i, 1200],
    ['Rolex Submariner for sale 8.500', /rolex submariner/i, 8500],
    ['selling a used Yamaha upright piano 2,300.', /yamaha upright piano/i, 2300],
  ])('%s', (text, title, price) => {
    const item = sold(text);
    expect(item?.draft.title).toMatch(title);
    expect(item?.draft.price).toBe(price);
  });

  it.each(['selling my couch, seats 3', 'selling an iPhone 13, 1,5 years old'])('reads no price in %s', (text) => {
    expect(statedPrice(text)).toBeUndefined();
  });
});

describe('a decimal comma in a new price', () => {
  it.each([
    ['change the price on lst_ab12cd34 to 45,50', 45.5],
    ['set lst_ab12cd34 to 12,99', 12.99],
    ['lower lst_ab12cd34 to 1.100', 1100],
  ])('%s', (text, price) => {
    expect(classify({ text, images: 0 })).toMatchObject({ kind: 'reprice', price });
  });

  it('still reads a price that is its own part of a list', () => {
    expect(statedPrice('Nintendo Switch, like new, 250')).toBe(250);
  });
});

describe('a range instead of one price', () => {
  it.each([
    ['selling a baby cot, 40 to 50 euros', 40, 50],
    ['macbook air m1 2020, 8gb/256, 550-600', 550, 600],
    ['asking between 100 and 150 for my drum kit', 100, 150],
    ['selling my ski jacket €60-70', 60, 70],
  ])('%s', (text, low, high) => {
    expect(priceRanges(text)).toMatchObject([{ low, high }]);
    expect(statedPrice(text)).toBeUndefined();
  });

  it('names no new price in a change to a range', () => {
    expect(requestedPrice('lower it to 40-50')).toBeUndefined();
  });

  it.each(['the tent fits 3 to 5 people, 80 euros', 'a book, pages 100-200 missing, 15 euros'])(
    'is no range: %s',
    (text) => {
      expect(priceRanges(text)).toEqual([]);
      expect(statedPrice(text)).toBeGreaterThan(0);
    },
  );

  it('drafts without a price and asks for one, the range out of the description', async () => {
    const response = await ask([user('selling a baby cot, 40 to 50 euros')]);
    const [search] = callsOf(response);
    expect(search?.name).toBe('searchSimilar');
    expect(textOf(response)).toBe('');
    const offer = sold('selling a baby cot, 40 to 50 euros');
    expect(offer?.draft.price).toBeUndefined();
    expect(offer?.draft.description).not.toMatch(/\d/);
  });
});

describe('texting shorthand in price questions', () => {
  it.each([
    ['whats my dyson v8 worth', /dyson v8/i],
    ['how much for a used vespa', /vespa/i],
    ['wats a ps4 slim going for', /ps4 slim/i],
  ])('%s', async (text, query) => {
    const [search] = callsOf(await ask([user(text)]));
    expect(search?.name).toBe('searchSimilar');
    expect(String(search?.args.query)).toMatch(query);
  });

  it('asks which item for "how much for it" with nothing discussed', async () => {
    const response = await ask([user('how much for it')]);
    expect(callsOf(response)).toEqual([]);
    expect(textOf(response)).toMatch(/which item/i);
  });
});
