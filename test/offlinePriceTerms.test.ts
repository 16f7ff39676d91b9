import type { AgentInputItem } from '@openai/agents';
import { describe, expect, it } from 'vitest';
import { priceTerms } from '../src/agent/offline/priceTerms.js';
import { ask, call, callsOf, result, user } from './support/offlineConversation.js';

/** "120 ono", "150 firm": the terms leave the title and the item's words, and stay as one sentence. */

const comparables = { ok: true, matches: [], stats: { count: 4, min: 50, p25: 60, median: 70, p75: 80, max: 90 } };

async function drafted(message: string) {
  const input: AgentInputItem[] = [user(message)];
  const [search] = callsOf(await ask(input));
  expect(search?.name).toBe('searchSimilar');
  input.push(call('searchSimilar', search.args, 'c1'), result('searchSimilar', 'c1', comparables as never));
  const create = callsOf(await ask(input)).find((c) => c.name === 'createListing');
  return { search: search.args, draft: create?.args };
}

describe('price terms', () => {
  it.each([
    ['selling my bike, 120 ono', 'Bike', 120, 'Price negotiable.'],
    ['Nintendo Switch OLED 220 obo', 'Nintendo Switch OLED', 220, 'Price negotiable.'],
    ['pram 80 ono', 'Pram', 80, 'Price negotiable.'],
    ['ikea kallax shelf 40 negotiable', 'IKEA Kallax shelf', 40, 'Price negotiable.'],
    ['selling my guitar for 200, price negotiable', 'Guitar', 200, 'Price negotiable.'],
    ['yamaha keyboard 150 or nearest offer', 'Yamaha keyboard', 150, 'Price negotiable.'],
    ['selling my tent, 60, open to offers', 'Tent', 60, 'Price negotiable.'],
    ['sofa 150 firm', 'Sofa', 150, 'Price is firm.'],
    ['selling my desk 80 no offers', 'Desk', 80, 'Price is firm.'],
    ['bike 200 fixed price', 'Bike', 200, 'Price is firm.'],
    ['selling my ps4 150 non-negotiable', 'PS4', 150, 'Price is firm.'],
  ])('%s', async (message, title, price, sentence) => {
    const { search, draft } = await drafted(message);
    expect(draft).toMatchObject({ title, price });
    const description = String(draft?.description);
    expect(description).toContain(` ${sentence} Condition:`);
    expect(description.replace(sentence, '')).not.toMatch(/\b(?:ono|obo|firm|fixed|negotiable|offers?)\b/i);
    expect(String(search.query)).not.toMatch(/\b(?:ono|obo|firm|fixed|negotiable|offers?)\b/i);
  });

  it.each([
    ['firm mattress, queen size, 100 euros', /^Firm mattress/],
    ['selling my mattress, very firm, 80', /^Mattress/],
  ])('leaves "firm" describing the item: %s', async (message, title) => {
    const { draft } = await drafted(message);
    expect(String(draft?.title)).toMatch(title);
    expect(String(draft?.description)).toMatch(/firm/i);
    expect(String(draft?.description)).not.toContain('Price is firm.');
  });

  it.each([
    ['120 ono', 'negotiable'],
    ['non-negotiable, 150', 'firm'],
    ['no offers please', 'firm'],
    ['a firm mattress', undefined],
    ['works fine', undefined],
  ])('reads the terms of %s', (text, terms) => {
    expect(priceTerms(text)).toBe(terms);
  });
});
