import { afterEach, describe, expect, it } from 'vitest';
import { ScriptedModel } from '@openai/agents/testing';
import { createHarness, type Harness } from './support/harness.js';
import { withRawDb } from './support/rawDb.js';
import { bikeDraft, callTool, say } from './support/scripts.js';
import { ConversationBusyError } from '../src/errors.js';
import { observe } from '../bench/lib/sqliteWrites.js';
import { ApprovalNotPendingError } from '../src/approvals/index.js';
import { dataUrl, pngPhoto } from './support/photos.js';

/**
 * Leases in one process, with owners the liveness check cannot see (another machine's): a run
 * whose lease is alive is left alone, an expired one is settled, and of two instances sweeping at
 * once exactly one settles it (the claim is a compare-and-set).
 */
const REMOTE = 'inst_remote@4242@elsewhere';
let harnesses: Harness[] = [];
afterEach(async () => {
  for (const h of harnesses.reverse()) await h.close();
  harnesses = [];
});

async function orphan(h: Harness, expiresInMs: number): Promise<string> {
  const { id } = await h.assistant.createConversation('seller-1');
  const run = await h.store.runs.create({
    id: 'run_orphan',
    conversationId: id,
    sellerId: 'seller-1',
    traceId: 'trace_0123456789abcdef0123456789abcdef',
    input: { text: 'hi' },
    appVersion: '1',
    promptVersion: 'v1',
    model: 'scripted',
  });
  const now = h.store.now();
  await h.store.leases.acquire(`run:${run.id}`, REMOTE, new Date(now.getTime() + expiresInMs), now);
  return run.id;
}

describe('run leases', () => {
  it('leaves a run whose lease is alive, and settles it once the lease has expired', async () => {
    const h = await createHarness({ model: new ScriptedModel([]) });
    harnesses.push(h);
    const runId = await orphan(h, 60_000);
    expect(await h.assistant.recoverInterruptedRuns()).toBe(0);
    expect((await h.store.runs.get(runId))?.status).toBe('running');

    withRawDb(h.dbPath, (db) => db.prepare('UPDATE leases SET expires_at = 0').run());
    expect(await h.assistant.recoverInterruptedRuns()).toBe(1);
    expect(await h.store.runs.get(runId)).toMatchObject({ status: 'stopped', stopReason: 'interrupted' });
    expect(await h.store.leases.get(`run:${runId}`)).toBeUndefined();
  });

  it('lets exactly one of two sweeping instances settle a dead instance’s run', async () => {
    const first = await createHarness({ model: new ScriptedModel([]) });
    harnesses.push(first);
    const second = await createHarness({ model: new ScriptedModel([]), dbPath: first.dbPath });
    harnesses.push(second);
    const runId = await orphan(first, -1);
    const settled = await Promise.all([
      first.assistant.recoverInterruptedRuns(),
      second.assistant.recoverInterruptedRuns(),
    ]);
    expect(settled.sort()).toEqual([0, 1]);
    expect(await first.store.runs.get(runId)).toMatchObject({ status: 'stopped', stopReason: 'interrupted' });
  });

  it('renews a running segment’s lease and lets the next sweep pass it by', async () => {
    const h = await createHarness({ model: new ScriptedModel([]), env: { RUN_LEASE_MS: '300' } });
    harnesses.push(h);
    const { id } = await h.assistant.createConversation('seller-1');
    const other = await createHarness({ model: new ScriptedModel([]), dbPath: h.dbPath });
    harnesses.push(other);
    // A segment that outlives several lease lengths: the heartbeat keeps it.
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    h.store.conversations.items = ((items) => async (conversationId: string) => {
      await gate;
      return items(conversationId);
    })(h.store.conversations.items.bind(h.store.conversations));
    const running = h.assistant.sendMessage(id, 'seller-1', { text: 'hi' });
    await new Promise((r) => setTimeout(r, 1000));
    expect((await other.store.runs.latestForConversation(id))?.status).toBe('running');
    expect(await other.assistant.recoverInterruptedRuns()).toBe(0);
    expect((await other.store.runs.latestForConversation(id))?.status).toBe('running');
    release();
    expect((await running).status).not.toBe('running');
  });

  it('ends the run’s and the conversation’s leases in the segment’s own commit, and waits for a held conversation', async () => {
    const model = new ScriptedModel([callTool('createListing', bikeDraft, 'c1', 'Draft ready.'), say('Posted!')]);
    let counts: ReturnType<typeof observe> | undefined;
    const h = await createHarness({
      model,
      env: { CONVERSATION_WAIT_MS: '300' },
      instrument: (db) => (counts = observe(db)),
    });
    harnesses.push(h);
    const leaseKeys = () => withRawDb(h.dbPath, (db) => db.prepare('SELECT key FROM leases').pluck().all());
    const { id } = await h.assistant.createConversation('seller-1');
    counts!.reset();
    const paused = await h.assistant.sendMessage(id, 'seller-1', { text: 'sell my bike' });
    expect(paused.status).toBe('awaiting_approval');
    // The run's creation (with both leases taken) and the pause (with both released): two commits,
    // and one lease statement in each.
    expect(counts!.read().commits).toBe(2);
    expect(counts!.breakdown().statementsByTable.leases).toBe(2);
    // The pause committed the leases' release: nothing is left for another instance to wait out.
    expect(leaseKeys()).toEqual([]);
    // Shown again while it waits within its expiry, the paused run is only read: no write, no commit.
    counts!.reset();
    const seller = { userId: 'seller-1', role: 'seller' as const };
    expect(await h.assistant.getRun(paused.runId, seller)).toMatchObject({ status: 'awaiting_approval' });
    expect((await h.assistant.getConversation(id, seller)).latestRun).toMatchObject({ status: 'awaiting_approval' });
    expect(counts!.read()).toMatchObject({ commits: 0, writeStatements: 0 });

    // Another instance holds the conversation: the decision's first transaction rolls back and waits,
    // then answers busy with nothing decided.
    const now = h.store.now();
    await h.store.leases.acquire(`conversation:${id}`, REMOTE, new Date(now.getTime() + 60_000), now);
    const decide = () =>
      h.assistant.decide(paused.runId, 'seller-1', {
        approvalId: paused.pendingApprovals[0].approvalId,
        decision: 'approve',
      });
    await expect(decide()).rejects.toBeInstanceOf(ConversationBusyError);
    expect((await h.store.approvals.forRun(paused.runId))[0].status).toBe('pending');

    await h.store.leases.release(`conversation:${id}`, REMOTE);
    counts!.reset();
    expect((await decide()).status).toBe('completed');
    // The decision, the write with its ledger row, and the run's end: one commit each, leases included.
    expect(counts!.read().commits).toBe(3);
    expect(counts!.breakdown().statementsByTable.leases).toBe(2);
    expect(leaseKeys()).toEqual([]);
  });

  it('keeps no lease of a first transaction that rolled back: the conversation is taken again, not assumed', async () => {
    const model = new ScriptedModel([callTool('createListing', bikeDraft, 'c1', 'Draft ready.'), say('Posted!')]);
    const h = await createHarness({ model, env: { CONVERSATION_WAIT_MS: '300' } });
    harnesses.push(h);
    const { id } = await h.assistant.createConversation('seller-1');
    const paused = await h.assistant.sendMessage(id, 'seller-1', { text: 'sell my bike' });
    const choice = { approvalId: paused.pendingApprovals[0].approvalId, decision: 'reject' as const };
    expect((await h.assistant.decide(paused.runId, 'seller-1', choice)).status).toBe('completed');
    // Decided already: the decision's transaction took both leases, then rolled back.
    await expect(h.assistant.decide(paused.runId, 'seller-1', choice)).rejects.toBeInstanceOf(ApprovalNotPendingError);
    expect(await h.store.leases.get(`conversation:${id}`)).toBeUndefined();

    // Another instance takes the conversation. A message with a photo takes the lease up front: it must
    // ask the store, and wait, instead of trusting a lease it never got.
    const now = h.store.now();
    await h.store.leases.acquire(`conversation:${id}`, REMOTE, new Date(now.getTime() + 60_000), now);
    const photo = { text: 'and this one', images: [dataUrl(pngPhoto(2000))] };
    await expect(h.assistant.sendMessage(id, 'seller-1', photo)).rejects.toBeInstanceOf(ConversationBusyError);
    expect((await h.store.images.usage('seller-1', id)).sellerBytes).toBe(0); // nothing stored while busy
    expect((await h.store.leases.get(`conversation:${id}`))?.owner).toBe(REMOTE);
  });
});
