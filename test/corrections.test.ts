import { afterEach, describe, expect, it } from 'vitest';
import { ScriptedModel } from '@openai/agents/testing';
import { createHarness, TOKENS, type Harness } from './support/harness.js';
import { bikeDraft, callTool, say } from './support/scripts.js';
import { changedFields } from '../src/feedback/changedFields.js';

let h: Harness;
afterEach(() => h?.close());

const revised = { ...bikeDraft, price: 380, title: 'Trek Marlin 7 mountain bike, size L, with lock' };

async function trace(traceId: string) {
  const res = await h.call('GET', `/api/traces/${traceId}`, { token: TOKENS.support });
  expect(res.status).toBe(200);
  return (await res.json()) as { timeline: Array<Record<string, any>> };
}

describe('corrections', () => {
  it('a rejection followed by a revised, approved action records before/after and the changed fields, on the trace', async () => {
    h = await createHarness({
      model: new ScriptedModel([
        callTool('createListing', bikeDraft, 'c1', 'Draft ready.'),
        callTool('createListing', revised, 'c2', 'Revised.'),
        say('Posted!'),
      ]),
    });
    const { id } = await h.assistant.createConversation('seller-1');
    const paused = await h.assistant.sendMessage(id, 'seller-1', { text: 'Sell my Trek Marlin 7' });
    const second = await h.assistant.decide(paused.runId, 'seller-1', {
      approvalId: paused.pendingApprovals[0].approvalId,
      decision: 'reject',
      message: 'Make it 380 and mention the lock',
    });

    // Turned down, not yet revised: `after` is unknown.
    const [open] = await h.store.corrections.forRun(paused.runId);
    expect(open).toMatchObject({
      kind: 'rejected',
      via: 'rejection',
      tool: 'createListing',
      before: { price: 420 },
      after: null,
      message: 'Make it 380 and mention the lock',
    });

    expect(second.pendingApprovals[0].arguments).toMatchObject({ price: 380 });
    const done = await h.assistant.decide(paused.runId, 'seller-1', {
      approvalId: second.pendingApprovals[0].approvalId,
      decision: 'approve',
    });
    expect(done.status).toBe('completed');

    const [correction] = await h.store.corrections.forRun(paused.runId);
    expect(correction).toMatchObject({
      runId: paused.runId,
      traceId: paused.traceId,
      sellerId: 'seller-1',
      kind: 'edited',
      tool: 'createListing',
      approvalId: paused.pendingApprovals[0].approvalId,
      before: bikeDraft,
      after: revised,
      changedFields: ['price', 'title'],
      message: 'Make it 380 and mention the lock',
      revisedApprovalId: second.pendingApprovals[0].approvalId,
      revisedInRunId: paused.runId,
    });

    const entries = (await trace(paused.traceId)).timeline.filter((e) => e.type === 'correction');
    expect(entries).toEqual([
      expect.objectContaining({
        correctionId: correction.id,
        kind: 'edited',
        before: bikeDraft,
        after: revised,
        changedFields: ['price', 'title'],
      }),
    ]);
    // It sits where the seller said no: after the rejection, before the revised request.
    const timeline = (await trace(paused.traceId)).timeline;
    const at = (predicate: (e: Record<string, any>) => boolean) => timeline.findIndex(predicate);
    expect(at((e) => e.type === 'correction')).toBeGreaterThan(
      at((e) => e.type === 'approval' && e.event === 'rejected'),
    );

    // And the run is queued for review because of it, once.
    expect(await h.store.reviews.forRun(paused.runId)).toMatchObject({
      reason: 'correction',
      reasons: ['correction'],
      status: 'open',
    });
  });

  it('a bare rejection revised in the conversation’s next run is filled in there, and shows on both traces', async () => {
    h = await createHarness({
      model: new ScriptedModel([
        callTool('createListing', bikeDraft, 'c1', 'Draft ready.'),
        say('What should I change?'),
        callTool('createListing', { ...bikeDraft, condition: 'good', price: 390 }, 'c2', 'Like this?'),
        say('Posted!'),
      ]),
    });
    const { id } = await h.assistant.createConversation('seller-1');
    const first = await h.assistant.sendMessage(id, 'seller-1', { text: 'Sell my Trek Marlin 7' });
    const asked = await h.assistant.decide(first.runId, 'seller-1', {
      approvalId: first.pendingApprovals[0].approvalId,
      decision: 'reject',
    });
    expect(asked.status).toBe('completed');
    const next = await h.assistant.sendMessage(id, 'seller-1', { text: 'Condition good, and 390.' });
    await h.assistant.decide(next.runId, 'seller-1', {
      approvalId: next.pendingApprovals[0].approvalId,
      decision: 'approve',
    });

    const [correction] = await h.store.corrections.forRun(first.runId);
    expect(correction).toMatchObject({
      runId: first.runId,
      kind: 'edited',
      message: null,
      changedFields: ['condition', 'price'],
      revisedInRunId: next.runId,
      after: { price: 390 },
    });
    expect((await trace(first.traceId)).timeline.filter((e) => e.type === 'correction')).toHaveLength(1);
    expect((await trace(next.traceId)).timeline.filter((e) => e.type === 'correction')).toEqual([
      expect.objectContaining({ correctionId: correction.id, revisedInRunId: next.runId }),
    ]);
  });

  it('a new message instead of a decision is a correction in the seller’s words; an approval with nothing turned down is none', async () => {
    h = await createHarness({
      model: new ScriptedModel([
        callTool('createListing', bikeDraft, 'c1', 'Draft ready.'),
        callTool('createListing', { ...bikeDraft, price: 350 }, 'c2', 'Updated.'),
        say('Posted!'),
      ]),
    });
    const { id } = await h.assistant.createConversation('seller-1');
    const first = await h.assistant.sendMessage(id, 'seller-1', { text: 'Sell my Trek Marlin 7' });
    const second = await h.assistant.sendMessage(id, 'seller-1', { text: 'Wait, lower it to 350 before posting.' });
    expect(await h.store.corrections.forRun(first.runId)).toEqual([
      expect.objectContaining({
        via: 'new_message',
        kind: 'rejected',
        message: 'Wait, lower it to 350 before posting.',
        before: bikeDraft,
      }),
    ]);
    await h.assistant.decide(second.runId, 'seller-1', {
      approvalId: second.pendingApprovals[0].approvalId,
      decision: 'approve',
    });
    expect((await h.store.corrections.forRun(first.runId))[0]).toMatchObject({
      kind: 'edited',
      changedFields: ['price'],
      revisedInRunId: second.runId,
    });
    // The approved run itself turned nothing down.
    expect((await h.store.corrections.forRun(second.runId)).every((c) => c.runId === first.runId)).toBe(true);
  });

  it('compares prices to the cent and text without surrounding spaces', () => {
    expect(changedFields({ title: 'Bike', price: 10 }, { title: ' Bike ', price: 10.001 })).toEqual([]);
    expect(changedFields({ title: 'Bike', price: 10, condition: null }, { title: 'Bike!', price: 10.5 })).toEqual([
      'price',
      'title',
    ]);
  });
});
