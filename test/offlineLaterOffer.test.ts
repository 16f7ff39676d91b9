import { describe, expect, it } from 'vitest';
import { classify } from '../src/agent/offline/intent.js';
import { draftOf } from './support/offlineConversation.js';

/** "includes charger, selling my phone for 100": the item is named after the offer's words, not before them. */

const kindOf = (text: string) => classify({ text, images: 0 });

describe('an offer whose item follows words about its state or extras', () => {
  it.each([
    ['includes charger, selling my phone for 100', /^Phone$/, 100, /charger/i, 'good'],
    ['comes with box, selling my headphones 40', /^Headphones$/, 40, /box/i, 'good'],
    ['barely used, selling my kettle for 15', /^Kettle$/, 15, /barely used/i, 'like new'],
    ['no scratches - selling my ipad for 200', /^iPad$/, 200, /no scratches/i, 'good'],
    ['original receipt included; listing my camera for 250', /^Camera$/, 250, /receipt/i, 'good'],
    ['like new. want to sell my nintendo switch, 200', /^Nintendo switch$/i, 200, /./, 'like new'],
  ])('%s', (text, title, price, kept, condition) => {
    const draft = draftOf(text);
    expect(draft.title).toMatch(title);
    expect(draft.price).toBe(price);
    expect(draft.description).toMatch(kept);
    expect(draft.description).not.toMatch(/selling|sell\b|listing my/i);
    expect(draft.condition).toBe(condition);
  });

  it.each([
    // The earlier words ask something or make another request: no description of the item.
    ['is it worth it, selling my phone for 100?', 'sell'],
    ['what do you think, selling my bike 300 too much?', 'price_question'],
  ])('reads the whole message when the earlier words are not about the item: %s', (text, kind) => {
    const intent = kindOf(text);
    if (intent.kind === 'sell') expect(intent.item.draft.title).not.toMatch(/worth|think/i);
    else expect(intent.kind).toBe(kind);
  });

  it.each(['no scratches at all', 'scratch-free screen', 'without any dents'])(
    'a denied flaw is no flaw: %s',
    (words) => {
      const intent = kindOf(`selling my laptop, ${words}, 300`);
      expect(intent.kind === 'sell' && intent.item.draft.condition).toBe('good');
    },
  );

  it('a denied flaw does not hide a real one', () => {
    const intent = kindOf('selling my laptop, no scratches but the hinge is cracked, 300');
    expect(intent.kind === 'sell' && intent.item.draft.condition).toBe('fair');
  });
});
