import { describe, expect, it } from 'vitest';
import { classify } from '../src/agent/offline/intent.js';

/** The draft's description is the seller's own words, tidied: punctuation as a listing would print it. */
const description = (text: string) => {
  const intent = classify({ text, images: 0 });
  return intent.kind === 'sell' ? intent.item.draft.description : undefined;
};

describe("a draft's description", () => {
  it.each([
    'selling my old oak bookcase, white, some scratches. what should I ask for it?',
    'want to sell my road bike, barely used... how much could I get?',
    'selling a desk lamp, works fine.. any idea what its worth?',
  ])('ends each sentence with one full stop: %s', (text) => {
    const words = description(text);
    expect(words).toBeDefined();
    expect(words).not.toMatch(/\.\./);
    expect(words).toMatch(/Condition: [a-z ]+\.$/);
  });

  it('keeps the seller’s other punctuation', () => {
    expect(description('selling my lovely reading lamp!! works great')).toContain('!!');
  });
});
