import { describe, expect, it } from 'vitest';
import { expandShorthand } from '../src/agent/offline/shorthand.js';

/** Texting shorthand spelled out before the offline model's rules read a message. */

describe('texting shorthand', () => {
  it.each([
    ['can u drop lst_abcd77 2 95', 'can you drop lst_abcd77 to 95'],
    ['wanna sell my kettle', 'want to sell my kettle'],
    ['what shud i ask 4 it', 'what should i ask 4 it'],
    ['Plz set it 2 40 thx', 'Please set it to 40 thanks'],
    ['Canon 250D w/ two lenses', 'Canon 250D with two lenses'],
  ])('%s', (text, expanded) => {
    expect(expandShorthand(text)).toBe(expanded);
  });

  it.each([
    '2 chairs for 40',
    'selling a Kryptonite U-lock',
    'my iPhone 12, 2 years old',
    'size 2 shoes for 20',
    'us size 9',
  ])('leaves %s alone', (text) => {
    expect(expandShorthand(text)).toBe(text);
  });
});
