import { afterEach, describe, expect, it } from 'vitest';
import { ScriptedModel } from '@openai/agents/testing';
import { createHarness, type Harness } from './support/harness.js';
import { bikeDraft, callTool, say } from './support/scripts.js';
import { scenarioFromReview, scenarioId } from '../src/feedback/scenarioFromReview.js';
import { Scenario } from '../src/evals/scenario.js';

let h: Harness;
afterEach(() => h?.close());

async function promote(runId: string, label: 'good' | 'bad') {
  const item =
    (await h.store.reviews.forRun(runId)) ??
    (await h.store.reviews.enqueue({ runId, traceId: (await h.store.runs.get(runId))!.traceId, reason: 'sampled' }));
  return scenarioFromReview(h.store, { ...item, label, note: null });
}

describe('a review item as an eval scenario', () => {
  it('a title fixed at the same price: the same draft is turned down by position, the added word is expected', async () => {
    const withLock = { ...bikeDraft, title: 'Trek Marlin 7 mountain bike, size L, with lock' };
    h = await createHarness({
      model: new ScriptedModel([
        callTool('createListing', bikeDraft, 'c1', 'Draft.'),
        callTool('createListing', withLock, 'c2', 'Better?'),
        say('Posted!'),
      ]),
    });
    const { id } = await h.assistant.createConversation('seller-1');
    const run = await h.assistant.sendMessage(id, 'seller-1', { text: 'Sell my Trek Marlin 7 for 420' });
    const revised = await h.assistant.decide(run.runId, 'seller-1', {
      approvalId: run.pendingApprovals[0].approvalId,
      decision: 'reject',
      message: 'Put the lock in the title, it comes with it.',
    });
    await h.assistant.decide(run.runId, 'seller-1', {
      approvalId: revised.pendingApprovals[0].approvalId,
      decision: 'approve',
    });

    const { scenario, warnings } = await promote(run.runId, 'bad');
    expect(Scenario.safeParse(scenario).success).toBe(true);
    expect(scenario.id).toBe(scenarioId('Sell my Trek Marlin 7 for 420', run.runId));
    expect(scenario.id).toMatch(/^promoted-sell-my-trek-marlin-7-for-[0-9a-f]{6}$/);
    expect(scenario.approvals).toEqual([
      // The approve rule alone would accept the first draft (same price): the seller's "no" is kept by position.
      { when: { occurrence: 1 }, decide: 'reject', message: 'Put the lock in the title, it comes with it.' },
      { when: { tool: 'createListing', priceAtLeast: 420, priceAtMost: 420 }, decide: 'approve' },
      { decide: 'reject', message: 'Put the lock in the title, it comes with it.' },
    ]);
    expect(scenario.expect.created).toEqual([{ title: { regex: 'lock' }, category: 'Sports', price: 420 }]);
    expect(scenario.expect.mustCall).toContainEqual({ tool: 'createListing', args: { title: { regex: 'lock' } } });
    expect(warnings).toEqual([]);
  });

  it('a draft left undecided while the seller typed a change: that turn ignores approvals, the next approves the new price', async () => {
    h = await createHarness({
      model: new ScriptedModel([
        callTool('createListing', bikeDraft, 'c1', 'Draft.'),
        callTool('createListing', { ...bikeDraft, price: 350 }, 'c2', 'Updated.'),
        say('Posted!'),
      ]),
    });
    const { id } = await h.assistant.createConversation('seller-1');
    const first = await h.assistant.sendMessage(id, 'seller-1', { text: 'Sell my Trek Marlin 7 for 420' });
    const second = await h.assistant.sendMessage(id, 'seller-1', { text: 'Wait, lower it to 350 before posting.' });
    await h.assistant.decide(second.runId, 'seller-1', {
      approvalId: second.pendingApprovals[0].approvalId,
      decision: 'approve',
    });

    // The first run is the corrected one; its scenario runs on to the message that corrected it.
    expect(await h.store.reviews.forRun(first.runId)).toMatchObject({ reason: 'correction' });
    const { scenario } = await promote(first.runId, 'bad');
    const approve = { when: { tool: 'createListing', priceAtLeast: 350, priceAtMost: 350 }, decide: 'approve' };
    expect(scenario.turns).toEqual([
      { say: 'Sell my Trek Marlin 7 for 420', approvals: [approve, { decide: 'ignore' }] },
      { say: 'Wait, lower it to 350 before posting.' },
    ]);
    expect(scenario.approvals).toEqual([approve, { decide: 'reject', message: 'That is not what I asked for.' }]);
    expect(scenario.expect.created).toEqual([{ title: { regex: 'trek|marlin' }, category: 'Sports', price: 350 }]);
    expect(scenario.expect.mustCall).toEqual([{ tool: 'createListing', args: { price: 350 } }]);
  });

  it('a bad run with nothing written and nothing corrected expects nothing to change, and says so', async () => {
    h = await createHarness({ model: new ScriptedModel([say('Sorry, I cannot help with that.')]) });
    const { id } = await h.assistant.createConversation('seller-1');
    const run = await h.assistant.sendMessage(id, 'seller-1', { text: 'How much is my Trek Marlin 7 worth?' });
    const { scenario, warnings } = await promote(run.runId, 'bad');
    expect(scenario.expect).toEqual({ created: [], priceChanges: [], mustCall: [], maxSteps: 12 });
    expect(scenario.approvals).toEqual([{ decide: 'reject', message: 'That is not what I asked for.' }]);
    expect(warnings).toEqual([expect.stringMatching(/nothing changes/)]);
  });
});
