import { describe, expect, it } from 'vitest';
import { classify } from '../src/agent/offline/intent.js';

/** "I listed my bike at 300, is that too much?": the seller's own price, questioned, is answered with comparables. */

const intentOf = (text: string) => classify({ text, images: 0 });

describe("a question about the seller's own price", () => {
  it.each([
    ['i listed my bike at 300, is that too much?', 'bike'],
    ["I've priced my oak sofa at 250 - is it too high?", 'oak sofa'],
    ['listed the ps4 for 150 is that ok?', 'ps4'],
    ['priced my kayak at 400, am i asking too much?', 'kayak'],
  ])('%s', (text, item) => {
    expect(intentOf(text)).toMatchObject({ kind: 'price_question', itemName: item });
  });

  it('reads texting shorthand in a question about what others ask', () => {
    expect(intentOf('how much r people asking for a ps4')).toMatchObject({ kind: 'price_question', query: 'ps4' });
  });

  it.each([
    ['i want to sell my bike for 300'],
    ['listed my bike at 300'],
    ['my bike is listed at 300, lower it to 250'],
  ])('a statement or a request is no such question: %s', (text) => {
    expect(intentOf(text).kind).not.toBe('price_question');
  });
});
