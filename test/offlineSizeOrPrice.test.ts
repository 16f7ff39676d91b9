import type { AgentInputItem } from '@openai/agents';
import { describe, expect, it } from 'vitest';
import { ask, assistant, call, callsOf, listing, result, textOf, user } from './support/offlineConversation.js';

/** A bare number after an item that comes in sizes: "winter jacket 40" is EU 40 or €40, so it is asked. */

const comparables = {
  ok: true,
  matches: [listing('lst_other001', 'Similar item', 70, 'seller-2')],
  stats: { count: 4, min: 50, p25: 60, median: 70, p75: 80, max: 90 },
} as const;

/** Nothing is called, and the answer names the number and the item and asks whether it is a size or a price. */
async function expectSizeOrPriceQuestion(message: string, amount: number, item: RegExp) {
  const response = await ask([user(message)]);
  expect(callsOf(response)).toEqual([]);
  const text = textOf(response);
  expect(text).toMatch(new RegExp(`\\b${amount}\\b.*size.*price`, 'i'));
  expect(text).toMatch(item);
}

/** The seller's messages, each answered by the model; a search it makes gets comparables back. */
async function converse(...messages: string[]) {
  const input: AgentInputItem[] = [];
  let response = await ask([user(messages[0])]);
  for (const message of messages) {
    input.push(user(message));
    response = await ask(input);
    input.push(assistant(textOf(response) || '…'));
  }
  const [search] = callsOf(response);
  if (search?.name !== 'searchSimilar') return { text: textOf(response), draft: undefined };
  input.pop();
  input.push(call('searchSimilar', search.args, 'c1'), result('searchSimilar', 'c1', comparables as never));
  const proposal = await ask(input);
  const create = callsOf(proposal).find((c) => c.name === 'createListing');
  return { text: textOf(proposal), draft: create?.args, search: search.args };
}

describe('a bare number that may be a size or a price is asked about', () => {
  it.each([
    ['winter jacket 40', 40, /winter jacket/i],
    ['running shoes 44', 44, /running shoes/i],
    ['selling my mountain bike 26', 26, /mountain bike/i],
    ['samsung tv 55', 55, /samsung tv/i],
    ['dress 38, worn twice', 38, /dress/i],
  ])('%s', expectSizeOrPriceQuestion);

  it.each([
    ['winter jacket 40 euros', 40],
    ['running shoes size 44, 30 euros', 30],
    ['samsung tv 55 inch 300', 300],
    ['kids bike 40', 40],
    ['jeans 32 15', 15],
  ])('does not ask when units or a second number settle it: %s', async (message, price) => {
    const { draft } = await converse(message);
    expect(draft?.price).toBe(price);
    expect(String(draft?.title)).not.toMatch(new RegExp(`\\b${price}\\b`));
  });
});

describe('the answer puts the number where the seller says', () => {
  it.each([
    ['winter jacket 40', 'size', /winter jacket 40/i, 70],
    ['running shoes 44', 'its the size, 35 euros', /running shoes 44/i, 35],
    ['bike 29', 'wheel size. asking 250', /bike 29/i, 250],
    ['tv 55', '55 inch, 300', /tv 55/i, 300],
    ['dress 38', '25', /dress 38/i, 25],
  ])('a size: %s / %s', async (first, answer, title, price) => {
    const { draft } = await converse(first, answer);
    expect(String(draft?.title)).toMatch(title);
    expect(draft?.price).toBe(price);
  });

  it.each([
    ['winter jacket 40', 'the price'],
    ['running shoes 44', '44 euros'],
    ['nike sneakers 42', 'its the price'],
  ])('the price: %s / %s', async (first, answer) => {
    const amount = Number(/\d+/.exec(first)![0]);
    const { draft } = await converse(first, answer);
    expect(draft?.price).toBe(amount);
    expect(String(draft?.title)).not.toMatch(/\d/);
  });

  it('an answer about something else leaves the question unanswered, and nothing is drafted', async () => {
    const response = await ask([
      user('winter jacket 40'),
      assistant('Is 40 the size of the **Winter jacket** or its price?'),
      user('hi'),
    ]);
    expect(callsOf(response)).toEqual([]);
  });
});

describe('the number need not end the words', () => {
  it.each([
    ['running shoes 44 barely worn', 44, /running shoes/i],
    ['samsung tv black 55', 55, /samsung tv/i],
    ['winter jacket 40 like new', 40, /winter jacket/i],
    ['kids bike 20 good condition', 20, /kids bike/i],
    ['lg tv 65 works perfectly', 65, /lg tv/i],
    ['jeans 32 like new', 32, /jeans/i],
    ['nike air max 43 worn twice', 43, /nike air max/i],
    ['monitor 27 with stand', 27, /monitor/i],
    ['bike matte black 26', 26, /bike/i],
  ])('asks about %s', expectSizeOrPriceQuestion);

  it.each([
    ['sofa 200 barely used', 200, /^sofa$/i],
    ['ps5 350 like new', 350, /^ps5$/i],
    ['iphone 13 pro 256gb 600 barely used', 600, /^iphone 13 pro 256gb$/i],
    ['kids bike 40 with stabilisers', 40, /^kids bike$/i],
    ['office chair 45 good condition', 45, /^office chair$/i],
    ['tv stand black 40', 40, /^tv stand black$/i],
  ])('reads the price where no size fits: %s', async (message, price, title) => {
    const { draft } = await converse(message);
    expect(draft?.price).toBe(price);
    expect(String(draft?.title)).toMatch(title);
  });

  it.each([
    ['fiat 500 great condition', /fiat 500/i],
    ['iphone 12 with case', /iphone 12/i],
  ])('leaves a model number in the name: %s', async (message, title) => {
    const { draft } = await converse(message);
    expect(String(draft?.title)).toMatch(title);
    expect(draft?.price).toBe(70);
  });

  it.each([
    ['running shoes 44 barely worn', 'size, 35 euros', /running shoes 44/i, 35],
    ['samsung tv black 55', 'the price', /^samsung tv black$/i, 55],
    ['winter jacket 40 like new', '40 euros', /^winter jacket$/i, 40],
  ])('then puts it where the seller says: %s / %s', async (first, answer, title, price) => {
    const { draft } = await converse(first, answer);
    expect(String(draft?.title)).toMatch(title);
    expect(draft?.price).toBe(price);
  });
});
