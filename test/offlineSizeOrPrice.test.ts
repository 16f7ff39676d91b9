import type { AgentInputItem } from '@openai/agents';
import { describe, expect, it } from 'vitest';
import { ask, assistant, call, callsOf, listing, result, textOf, user } from './support/offlineConversation.js';

/** A bare number after an item that comes in sizes: "winter jacket 40" is EU 40 or €40, so it is asked. */

const comparables = {
  ok: true,
  matches: [listing('lst_other001', 'Similar item', 70, 'seller-2')],
  stats: { count: 4, min: 50, p25: 60, median: 70, p75: 80, max: 90 },
} as const;

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
  ])('%s', async (message, amount, item) => {
    const response = await ask([user(message)]);
    expect(callsOf(response)).toEqual([]);
    const text = textOf(response);
    expect(text).toMatch(new RegExp(`\\b${amount}\\b.*size.*price`, 'i'));
    expect(text).toMatch(item);
  });

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
