import { describe, expect, it } from 'vitest';
import { numberWordsToDigits } from '../src/agent/offline/numberWords.js';
import { ask, call, callsOf, result, user } from './support/offlineConversation.js';

/** Prices said the way people say them: "two fifty" is 250, not 52. */

const noStats = { ok: true as const, matches: [], stats: null, note: 'Seller-written data.' };

/** The price of the draft the model proposes for one message, once the search found nothing. */
async function draftedPrice(text: string): Promise<unknown> {
  const [search] = callsOf(await ask([user(text)]));
  const [draft] = callsOf(
    await ask([user(text), call(search.name, search.args, 's1'), result(search.name, 's1', noStats)]),
  );
  return draft?.args.price;
}

describe('hundreds said without "hundred"', () => {
  it.each([
    ['selling my laptop, asking two fifty', 250],
    ['sell my bike for one twenty euros', 120],
    ['list my desk for three fifty five', 355],
    ['selling my guitar, price two ten', 210],
  ])('%s', async (text, price) => {
    expect(await draftedPrice(text)).toBe(price);
  });

  it.each([
    ['twenty five euros', '25 euros'],
    ['two hundred and fifty euros', '250 euros'],
    ['for a hundred and fifty', 'for 150'],
  ])('still reads tens and units as before: %s', (text, digits) => {
    expect(numberWordsToDigits(text)).toBe(digits);
  });

  it.each(['pick up at five thirty', 'open two twenty four seven', 'two controllers'])(
    'reads no amount where it may be a time or a count: %s',
    (text) => {
      expect(numberWordsToDigits(text)).toBe(text);
    },
  );
});
