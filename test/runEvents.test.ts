import { afterEach, describe, expect, it } from 'vitest';
import { toolResultEvent } from '../src/agent/runEvents.js';
import { createHarness, type Harness } from './support/harness.js';

// The seller's side panel shows "Similar listings" from a search's result: comparables for a price, never the
// seller's own listings that a look-up by name found.
const listing = (id: string, price: number) => ({
  id,
  title: `Oak desk ${id}`,
  category: 'furniture',
  condition: 'good',
  price,
  status: 'active',
  sellerId: 'seller-9',
});
const stats = { count: 2, min: 80, p25: 85, median: 90, p75: 95, max: 100 };

describe('a search result as the seller screen sees it', () => {
  it('gives comparables for a search of the market', () => {
    const event = toolResultEvent('searchSimilar', {
      type: 'text',
      text: JSON.stringify({ ok: true, matches: [listing('lst_a', 80), listing('lst_b', 100)], stats, note: '' }),
    });
    expect(event).toMatchObject({ type: 'tool_result', ok: true, comparables: { stats } });
    expect(event.type === 'tool_result' && event.comparables?.matches.map((m) => m.id)).toEqual(['lst_a', 'lst_b']);
  });

  it('gives none for a look-up of the seller’s own listings', () => {
    const own = { ok: true, matches: [listing('lst_mine', 90)], stats: null, mine: true, note: '' };
    const event = toolResultEvent('searchSimilar', JSON.stringify(own));
    expect(event).toEqual({ type: 'tool_result', tool: 'searchSimilar', ok: true });
  });
});

describe('the side panel after a re-price by name', () => {
  let h: Harness | undefined;
  afterEach(async () => {
    await h?.close();
    h = undefined;
  });

  it('keeps the seller’s own listing out of "similar listings"', async () => {
    h = await createHarness();
    const post = async (path: string, body?: unknown) => (await h!.call('POST', path, { body })).json();
    const say = (id: string, text: string) => post(`/api/conversations/${id}/messages`, { text });
    const first = (await post('/api/conversations')) as { id: string };
    const drafted = await say(first.id, 'selling my walnut bedside table, good condition, 60 euros');
    await post(`/api/runs/${drafted.runId}/decisions`, {
      approvalId: drafted.pendingApprovals[0].approvalId,
      decision: 'approve',
    });
    // A new conversation: the re-price finds the listing by its name (a look-up of the seller's own listings).
    const second = (await post('/api/conversations')) as { id: string };
    const repriced = await say(second.id, 'lower the price of my walnut bedside table to 50');
    expect(repriced.pendingApprovals[0]?.tool).toBe('updatePrice');
    const view = await (await h.call('GET', `/api/conversations/${second.id}`)).json();
    expect(view.panel.comparables).toBeNull();
  }, 30_000);
});
