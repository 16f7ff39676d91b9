import { describe, expect, it } from 'vitest';
import { classify } from '../src/agent/offline/intent.js';

/** What sellers write around an asking price ("or nearest offer", "firm", "asap") is not the item's name. */

const sold = (text: string) => {
  const intent = classify({ text, images: 0 });
  return intent.kind === 'sell' ? intent.item : undefined;
};

describe('words about the deal, kept out of the title', () => {
  it.each([
    ['selling my kids bike 16 inch 40 or nearest offer', 'Kids bike 16 inch', 40],
    ['selling pram 50 firm', 'Pram', 50],
    ['hi i need to sell my fridge asap, 100', 'Fridge', 100],
    ['urgent: sell my desk, 40', 'Desk', 40],
    ['quick sale - selling my kettle, 15 euros', 'Kettle', 15],
  ])('%s', (text, title, price) => {
    expect(sold(text)?.draft).toMatchObject({ title, price });
  });

  it.each([
    ['selling a memory foam firm mattress, 80', /firm mattress/i],
    ['selling my firm mattress 80 euros', /^firm mattress$/i],
  ])('keeps "firm" when it describes the item: %s', (text, title) => {
    expect(sold(text)?.draft.title).toMatch(title);
  });
});
