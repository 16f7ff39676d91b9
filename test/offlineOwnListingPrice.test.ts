import { describe, expect, it } from 'vitest';
import { ask, call, callsOf, listing, result, textOf, user } from './support/offlineConversation.js';

/** "what's my oak table listed at?": the seller's own listing is looked up and its price answered. */

const mine = (...matches: ReturnType<typeof listing>[]) => ({ ok: true, matches, stats: null, mine: true });

async function answered(question: string, ...matches: ReturnType<typeof listing>[]) {
  const [search] = callsOf(await ask([user(question)]));
  const input = [
    user(question),
    call('searchSimilar', search.args, 'c1'),
    result('searchSimilar', 'c1', mine(...matches) as never),
  ];
  const response = await ask(input);
  return { search, text: textOf(response), calls: callsOf(response) };
}

describe("a question about the price of the seller's own listing", () => {
  it.each([
    ['whats my oak table listed at?', 'oak table'],
    ['how much did I put my bike up for', 'bike'],
    ['what did i list the guitar for', 'guitar'],
    ['how much am I asking for my sofa?', 'sofa'],
    ['what price is my dining table at', 'dining table'],
    ["what's the current price of my kayak", 'kayak'],
    ['is my bike still listed at 300?', 'bike'],
  ])('%s', async (question, description) => {
    const found = listing('lst_own00001', `My ${description}`, 275);
    const { search, text, calls } = await answered(question, found);
    expect(search).toEqual({
      name: 'searchSimilar',
      args: { query: description, category: null, limit: 5, mine: true },
    });
    expect(calls).toEqual([]);
    expect(text).toContain('lst_own00001');
    expect(text).toContain('€275');
  });

  it('answers from this conversation when the listing was posted here, without searching', async () => {
    const posted = listing('lst_own00002', 'Oak table', 340);
    const created = { ok: true, created: posted };
    const response = await ask([
      user('sell my oak table for 340'),
      call('createListing', { title: 'Oak table', price: 340 }, 'c1'),
      result('createListing', 'c1', created as never),
      user('what did I list the oak table at?'),
    ]);
    expect(callsOf(response)).toEqual([]);
    expect(textOf(response)).toMatch(/lst_own00002.*€340/);
  });

  it('shows every matching listing with its price when several match, and changes nothing', async () => {
    const { text, calls } = await answered(
      'how much did I put my bike up for',
      listing('lst_bike0001', 'Road bike', 300),
      listing('lst_bike0002', 'Kids bike', 60),
    );
    expect(calls).toEqual([]);
    expect(text).toMatch(/lst_bike0001.*€300.*lst_bike0002.*€60/);
  });

  it('says so when no listing of the seller matches', async () => {
    const { text, calls } = await answered('whats my canoe listed at?');
    expect(calls).toEqual([]);
    expect(text).toMatch(/couldn't find a listing of yours/i);
  });

  it.each([['how much should I ask for my bike?'], ['what is my sofa worth'], ['put my bike up for 200']])(
    'advice or an offer is not a look-up of own listings: %s',
    async (message) => {
      const calls = callsOf(await ask([user(message)]));
      expect(calls.some((c) => c.name === 'searchSimilar' && c.args.mine === true)).toBe(false);
    },
  );

  it('a re-price by name still proposes the new price instead of answering the current one', async () => {
    const { calls } = await answered('lower my oak table to 300', listing('lst_own00003', 'Oak table', 350));
    expect(calls).toEqual([{ name: 'updatePrice', args: { listingId: 'lst_own00003', price: 300 } }]);
  });
});
