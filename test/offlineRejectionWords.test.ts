import { describe, expect, it } from 'vitest';
import { ask, call, callsOf, rejectedWith, result, textOf, user } from './support/offlineConversation.js';

/** The words a seller rejects a proposal with: a plain no ends it, a change revises it. */

const draft = {
  title: 'Brass desk lamp',
  description: 'Brass desk lamp. Condition: good.',
  category: 'Home & Garden',
};
const rejected = (message: string) => [
  user('sell my brass desk lamp for 25'),
  call('createListing', { ...draft, condition: 'good', price: 25 }, 'c1'),
  result('createListing', 'c1', rejectedWith(message)),
];

describe('a rejection that says no', () => {
  it.each(['no thanks', 'nah forget it', 'never mind', 'not now'])(
    '%s: nothing posted, nothing asked',
    async (message) => {
      const response = await ask(rejected(message));
      expect(callsOf(response)).toEqual([]);
      expect(textOf(response)).toMatch(/nothing was posted/i);
      expect(textOf(response)).not.toMatch(/what to change/i);
    },
  );

  it('still revises the draft when the no comes with a change', async () => {
    const response = await ask(rejected('no, make it 20'));
    expect(callsOf(response)).toEqual([{ name: 'createListing', args: expect.objectContaining({ price: 20 }) }]);
  });

  it('asks what to change after a rejection without words of refusal', async () => {
    const response = await ask(rejected('hmm the photo'));
    expect(textOf(response)).toMatch(/what to change/i);
  });
});
