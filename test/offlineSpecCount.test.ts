import { describe, expect, it } from 'vitest';
import { classify } from '../src/agent/offline/intent.js';
import { draftOf } from './support/offlineConversation.js';

/** "3 seater 250": a count in the item's specs, then the price with no money word. */

const kindOf = (text: string) => classify({ text, images: 0 });

describe('a number in the specs, then a bare amount', () => {
  it.each([
    ['3 seater 250', /^3 seater$/i, 250],
    ['3-seater 250', /^3-seater$/i, 250],
    ['grey 3 seater sofa 250', /3 seater sofa/i, 250],
    ['selling 2 door wardrobe 80', /^2 door wardrobe$/, 80],
    ['4 burner gas stove 60', /^4 burner gas stove$/, 60],
    ['6 drawer dresser 45', /^6 drawer dresser$/, 45],
    ['2 person tent 30', /^2 person tent$/, 30],
    ['dining table 6 seats 120', /^Dining table 6 seats$/, 120],
  ])('%s', (text, title, price) => {
    const draft = draftOf(text);
    expect(draft.title).toMatch(title);
    expect(draft.price).toBe(price);
  });

  it.each(['sofa 3 seater', 'corner sofa 5 seater', 'dining table seats 6'])(
    'reads no price from the count itself: %s',
    (text) => {
      const intent = kindOf(text);
      expect(intent.kind === 'sell' && intent.item.draft.price).toBeFalsy();
    },
  );

  it('keeps a kind of item lowercase before the head word', () => {
    const intent = kindOf('corner sofa 5 seater 400');
    expect(intent.kind === 'sell' && intent.item.draft.title).toBe('Corner sofa 5 seater');
  });
});
