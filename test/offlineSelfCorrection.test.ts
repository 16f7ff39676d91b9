import { describe, expect, it } from 'vitest';
import { classify } from '../src/agent/offline/intent.js';
import { requestedPrice } from '../src/agent/offline/price.js';

/** A price corrected inside the same message: the last amount is the price, the correction no title. */

const drafted = (text: string) => {
  const intent = classify({ text, images: 0 });
  return intent.kind === 'sell' ? intent.item.draft : undefined;
};

describe('a price corrected before sending', () => {
  it.each([
    ['sell my bike 100 no wait make it 90', /^bike$/i, 90],
    ['selling my ps4 for 150, actually make it 130', /^ps4$/i, 130],
    ['sell my lamp for 20 euros, sorry I mean 25', /^lamp$/i, 25],
    ['selling my sofa 300. actually 280', /^sofa$/i, 280],
    ['sell my iphone 12 for 300 no wait 280', /^iphone 12$/i, 280],
    ['selling my desk for 80, make it 75', /^desk$/i, 75],
  ])('%s', (text, title, price) => {
    const draft = drafted(text);
    expect(draft?.title).toMatch(title);
    expect(draft?.price).toBe(price);
    expect(draft?.description).not.toMatch(/wait|actually|mean|make it/i);
  });
});

describe('no correction', () => {
  it.each([
    ['sell my bike for 100, no offers', 100],
    ['selling my desk for 80, actually it is 2 years old', 80],
    ['selling my bike for 100 no lowballers', 100],
  ])('keeps the one price of %s', (text, price) => {
    expect(drafted(text)?.price).toBe(price);
  });

  it('reads no price from a lone "make it" after an item without one', () => {
    expect(drafted('sell my bike, make it 90')?.price).toBeUndefined();
  });
});

describe('a new price corrected in a change request', () => {
  it.each([
    ['make it 90, no wait 85', 85],
    ['lower it to 90, actually 85', 85],
    ['change the price to 60. sorry, I mean 65', 65],
  ])('%s', (text, price) => {
    expect(requestedPrice(text)).toBe(price);
  });

  it('re-prices a listing at the corrected amount', () => {
    expect(classify({ text: 'lower lst_ab12cd34 to 90, actually 85', images: 0 })).toMatchObject({
      kind: 'reprice',
      price: 85,
    });
  });

  it.each([
    ['make it 90, actually it has a scratch', 90],
    ['make it 90 no offers', 90],
  ])('keeps the one price of %s', (text, price) => {
    expect(requestedPrice(text)).toBe(price);
  });
});
