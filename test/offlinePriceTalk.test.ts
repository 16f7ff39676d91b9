import { describe, expect, it } from 'vitest';
import { classify } from '../src/agent/offline/intent.js';

/** Asking what an item is worth, and re-pricing a listing named by what it is. */

const read = (text: string) => classify({ text, images: 0 });

describe('price questions in other words', () => {
  it.each([
    ['what do you think I should charge for a Bugaboo pram', /bugaboo pram/i],
    ['how much to ask for a used Xbox One X', /xbox one x/i],
    ['what are Vitamix blenders selling for', /vitamix blenders/i],
    ['would 120 be too much for my Garmin watch?', /garmin watch/i],
  ])('%s', (text, query) => {
    const intent = read(text);
    expect(intent.kind).toBe('price_question');
    expect(intent.kind === 'price_question' && intent.itemName).toMatch(query);
  });

  it.each(['I should ask my brother first', 'what are you doing'])('is no price question: %s', (text) => {
    expect(read(text).kind).not.toBe('price_question');
  });
});

describe('re-pricing a listing named by what it is', () => {
  it.each([
    ['mark my kettle down to 18', 'kettle', { price: 18 }],
    ['discount my wool rug 15 percent', 'wool rug', { relative: { direction: -1, unit: 'percent', amount: 15 } }],
    ['take 10 off the armchair', 'armchair', { relative: { direction: -1, unit: 'eur', amount: 10 } }],
    ['put the bookcase up to 90', 'bookcase', { price: 90 }],
  ])('%s', (text, description, change) => {
    expect(read(text)).toMatchObject({ kind: 'reprice_described', ref: { description }, ...change });
  });

  it.each(['put my bookcase up for sale', 'mark my lamp as sold', 'take my bike off the site'])(
    'proposes no new price for %s',
    (text) => {
      const intent = read(text);
      expect(intent.kind === 'reprice_described' && (intent.price ?? intent.relative)).toBeFalsy();
    },
  );
});
