import { describe, expect, it } from 'vitest';
import { classify } from '../src/agent/offline/intent.js';
import { ask, assistant, callsOf, textOf, user } from './support/offlineConversation.js';

/** "the lot", "both", "all of them": the items talked about, never an item to search for. */

describe('a price question about the lot', () => {
  it.each([
    'how much for the lot?',
    'how much should I ask for both?',
    'what is the whole set worth?',
    'how much for all of them',
  ])('asks which item instead of searching for the word: %s', async (text) => {
    const response = await ask([user(text)]);
    expect(callsOf(response)).toEqual([]);
    expect(textOf(response)).toMatch(/Which item/);
  });

  it('prices the item under discussion', async () => {
    const response = await ask([
      user('selling my Kindle Paperwhite'),
      assistant('What price would you like to ask?'),
      user('how much for the lot?'),
    ]);
    expect(callsOf(response)).toEqual([
      { name: 'searchSimilar', args: expect.objectContaining({ query: 'Kindle Paperwhite' }) },
    ]);
  });

  it.each([
    ['how much for a lot of lego?', /lego/],
    ['how much for a set of golf clubs?', /golf clubs/],
    ['how much for a pair of nike air max?', /nike air max/],
  ])('still searches an item named with such a word: %s', (text, query) => {
    const intent = classify({ text, images: 0 });
    expect(intent.kind).toBe('price_question');
    if (intent.kind === 'price_question') expect(intent.query).toMatch(query);
  });

  it('asks which item for "selling the lot"', () => {
    expect(classify({ text: 'selling the lot', images: 0 }).kind).toBe('sell_unclear');
  });
});
