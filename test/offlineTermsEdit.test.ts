import { describe, expect, it } from 'vitest';
import { classify } from '../src/agent/offline/intent.js';
import { reviseDraft, type Draft } from '../src/agent/offline/draft.js';

/** "make it firm", "add ono": new terms for an open draft's price, said once in its description. */

const negotiable: Draft = {
  title: 'Trek bike',
  description: 'Trek bike, 56 cm frame. Price negotiable. Condition: good.',
  category: 'Sports',
  condition: 'good',
  price: 300,
};
const plain: Draft = { ...negotiable, description: 'Trek bike, 56 cm frame. Condition: good.' };

const revised = (text: string, draft: Draft) => {
  const intent = classify({ text, images: 0 }, draft);
  expect(intent.kind).toBe('change_draft');
  return intent.kind === 'change_draft' ? reviseDraft(draft, intent.change) : undefined;
};

describe('price terms changed on an open draft', () => {
  it.each([
    ['make it firm', 'firm'],
    ['price is firm', 'firm'],
    ['firm', 'firm'],
    ['no offers please', 'firm'],
    ['actually make it non-negotiable', 'firm'],
    ['add ono', 'negotiable'],
    ['say the price is negotiable', 'negotiable'],
    ['open to offers now', 'negotiable'],
    ['mention it is obo', 'negotiable'],
  ])('%s', (text, terms) => {
    for (const draft of [plain, negotiable]) {
      const revision = revised(text, draft);
      const sentence = terms === 'firm' ? 'Price is firm.' : 'Price negotiable.';
      expect(revision?.draft.description).toBe(`Trek bike, 56 cm frame. ${sentence} Condition: good.`);
      expect(revision?.draft.price).toBe(300);
      expect(revision?.draft.title).toBe('Trek bike');
    }
  });

  it('changes the price and the terms together: make it 250 firm', () => {
    const revision = revised('make it 250 firm', negotiable);
    expect(revision?.draft).toMatchObject({
      price: 250,
      description: 'Trek bike, 56 cm frame. Price is firm. Condition: good.',
    });
  });

  it('says which terms changed, and nothing when they already hold', () => {
    expect(revised('make it firm', negotiable)?.changes).toEqual(['the price terms to “firm”']);
    expect(revised('add ono', negotiable)?.changes).toEqual([]);
  });

  it.each(['it is a firm mattress', 'the frame is fixed now'])('is no terms change: %s', (text) => {
    const intent = classify({ text, images: 0 }, plain);
    expect(intent.kind === 'change_draft' && intent.change.priceTerms).toBeFalsy();
  });

  it('with no draft, says there is none', () => {
    expect(classify({ text: 'make it firm', images: 0 }).kind).toBe('change_without_draft');
  });
});
