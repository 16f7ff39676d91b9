import { describe, expect, it } from 'vitest';
import { classify } from '../src/agent/offline/intent.js';
import { notAnItem } from '../src/agent/offline/notAnItem.js';
import { ask, callsOf, draftOf, textOf, user } from './support/offlineConversation.js';

/** Rentals, jobs, services and wishes to buy are not items: the model says so instead of drafting. */

const kindOf = (text: string) => classify({ text, images: 0 });

describe('offers that are not an item for sale', () => {
  it.each([
    ['my apartment for rent 900 a month', 'rentals'],
    ['room for rent in city center 450/month', 'rentals'],
    ['renting out my garage, 80 pcm', 'rentals'],
    ['flat to let, 2 bedrooms, 1100', 'rentals'],
    ['hiring a part time cashier, 12 euros per hour', 'jobs'],
    ['looking for a summer job, can start in June', 'jobs'],
    ['I offer dog walking services, 15 an hour', 'services'],
    ['I can fix your computer for 30 euros', 'services'],
    ['piano lessons 20 euros', 'services'],
    ['babysitter available weekends', 'services'],
    ['ironing done at home, 10/hour', 'rates'],
    ['looking to buy a ps5', 'wanted'],
    ['WTB iphone 12', 'wanted'],
    ['I want to buy a bike under 200', 'wanted'],
  ])('%s', (text, what) => {
    expect(kindOf(text)).toEqual({ kind: 'not_an_item', what });
  });

  it('answers honestly, drafts nothing and calls no tool', async () => {
    const response = await ask([user('my apartment for rent 900 a month')]);
    expect(callsOf(response)).toEqual([]);
    expect(textOf(response)).toMatch(/items for sale/);
    expect(textOf(response)).toMatch(/rentals/);
    expect(textOf(response)).toMatch(/Nothing was drafted/);
  });
});

describe('items that only mention work, renting or buying are still items', () => {
  it.each([
    ['selling my robot vacuum cleaner, used for cleaning, 120', /robot vacuum cleaner/i, 120],
    ['sell my bike, bought it for 200 a year ago, 150', /^bike$/i, 150],
    ['selling my treadmill, used 3 times a week, 300', /^treadmill$/i, 300],
    ['Steve Jobs biography, 10 euros', /steve jobs biography/i, 10],
    ['selling guitar lessons book 15', /guitar lessons book/i, 15],
    ['selling my phone because I want to buy a new one, 200', /^phone$/i, 200],
    ['looking for a buyer for my sofa, 100', /^sofa$/i, 100],
    ['selling my gardening tools 30', /^gardening tools$/i, 30],
  ])('%s', (text, title, price) => {
    const draft = draftOf(text);
    expect(draft.title).toMatch(title);
    expect(draft.price).toBe(price);
  });

  it.each([
    'just to let you know, the lamp is gone',
    'my bike is 2 years old',
    'looking for a new home for my cat tree',
  ])('finds no rental, job or service in %s', (text) => {
    expect(notAnItem(text)).toBeUndefined();
  });
});
