import { describe, expect, it } from 'vitest';
import { classify } from '../src/agent/offline/intent.js';
import { ask, callsOf, textOf, user } from './support/offlineConversation.js';

/** "list my bike for 200 and list it again for 150": a second request is never part of the item's words. */

const kindOf = (text: string) => classify({ text, images: 0 });

describe('a second request after the item', () => {
  it.each([
    ['list my bike for 200 and list it again for 150', /^my bike for 200$/, /^list it again for 150$/],
    ['sell my sofa for 100 and then lower it to 80 next week', /^my sofa for 100$/, /^lower it to 80/],
    ['sell my bike 200 then change the price to 180', /^my bike/, /^change the price to 180$/],
    ['selling my desk for 60, and relist it for 50', /^my desk for 60$/, /^relist it for 50$/],
  ])('is asked about, not drafted: %s', (text, first, second) => {
    const intent = kindOf(text);
    expect(intent.kind).toBe('two_requests');
    if (intent.kind !== 'two_requests') return;
    expect(intent.first).toMatch(first);
    expect(intent.second).toMatch(second);
  });

  it('asks which first and calls no tool', async () => {
    const response = await ask([user('list my bike for 200 and list it again for 150')]);
    expect(callsOf(response)).toEqual([]);
    expect(textOf(response)).toMatch(/one at a time/);
    expect(textOf(response)).toMatch(/list it again for 150/);
  });

  it.each([
    ['list my lamp for 20 and post it', /^Lamp$/, 20],
    ['sell my chair for 15, then list it please', /^Chair$/, 15],
    ['selling my desk for 80, make it 75', /^Desk$/, 75],
    ['selling my bike and lock for 120', /^Bike and lock$/i, 120],
    ['selling my shelf 30, put it together yourself', /^Shelf$/, 30],
    ['selling my lamp 20, set it up in minutes', /^Lamp$/, 20],
    ['selling my tent 40, post it to you for 5 extra', /^Tent$/, 40],
    ['sell my bike for 200 and my helmet for 30', /^Bike$/, 200],
  ])('drafts what is one request: %s', (text, title, price) => {
    const intent = kindOf(text);
    const step = intent.kind === 'several' ? intent.steps[0] : intent;
    expect(step.kind).toBe('sell');
    if (step.kind !== 'sell') return;
    expect(step.item.draft.title).toMatch(title);
    expect(step.item.draft.price).toBe(price);
  });
});
