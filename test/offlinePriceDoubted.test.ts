import { describe, expect, it } from 'vitest';
import { classify } from '../src/agent/offline/intent.js';
import { ask, call, callsOf, result, textOf, user } from './support/offlineConversation.js';

/** "I listed my bike at 300, is that too much?": the seller's own price, questioned, is answered with comparables. */

const intentOf = (text: string) => classify({ text, images: 0 });

describe("a question about the seller's own price", () => {
  it.each([
    ['i listed my bike at 300, is that too much?', 'bike'],
    ["I've priced my oak sofa at 250 - is it too high?", 'oak sofa'],
    ['listed the ps4 for 150 is that ok?', 'ps4'],
    ['priced my kayak at 400, am i asking too much?', 'kayak'],
  ])('%s', (text, item) => {
    expect(intentOf(text)).toMatchObject({ kind: 'price_question', itemName: item });
  });

  it('reads texting shorthand in a question about what others ask', () => {
    expect(intentOf('how much r people asking for a ps4')).toMatchObject({ kind: 'price_question', query: 'ps4' });
  });

  it.each([
    ['i want to sell my bike for 300'],
    ['listed my bike at 300'],
    ['my bike is listed at 300, lower it to 250'],
  ])('a statement or a request is no such question: %s', (text) => {
    expect(intentOf(text).kind).not.toBe('price_question');
  });
});

describe("a question about the seller's own price, in other words", () => {
  const comparables = {
    ok: true,
    matches: [],
    stats: { count: 8, min: 150, p25: 200, median: 240, p75: 280, max: 320 },
  };

  /** The model's answer once the comparables it asked for came back. */
  async function answered(text: string) {
    const [search] = callsOf(await ask([user(text)]));
    expect(search?.name).toBe('searchSimilar');
    const response = await ask([
      user(text),
      call('searchSimilar', search.args, 'c1'),
      result('searchSimilar', 'c1', comparables as never),
    ]);
    return { search: search.args, calls: callsOf(response), text: textOf(response) };
  }

  it.each([
    ['selling my ps5 for 400 - too high?', 'ps5', /€400 is above every one/],
    ['am i asking too much at 250 for my sofa?', 'sofa', /€250 is within the usual range/],
    ['I want 300 for my road bike, is that reasonable?', 'road bike', /€300 is above most/],
    ['listing my ipad for 200, fair?', 'ipad', /€200 is within/],
    ['my bike for 300 too much?', 'bike', /€300 is above most/],
    ['thinking of asking 80 for my desk chair, too much?', 'desk chair', /€80 is below every one/],
    ['would 160 be fair for this lamp', 'lamp', /€160 is below most/],
    // The year is no search word (round 6): listings of any year are compared, and the answer says so.
    ['is 1200 a fair price for a 2015 macbook pro?', 'macbook pro', /€1,?200 is above every one/],
    ['is €75 ok for a used kettle?', 'kettle', /€75 is below every one/],
    ['selling my bike 300 ok?', 'bike', /€300 is above most/],
    ['bike 300 good?', 'bike', /€300 is above most/],
  ])('%s', async (text, query, verdict) => {
    const { search, calls, text: reply } = await answered(text);
    expect(search).toMatchObject({ query });
    expect(calls).toEqual([]);
    expect(reply).toMatch(verdict);
    expect(reply).toMatch(/€240/);
  });

  it('asks which item when none is named and no draft is open', async () => {
    const response = await ask([user('am I asking too much at 250')]);
    expect(callsOf(response)).toEqual([]);
    expect(textOf(response)).toMatch(/which item/i);
  });

  it.each([
    ['selling my bike for 300', 'sell'],
    ['selling my bike for 300, good condition?', 'sell'],
  ])('an offer stays an offer: %s', (text, kind) => {
    expect(intentOf(text).kind).toBe(kind);
  });
});
