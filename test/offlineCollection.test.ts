import { describe, expect, it } from 'vitest';
import { classify } from '../src/agent/offline/intent.js';

/** "box of old vinyl records 50": many things sold together are one item with one price. */

const drafted = (text: string) => {
  const intent = classify({ text, images: 0 });
  return intent.kind === 'sell' ? intent.item.draft : undefined;
};

describe('a lot sold together is one item, its amount the price', () => {
  it.each([
    ['box of old vinyl records 50', /^box of old vinyl records$/i, 50],
    ['bundle of kids clothes 25', /^bundle of kids clothes$/i, 25],
    ['set of 4 winter tyres 120', /^set of 4 winter tyres$/i, 120],
    ['job lot of baby clothes 0-6 months, 20 euros', /^job lot of baby clothes 0-6 months$/i, 20],
    ['a whole crate of paperbacks 15', /^whole crate of paperbacks$/i, 15],
    ['collection of 30 dvds 15', /^collection of 30 dvds$/i, 15],
  ])('%s', (text, title, price) => {
    const draft = drafted(text);
    expect(draft?.title).toMatch(title);
    expect(draft?.price).toBe(price);
  });

  it('a bundle of clothes has no single size: its amount is not asked about', () => {
    expect(classify({ text: 'bundle of girls clothes 30', images: 0 }).kind).toBe('sell');
    expect(classify({ text: 'girls dress 30', images: 0 }).kind).toBe('size_or_price_unclear');
  });
});

describe('an amount with the words of an asking price offers an item the vocabulary does not know', () => {
  it.each([
    ['pram 80 ono', /^pram$/i, 80],
    ['buggy 45 obo', /^buggy$/i, 45],
    ['Silver Cross pushchair, 120 or nearest offer', /^silver cross pushchair$/i, 120],
  ])('%s', (text, title, price) => {
    const draft = drafted(text);
    expect(draft?.title).toMatch(title);
    expect(draft?.price).toBe(price);
  });
});

describe('words that only look like a lot or an offer', () => {
  it.each([
    ['a lot of scratches 50', 'unknown'],
    ['set it to 50', 'change_without_draft'],
    ['make it 80 obo', 'change_without_draft'],
    ['is a box of records worth 50?', 'price_question'],
  ])('%s', (text, kind) => {
    expect(classify({ text, images: 0 }).kind).toBe(kind);
  });
});
