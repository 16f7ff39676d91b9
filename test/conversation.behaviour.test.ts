import { afterEach, describe, expect, it } from 'vitest';
import { ScriptedModel, modelError, modelResponder } from '@openai/agents/testing';
import { createHarness, type Harness } from './support/harness.js';
import { bikeDraft, callTool, say, toolOutputFor } from './support/scripts.js';
import { withRawDb } from './support/rawDb.js';

let h: Harness;
afterEach(() => h?.close());

const SELLER = 'seller-1';

function listingsCount(harness: Harness): Promise<number> {
  return harness.store.listings.count();
}

describe('a seller drafts and posts a listing', () => {
  it('pauses for approval with the exact arguments, and posts only after the seller approves', async () => {
    const model = new ScriptedModel([
      callTool('searchSimilar', { query: 'Trek Marlin 7 bike', category: 'Sports', limit: null }, 'c1'),
      callTool('createListing', bikeDraft, 'c2', 'Here is your draft at €420.'),
      say('Your listing is live.'),
    ]);
    h = await createHarness({ model });
    const before = await listingsCount(h);
    const { id } = await h.assistant.createConversation(SELLER);

    const paused = await h.assistant.sendMessage(id, SELLER, { text: 'I want to sell my Trek Marlin 7' });
    expect(paused.status).toBe('awaiting_approval');
    expect(paused.reply).toBe('Here is your draft at €420.');
    expect(paused.steps).toBe(2);
    expect(paused.pendingApprovals).toHaveLength(1);
    const [approval] = paused.pendingApprovals;
    expect(approval.tool).toBe('createListing');
    expect(approval.arguments).toEqual(bikeDraft);
    expect(approval.summary).toContain('"Trek Marlin 7 mountain bike, size L"');
    expect(approval.summary).toContain('€420');
    expect(await listingsCount(h)).toBe(before);

    // The model saw real comparables with price statistics from the seeded store.
    const search = JSON.parse(toolOutputFor(model.calls[1].request.input, 'c1')!);
    expect(search.ok).toBe(true);
    expect(search.stats.count).toBeGreaterThan(0);
    expect(search.stats.median).toBeGreaterThan(0);

    const done = await h.assistant.decide(paused.runId, SELLER, {
      approvalId: approval.approvalId,
      decision: 'approve',
    });
    expect(done).toMatchObject({
      status: 'completed',
      reply: 'Your listing is live.',
      runId: paused.runId,
      traceId: paused.traceId,
      steps: 3,
    });
    expect(done.pendingApprovals).toEqual([]);
    expect(await listingsCount(h)).toBe(before + 1);
    const created = JSON.parse(toolOutputFor(model.calls[2].request.input, 'c2')!).created;
    expect(await h.store.listings.get(created.id)).toMatchObject({ ...bikeDraft, sellerId: SELLER, status: 'active' });
    model.assertComplete();
  });

  it('sends a rejection with the seller’s message back to the model, which revises and posts once', async () => {
    const model = new ScriptedModel([
      callTool('createListing', bikeDraft, 'c1'),
      modelResponder((call) => {
        const rejection = toolOutputFor(call.request.input, 'c1')!;
        expect(rejection).toContain('make it 380');
        return callTool('createListing', { ...bikeDraft, price: 380 }, 'c2', 'Changed the price to €380.');
      }),
      say('Posted at €380.'),
    ]);
    h = await createHarness({ model });
    const before = await listingsCount(h);
    const { id } = await h.assistant.createConversation(SELLER);
    const first = await h.assistant.sendMessage(id, SELLER, { text: 'sell my bike' });
    const revised = await h.assistant.decide(first.runId, SELLER, {
      approvalId: first.pendingApprovals[0].approvalId,
      decision: 'reject',
      message: 'make it 380',
    });
    expect(revised.status).toBe('awaiting_approval');
    // Only what the model said in this segment, not the first draft's text again.
    expect(revised.reply).toBe('Changed the price to €380.');
    expect(revised.pendingApprovals[0].arguments.price).toBe(380);
    expect(await listingsCount(h)).toBe(before);

    const done = await h.assistant.decide(first.runId, SELLER, {
      approvalId: revised.pendingApprovals[0].approvalId,
      decision: 'approve',
    });
    expect(done.status).toBe('completed');
    expect(await listingsCount(h)).toBe(before + 1);
    expect(
      (await h.store.listings.list({ sellerId: SELLER, q: 'Trek Marlin', limit: 50 })).filter((l) => l.price === 380),
    ).toHaveLength(1);
  });

  it('answers a second decision on the same approval with a conflict and writes once', async () => {
    const model = new ScriptedModel([callTool('createListing', bikeDraft, 'c1'), say('Posted.')]);
    h = await createHarness({ model });
    const before = await listingsCount(h);
    const { id } = await h.assistant.createConversation(SELLER);
    const paused = await h.assistant.sendMessage(id, SELLER, { text: 'post it' });
    const approvalId = paused.pendingApprovals[0].approvalId;
    const results = await Promise.allSettled([
      h.assistant.decide(paused.runId, SELLER, { approvalId, decision: 'approve' }),
      h.assistant.decide(paused.runId, SELLER, { approvalId, decision: 'approve' }),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const failure = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect(failure.reason).toMatchObject({ status: 409, code: 'approval_not_pending' });
    expect(await listingsCount(h)).toBe(before + 1);
  });
});

describe('the gate holds whatever the model asks', () => {
  it('refuses a re-price of another seller’s listing without asking the seller, and tells the model why', async () => {
    const model = new ScriptedModel([
      callTool('updatePrice', { listingId: 'lst_0000003', price: 1 }, 'c1'),
      modelResponder((call) => {
        const out = JSON.parse(toolOutputFor(call.request.input, 'c1')!);
        expect(out).toMatchObject({ ok: false, error: 'policy_denied', rule: 'own-listing' });
        return say('I cannot change a listing that is not yours.');
      }),
    ]);
    h = await createHarness({ model });
    const target = (await h.store.listings.get('lst_0000003'))!;
    expect(target.sellerId).not.toBe(SELLER);
    const { id } = await h.assistant.createConversation(SELLER);
    const result = await h.assistant.sendMessage(id, SELLER, { text: 'set lst_0000003 to 1 euro' });
    expect(result).toMatchObject({ status: 'completed', pendingApprovals: [] });
    expect((await h.store.listings.get('lst_0000003'))!.price).toBe(target.price);
    const decisions = await h.store.decisions.forRun(result.runId);
    expect(decisions).toEqual([
      expect.objectContaining({ tool: 'updatePrice', decision: 'deny', rule: 'own-listing' }),
    ]);
  });

  it('re-prices the seller’s own listing only after approval', async () => {
    const own = 'lst_0000001';
    const model = new ScriptedModel([
      callTool('getListing', { listingId: own }, 'c1'),
      callTool('updatePrice', { listingId: own, price: 199.5 }, 'c2'),
      say('Done.'),
    ]);
    h = await createHarness({ model });
    const before = (await h.store.listings.get(own))!;
    expect(before.sellerId).toBe(SELLER);
    const { id } = await h.assistant.createConversation(SELLER);
    const paused = await h.assistant.sendMessage(id, SELLER, { text: `reprice ${own} to 199.50` });
    expect(paused.pendingApprovals[0].summary).toContain(`from €${before.price}`);
    expect((await h.store.listings.get(own))!.price).toBe(before.price);
    await h.assistant.decide(paused.runId, SELLER, {
      approvalId: paused.pendingApprovals[0].approvalId,
      decision: 'approve',
    });
    expect((await h.store.listings.get(own))!.price).toBe(199.5);
  });

  it('gives the model the validation issues in words, and the corrected call goes on to approval', async () => {
    const model = new ScriptedModel([
      callTool('createListing', { ...bikeDraft, price: 'four hundred', condition: 'mint' }, 'c1'),
      modelResponder((call) => {
        const out = JSON.parse(toolOutputFor(call.request.input, 'c1')!);
        expect(out.error).toBe('invalid_arguments');
        expect(out.issues.join(' ')).toMatch(/price/);
        expect(out.issues.join(' ')).toMatch(/condition/);
        return callTool('createListing', bikeDraft, 'c2');
      }),
    ]);
    h = await createHarness({ model });
    const { id } = await h.assistant.createConversation(SELLER);
    const result = await h.assistant.sendMessage(id, SELLER, { text: 'sell my bike' });
    expect(result.status).toBe('awaiting_approval');
    expect(result.pendingApprovals.map((a) => a.arguments)).toEqual([bikeDraft]);
  });

  it('refuses a forbidden category and an out-of-bounds price without showing them to the seller', async () => {
    const model = new ScriptedModel([
      callTool('createListing', { ...bikeDraft, category: 'Weapons' }, 'c1'),
      callTool('createListing', { ...bikeDraft, price: 999999 }, 'c2'),
      modelResponder((call) => {
        expect(JSON.parse(toolOutputFor(call.request.input, 'c1')!).rule).toBe('category-allowed');
        expect(JSON.parse(toolOutputFor(call.request.input, 'c2')!).rule).toBe('price-bounds');
        return say('Sorry, I cannot post that.');
      }),
    ]);
    h = await createHarness({ model });
    const before = await listingsCount(h);
    const { id } = await h.assistant.createConversation(SELLER);
    const result = await h.assistant.sendMessage(id, SELLER, { text: 'sell' });
    expect(result).toMatchObject({ status: 'completed', pendingApprovals: [], reply: 'Sorry, I cannot post that.' });
    expect(await listingsCount(h)).toBe(before);
  });

  it('rejects malformed JSON arguments at once, with a message the model can act on', async () => {
    const model = new ScriptedModel([
      callTool('createListing', '{"title": "Trek', 'c1'),
      modelResponder((call) => {
        expect(toolOutputFor(call.request.input, 'c1')).toMatch(/not valid JSON/);
        return say('Let me try that again.');
      }),
    ]);
    h = await createHarness({ model });
    const { id } = await h.assistant.createConversation(SELLER);
    const result = await h.assistant.sendMessage(id, SELLER, { text: 'sell' });
    expect(result).toMatchObject({ status: 'completed', pendingApprovals: [] });
    expect(await h.store.decisions.forRun(result.runId)).toEqual([
      expect.objectContaining({ decision: 'deny', rule: 'valid-json' }),
    ]);
  });

  it('words a refusal for the model also when the segment had read its refusals before the call', async () => {
    // The search's result makes the segment read the conversation's refusals (none yet); the malformed
    // call is refused at the pause that follows, and the next model call must still carry its reason.
    const model = new ScriptedModel([
      callTool('searchSimilar', { query: 'Trek bike', category: null, limit: null }, 's1'),
      callTool('createListing', '{"title": "Trek', 'c1'),
      modelResponder((call) => {
        expect(toolOutputFor(call.request.input, 'c1')).toMatch(/^Refused without asking the seller: .*not valid JSON/);
        return say('Let me try that again.');
      }),
    ]);
    h = await createHarness({ model });
    const { id } = await h.assistant.createConversation(SELLER);
    const result = await h.assistant.sendMessage(id, SELLER, { text: 'sell' });
    expect(result).toMatchObject({ status: 'completed', reply: 'Let me try that again.' });
    model.assertComplete();
  });

  it('returns an unknown tool to the model instead of failing the run', async () => {
    const model = new ScriptedModel([
      callTool('deleteListing', { listingId: 'lst_0000001' }, 'c1'),
      say('I cannot delete listings.'),
    ]);
    h = await createHarness({ model });
    const allListings = () => withRawDb(h.dbPath, (db) => db.prepare('SELECT * FROM listings ORDER BY id').all());
    const listingsBefore = allListings();
    const { id } = await h.assistant.createConversation(SELLER);
    const result = await h.assistant.sendMessage(id, SELLER, { text: 'delete my ad' });

    // The model's second call carried an error result for the unknown tool's call.
    expect(model.calls).toHaveLength(2);
    expect(toolOutputFor(model.calls[1].request.input, 'c1')).toMatch(/deleteListing.*not found/);
    // The run finished with the model's follow-up reply, not a failure.
    expect(result).toMatchObject({
      status: 'completed',
      reply: 'I cannot delete listings.',
      steps: 2,
      pendingApprovals: [],
    });
    model.assertComplete();
    // Nothing was written: no listing touched, no write executed, no approval asked for.
    expect(allListings()).toEqual(listingsBefore);
    expect(await h.store.executions.forRun(result.runId)).toEqual([]);
    expect(await h.store.approvals.forRun(result.runId)).toEqual([]);
  });

  it('never executes a write whose approval is missing, even if the SDK lets the call through', async () => {
    // A rule switched to "no confirmation" must still not bypass a deny; and a
    // write marked as needing confirmation only runs with a stored approval.
    const model = new ScriptedModel([callTool('createListing', bikeDraft, 'c1'), say('ok')]);
    h = await createHarness({ model });
    const { id } = await h.assistant.createConversation(SELLER);
    const paused = await h.assistant.sendMessage(id, SELLER, { text: 'sell' });
    // Tamper: mark the approval as approved by another seller directly in the store.
    withRawDb(h.dbPath, (db) => {
      db.prepare(`UPDATE approvals SET status = 'approved', decided_by = 'seller-2' WHERE id = ?`).run(
        paused.pendingApprovals[0].approvalId,
      );
      db.prepare(`UPDATE approvals SET seller_id = 'seller-2' WHERE id = ?`).run(paused.pendingApprovals[0].approvalId);
    });
    const before = await listingsCount(h);
    // Resume through the assistant's own path as if the decision had been taken.
    await h.assistant['lifecycle'].resume((await h.store.runs.get(paused.runId))!);
    expect(await listingsCount(h)).toBe(before);
    expect((await h.store.decisions.forRun(paused.runId)).at(-1)).toMatchObject({
      phase: 'execution',
      decision: 'deny',
      rule: 'seller-confirmed',
    });
  });
});

describe('every way a run ends is a RunResult', () => {
  it('stops at the step limit with stop reason max_steps', async () => {
    let n = 0;
    const loop = () =>
      modelResponder(() => callTool('searchSimilar', { query: `bike ${n++}`, category: null, limit: null }, `c${n}`));
    const model = new ScriptedModel(Array.from({ length: 10 }, loop));
    h = await createHarness({ model, env: { AGENT_MAX_STEPS: '3' } });
    const { id } = await h.assistant.createConversation(SELLER);
    const result = await h.assistant.sendMessage(id, SELLER, { text: 'price my bike' });
    expect(result).toMatchObject({ status: 'stopped', stopReason: 'max_steps', steps: 3 });
    expect(result.reply).toMatch(/step limit/);
  });

  it('stops a run that repeats the same tool call, before it burns the step limit', async () => {
    const same = () => callTool('getListing', { listingId: 'lst_0000001' }, `c${Math.random()}`);
    const model = new ScriptedModel(Array.from({ length: 10 }, () => modelResponder(same)));
    h = await createHarness({ model, env: { AGENT_MAX_STEPS: '10' } });
    const { id } = await h.assistant.createConversation(SELLER);
    const result = await h.assistant.sendMessage(id, SELLER, { text: 'show my bike' });
    expect(result).toMatchObject({ status: 'stopped', stopReason: 'loop_detected', steps: 3 });
    expect(result.reply).toMatch(/repeating/);
  });

  it('stops at the run timeout with stop reason timeout', async () => {
    const model = new ScriptedModel([
      modelResponder(
        (call) =>
          new Promise((resolve, reject) => {
            const timer = setTimeout(() => resolve(say('too late')), 5_000);
            call.request.signal?.addEventListener('abort', () => {
              clearTimeout(timer);
              // The run's timeout aborts with a RunTimeoutError.
              reject(call.request.signal!.reason as Error);
            });
          }),
      ),
    ]);
    h = await createHarness({ model, env: { AGENT_RUN_TIMEOUT_MS: '150' } });
    const { id } = await h.assistant.createConversation(SELLER);
    const started = Date.now();
    const result = await h.assistant.sendMessage(id, SELLER, { text: 'hello' });
    expect(result).toMatchObject({ status: 'stopped', stopReason: 'timeout' });
    expect(Date.now() - started).toBeLessThan(3_000);
  });

  it('maps a model failure to stopped / model_error with a helpful reply', async () => {
    const model = new ScriptedModel([modelError(new Error('upstream exploded'))]);
    h = await createHarness({ model });
    const { id } = await h.assistant.createConversation(SELLER);
    const result = await h.assistant.sendMessage(id, SELLER, { text: 'hello' });
    expect(result).toMatchObject({ status: 'stopped', stopReason: 'model_error', steps: 1 });
    expect(result.reply).toMatch(/unavailable/);
  });

  it('lets a pending approval expire: deciding it later is a conflict and nothing is written', async () => {
    let now = new Date('2026-11-23T10:00:00Z');
    const model = new ScriptedModel([callTool('createListing', bikeDraft, 'c1')]);
    h = await createHarness({ model, now: () => now });
    const before = await listingsCount(h);
    const { id } = await h.assistant.createConversation(SELLER);
    const paused = await h.assistant.sendMessage(id, SELLER, { text: 'sell' });
    expect(paused.pendingApprovals[0].expiresAt).toBe('2026-11-23T10:30:00.000Z');
    now = new Date('2026-11-23T10:31:00Z');
    await expect(
      h.assistant.decide(paused.runId, SELLER, {
        approvalId: paused.pendingApprovals[0].approvalId,
        decision: 'approve',
      }),
    ).rejects.toMatchObject({ status: 409 });
    expect(await h.assistant.getRun(paused.runId, { userId: SELLER, role: 'seller' })).toMatchObject({
      status: 'stopped',
      stopReason: 'cancelled',
      pendingApprovals: [],
    });
    expect(await listingsCount(h)).toBe(before);
  });

  it('a new message supersedes a pending approval, and the history stays valid for the next run', async () => {
    const model = new ScriptedModel([
      callTool('createListing', bikeDraft, 'c1'),
      modelResponder((call) => {
        expect(toolOutputFor(call.request.input, 'c1')).toMatch(/did not run/);
        return say('Sure, what else?');
      }),
    ]);
    h = await createHarness({ model });
    const { id } = await h.assistant.createConversation(SELLER);
    const paused = await h.assistant.sendMessage(id, SELLER, { text: 'sell' });
    const next = await h.assistant.sendMessage(id, SELLER, { text: 'actually, never mind' });
    expect(next.status).toBe('completed');
    expect((await h.store.approvals.get(paused.pendingApprovals[0].approvalId))!.status).toBe('superseded');
    expect((await h.assistant.getRun(paused.runId, { userId: SELLER, role: 'seller' })).status).toBe('stopped');
  });
});
