import { describe, expect, it } from 'vitest';
import { classify } from '../src/agent/offline/intent.js';
import type { Draft } from '../src/agent/offline/draft.js';
import { ask, callsOf, user } from './support/offlineConversation.js';

/** "drop my sofa 30", "lower my oak table to 80": a listing named between the price verb and the amount. */

const read = (text: string, draft?: Draft) => classify({ text, images: 0 }, draft);

const bikeDraft: Draft = {
  title: 'Trek bike',
  description: 'Trek bike. Condition: good.',
  category: 'Sports',
  condition: 'good',
  price: 300,
};

describe('a re-price naming the listing before a bare amount', () => {
  it.each([
    ['drop my sofa 30', 'sofa'],
    ['lower the oak table 20', 'oak table'],
    ['reduce my ikea kallax shelf 15', 'ikea kallax shelf'],
    ['raise our garden bench 10', 'garden bench'],
  ])('asks "to or by" (no amount taken): %s', (text, description) => {
    const intent = read(text);
    expect(intent).toMatchObject({ kind: 'reprice_described', ref: { description } });
    expect(intent.kind === 'reprice_described' && (intent.price ?? intent.relative)).toBeUndefined();
  });

  it.each([
    ['lower my oak table to 80', 'oak table', { price: 80 }],
    ['drop my sofa by 30', 'sofa', { relative: { direction: -1, amount: 30 } }],
    ['reduce my ikea kallax shelf to 30', 'ikea kallax shelf', { price: 30 }],
  ])('takes the amount when "to" or "by" says how: %s', (text, description, change) => {
    expect(read(text)).toMatchObject({ kind: 'reprice_described', ref: { description }, ...change });
  });

  it.each(['reduce the asking price 20', 'lower the selling price 20', 'drop the price 30'])(
    'names no listing with the price words alone: %s',
    (text) => {
      expect(read(text).kind).not.toBe('reprice_described');
    },
  );
});

describe('with a draft open', () => {
  it.each([
    ['lower my oak table to 80', 'oak table'],
    ['drop my sofa 30', 'sofa'],
  ])('a listing the draft is not is still re-priced: %s', (text, description) => {
    expect(read(text, bikeDraft)).toMatchObject({ kind: 'reprice_described', ref: { description } });
  });

  it.each([
    ['lower the bike to 250', { price: 250 }],
    ['drop my bike 30', { byOrTo: { direction: -1, amount: 30 } }],
  ])('words that fit the draft change the draft: %s', (text, change) => {
    expect(read(text, bikeDraft)).toMatchObject({ kind: 'change_draft', change });
  });

  it.each([
    ['sorry, the condition should be good, not like new, and make it 65', { price: 65, condition: 'good' }],
    ['lower the title to something shorter and make it 250', { price: 250 }],
  ])('words about the draft itself name no other listing: %s', (text, change) => {
    expect(read(text, bikeDraft)).toMatchObject({ kind: 'change_draft', change });
  });

  it("looks the seller's own listing up, not the market", async () => {
    const [search] = callsOf(await ask([user('lower my oak table to 80')]));
    expect(search).toMatchObject({ name: 'searchSimilar', args: { query: 'oak table', mine: true } });
  });
});
