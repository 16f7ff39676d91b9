import { describe, expect, it } from 'vitest';
import { classify } from '../src/agent/offline/intent.js';
import { draftOf } from './support/offlineConversation.js';

/** "ikea billy bookcase white 25": a few words describing the item do not hide the price after them. */

const intentOf = (text: string) => classify({ text, images: 0 });

describe('an amount after words describing the item is its price', () => {
  it.each([
    ['wts: ikea billy bookcase white 25', /^ikea billy bookcase white$/i, 25],
    ['sofa grey 200', /^sofa grey$/i, 200],
    ['coffee table solid oak 45', /^coffee table solid oak$/i, 45],
    ['pls list my blue northface jacket size M 45', /jacket size m$/i, 45],
    ['winter jacket XL 40', /^winter jacket xl$/i, 40],
    ['bike lock 15', /^bike lock$/i, 15],
    ['tv remote 12', /^tv remote$/i, 12],
  ])('%s', (text, title, price) => {
    const draft = draftOf(text);
    expect(draft.title).toMatch(title);
    expect(draft.price).toBe(price);
  });

  it.each([['dress red 38'], ['winter jacket black 40'], ['samsung tv 55']])(
    'still asks when the amount may be the size: %s',
    (text) => {
      expect(intentOf(text).kind).toBe('size_or_price_unclear');
    },
  );

  it.each([
    ['my car fiat 500', 500],
    ['selling a trek bike marlin 7', 7],
    ['selling my dining table oak 2019', 2019],
  ])('a model or a year after the item stays no price: %s', (text, amount) => {
    const intent = intentOf(text);
    const price = intent.kind === 'sell' ? intent.item.draft.price : undefined;
    expect(price).not.toBe(amount);
  });
});
