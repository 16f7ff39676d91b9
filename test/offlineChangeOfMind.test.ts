import { describe, expect, it } from 'vitest';
import { readDraftChange } from '../src/agent/offline/draftChange.js';
import { requestedPrice } from '../src/agent/offline/price.js';
import { classify } from '../src/agent/offline/intent.js';
import { ask, assistant, call, callsOf, rejectedWith, result, textOf, user } from './support/offlineConversation.js';

/** A seller changing their mind about a proposed draft: a new price said in passing, words for the title. */

describe('a new price said with a change verb and more words after it', () => {
  it.each([
    ['drop it to 90 so it sells', 90],
    ["bump the price to 130 since it's barely used", 130],
    ['hang on, set it to 45 before you post it', 45],
    ['reduce it to 1,200 because of the scratch', 1200],
  ])('%s', (text, price) => {
    expect(requestedPrice(text)).toBe(price);
  });

  it.each([
    'set it to 2 years of warranty',
    'fits 3 to 5 kids before bedtime',
    'it seats 4 to 6 people',
    'drop it 2 150',
  ])('reads no price in %s', (text) => {
    expect(requestedPrice(text)).toBeUndefined();
  });
});

describe('an amount the seller now prefers', () => {
  it.each([
    ['hmm, 65 sounds more realistic', 65],
    ["I'd say 120, it's in mint shape", 120],
    ["let's say 30 then", 30],
    ['€75 would be a bit fairer to be honest', 75],
  ])('%s', (text, price) => {
    expect(requestedPrice(text)).toBe(price);
  });

  it.each(['actually it has 3 drawers', 'the 2018 is better than the 2016', 'say 2 more photos'])(
    'reads no price in %s',
    (text) => {
      expect(requestedPrice(text)).toBeUndefined();
    },
  );
});

describe('words the seller wants in the title', () => {
  it.each([
    ["could you add 'vintage' to the title", 'vintage'],
    ['the title should mention the original box', 'original box'],
    ['put Bluetooth in the title please', 'Bluetooth'],
    ['Add to the title: 2 batteries', '2 batteries'],
  ])('%s', (text, words) => {
    expect(readDraftChange(text)?.titleAddition).toBe(words);
  });

  it.each(['put it in the furniture category', 'the title is fine, post it', 'mention that it comes with a remote'])(
    'adds nothing to the title for %s',
    (text) => {
      expect(readDraftChange(text)?.titleAddition).toBeUndefined();
    },
  );
});

describe('OfflineModel: revising a proposed draft', () => {
  const lamp = {
    title: 'Brass desk lamp',
    description: 'Brass desk lamp, works fine. Condition: good.',
    category: 'Home & Garden',
    price: 40,
    condition: 'good',
  };
  const proposed = [
    user('selling my brass desk lamp, works fine, 40 euros'),
    call('searchSimilar', { query: 'brass desk lamp', category: 'Home & Garden', limit: 5 }, 'c1'),
    result('searchSimilar', 'c1', { ok: true, matches: [], stats: null, note: 'Seller-written data.' }),
    assistant('Check the draft below.'),
    call('createListing', lamp, 'c2'),
  ];

  it('adds the words to the title after a rejection and keeps the rest', async () => {
    const response = await ask([
      ...proposed,
      result('createListing', 'c2', rejectedWith('add "with shade" to the title')),
    ]);
    expect(callsOf(response)).toEqual([
      { name: 'createListing', args: { ...lamp, title: 'Brass desk lamp with shade' } },
    ]);
    expect(textOf(response)).toContain('Brass desk lamp with shade');
  });

  it('takes a preferred price from a rejection that explains itself', async () => {
    const response = await ask([
      ...proposed,
      result('createListing', 'c2', rejectedWith('Hmm, 55 seems more reasonable, the bulb is new.')),
    ]);
    expect(callsOf(response)).toEqual([{ name: 'createListing', args: { ...lamp, price: 55 } }]);
  });

  it('revises the draft when the seller writes instead of deciding', async () => {
    const response = await ask([
      ...proposed,
      result('createListing', 'c2', 'This action did not run and nothing was changed: the seller moved on.'),
      user('hold on, drop it to 35 before it goes up'),
    ]);
    expect(callsOf(response)).toEqual([{ name: 'createListing', args: { ...lamp, price: 35 } }]);
  });

  it('asks what to change when the rejection names nothing it can apply', async () => {
    const response = await ask([...proposed, result('createListing', 'c2', rejectedWith('not today, sorry'))]);
    expect(callsOf(response)).toEqual([]);
    expect(textOf(response)).toMatch(/what to change/i);
  });
});

describe('more ways to name the new price', () => {
  it.each([
    ['could we do 85?', 85],
    ["I'd rather ask 140 for it", 140],
    ['the price should be 95', 95],
    ['needs to be 1,100 really', 1100],
    ['120 not 110', 120],
    ['→ 75', 75],
  ])('%s', (text, price) => {
    expect(requestedPrice(text)).toBe(price);
  });

  it.each(['do 2 more photos', 'it has to be picked up', 'must be collected by Friday', 'I need to ask 2 friends'])(
    'reads no price in %s',
    (text) => {
      expect(requestedPrice(text)).toBeUndefined();
    },
  );
});

describe('how a text should change is not what it should say', () => {
  it.each(['make the title shorter', 'call it something else', 'make the title a bit catchier'])(
    'sets no title for %s',
    (text) => {
      expect(readDraftChange(text)?.title).toBeUndefined();
    },
  );

  it('keeps the words to add, not where they go', () => {
    expect(readDraftChange('mention the spare key in the ad')?.descriptionAddition).toBe('the spare key');
  });
});

describe('a listing of the seller’s named by description', () => {
  it.each([
    ['my Kindle ad should be 60 now', 'Kindle', 60],
    ["my desk isn't moving, drop it to 70", 'desk', 70],
    ['the rowing machine needs to cost 300', 'rowing machine', 300],
  ])('%s', (text, description, price) => {
    expect(classify({ text, images: 0 })).toMatchObject({ kind: 'reprice_described', ref: { description }, price });
  });

  it.each(['my bike should be collected from Berlin', 'the sofa has to be picked up'])('is no re-price: %s', (text) => {
    expect(classify({ text, images: 0 }).kind).not.toBe('reprice_described');
  });
});

describe('facts about the item said after the draft', () => {
  it.each([
    ['btw it has a small dent on the side', 'it has a small dent on the side', 'fair'],
    ['forgot to mention it comes with the charger', 'it comes with the charger', undefined],
    ['also, there are a few scuffs on the back', 'there are a few scuffs on the back', 'fair'],
    ['It still has the warranty card', 'It still has the warranty card', undefined],
  ])('%s', (text, addition, condition) => {
    const change = readDraftChange(text);
    expect(change?.descriptionAddition).toBe(addition);
    expect(change?.condition).toBe(condition);
  });

  it.each(['it has to be collected', 'it needs to be picked up by Friday', 'does it have a warranty?'])(
    'adds nothing for %s',
    (text) => {
      expect(readDraftChange(text)?.descriptionAddition).toBeUndefined();
    },
  );

  it('keeps a price change said in the same message', () => {
    expect(readDraftChange('It has a scratch. make it 35')).toMatchObject({ price: 35, condition: 'fair' });
  });
});

describe('a judged price with an amount offered', () => {
  it.each([
    ['hmm too steep, 45?', 45],
    ['that is too much - maybe 30', 30],
    ['too cheap, how about 90', 90],
  ])('%s', (text, price) => {
    expect(requestedPrice(text)).toBe(price);
  });

  it('asks for the amount when only the judgement is given', async () => {
    const draft = {
      title: 'Lamp',
      description: 'Lamp. Condition: good.',
      category: 'Home & Garden',
      condition: 'good',
    };
    const response = await ask([
      user('sell my lamp for 40'),
      call('createListing', { ...draft, price: 40 }, 'c'),
      result('createListing', 'c', 'This action did not run and nothing was changed: the seller moved on.'),
      user('too expensive'),
    ]);
    expect(callsOf(response)).toEqual([]);
    expect(textOf(response)).toMatch(/price/i);
  });
});

describe('deciding on a draft in words', () => {
  const draft = {
    title: 'Oak desk',
    description: 'Oak desk. Condition: good.',
    category: 'Furniture',
    condition: 'good' as const,
    price: 60,
  };
  const read = (text: string) => classify({ text, images: 0 }, draft).kind;

  it.each([
    "actually, don't list it",
    'scrap it',
    'hmm, hold off for now',
    'not yet',
    "I've changed my mind, I'll keep it",
  ])('declines: %s', (text) => {
    expect(read(text)).toBe('decline');
  });

  it.each(['yes publish it now please thanks', 'looks good to me, post it', 'sounds perfect'])(
    'confirms: %s',
    (text) => {
      expect(read(text)).toBe('confirm');
    },
  );

  it.each([
    ['changed my mind, make it 45', 'change_draft'],
    ["don't forget to say it has a drawer", 'unknown'],
  ])('neither declines nor confirms: %s', (text, kind) => {
    expect(read(text)).toBe(kind);
  });
});
