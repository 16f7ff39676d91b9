import { describe, expect, it } from 'vitest';
import { classify } from '../src/agent/offline/intent.js';
import { ask, callsOf, textOf, user } from './support/offlineConversation.js';

/** "selling a bike?", "can I sell my sofa here?": only a kind of item, so what a listing needs is asked. */

const kindOf = (text: string) => classify({ text, images: 0 });

describe('a kind of item and nothing more, asked about', () => {
  it.each([
    ['selling a bike?', 'bike'],
    ['can I sell my bike here?', 'bike'],
    ['is it ok to sell a sofa on here?', 'sofa'],
    ['selling my mountain bike?', 'mountain bike'],
    ['can i sell furniture?', 'furniture'],
    ['hi, can we list an old lamp?', 'old lamp'],
    ['am I allowed to sell a used fridge here?', 'used fridge'],
    ['do you accept bikes?', 'bikes'],
    ['do you take furniture here?', 'furniture'],
  ])('%s', (text, item) => {
    expect(kindOf(text)).toEqual({ kind: 'item_needs_detail', item });
  });

  it('asks for the item, its condition and price, drafts nothing and calls no tool', async () => {
    const response = await ask([user('selling a bike?')]);
    expect(callsOf(response)).toEqual([]);
    expect(textOf(response)).toMatch(/what is it exactly/i);
    expect(textOf(response)).toMatch(/your price/i);
    expect(textOf(response)).toMatch(/\bbike\b/);
  });
});

it.each(['do you take cards?', 'do you accept offers?', 'do you accept paypal?'])('is no offer: %s', (text) => {
  expect(kindOf(text).kind).not.toBe('item_needs_detail');
});

describe('short but real requests are drafted as before', () => {
  it.each([
    ['sell my trek marlin 7 for 300', /^Trek marlin 7$/i],
    ['sell my bike', /^Bike$/],
    ['I want to sell a lamp', /^Lamp$/],
    ['sell my bike for 50', /^Bike$/],
    ['selling a bike for 50?', /^Bike$/],
    ['can you sell my bike?', /^Bike$/],
    ['can I sell my trek marlin 7 here?', /^Trek marlin 7$/i],
  ])('%s', (text, title) => {
    const intent = kindOf(text);
    expect(intent.kind).toBe('sell');
    expect(intent.kind === 'sell' && intent.item.draft.title).toMatch(title);
  });
});
