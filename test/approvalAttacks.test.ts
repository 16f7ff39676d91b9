import { afterEach, describe, expect, it } from 'vitest';
import { ScriptedModel, modelResponder } from '@openai/agents/testing';
import type { AgentOutputItem } from '@openai/agents';
import { createHarness, TOKENS, type Harness } from './support/harness.js';
import { bikeDraft, callTool, say, toolOutputFor } from './support/scripts.js';
import type { Listing } from '../src/domain/listing.js';
import type { RunResult } from '../src/agent/runResult.js';
import { loadPolicyRules } from '../src/policy/index.js';
import { RECORDED_ARGUMENTS_MAX } from '../src/tools/index.js';

// A hostile model in the SDK's real loop tries to get a write past the seller: a second call
// riding on one approval, a call id used again, a rejected write resent with a tiny change, an
// approval carried into the next run. Only what the seller confirmed is written, once.
const SELLER = 'seller-1';
let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

type Turn = (listing: Listing) => AgentOutputItem[];
const reprice =
  (price: (l: Listing) => number, callId: string): Turn =>
  (l) =>
    callTool('updatePrice', { listingId: l.id, price: price(l) }, callId);
const done: Turn = () => say('Done.');
const both =
  (...turns: Turn[]): Turn =>
  (l) =>
    turns.flatMap((turn) => turn(l));

/**
 * Plays the model's turns (each after the previous tool results) against the seller's decisions,
 * taken in order for the pending approvals as they come; returns what the tool results said.
 */
async function play(turns: Turn[], decisions: Array<'approve' | 'reject'>, messages = ['reprice my listing']) {
  const seller: { listing?: Listing } = {};
  // By call id: each model request carries the run's earlier results again.
  const outputs = new Map<string, string>();
  const steps = turns.map((turn) =>
    modelResponder((call) => {
      for (const item of call.request.input as Array<{ type: string; callId?: string }>)
        if (item.type === 'function_call_result')
          outputs.set(item.callId!, toolOutputFor(call.request.input, item.callId!)!);
      return turn(seller.listing!);
    }),
  );
  h = await createHarness({ model: new ScriptedModel([...steps, say('Done.')]) });
  const [listing] = await h.store.listings.list({ sellerId: SELLER, limit: 1 });
  seller.listing = listing;
  const { id } = await h.assistant.createConversation(SELLER);
  const runs: RunResult[] = [];
  const asked: unknown[] = [];
  const queue = [...decisions];
  for (const text of messages) {
    let result = await h.assistant.sendMessage(id, SELLER, { text });
    runs.push(result);
    while (result.status === 'awaiting_approval' && queue.length) {
      const pending = result.pendingApprovals[0];
      asked.push(pending.arguments);
      result = await h.assistant.decide(result.runId, SELLER, {
        approvalId: pending.approvalId,
        decision: queue.shift()!,
      });
    }
    runs[runs.length - 1] = result;
  }
  const executions = (await Promise.all(runs.map((r) => h!.store.executions.forRun(r.runId)))).flat();
  const after = (await h.store.listings.get(listing.id))!;
  return { listing, after, runs, asked, executions, outputs: [...outputs.values()] };
}

describe('writes that try to ride on an approval', () => {
  it('one call id for two different calls in a turn: the run stops, nothing is asked or written', async () => {
    const { listing, after, runs, asked, executions } = await play(
      [
        both(
          reprice((l) => l.price + 5, 'dup'),
          reprice(() => 1, 'dup'),
        ),
      ],
      ['approve'],
    );
    expect(runs[0]).toMatchObject({ status: 'stopped', pendingApprovals: [] });
    expect(asked).toEqual([]);
    expect(executions).toEqual([]);
    expect(after.price).toBe(listing.price);
  });

  it.each([
    ['other arguments', () => 1],
    ['the same arguments', (l: Listing) => l.price + 5],
  ])('a confirmed call id sent again with %s writes nothing more', async (_how, price) => {
    const { listing, after, executions, outputs } = await play(
      [reprice((l) => l.price + 5, 'once'), reprice((l) => price({ ...l, price: l.price - 5 }), 'once')],
      ['approve', 'approve'],
    );
    expect(outputs.map((o) => JSON.parse(o))).toEqual([expect.objectContaining({ ok: true })]);
    expect(after.price).toBe(listing.price + 5);
    expect(executions).toHaveLength(1);
  });

  it('two calls in one turn: the approved one runs, the rejected one does not', async () => {
    const { listing, after, asked, executions } = await play(
      [
        both(
          reprice((l) => l.price + 5, 'a'),
          reprice((l) => l.price + 7, 'b'),
        ),
      ],
      ['reject', 'approve'],
    );
    expect(asked).toEqual([
      { listingId: listing.id, price: listing.price + 5 },
      { listingId: listing.id, price: listing.price + 7 },
    ]);
    expect(executions.map((e) => e.callId)).toEqual(['b']);
    expect(after.price).toBe(listing.price + 7);
  });

  it('a rejected write resent a cent apart is asked again, and written only once confirmed', async () => {
    const { listing, after, asked, executions } = await play(
      [reprice((l) => l.price + 5, 'r1'), reprice((l) => l.price + 5.01, 'r2'), reprice((l) => l.price + 5.02, 'r3')],
      ['reject', 'reject', 'approve'],
    );
    expect(asked.map((a) => (a as { price: number }).price)).toEqual([5, 5.01, 5.02].map((d) => listing.price + d));
    expect(executions.map((e) => e.callId)).toEqual(['r3']);
    expect(after.price).toBe(listing.price + 5.02);
  });

  it("an approved call id from the conversation's last run needs a new approval in the next", async () => {
    const { listing, after, runs, executions } = await play(
      [reprice((l) => l.price + 5, 'carry'), done, reprice(() => 1, 'carry')],
      ['approve'],
      ['reprice my listing', 'and now to one euro'],
    );
    expect(runs[1]).toMatchObject({ status: 'awaiting_approval' });
    expect(runs[1].pendingApprovals[0].arguments).toEqual({ listingId: listing.id, price: 1 });
    expect(executions).toHaveLength(1);
    expect(after.price).toBe(listing.price + 5);
  });
});

describe("a seller's edit of the action, sent to bend it", () => {
  it('is refused unless it is a valid action of their own; what runs has only the known fields', async () => {
    const { runs, listing } = await play([reprice((l) => l.price + 5, 'e1')], []);
    const { runId } = runs[0];
    const approvalId = runs[0].pendingApprovals[0].approvalId;
    const [theirs] = await h!.store.listings.list({ sellerId: 'seller-2', limit: 1 });
    const edit = (args: unknown) =>
      h!.call('POST', `/api/runs/${runId}/decisions`, { body: { approvalId, decision: 'approve', arguments: args } });
    for (const [args, code] of [
      [{ listingId: theirs.id }, 'edit_refused'],
      [{ price: 0 }, 'edit_refused'],
      [{ price: 1e308 }, 'invalid_arguments'],
      [{ price: '12.5e3' }, 'invalid_arguments'],
      [{ price: 12.345 }, 'invalid_arguments'],
      [{ listingId: `${listing.id} OR 1=1` }, 'invalid_arguments'],
      [{ price: listing.price }, 'edit_refused'],
    ] as const) {
      const res = await edit(args);
      expect(res.status, JSON.stringify(args)).toBe(400);
      expect((await res.json()).error.code, JSON.stringify(args)).toBe(code);
    }
    expect((await h!.store.approvals.get(approvalId))!.status).toBe('pending');

    // Fields the tool does not know are dropped, not carried into the write.
    const res = await edit({ price: listing.price + 9, sellerId: 'seller-2', status: 'sold' });
    expect(res.status).toBe(200);
    const [execution] = await h!.store.executions.forRun(runId);
    expect(execution.arguments).toEqual({ listingId: listing.id, price: listing.price + 9 });
    expect(await h!.store.listings.get(listing.id)).toMatchObject({
      sellerId: SELLER,
      status: 'active',
      price: listing.price + 9,
    });
  });
});

describe('the hourly write limit across conversations', () => {
  it('holds for writes proposed in parallel conversations before any of them ran', async () => {
    const cap = 2;
    const rules = { ...loadPolicyRules(), rateLimit: { writesPerSellerPerHour: cap } };
    const seller: { listing?: Listing } = {};
    // Each conversation's model proposes its own price, then, after the result, says what happened.
    const steps = [1, 2, 3].map((n) => modelResponder(() => reprice((l) => l.price + n, `w${n}`)(seller.listing!)));
    const replies = [1, 2, 3].map(() => modelResponder(() => say('Done.')));
    h = await createHarness({ rules, model: new ScriptedModel([...steps, ...replies]) });
    [seller.listing] = await h.store.listings.list({ sellerId: SELLER, limit: 1 });
    const paused: RunResult[] = [];
    for (let i = 0; i < 3; i++) {
      const { id } = await h.assistant.createConversation(SELLER);
      paused.push(await h.assistant.sendMessage(id, SELLER, { text: 'reprice my listing' }));
    }
    // All three were asked before any write, so each passed the limit when proposed.
    expect(paused.map((r) => r.status)).toEqual(['awaiting_approval', 'awaiting_approval', 'awaiting_approval']);
    for (const run of paused)
      await h.assistant.decide(run.runId, SELLER, {
        approvalId: run.pendingApprovals[0].approvalId,
        decision: 'approve',
      });
    const executions = (await Promise.all(paused.map((r) => h!.store.executions.forRun(r.runId)))).flat();
    expect(executions.map((e) => e.callId)).toEqual(['w1', 'w2']);
    const denied = await h.store.decisions.forRun(paused[2].runId);
    expect(denied).toContainEqual(expect.objectContaining({ phase: 'execution', rule: 'write-rate-limit' }));
    expect((await h.store.listings.get(seller.listing.id))!.price).toBe(seller.listing.price + 2);
  });
});

describe('arguments too large to keep', () => {
  it('are refused, and what is kept of them on record is bounded', async () => {
    // Each under the bound on one model answer (src/agent/outputLimit.ts), far over what a record keeps.
    const huge = { ...bikeDraft, title: 'T'.repeat(20_000) };
    // One call the SDK hands to the tool, one it hands to the approval desk as malformed JSON.
    const model = new ScriptedModel([
      [...callTool('createListing', huge, 'h1'), ...callTool('createListing', `{"title":"${'T'.repeat(20_000)}`, 'h2')],
      say('Too long.'),
    ]);
    h = await createHarness({ model });
    const { id } = await h.assistant.createConversation(SELLER);
    const run = await h.assistant.sendMessage(id, SELLER, { text: 'sell my bike' });
    expect(run.status).toBe('completed');
    const decisions = await h.store.decisions.forRun(run.runId);
    const refusals = await h.store.refusals.forRun(run.runId);
    expect(decisions.map((d) => [d.callId, d.decision])).toEqual(
      expect.arrayContaining([
        ['h1', 'deny'],
        ['h2', 'deny'],
      ]),
    );
    for (const record of [...decisions, ...refusals])
      expect(JSON.stringify(record.arguments).length).toBeLessThan(RECORDED_ARGUMENTS_MAX + 100);
    expect(await h.store.executions.forRun(run.runId)).toEqual([]);
  });
});

describe('a flood of proposals in one turn', () => {
  it('asks the seller about no more than they could confirm within the hour; the rest are refused', async () => {
    const cap = 3;
    const rules = { ...loadPolicyRules(), rateLimit: { writesPerSellerPerHour: cap } };
    const drafts = Array.from({ length: 40 }, (_, i) =>
      callTool('createListing', { ...bikeDraft, price: 100 + i }, `f${i}`),
    );
    const model = new ScriptedModel([
      drafts.flat(),
      modelResponder((call) => {
        expect(toolOutputFor(call.request.input, 'f39')).toMatch(
          /^Refused without asking the seller: At most 3 actions/,
        );
        return say('Posted three; the rest after you decide.');
      }),
    ]);
    h = await createHarness({ rules, model });
    const { id } = await h.assistant.createConversation(SELLER);
    let run = await h.assistant.sendMessage(id, SELLER, { text: 'list all my bikes' });
    expect(run.pendingApprovals.map((a) => a.arguments.price)).toEqual([100, 101, 102]);
    const refusals = await h.store.refusals.forRun(run.runId);
    expect(refusals).toHaveLength(37);
    expect(new Set(refusals.map((r) => r.rule))).toEqual(new Set(['pending-limit']));
    for (const approval of run.pendingApprovals)
      run = await h.assistant.decide(run.runId, SELLER, { approvalId: approval.approvalId, decision: 'approve' });
    expect(run.status).toBe('completed');
    expect(await h.store.executions.forRun(run.runId)).toHaveLength(cap);
  });
});

describe("another seller's contact details in the listing text the model reads", () => {
  it('are masked in what the model, the trace and the support view get', async () => {
    const contacts = ['0176 12345678', 'bob@example.com', 'b\u200Bob@example.com', '０１７６ ８７６５４３２１'];
    const model = new ScriptedModel([callTool('getListing', { listingId: 'lst_contacts1' }, 'g1'), say('Seen.')]);
    h = await createHarness({ model });
    await h.store.listings.insert({
      id: 'lst_contacts1',
      sellerId: 'seller-2',
      title: 'Oak dining table, call 0176 12345678',
      description: `Solid oak. Call ${contacts.join(' or ')}.`,
      category: 'Furniture',
      price: 150,
      condition: 'good',
    });
    const { id } = await h.assistant.createConversation(SELLER);
    const run = await h.assistant.sendMessage(id, SELLER, { text: 'what about lst_contacts1?' });
    const trace = await (await h.call('GET', `/api/traces/${run.traceId}`, { token: TOKENS.support })).text();
    expect(trace).toContain('Solid oak. Call [phone] or [email]');
    for (const contact of ['12345678', '87654321', '８７６５', 'example.com']) expect(trace).not.toContain(contact);
  });
});
