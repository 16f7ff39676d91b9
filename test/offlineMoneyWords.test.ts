import { describe, expect, it } from 'vitest';
import { classify } from '../src/agent/offline/intent.js';
import { listingReference } from '../src/agent/offline/ownListing.js';
import { foreignAmounts, statedPrice } from '../src/agent/offline/price.js';
import { ask, callsOf, user } from './support/offlineConversation.js';

/** Amounts in another currency or written "45,-", what others ask, and "my sofa price". */

const sold = (text: string) => {
  const intent = classify({ text, images: 0 });
  return intent.kind === 'sell' ? intent.item : undefined;
};

describe('an amount in another currency', () => {
  it.each([
    ['sell my guitar amp 75 dollars', /^guitar amp$/i],
    ['selling my bike for $200', /^bike$/i],
    ['selling my old phone for 50 quid', /^phone$/i],
    ['selling desk 300 kr', /^desk$/i],
  ])('is no euro price, and not part of the item: %s', (text, title) => {
    expect(foreignAmounts(text)).toHaveLength(1);
    const item = sold(text);
    expect(item?.draft.price).toBeUndefined();
    expect(item?.draft.title).toMatch(title);
    expect(item?.draft.description).not.toMatch(/\d/);
  });

  it.each(['selling 2 pounds of coffee beans, 10 euros', 'selling a 12 kg kettlebell for 20'])(
    'leaves weights and euro prices alone: %s',
    (text) => {
      expect(foreignAmounts(text)).toEqual([]);
      expect(sold(text)?.draft.price).toBeGreaterThan(0);
    },
  );
});

describe('whole euros written with a dash', () => {
  it.each([
    ['selling my coffee table 45,-', 45],
    ['Gazelle city bike, 180.-', 180],
    ['bookcase for 1.200,-', 1200],
  ])('%s', (text, price) => {
    expect(statedPrice(text)).toBe(price);
  });

  it('reads no price in a plain dash', () => {
    expect(statedPrice('selling a 3-seat sofa - grey')).toBeUndefined();
  });
});

describe('what other sellers ask', () => {
  it.each([
    ['how much are people asking for used airpods', /^airpods$/i],
    ['what do people usually get for a vintage rolex', /vintage rolex/i],
    ['how much do sellers charge for a Nespresso machine', /nespresso machine/i],
  ])('%s', async (text, query) => {
    const [search] = callsOf(await ask([user(text)]));
    expect(search?.name).toBe('searchSimilar');
    expect(String(search?.args.query)).toMatch(query);
  });

  it('is no price question when people ask nothing about price', () => {
    expect(classify({ text: 'how are people doing today', images: 0 }).kind).not.toBe('price_question');
  });
});

describe('a listing named together with its price', () => {
  it.each([
    ['raise my sofa price to 280', 'sofa'],
    ['drop my oak table asking price to 300', 'oak table'],
    ['set my road bike price at 450', 'road bike'],
  ])('%s', (text, description) => {
    expect(listingReference(text)).toEqual({ description, latest: false });
  });

  it('refers to no listing in "lower the price to 50"', () => {
    expect(listingReference('lower the price to 50')).toBeUndefined();
  });
});
