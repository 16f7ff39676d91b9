import { describe, expect, it } from 'vitest';
import { ask, call, callsOf, rejectedWith, result, textOf, user } from './support/offlineConversation.js';

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
