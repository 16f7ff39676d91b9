import { describe, expect, it } from 'vitest';
import { classify } from '../src/agent/offline/intent.js';

/** Whose the item was ("my mum's old sewing machine") is kept out of its title, not out of its description. */

const drafted = (text: string) => {
  const intent = classify({ text, images: 0 });
  return intent.kind === 'sell' ? intent.item.draft : undefined;
};

describe('the owner is no part of the title', () => {
  it.each([
    ['sell my mums old sewing machine', /^sewing machine$/i],
    ["selling my grandad's drill, 40", /^drill$/i],
    ['selling my sons bike 50', /^bike$/i],
    ['selling my wife’s winter coat', /^winter coat$/i],
  ])('%s', (text, title) => {
    const draft = drafted(text);
    expect(draft?.title).toMatch(title);
    expect(draft?.description.toLowerCase()).toContain(text.toLowerCase().match(/(?:mum|grandad|son|wife)\S*/)![0]);
  });

  it.each([
    ['selling my kids bike 40', /^kids bike$/i],
    ['selling sons of anarchy dvds', /^sons of anarchy dvds$/i],
    ['selling a brother printer', /^brother printer$/i],
  ])('keeps words that name the item: %s', (text, title) => {
    expect(drafted(text)?.title).toMatch(title);
  });
});
