import { describe, expect, it } from 'vitest';
import { classify } from '../src/agent/offline/intent.js';

/** Price questions in fewer words: "iphone 11 price?", "can you price my lamp", "…usually go for?". */

const asked = (text: string) => classify({ text, images: 0 });

describe('a price question names its item', () => {
  it.each([
    ['how much do airpods pro usually go for?', 'airpods pro'],
    ['what does a used dyson v11 typically sell for?', 'dyson v11'],
    ['can you price my iphone 11 for me', 'iphone 11'],
    ['value my dyson v11 please', 'dyson v11'],
    ['iphone 11 price?', 'iphone 11'],
    ['ps5 value?', 'ps5'],
    ['kids bike worth?', 'kids bike'],
  ])('%s', (text, query) => {
    expect(asked(text)).toMatchObject({ kind: 'price_question', query });
  });

  it.each(['price?', 'the price?', 'good price?', 'your price?', 'what about the price?'])(
    'searches nothing for %s',
    (text) => {
      expect(asked(text).kind).not.toBe('price_question');
    },
  );

  it('reads "lower the price?" as a price change still to be specified', () => {
    expect(asked('lower the price?').kind).toBe('price_change_unclear');
  });

  it('looks up a listing asked about by id', () => {
    expect(asked('whats the price of lst_ab12cd34?')).toEqual({ kind: 'lookup', listingId: 'lst_ab12cd34' });
  });
});
