import { describe, expect, it } from 'vitest';
import { classify } from '../src/agent/offline/intent.js';

/** A listing's id followed by "at" and the amount the seller wants it at. */

const read = (text: string) => classify({ text, images: 0 });

describe('a listing id, then "at" and an amount', () => {
  it.each([
    ['i want lst_ab12cd34 at 85', 85],
    ['lst_ab12cd34 @ 1.200 please', 1200],
    ['put lst_ab12cd34 at 60 euros', 60],
  ])('%s', (text, price) => {
    expect(read(text)).toEqual({ kind: 'reprice', listingId: 'lst_ab12cd34', price });
  });

  it.each(['show lst_ab12cd34 at 5 pm', 'is lst_ab12cd34 at 85', 'lst_ab12cd34 at 85 is too much?'])(
    'only looks up %s',
    (text) => {
      expect(read(text)).toEqual({ kind: 'lookup', listingId: 'lst_ab12cd34' });
    },
  );
});
