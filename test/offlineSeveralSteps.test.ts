import { describe, expect, it } from 'vitest';
import type { AgentInputItem } from '@openai/agents';
import { pricedItems } from '../src/agent/offline/pricedItems.js';
import { statedPrice } from '../src/agent/offline/price.js';
import { classify } from '../src/agent/offline/intent.js';
import { severalReprices } from '../src/agent/offline/severalReprices.js';
import { ask, call, callsOf, listing, rejectedWith, result, textOf, user } from './support/offlineConversation.js';

/** One message asking for several writes: each item or listing in turn, each with its own confirmation. */

describe('several items in one message, each with its own price', () => {
  it.each([
    ['my Kindle Paperwhite for 70 and a Garmin Forerunner 245 for 110', [70, 110]],
    ['bread maker 25€, stand mixer 60€, waffle iron 15€', [25, 60, 15]],
    ['Lego Millennium Falcon €650\nLego Hogwarts Castle €320', [650, 320]],
    ['a road helmet, 30 euros plus cycling shoes, 45 euros', [30, 45]],
    ['two things: a leaf blower for 55 and a garden hose for 12', [55, 12]],
    ['Sonos One (120€) and a Sonos Sub Mini (300€)', [120, 300]],
    ['Rice cooker - 20\nBlender - 35\nToaster - 10', [20, 35, 10]],
  ])('%s', (text, prices) => {
    const items = pricedItems(text);
    expect(items?.map((i) => i.draft.price)).toEqual(prices);
    // Each title is the item's own words: no price, and not the other items.
    for (const [i, item] of (items ?? []).entries()) {
      expect(item.draft.title).not.toMatch(new RegExp(`${prices[i]}|€|euro`, 'i'));
      expect(item.draft.title).not.toMatch(/,| and | plus |things|[()-]/i);
      expect(item.draft.description).not.toMatch(/\(|\)/);
    }
  });

  it.each([
    'my drone for 400, or 350 without the spare battery',
    'two chairs, 40 each',
    'Samsung S22 for €300 (paid €800 new)',
    'my guitar for 200',
    'a desk for 60 and a matching chair',
    'Canon 18-55 lens - 80',
  ])('is not a list of priced items: %s', (text) => {
    expect(pricedItems(text)).toBeUndefined();
  });
});

describe('words after a list that describe every item', () => {
  it.each([
    ['a crib for 70 and a changing table for 40, both like new', 'like new'],
    ['toaster 15€, kettle 12€, all in fair condition', 'fair'],
    ['a desk lamp for 20 and a rug for 40. They are both brand new', 'new'],
  ])('%s', (text, condition) => {
    const items = pricedItems(text);
    expect(items?.length).toBeGreaterThan(1);
    expect(items?.every((item) => item.draft.condition === condition)).toBe(true);
  });

  it('leave the items alone when nothing is said of all of them', () => {
    const items = pricedItems('a crib for 70, barely used, and a changing table for 40');
    expect(items?.map((item) => item.draft.condition)).toEqual(['like new', 'good']);
  });
});

describe('the words around an amount', () => {
  it.each([
    ['selling bar stools at 15 euros apiece', 'bar stools'],
    ['for sale: wine glasses @ €3 each, never used', 'wine glasses'],
    ['selling a kitchen scale - 12', 'kitchen scale'],
  ])('are not part of the item: %s', (text, query) => {
    const intent = classify({ text, images: 0 });
    expect(intent.kind === 'sell' && intent.item.query).toMatch(new RegExp(`^(?:\\d+ )?${query}$`, 'i'));
  });

  it('leaves a dash inside a model name alone', () => {
    expect(statedPrice('Canon 18-55 lens')).toBeUndefined();
  });
});

describe('a euro sign between a model number and a price', () => {
  it.each([
    ['Selling my iPhone 13 €400', 400],
    ['Galaxy S21 €250, barely used', 250],
    ['Pixel 7 € 300 or best offer', 300],
    ['40 € for the pair', 40],
  ])('%s', (text, price) => {
    expect(statedPrice(text)).toBe(price);
  });
});

describe('several listings re-priced in one message', () => {
  it.each([
    ['raise lst_aaaa1 to 55 and lst_bbbb2 to 75', [55, 75]],
    ['lst_aaaa1: 20, lst_bbbb2: 35', [20, 35]],
    ['drop lst_aaaa1 and lst_bbbb2 to 80', [80, 80]],
    ['set lst_aaaa1 to 45 and lst_bbbb2 to the same', [45, 45]],
    ['lst_aaaa1 → 30, lst_bbbb2 too', [30, 30]],
  ])('%s', (text, prices) => {
    expect(severalReprices(text)?.map((s) => s.price)).toEqual(prices);
  });

  it('works out relative changes per listing', () => {
    expect(severalReprices('cut lst_aaaa1 by 10% and lst_bbbb2 by 5')?.map((s) => s.relative)).toEqual([
      { direction: -1, unit: 'percent', amount: 10 },
      { direction: -1, unit: 'eur', amount: 5 },
    ]);
  });

  it.each([
    'compare lst_aaaa1 with lst_bbbb2',
    'lower lst_aaaa1 to 50, what about lst_bbbb2?',
    'lst_aaaa1 to 50; is lst_bbbb2 the same model?',
  ])('is not a list of re-prices: %s', (text) => {
    expect(severalReprices(text)).toBeUndefined();
  });
});

const noStats = { ok: true as const, matches: [], stats: null, note: 'Seller-written data.' };

/** Plays the model's calls against canned tool results until it stops calling or a write needs a decision. */
async function play(history: AgentInputItem[], answer: (name: string, args: Record<string, unknown>) => unknown) {
  const transcript = [...history];
  const texts: string[] = [];
  for (let step = 0; step < 20; step++) {
    const response = await ask(transcript);
    texts.push(textOf(response));
    const calls = callsOf(response);
    if (calls.length === 0) return { transcript, texts };
    const [{ name, args }] = calls;
    const id = `c${step}`;
    transcript.push(call(name, args, id), result(name, id, answer(name, args) as string));
  }
  throw new Error('the model did not stop');
}

describe('OfflineModel: several writes from one message', () => {
  it('drafts each priced item in turn, each for its own confirmation', async () => {
    let posted = 0;
    const { transcript, texts } = await play(
      [user("I'm selling my Kindle Paperwhite for 70 and a Garmin Forerunner 245 for 110")],
      (name, args) => {
        if (name === 'searchSimilar') return noStats;
        posted += 1;
        return { ok: true, created: { ...listing(`lst_000000${posted}`, String(args.title), Number(args.price)) } };
      },
    );
    const drafts = transcript.flatMap((item) =>
      item.type === 'function_call' && item.name === 'createListing' ? [JSON.parse(item.arguments)] : [],
    );
    expect(drafts.map((d) => [d.title, d.price])).toEqual([
      [expect.stringMatching(/kindle/i), 70],
      [expect.stringMatching(/garmin/i), 110],
    ]);
    expect(texts[0]).toMatch(/2 things/);
    expect(texts.at(-1)).toMatch(/So far: \*\*Kindle[^*]*\*\* is live at €70/);
  });

  it('goes on to the next listing after a refusal and says what was refused', async () => {
    const { transcript, texts } = await play([user('lower lst_other1 to 100 and lst_mine01 to 180')], (name, args) => {
      if (name === 'getListing') {
        const own = args.listingId === 'lst_mine01';
        const l = listing(String(args.listingId), own ? 'Oak desk' : 'Road bike', 200, own ? 'seller-1' : 'seller-2');
        return { ok: true, listing: { ...l, description: 'Seller-written.', yours: own }, note: 'x' };
      }
      if (args.listingId === 'lst_other1')
        return { ok: false, error: 'policy_denied', message: 'This listing belongs to someone else.' };
      return { ok: true, updated: listing('lst_mine01', 'Oak desk', 180), previousPrice: 200 };
    });
    const updates = transcript.flatMap((item) =>
      item.type === 'function_call' && item.name === 'updatePrice' ? [JSON.parse(item.arguments)] : [],
    );
    expect(updates).toEqual([
      { listingId: 'lst_other1', price: 100 },
      { listingId: 'lst_mine01', price: 180 },
    ]);
    expect(texts.at(-1)).toMatch(/lst_other1 to €100 was not done: This listing belongs to someone else/);
  });

  it('stops when the seller rejects one and cancels the rest', async () => {
    const { transcript } = await play([user('bread maker 25€, stand mixer 60€, waffle iron 15€')], (name) =>
      name === 'searchSimilar' ? noStats : rejectedWith('no, stop, cancel the rest'),
    );
    expect(transcript.filter((item) => item.type === 'function_call' && item.name === 'createListing')).toHaveLength(1);
  });
});

describe('a message mixing a new item and a re-price', () => {
  it.each([
    ['post my kettle for 15 and lower lst_abcd12 to 40', ['sell', 'reprice']],
    ['drop lst_abcd12 by 10%; also sell a Dyson V8 for 120', ['reprice', 'sell']],
    ['sell my salt and pepper mill for 20 and lower lst_abcd12 to 50', ['sell', 'reprice']],
  ])('%s', (text, kinds) => {
    const intent = classify({ text, images: 0 });
    expect(intent.kind === 'several' && intent.steps.map((s) => s.kind)).toEqual(kinds);
  });

  it('never takes the item’s price for the listing', () => {
    expect(classify({ text: 'what is lst_abcd12? and sell my desk for 50', images: 0 })).toEqual({
      kind: 'lookup',
      listingId: 'lst_abcd12',
    });
  });

  it('re-prices alone when the other clause is no complete request', () => {
    expect(classify({ text: 'lower lst_abcd12 to 50 and sell my lamp', images: 0 })).toMatchObject({
      kind: 'reprice',
      price: 50,
    });
  });

  it('drafts the item, then re-prices the listing, each confirmed', async () => {
    const { transcript, texts } = await play(
      [user('post my kettle for 15 and lower lst_mine02 to 40')],
      (name, args) => {
        if (name === 'searchSimilar') return noStats;
        if (name === 'createListing') return { ok: true, created: listing('lst_new001', String(args.title), 15) };
        if (name === 'getListing')
          return {
            ok: true,
            listing: { ...listing('lst_mine02', 'Desk lamp', 55), description: 'x', yours: true },
            note: 'x',
          };
        return { ok: true, updated: listing('lst_mine02', 'Desk lamp', 40), previousPrice: 55 };
      },
    );
    const writes = transcript.flatMap((item) =>
      item.type === 'function_call' && item.name !== 'searchSimilar' && item.name !== 'getListing' ? [item.name] : [],
    );
    expect(writes).toEqual(['createListing', 'updatePrice']);
    expect(texts.at(-1)).toMatch(/So far: \*\*Kettle\*\* is live at €15[\s\S]*€40/);
  });
});
