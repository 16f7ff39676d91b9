import { afterEach, describe, expect, it } from 'vitest';
import { ScriptedModel, modelResponder } from '@openai/agents/testing';
import {
  ApprovalNotPendingError,
  callStatus,
  decideApproval,
  expireApprovals,
  isConfirmed,
  notApprovedMessage,
  refuseCall,
  requestApproval,
  supersedeApprovals,
} from '../src/approvals/index.js';
import { createRun } from './support/tempStore.js';
import { ENGINES, engineStore, type Engine, type EngineStore } from './support/engines.js';
import { createHarness, type Harness } from './support/harness.js';
import { bikeDraft, callTool, toolOutputFor, say } from './support/scripts.js';

let t: EngineStore | undefined;
let h: Harness | undefined;
afterEach(async () => {
  await t?.dispose();
  t = undefined;
  await h?.close();
  h = undefined;
});

let now: Date;
const args = { title: 'Trek Marlin 7', price: 420, category: 'Sports' };

async function setup(engine: Engine) {
  now = new Date('2026-01-01T00:00:00Z');
  t = await engineStore(engine, () => now);
  const { store } = t;
  const conversationId = await createRun(store, 'run_a');
  const ask = (callId: string) =>
    requestApproval(store, {
      runId: 'run_a',
      callId,
      sellerId: 'seller-1',
      tool: 'createListing',
      args,
      summary: 'Post “Trek Marlin 7” for €420',
      ttlMs: 30 * 60_000,
    });
  return { conversationId, ask, store, open: t.open };
}

const decision = (approvalId: string, d: 'approve' | 'reject', sellerId = 'seller-1') => ({
  runId: 'run_a',
  approvalId,
  sellerId,
  decision: d,
});

describe.each(ENGINES)('approvals on %s', (engine) => {
  it('requests once per call, with the exact arguments, the caller’s summary and an expiry', async () => {
    const { ask, store } = await setup(engine);
    const first = await ask('c1');
    expect(first).toMatchObject({
      status: 'pending',
      arguments: args,
      summary: 'Post “Trek Marlin 7” for €420',
      expiresAt: '2026-01-01T00:30:00.000Z',
    });
    expect((await ask('c1')).id).toBe(first.id);
    expect(await store.approvals.forRun('run_a')).toHaveLength(1);
  });

  it('decides compare-and-set: of two concurrent decisions on two connections, exactly one wins', async () => {
    const { ask, store, open } = await setup(engine);
    const approval = await ask('c1');
    const other = await open(() => now);
    try {
      const outcomes: unknown[] = [];
      for (const [i, on] of [store, other, store].entries()) {
        outcomes.push(
          await decideApproval(on, decision(approval.id, i === 1 ? 'reject' : 'approve')).then(
            (decided) => decided.approval.status,
            (error: unknown) => error,
          ),
        );
      }
      expect(outcomes[0]).toBe('approved');
      for (const lost of outcomes.slice(1)) {
        expect(lost).toBeInstanceOf(ApprovalNotPendingError);
        expect(lost).toMatchObject({ status: 409, code: 'approval_not_pending', current: 'approved' });
      }
      expect(await other.approvals.get(approval.id)).toMatchObject({ status: 'approved', decidedBy: 'seller-1' });
    } finally {
      await other.close();
    }
  });

  it('cannot approve an expired approval, and only the conversation’s seller may decide', async () => {
    const { ask, store } = await setup(engine);
    const approval = await ask('c1');
    await expect(decideApproval(store, decision(approval.id, 'approve', 'seller-2'))).rejects.toThrow(
      expect.objectContaining({ status: 403 }),
    );
    await expect(decideApproval(store, { ...decision(approval.id, 'approve'), runId: 'run_b' })).rejects.toThrow(
      expect.objectContaining({ status: 404 }),
    );
    now = new Date('2026-01-01T00:30:00Z');
    await expect(decideApproval(store, decision(approval.id, 'approve'))).rejects.toThrow(
      expect.objectContaining({ code: 'approval_not_pending', current: 'expired' }),
    );
    expect((await store.approvals.get(approval.id))!.status).toBe('expired');
    const call = { runId: 'run_a', callId: 'c1', sellerId: 'seller-1', tool: 'createListing', args };
    expect(await isConfirmed(store, call)).toBeUndefined();
  });

  it('expires only what is due, and supersedes only what is still pending', async () => {
    const { ask, store } = await setup(engine);
    const decided = await ask('c1');
    await decideApproval(store, { ...decision(decided.id, 'reject'), message: '  too cheap  ' });
    expect(await store.approvals.get(decided.id)).toMatchObject({ status: 'rejected', message: 'too cheap' });
    await ask('c2');
    expect(await expireApprovals(store, 'run_a')).toBe(0);
    expect(await supersedeApprovals(store, 'run_a')).toBe(1);
    expect((await store.approvals.forRun('run_a')).map((a) => a.status)).toEqual(['rejected', 'superseded']);
    await ask('c3');
    now = new Date('2026-01-01T01:00:00Z');
    expect(await expireApprovals(store, 'run_a')).toBe(1);
    expect(await callStatus(store, 'run_a', 'c3')).toBe('expired');
  });

  it('confirms a write only when approved by this seller, for the same tool and the same canonical arguments', async () => {
    const { ask, store } = await setup(engine);
    const approval = await ask('c1');
    const call = { runId: 'run_a', callId: 'c1', sellerId: 'seller-1', tool: 'createListing', args };
    expect(await isConfirmed(store, call)).toBeUndefined();
    await decideApproval(store, decision(approval.id, 'approve'));
    // Key order does not matter; values do.
    const reordered = { category: 'Sports', price: 420, title: 'Trek Marlin 7' };
    expect(await isConfirmed(store, { ...call, args: reordered })).toEqual({
      approvalId: approval.id,
      by: 'seller-1',
      at: '2026-01-01T00:00:00.000Z',
    });
    expect(await isConfirmed(store, { ...call, args: { ...args, price: 42 } })).toBeUndefined();
    expect(await isConfirmed(store, { ...call, args: { ...args, extra: true } })).toBeUndefined();
    expect(await isConfirmed(store, { ...call, sellerId: 'seller-2' })).toBeUndefined();
    expect(await isConfirmed(store, { ...call, tool: 'updatePrice' })).toBeUndefined();
    expect(await isConfirmed(store, { ...call, callId: 'c2' })).toBeUndefined();
    expect(await isConfirmed(store, { ...call, runId: 'run_b' })).toBeUndefined();
  });

  it('does not confirm a rejected approval, nor one decided by someone else', async () => {
    const { ask, store } = await setup(engine);
    const call = { runId: 'run_a', callId: 'c1', sellerId: 'seller-1', tool: 'createListing', args };
    await decideApproval(store, decision((await ask('c1')).id, 'reject'));
    expect(await isConfirmed(store, call)).toBeUndefined();
    const approval = await ask('c2');
    await store.approvals.decide(approval.id, 'approved', 'support-1', null);
    expect(await isConfirmed(store, { ...call, callId: 'c2' })).toBeUndefined();
  });

  it('records a gate refusal apart from approvals, once per call, in words the model can act on', async () => {
    const { conversationId, store } = await setup(engine);
    const refusal = {
      runId: 'run_a',
      callId: 'c9',
      tool: 'createListing',
      args: '{"title": "Trek',
      rule: 'valid-json',
      reason: 'The arguments were not valid JSON.',
    };
    await refuseCall(store, refusal);
    await refuseCall(store, { ...refusal, reason: 'again' });
    expect(await store.refusals.forRun('run_a')).toEqual([
      expect.objectContaining({ callId: 'c9', rule: 'valid-json', reason: 'The arguments were not valid JSON.' }),
    ]);
    expect(await store.approvals.forRun('run_a')).toEqual([]);
    expect(await callStatus(store, 'run_a', 'c9')).toBe('refused');
    expect(await callStatus(store, 'run_a', 'c10')).toBeUndefined();
    expect(await notApprovedMessage(store, 'run_a', 'c9')).toBe(
      'Refused without asking the seller: The arguments were not valid JSON.',
    );
    expect(await notApprovedMessage(store, 'run_a', 'c10')).toBe(
      'The seller did not confirm this action, so nothing was changed.',
    );
    expect([...(await store.refusals.forConversation(conversationId)).keys()]).toEqual(['c9']);
  });
});

describe.each(ENGINES)('a refused call next to one the seller must confirm, on %s', (engine) => {
  it('shows only the valid call as pending, records the other as a refusal, and the model reads why', async () => {
    const model = new ScriptedModel([
      [...callTool('createListing', '{"title": "Trek', 'c1'), ...callTool('createListing', bikeDraft, 'c2')],
      modelResponder((call) => {
        expect(toolOutputFor(call.request.input, 'c1')).toMatch(/^Refused without asking the seller: .*not valid JSON/);
        expect(JSON.parse(toolOutputFor(call.request.input, 'c2')!)).toMatchObject({ ok: true });
        return say('Posted.');
      }),
    ]);
    h = await createHarness({ engine, model });
    const { id } = await h.assistant.createConversation('seller-1');
    const paused = await h.assistant.sendMessage(id, 'seller-1', { text: 'sell my bike' });
    expect(paused.status).toBe('awaiting_approval');
    expect(paused.pendingApprovals.map((a) => a.arguments)).toEqual([bikeDraft]);
    expect((await h.store.approvals.forRun(paused.runId)).map((a) => a.callId)).toEqual(['c2']);
    expect(await h.store.refusals.forRun(paused.runId)).toEqual([
      expect.objectContaining({ callId: 'c1', rule: 'valid-json', arguments: '{"title": "Trek' }),
    ]);
    const done = await h.assistant.decide(paused.runId, 'seller-1', {
      approvalId: paused.pendingApprovals[0].approvalId,
      decision: 'approve',
    });
    expect(done).toMatchObject({ status: 'completed', reply: 'Posted.', pendingApprovals: [] });
  });
});
