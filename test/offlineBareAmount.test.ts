import { describe, expect, it } from 'vitest';
import { withBareAmountMarked } from '../src/agent/offline/bareAmount.js';
import { classify } from '../src/agent/offline/intent.js';
import { ask, callsOf, user } from './support/offlineConversation.js';

/** An amount ending an item's words with no money word: a price, or part of the item's name. */

const drafted = (text: string) => {
  const intent = classify({ text, images: 0 });
  // "samsung tv 55": the number may be the size; the draft held while that is asked keeps it in the title.
  return intent.kind === 'sell' || intent.kind === 'size_or_price_unclear' ? intent.item.draft : undefined;
};

describe('a bare amount after the item is its price, kept out of the title', () => {
  it.each([
    ['sell my kids bike 40', /^kids bike$/i, 40],
    ['iphone 13 pro 256gb 600', /^iphone 13 pro 256gb$/i, 600],
    ['selling ps5 350', /^ps5$/i, 350],
    ['IKEA Malm dresser 6 drawers 60', /^ikea malm dresser 6 drawers$/i, 60],
    ['selling a coffee table 45 pick up only', /^coffee table$/i, 45],
    ['Canon EOS 80D body only 450', /^canon eos 80d body$/i, 450],
    ['2015 vw golf 1.4 tsi 140000km 7500', /^2015 vw golf 1\.4 tsi 140000km$/i, 7500],
    ['my office chair 35', /^office chair$/i, 35],
    ['lego star wars millennium falcon 75192 complete 550', /millennium falcon 75192$/i, 550],
  ])('%s', (text, title, price) => {
    const draft = drafted(text);
    expect(draft?.title).toMatch(title);
    expect(draft?.price).toBe(price);
    expect(draft?.description).not.toContain(String(price));
  });

  it.each([
    ['selling my sofa 1.5k', 1500],
    ['macbook pro 2019 2k', 2000],
    ['selling my phone 2.5k', 2500],
  ])('reads thousands written with k: %s', (text, price) => {
    const draft = drafted(text);
    expect(draft?.price).toBe(price);
    expect(draft?.title).not.toMatch(/\dk\b/i);
  });

  it('searches the item, not the amount', async () => {
    const [search] = callsOf(await ask([user('sell my kids bike 40')]));
    expect(search).toMatchObject({ name: 'searchSimilar', args: { query: 'kids bike' } });
  });
});

describe('numbers that name the item stay in the title and are no price', () => {
  it.each([
    ['sell my iphone 13', /^iphone 13$/i],
    ['selling fiat 500', /^fiat 500$/i],
    ['selling my xbox 360', /^xbox 360$/i],
    ['selling a trek marlin 7', /^trek marlin 7$/i],
    ['galaxy s21 128', /^galaxy s21 128$/i],
    ['selling my mountain bike 26', /^mountain bike 26$/i],
    ['samsung tv 55', /^samsung tv 55$/i],
    ['nike sneakers 42', /^nike sneakers 42$/i],
    ['selling my dining table 2019', /^dining table 2019$/i],
    ['samsung tv 4k', /^samsung tv 4k$/i],
    ['selling a pack of 40', /^pack of 40$/i],
  ])('%s', (text, title) => {
    const draft = drafted(text);
    expect(draft?.title).toMatch(title);
    expect(draft?.price).toBeUndefined();
  });

  it.each(['lower the table 40', 'make it 40', 'my bike is 3 years old'])('drafts nothing from %s', (text) => {
    expect(classify({ text, images: 0 }).kind).not.toBe('sell');
  });

  it.each(['kids bike 16 with stabilisers', 'a tent for 4 people', 'bike 40 cm frame'])(
    'marks no amount in %s',
    (text) => {
      expect(withBareAmountMarked(text)).toBe(text);
    },
  );
});
