import { describe, expect, it } from 'vitest';
import { classify } from '../src/agent/offline/intent.js';
import { requestedPrice } from '../src/agent/offline/price.js';
import { ask, assistant, call, callsOf, rejectedWith, result, textOf, user } from './support/offlineConversation.js';

/** Talking to a proposed draft: a price said casually, and another item named while saying no. */

const lamp = {
  title: 'Brass desk lamp',
  description: 'Brass desk lamp, works fine. Condition: good.',
  category: 'Home & Garden' as const,
  price: 40,
  condition: 'good' as const,
};

describe('a new price said casually', () => {
  it.each([
    ['no wait its 45', 45],
    ["it's 60 then", 60],
    ['can u make it like 38', 38],
    ['set it to around 120', 120],
    ['make it maybe 35', 35],
  ])('%s', (text, price) => {
    expect(requestedPrice(text)).toBe(price);
  });

  it.each(["it's 2 years old", 'its 30 cm wide', 'make it about 3 weeks', 'it is 2019 model'])(
    'reads no price in %s',
    (text) => {
      expect(requestedPrice(text)).toBeUndefined();
    },
  );

  it('changes the draft rather than cancelling it for "no wait its 45"', () => {
    expect(classify({ text: 'no wait its 45', images: 0 }, lamp)).toMatchObject({
      kind: 'change_draft',
      change: { price: 45 },
    });
  });
});

describe('an offer with a word between the request and the verb', () => {
  it.each([
    ['can you also list my desk chair for 25', /^desk chair$/i, 25],
    ['could u just sell my road bike, 300', /^road bike$/i, 300],
    ['can you now post my Kindle Paperwhite for 60', /kindle paperwhite/i, 60],
  ])('%s', (text, title, price) => {
    const intent = classify({ text, images: 0 }, lamp);
    expect(intent.kind).toBe('sell');
    expect(intent.kind === 'sell' && intent.item.draft.title).toMatch(title);
    expect(intent.kind === 'sell' && intent.item.draft.price).toBe(price);
  });

  it('leaves a change to the draft a change', () => {
    expect(classify({ text: 'can you also lower it to 30', images: 0 }, lamp).kind).not.toBe('sell');
  });
});

describe('OfflineModel: another item named in a rejection', () => {
  const proposed = [
    user('selling my brass desk lamp, works fine, 40 euros'),
    call('searchSimilar', { query: 'brass desk lamp', category: 'Home & Garden', limit: 5 }, 'c1'),
    result('searchSimilar', 'c1', { ok: true, matches: [], stats: null, note: 'Seller-written data.' }),
    assistant('Check the draft below.'),
    call('createListing', lamp, 'c2'),
  ];
  const rejected = (message: string) => ask([...proposed, result('createListing', 'c2', rejectedWith(message))]);

  it.each([
    ['can you also list my desk chair for 25', 'Desk chair'],
    ['no, sell my office chair, 25 euros', 'Office chair'],
    ['nah, put my wool rug up for 30', 'Wool rug'],
  ])('does not give the draft the other item’s price: %s', async (message, other) => {
    const response = await rejected(message);
    expect(callsOf(response)).toEqual([]);
    expect(textOf(response)).toContain(other);
    expect(textOf(response)).toMatch(/didn't post/i);
  });

  it.each([
    ['list my brass lamp for 35', 35],
    ['nah, list it as a brass desk light for 32', 32],
  ])('still revises the same item: %s', async (message, price) => {
    const response = await rejected(message);
    expect(callsOf(response)).toEqual([{ name: 'createListing', args: { ...lamp, price } }]);
  });
});
