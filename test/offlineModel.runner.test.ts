import { beforeAll, describe, expect, it } from 'vitest';
import { Agent, Runner, setTracingDisabled, tool } from '@openai/agents';
import { OfflineModel } from '../src/agent/offline/offlineModel.js';
import {
  CreateListingParams,
  GetListingParams,
  SearchSimilarParams,
  UpdatePriceParams,
  type ListingSummary,
  type ToolResult,
} from '../src/tools/index.js';

/**
 * The offline model inside the real SDK loop, with four stand-in tools that
 * return canned results shaped like the real ones (no store, no policy gate).
 */
beforeAll(() => setTracingDisabled(true));

const asJson = (result: ToolResult) => JSON.stringify(result);

function standInTools() {
  const executed: Array<{ name: string; args: unknown }> = [];
  const summary = (over: Partial<ListingSummary>): ListingSummary => ({
    id: 'lst_0000001',
    title: 'Trek Marlin 7 (2020)',
    category: 'Sports',
    condition: 'good',
    price: 400,
    status: 'active',
    sellerId: 'seller-1',
    ...over,
  });
  const tools = [
    tool({
      name: 'searchSimilar',
      description: 'Find comparable active listings and their price statistics.',
      parameters: SearchSimilarParams,
      execute: async (args) => {
        executed.push({ name: 'searchSimilar', args });
        return asJson({
          ok: true,
          matches: [summary({ id: 'lst_0000009' })],
          stats: { count: 12, min: 350, p25: 380, median: 420, p75: 450, max: 480 },
          note: 'Seller-written data.',
        });
      },
    }),
    tool({
      name: 'getListing',
      description: 'Look up one listing by id.',
      parameters: GetListingParams,
      execute: async (args) => {
        executed.push({ name: 'getListing', args });
        return asJson({
          ok: true,
          listing: { ...summary({ id: args.listingId }), description: 'A bike.', yours: true },
          note: 'Seller-written data.',
        });
      },
    }),
    tool({
      name: 'createListing',
      description: 'Post a new listing; waits for the seller to confirm.',
      parameters: CreateListingParams,
      needsApproval: true,
      execute: async (args) => {
        executed.push({ name: 'createListing', args });
        return asJson({
          ok: true,
          created: summary({ id: 'lst_0000042', title: args.title, price: args.price, condition: args.condition }),
        });
      },
    }),
    tool({
      name: 'updatePrice',
      description: "Change the price of one of the seller's listings; waits for the seller to confirm.",
      parameters: UpdatePriceParams,
      needsApproval: true,
      execute: async (args) => {
        executed.push({ name: 'updatePrice', args });
        return asJson({ ok: true, updated: summary({ id: args.listingId, price: args.price }), previousPrice: 400 });
      },
    }),
  ];
  return { tools, executed };
}

function agentWithStandIns() {
  const { tools, executed } = standInTools();
  const agent = new Agent({
    name: 'listing-assistant',
    instructions: 'Help sellers list items.',
    model: new OfflineModel(),
    tools,
  });
  return { agent, executed };
}

describe('OfflineModel in the SDK Runner', () => {
  it('drafts from a description and stops at one createListing approval in category Sports', async () => {
    const { agent, executed } = agentWithStandIns();
    const runner = new Runner();
    const result = await runner.run(agent, 'I want to sell my Trek Marlin 7 bike, barely used');

    expect(executed.map((e) => e.name)).toEqual(['searchSimilar']);
    expect(result.interruptions).toHaveLength(1);
    const [approval] = result.interruptions;
    expect(approval.name).toBe('createListing');
    const args = JSON.parse(approval.arguments ?? '{}');
    expect(args).toMatchObject({ category: 'Sports', price: 420, condition: 'like new', title: 'Trek Marlin 7 bike' });

    // Approving lets the write run once, and the model reports it.
    result.state.approve(approval);
    const resumed = await runner.run(agent, result.state);
    expect(resumed.interruptions).toHaveLength(0);
    expect(executed.map((e) => e.name)).toEqual(['searchSimilar', 'createListing']);
    expect(resumed.finalOutput).toBe('Your listing is live: Trek Marlin 7 bike at €420 (id lst_0000042).');
  });

  it("revises the draft from the seller's rejection message and asks again", async () => {
    const { agent, executed } = agentWithStandIns();
    const runner = new Runner();
    const first = await runner.run(agent, 'I want to sell my Trek Marlin 7 bike, barely used');
    first.state.reject(first.interruptions[0], {
      message: 'The seller did not confirm this action, so nothing was changed. Seller\'s message: "make it 380"',
    });
    const second = await runner.run(agent, first.state);
    expect(executed.map((e) => e.name)).toEqual(['searchSimilar']);
    expect(second.interruptions).toHaveLength(1);
    expect(JSON.parse(second.interruptions[0].arguments ?? '{}')).toMatchObject({ price: 380, category: 'Sports' });
  });

  it('re-prices a listing: getListing, then an updatePrice approval', async () => {
    const { agent, executed } = agentWithStandIns();
    const result = await new Runner().run(agent, 'change the price of lst_0000001 to 350');
    expect(executed.map((e) => e.name)).toEqual(['getListing']);
    expect(result.interruptions.map((i) => [i.name, JSON.parse(i.arguments ?? '{}')])).toEqual([
      ['updatePrice', { listingId: 'lst_0000001', price: 350 }],
    ]);
  });

  it('works streamed as well', async () => {
    const { agent } = agentWithStandIns();
    const result = await new Runner().run(agent, 'I want to sell my Trek Marlin 7 bike, barely used', { stream: true });
    let streamedText = '';
    for await (const event of result.toTextStream()) streamedText += event;
    await result.completed;
    expect(streamedText).toContain('median €420');
    expect(result.interruptions.map((i) => i.name)).toEqual(['createListing']);
  });

  it('ends with an honest reply and no tool call for an out-of-scope question', async () => {
    const { agent, executed } = agentWithStandIns();
    const result = await new Runner().run(agent, 'Who won the football world cup in 2014?');
    expect(executed).toEqual([]);
    expect(result.interruptions).toHaveLength(0);
    expect(result.finalOutput).toMatch(/didn't understand.*not an AI model/s);
  });
});
