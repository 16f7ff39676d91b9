import { afterEach, describe, expect, it, vi } from 'vitest';
import { ScriptedModel } from '@openai/agents/testing';
import { PolicyGate } from '../src/policy/index.js';
import { createHarness, type Harness } from './support/harness.js';
import { bikeDraft, callTool, say } from './support/scripts.js';

// A write is paused (needsApproval), turned into an approval (the desk), asked about again when the
// run resumes (needsApproval) and executed: the policy judges it once, and at write time only the
// checks the store's state can change are asked again.
let h: Harness;
afterEach(async () => {
  vi.restoreAllMocks();
  await h?.close();
});

const SELLER = 'seller-1';

describe('one vetting per tool call', () => {
  it('judges each call once across pause, approval, resume and execution', async () => {
    const evaluate = vi.spyOn(PolicyGate.prototype, 'evaluate');
    const recheck = vi.spyOn(PolicyGate.prototype, 'recheck');
    const model = new ScriptedModel([
      callTool('searchSimilar', { query: 'Trek Marlin 7 bike', category: 'Sports', limit: null }, 'c1'),
      callTool('createListing', bikeDraft, 'c2', 'Here is your draft.'),
      say('Your listing is live.'),
    ]);
    h = await createHarness({ model });
    const { id } = await h.assistant.createConversation(SELLER);
    const paused = await h.assistant.sendMessage(id, SELLER, { text: 'sell my Trek Marlin 7' });
    expect(paused.status).toBe('awaiting_approval');
    const done = await h.assistant.decide(paused.runId, SELLER, {
      approvalId: paused.pendingApprovals[0].approvalId,
      decision: 'approve',
    });
    expect(done.status).toBe('completed');

    const judged = evaluate.mock.calls.map(([call]) => call.tool);
    expect(judged).toEqual(['searchSimilar', 'createListing']);
    expect(recheck.mock.calls.map(([call]) => call.tool)).toEqual(['createListing']);
    // Both phases are still on the record, from the one vetting.
    const decisions = (await h.store.decisions.forRun(paused.runId)).filter((d) => d.callId === 'c2');
    expect(decisions.map((d) => `${d.phase}:${d.decision}:${d.rule}`)).toEqual([
      'proposal:needs_confirmation:writes-need-confirmation',
      'execution:allow:seller-confirmed',
    ]);
  });

  it('still refuses a confirmed write when the listing was sold while the seller decided', async () => {
    const model = new ScriptedModel([
      callTool('updatePrice', { listingId: 'lst_0000001', price: 150 }, 'c1', 'Shall I lower it to €150?'),
      say('Done.'),
    ]);
    h = await createHarness({ model });
    const { id } = await h.assistant.createConversation(SELLER);
    const paused = await h.assistant.sendMessage(id, SELLER, { text: 'lower lst_0000001 to 150' });
    expect(paused.pendingApprovals).toHaveLength(1);
    const listing = (await h.store.listings.get('lst_0000001'))!;
    await h.store.listings.replace({ ...listing, status: 'sold' });

    await h.assistant.decide(paused.runId, SELLER, {
      approvalId: paused.pendingApprovals[0].approvalId,
      decision: 'approve',
    });
    expect((await h.store.listings.get('lst_0000001'))!.price).toBe(listing.price);
    expect(await h.store.executions.forRun(paused.runId)).toEqual([]);
    const execution = (await h.store.decisions.forRun(paused.runId)).find((d) => d.phase === 'execution');
    expect(execution).toMatchObject({ decision: 'deny', rule: 'active-listing' });
  });
});
