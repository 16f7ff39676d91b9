import { describe, expect, it } from 'vitest';
import { classify } from '../src/agent/offline/intent.js';
import { ask, call, callsOf, rejectedWith, result, textOf, user } from './support/offlineConversation.js';

/** "add that it has new tyres": words for an open draft's description, never a new item called "Add". */

const bike = {
  title: 'Trek road bike',
  description: 'Trek road bike, 56 cm frame. Condition: good.',
  category: 'Sports' as const,
  price: 300,
  condition: 'good' as const,
};

const proposed = [
  user('selling my trek road bike, 56 cm frame, 300 euros'),
  call('searchSimilar', { query: 'trek road bike', category: 'Sports', limit: 5 }, 'c1'),
  result('searchSimilar', 'c1', { ok: true, matches: [], stats: null, note: 'Seller-written data.' } as never),
  call('createListing', bike, 'c2'),
];
const NOT_RUN = 'This action did not run and nothing was changed: the seller moved on or the run was interrupted.';

/** The draft proposed after the seller's message, sent in the chat (`chat`) or with Cancel (`rejected`). */
async function revised(message: string, how: 'chat' | 'rejected') {
  const input =
    how === 'chat'
      ? [...proposed, result('createListing', 'c2', NOT_RUN), user(message)]
      : [...proposed, result('createListing', 'c2', rejectedWith(message))];
  const response = await ask(input);
  return { args: callsOf(response).find((c) => c.name === 'createListing')?.args, text: textOf(response) };
}

describe('words added to an open draft', () => {
  it.each([
    ['add that it has new tyres', 'It has new tyres.', 'good'],
    ['Add: comes with two bottle cages', 'Comes with two bottle cages.', 'good'],
    ['pls mention it was serviced last month', 'It was serviced last month.', 'good'],
    ['say that the saddle is brand new', 'The saddle is brand new.', 'good'],
    ["say it's barely used", "It's barely used.", 'like new'],
    ['can you add that it comes with lights', 'It comes with lights.', 'good'],
    ['add it has a few scratches on the frame', 'It has a few scratches on the frame.', 'fair'],
    ['include that pickup is in Utrecht', 'Pickup is in Utrecht.', 'good'],
    ['tell buyers it has new brakes', 'It has new brakes.', 'good'],
    ['let people know the tyres are new', 'The tyres are new.', 'good'],
    ['oh and add that i have the receipt', 'I have the receipt.', 'good'],
    ['also include the original receipt', 'Includes the original receipt.', 'good'],
    ['write that: no delivery, pickup only', 'No delivery, pickup only.', 'good'],
  ])('%s', async (message, sentence, condition) => {
    for (const how of ['chat', 'rejected'] as const) {
      const { args } = await revised(message, how);
      expect(args?.title, how).toBe(bike.title);
      expect(args?.price, how).toBe(bike.price);
      expect(String(args?.description), how).toBe(`${bike.description.replace('good', condition)} ${sentence}`);
      expect(args?.condition, how).toBe(condition);
    }
  });

  it('keeps a price change asked for in the same message', async () => {
    const { args } = await revised('add that it has new tyres and make it 280', 'chat');
    expect(args).toMatchObject({ price: 280, description: `${bike.description} It has new tyres.` });
  });

  it.each([
    ['say 250', 250],
    ["say it's 250", 250],
  ])('reads "%s" as a price, not words', async (message, price) => {
    const { args } = await revised(message, 'chat');
    expect(args).toMatchObject({ price, description: bike.description });
  });

  it("says the terms on the price in the description's own words for them: add obo", async () => {
    const { args } = await revised('add obo', 'chat');
    // Said once, before the closing condition sentence, as a drafted description says it.
    expect(args?.description).toBe(bike.description.replace(/ Condition:/, ' Price negotiable. Condition:'));
  });

  it('is no edit when the words only start like one: includes charger, selling my phone for 100', () => {
    expect(classify({ text: 'includes charger, selling my phone for 100', images: 0 }).kind).toBe('sell');
  });

  it.each(['add a photo', 'add 20 to the price', 'say hi'])('adds no sentence for "%s"', async (message) => {
    const { args } = await revised(message, 'chat');
    expect(args?.description ?? bike.description).toBe(bike.description);
  });

  it.each(['add that it has new tyres', 'mention it was serviced', 'tell buyers it has new brakes'])(
    'with no draft, "%s" drafts nothing and names no item',
    async (message) => {
      expect(classify({ text: message, images: 0 }).kind).toBe('change_without_draft');
      const response = await ask([user(message)]);
      expect(callsOf(response)).toEqual([]);
      expect(textOf(response)).toMatch(/no draft/i);
    },
  );
});
