import { describe, expect, it } from 'vitest';
import { classify } from '../src/agent/offline/intent.js';

/** "selling my sofa, good condition, 200": the description says the condition once, in "Condition: good.". */

const describe1 = (text: string) => {
  const intent = classify({ text, images: 0 });
  return intent.kind === 'sell' ? intent.item.draft : undefined;
};

describe('the condition said once', () => {
  it.each([
    ['selling my sofa, good condition, 200', 'Sofa. Condition: good.'],
    ['selling my sofa in great condition for 200', 'Sofa. Condition: good.'],
    ['selling my sofa, condition is good, 200', 'Sofa. Condition: good.'],
    ['selling my bike - excellent condition - 150', 'Bike. Condition: like new.'],
    ['selling my sofa, brand new, 300', 'Sofa. Condition: new.'],
    ['good condition, selling my lamp 20', 'Lamp. Condition: good.'],
  ])('%s', (text, description) => {
    expect(describe1(text)?.description).toBe(description);
  });

  it.each([
    ['selling my sofa, like new, only used twice, 200', /only used twice/],
    ['selling my bike, good condition but the brakes need work, 150', /brakes need work/],
  ])('keeps a clause that says more than the condition: %s', (text, kept) => {
    const description = describe1(text)?.description ?? '';
    expect(description).toMatch(kept);
    expect(description.match(/condition/gi)?.length ?? 0).toBeLessThanOrEqual(2);
  });
});
