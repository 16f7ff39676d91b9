import { describe, expect, it } from 'vitest';
import type { AgentInputItem } from '@openai/agents';
import { pricedPerPiece } from '../src/agent/offline/quantity.js';
import { ask, assistant, call, callsOf, listing, result, textOf, user } from './support/offlineConversation.js';

/** Several of one item with a price per piece: one listing for all, or one per piece, is asked. */

describe('a count and a price per piece', () => {
  it.each([
    ['three dining chairs, 20 each', 3, 20],
    ['a pair of bookshelf speakers at 30 apiece', 2, 30],
    ['6 wine glasses, €4 per piece', 6, 4],
    ['12 IKEA storage boxes 2.50 euros each', 12, 2.5],
  ])('%s', (text, quantity, each) => {
    expect(pricedPerPiece(text)).toEqual({ quantity, each });
  });

  it.each(['my chair for 40', 'a Canon 70D with 2 lenses, 500', '2 chairs for 60 for the pair', 'tickets 50 each'])(
    'is not priced per piece: %s',
    (text) => {
      expect(pricedPerPiece(text)).toBeUndefined();
    },
  );
});

const noStats = { ok: true as const, matches: [], stats: null, note: 'Seller-written data.' };

/** Runs the model to the end of its turn, answering searches with nothing and posting every draft. */
async function play(history: AgentInputItem[]) {
  const transcript = [...history];
  let last = '';
  for (let step = 0; step < 30; step++) {
    const response = await ask(transcript);
    last = textOf(response);
    const [next] = callsOf(response);
    if (!next) break;
    const id = `c${step}`;
    const output =
      next.name === 'searchSimilar'
        ? noStats
        : { ok: true as const, created: listing(`lst_00${step}`, String(next.args.title), Number(next.args.price)) };
    transcript.push(call(next.name, next.args, id), result(next.name, id, output));
  }
  const drafts = transcript.flatMap((item) =>
    item.type === 'function_call' && item.name === 'createListing'
      ? [JSON.parse(item.arguments) as { title: string; price: number }]
      : [],
  );
  return { drafts, last };
}

describe('OfflineModel: pieces sold together or one by one', () => {
  const offer = 'selling 4 bar stools, 15 each';
  const asked = async () => {
    const response = await ask([user(offer)]);
    return { calls: callsOf(response), text: textOf(response) };
  };

  it('asks instead of guessing which price the listing gets', async () => {
    const { calls, text } = await asked();
    expect(calls).toEqual([]);
    expect(text).toMatch(/together for €60/);
    expect(text).toMatch(/€15 each/);
  });

  it.each([
    ['all together please', 60],
    ['as one lot, but make it 50 in total', 50],
  ])('lists them as one lot: %s', async (answer, price) => {
    const { text } = await asked();
    const { drafts } = await play([user(offer), assistant(text), user(answer)]);
    expect(drafts).toEqual([expect.objectContaining({ price, title: expect.stringMatching(/bar stools/i) })]);
  });

  it('lists each piece on its own, each confirmed', async () => {
    const { text } = await asked();
    const { drafts } = await play([user(offer), assistant(text), user('separately')]);
    expect(drafts.map((d) => d.price)).toEqual([15, 15, 15, 15]);
    expect(drafts.every((d) => !/\b4\b/.test(d.title))).toBe(true);
  });

  it('does not make more separate listings than the bound', async () => {
    const many = 'selling 9 picture frames, 5 each';
    const first = await ask([user(many)]);
    const { drafts, last } = await play([user(many), assistant(textOf(first)), user('one listing each please')]);
    expect(drafts).toEqual([]);
    expect(last).toMatch(/together for €45/);
  });
});
