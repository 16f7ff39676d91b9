import { describe, expect, it } from 'vitest';
import { classify } from '../src/agent/offline/intent.js';
import { withoutCount } from '../src/agent/offline/quantity.js';

/** "2 x dining chairs": the "x" belongs to the count, not to the item's name. */

describe('a count written with "x"', () => {
  it.each([
    ['2 x dining chairs 15 each', 2, 15],
    ['3x bar stools, 20 each', 3, 20],
    ['4 × kitchen chairs 10 each', 4, 10],
  ])('%s', (text, quantity, each) => {
    expect(classify({ text, images: 0 })).toMatchObject({ kind: 'quantity_unclear', quantity, each });
  });

  it.each([
    ['2 x dining chairs', 'dining chairs'],
    ['3x bar stools', 'bar stools'],
    ['4 × kitchen chairs', 'kitchen chairs'],
  ])('leaves the item when the count goes: %s', (text, item) => {
    expect(withoutCount(text)).toBe(item);
  });

  it('keeps a title lowercase "x"', () => {
    const intent = classify({ text: '2 x dining chairs 15 each', images: 0 });
    expect(intent.kind === 'quantity_unclear' && intent.item.draft.title).toBe('2 x dining chairs');
  });

  it('does not take the x of a name for the count', () => {
    expect(withoutCount('2 xbox controllers')).toBe('xbox controllers');
  });
});
