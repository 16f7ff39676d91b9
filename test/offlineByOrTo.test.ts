import { describe, expect, it } from 'vitest';
import { ask, call, callsOf, rejectedWith, result, textOf, user } from './support/offlineConversation.js';

const NOT_RUN = 'This action did not run and nothing was changed: the seller moved on or the run was interrupted.';

/** "drop 20" on a draft at €300: €280 or €20? Settled when only one reading fits, asked when both do. */

const table = {
  title: 'Oak dining table',
  description: 'Oak dining table. Condition: good.',
  category: 'Furniture',
  price: 300,
  condition: 'good',
};

const answer = (message: string) =>
  ask([
    user('selling my oak dining table, 300'),
    call('createListing', table, 'c1'),
    result('createListing', 'c1', rejectedWith(message)),
  ]);

describe('a price verb right before a bare amount', () => {
  it.each([['drop 20'], ['can u lower it 250'], ['reduce 100 pls'], ['cut the price 50']])(
    'asks "by or to" when both readings fit: %s',
    async (message) => {
      const response = await answer(message);
      expect(callsOf(response)).toEqual([]);
      const amount = Number(/\d+/.exec(message)![0]);
      expect(textOf(response)).toContain(`€${300 - amount}`);
      expect(textOf(response)).toMatch(new RegExp(`to €${amount}\\b`));
    },
  );

  it.each([
    ['raise 20', 320],
    ['make it 280', 280],
    ['lower to 250', 250],
    ['lower by 20', 280],
    ['drop it 10%', 270],
  ])('takes the only sensible reading, or the one said: %s', async (message, price) => {
    const [revised] = callsOf(await answer(message));
    expect(revised).toMatchObject({ name: 'createListing', args: { price } });
  });

  it('asks for the new price of a listing instead of proposing "lower lst_… 20" as €20', async () => {
    const [first] = callsOf(await ask([user('lower lst_abcd1234 20')]));
    expect(first).toEqual({ name: 'getListing', args: { listingId: 'lst_abcd1234' } });
    const looked = await ask([
      user('lower lst_abcd1234 20'),
      call('getListing', { listingId: 'lst_abcd1234' }, 'c1'),
      result('getListing', 'c1', {
        ok: true,
        listing: { ...table, id: 'lst_abcd1234', status: 'active', sellerId: 'seller-1', yours: true },
      } as never),
    ]);
    expect(callsOf(looked)).toEqual([]);
  });
});

describe('a price verb, the price named, then a bare amount', () => {
  /** The message sent in the chat while the draft is open, rather than with Cancel. */
  const chat = (message: string) =>
    ask([
      user('selling my oak dining table, 300'),
      call('createListing', table, 'c1'),
      result('createListing', 'c1', NOT_RUN),
      user(message),
    ]);

  it.each([
    ['drop the price 30', 30],
    ['lower the price 30', 30],
    ['knock the price down 10', 10],
    ['knock it down 50', 50],
    ['bring the price down 20', 20],
    ['reduce the asking price 20', 20],
    ["drop the table's price 40", 40],
    ['lower the price of it 40', 40],
    ['mark it down 25', 25],
  ])('asks "by or to" for %s', async (message, amount) => {
    for (const send of [answer, chat]) {
      const response = await send(message);
      expect(callsOf(response)).toEqual([]);
      expect(textOf(response)).toContain(`€${300 - amount}`);
      expect(textOf(response)).toMatch(new RegExp(`to €${amount}\\b`));
    }
  });

  it.each([
    ['price it 80', 80],
    ['price it at 250', 250],
    ['knock the price down to 250', 250],
    ['bring it down to 250', 250],
    ['raise the price 20', 320],
    ['put the price up 20', 320],
    ['make the price 45', 45],
  ])('takes the only sensible reading, or the one said: %s', async (message, price) => {
    for (const send of [answer, chat]) {
      const [revised] = callsOf(await send(message));
      expect(revised).toMatchObject({ name: 'createListing', args: { price, title: table.title } });
    }
  });

  it.each(['drop the price 30', 'price it 80', 'knock the price down 10'])(
    'with no draft and no listing named, "%s" changes nothing and asks',
    async (message) => {
      const response = await ask([user(message)]);
      expect(callsOf(response)).toEqual([]);
      expect(textOf(response)).toMatch(/which listing|no draft/i);
    },
  );

  it('asks the new price of a listing named by description ("drop my bike\'s price 30")', async () => {
    const [search] = callsOf(await ask([user("drop my bike's price 30")]));
    expect(search).toMatchObject({ name: 'searchSimilar', args: { query: 'bike', mine: true } });
    const found = await ask([
      user("drop my bike's price 30"),
      call('searchSimilar', search.args, 'c1'),
      result('searchSimilar', 'c1', {
        ok: true,
        matches: [
          {
            id: 'lst_bike0001',
            title: 'Road bike',
            category: 'Sports',
            condition: 'good',
            price: 300,
            status: 'active',
            sellerId: 'seller-1',
          },
        ],
        stats: null,
      } as never),
    ]);
    expect(callsOf(found)).toEqual([]);
    expect(textOf(found)).toMatch(/new price/i);
  });
});
