import { afterEach, describe, expect, it } from 'vitest';
import pg from 'pg';
import { openStore, type Store } from '../src/store/index.js';
import { MIGRATIONS } from '../src/store/postgres/migrations.js';
import { DEMO_SEED, seedIfEmpty } from '../src/store/seed/seedDatabase.js';
import { createRun } from './support/tempStore.js';
import { freshDatabase } from './support/postgres.js';
import { ENGINES, engineStore, type Engine, type EngineStore } from './support/engines.js';

// The repository contract, method by method, on every engine: what the service relies on,
// whichever database is behind the store.
const opened: EngineStore[] = [];
afterEach(async () => {
  await Promise.all(opened.splice(0).map((s) => s.dispose()));
});

let now: Date;
async function fresh(engine: Engine): Promise<EngineStore> {
  now = new Date('2026-01-01T00:00:00.000Z');
  const e = await engineStore(engine, () => now);
  opened.push(e);
  return e;
}
const at = (iso: string) => (now = new Date(iso));

const item = {
  sellerId: 'seller-1',
  description: 'A fine item.',
  category: 'Other' as const,
  condition: 'good' as const,
  price: 10,
};

const span = (spanId: string, traceId: string, extra: Record<string, unknown> = {}) => ({
  spanId,
  traceId,
  parentId: null,
  kind: 'generation',
  name: null,
  startedAt: '2026-01-01T00:00:00.000Z',
  endedAt: null,
  data: { usage: { input_tokens: 3, output_tokens: 4 } },
  error: null,
  ...extra,
});

describe.each(ENGINES)('store contract on %s', (engine) => {
  it('listings: insert, get, replace, updatePrice, count and browse newest first', async () => {
    const { store } = await fresh(engine);
    const a = await store.listings.insert({ ...item, title: 'Oak table', price: 120.5 });
    expect(a).toMatchObject({ status: 'active', price: 120.5, createdAt: '2026-01-01T00:00:00.000Z' });
    expect(a.updatedAt).toBe(a.createdAt);
    expect(await store.listings.get(a.id)).toEqual(a);
    expect(await store.listings.get('lst_missing')).toBeUndefined();
    at('2026-01-01T00:01:00.000Z');
    const b = await store.listings.insert({ ...item, id: 'lst_0000001', title: 'Pine chair', sellerId: 'seller-2' });
    await store.listings.insert({ ...item, title: 'Old lamp', createdAt: '2025-06-01T00:00:00.000Z', status: 'sold' });
    expect(await store.listings.count()).toBe(3);
    expect(await store.listings.countGenerated()).toBe(1);
    expect((await store.listings.list({})).map((l) => l.title)).toEqual(['Pine chair', 'Oak table', 'Old lamp']);
    expect((await store.listings.list({ limit: 1, offset: 1 })).map((l) => l.title)).toEqual(['Oak table']);
    expect((await store.listings.list({ sellerId: 'seller-2' })).map((l) => l.id)).toEqual([b.id]);
    expect(await store.listings.list({ category: 'Furniture' })).toEqual([]);
    expect((await store.listings.list({ q: 'lamps' })).map((l) => l.title)).toEqual(['Old lamp']);
    expect(await store.listings.list({ q: 'the' })).toEqual([]);

    at('2026-01-01T00:02:00.000Z');
    const repriced = await store.listings.updatePrice(a.id, 99.99);
    expect(repriced).toMatchObject({ price: 99.99, updatedAt: '2026-01-01T00:02:00.000Z', createdAt: a.createdAt });
    at('2026-01-01T00:03:00.000Z');
    const restored = await store.listings.replace({ ...item, id: b.id, title: 'Pine chair', price: 5, status: 'sold' });
    expect(restored).toMatchObject({ id: b.id, price: 5, status: 'sold', createdAt: b.createdAt });
    expect(restored.updatedAt).toBe('2026-01-01T00:03:00.000Z');
    const created = await store.listings.replace({ ...item, id: 'lst_new', title: 'New' });
    expect(created).toMatchObject({ id: 'lst_new', createdAt: '2026-01-01T00:03:00.000Z' });
  });

  it('listings: insertMany in batches, searchable at once', async () => {
    const { store } = await fresh(engine);
    const many = Array.from({ length: 25 }, (_, i) => ({
      ...item,
      sellerId: `seller-${i}`,
      title: `Bike number ${i}`,
      price: i + 1,
    }));
    expect(await store.listings.insertMany(many, 10)).toBe(25);
    expect(await store.listings.count()).toBe(25);
    const { matches, stats } = await store.listings.searchSimilar('bike number', { limit: 3 });
    expect(matches).toHaveLength(3);
    // 25 sellers, one price each: the lowest and highest tenth (2 each) are trimmed.
    expect(stats).toMatchObject({ count: 21, min: 3, max: 23, median: 13 });
  });

  it('conversations: create, get, items in order with a limit, pop, clear', async () => {
    const { store } = await fresh(engine);
    const c = await store.conversations.create('seller-1');
    expect(await store.conversations.get(c.id)).toEqual(c);
    expect(await store.conversations.get('conv_missing')).toBeUndefined();
    expect(await store.conversations.popItem(c.id)).toBeUndefined();
    const items = [{ role: 'user', content: 'hi "there" \\ ü' }, { b: 1, a: [1, 2, null] }, 'text', 42];
    at('2026-01-01T00:05:00.000Z');
    await store.conversations.addItems(c.id, items);
    await store.conversations.addItems(c.id, []);
    expect(await store.conversations.items(c.id)).toEqual(items);
    expect(JSON.stringify((await store.conversations.items(c.id))[1])).toBe('{"b":1,"a":[1,2,null]}');
    expect(await store.conversations.items(c.id, 2)).toEqual(['text', 42]);
    expect((await store.conversations.get(c.id))!.updatedAt).toBe('2026-01-01T00:05:00.000Z');
    expect(await store.conversations.popItem(c.id)).toBe(42);
    await store.conversations.clearItems(c.id);
    expect(await store.conversations.items(c.id)).toEqual([]);
  });

  it('runs: create, update, find by conversation, trace and interruption', async () => {
    const { store } = await fresh(engine);
    const c = await store.conversations.create('seller-1');
    const run = (id: string, tags?: string[]) =>
      store.runs.create({
        id,
        conversationId: c.id,
        sellerId: 'seller-1',
        traceId: `trace_${id}`,
        input: { text: 'hi', n: [1] },
        appVersion: '1',
        promptVersion: 'v1',
        model: 'm',
        tags,
      });
    const a = await run('run_a');
    expect(a).toMatchObject({ status: 'running', steps: 0, tags: [], stopReason: null, reply: null, state: null });
    expect(a.input).toEqual({ text: 'hi', n: [1] });
    at('2026-01-01T00:01:00.000Z');
    await run('run_b', ['eval:x']);
    await store.runs.update('run_a', { status: 'completed', reply: 'done', steps: 3 });
    await store.runs.update('run_b', { status: 'awaiting_approval', state: 'S' });
    expect(await store.runs.get('run_a')).toMatchObject({
      status: 'completed',
      reply: 'done',
      steps: 3,
      updatedAt: '2026-01-01T00:01:00.000Z',
    });
    await store.runs.update('run_b', { state: null });
    expect((await store.runs.get('run_b'))!.state).toBeNull();
    at('2026-01-01T00:02:00.000Z');
    const updated = await store.runs.updateReturning('run_b', { status: 'running', steps: 2 });
    expect(updated).toEqual(await store.runs.get('run_b'));
    expect(updated).toMatchObject({
      status: 'running',
      steps: 2,
      tags: ['eval:x'],
      updatedAt: '2026-01-01T00:02:00.000Z',
    });
    expect(await store.runs.updateReturning('run_missing', { status: 'running' })).toBeUndefined();
    await store.runs.update('run_b', { status: 'awaiting_approval' });
    expect((await store.runs.latestForConversation(c.id))!.id).toBe('run_b');
    expect((await store.runs.forConversation(c.id)).map((r) => r.id)).toEqual(['run_a', 'run_b']);
    expect((await store.runs.all()).map((r) => r.id)).toEqual(['run_a', 'run_b']);
    expect((await store.runs.byTraceId('trace_run_b'))!.tags).toEqual(['eval:x']);
    expect(await store.runs.byTraceId('nope')).toBeUndefined();
    expect((await store.runs.listInterrupted('run:')).map((r) => r.run.id)).toEqual(['run_b']);
  });

  it('runs: createNext creates the run and answers the latest before it', async () => {
    const { store } = await fresh(engine);
    const c = await store.conversations.create('seller-1');
    const other = await store.conversations.create('seller-1');
    const next = (id: string, conversationId = c.id) =>
      store.runs.createNext({
        id,
        conversationId,
        sellerId: 'seller-1',
        traceId: `trace_${id}`,
        input: { text: `hi ${id}` },
        appVersion: '1',
        promptVersion: 'v1',
        model: 'm',
      });
    const first = await next('run_a');
    expect(first.previous).toBeUndefined();
    expect(first.run).toEqual(await store.runs.get('run_a'));
    await store.runs.update('run_a', { status: 'awaiting_approval', reply: 'confirm?', steps: 1, state: 'S' });
    // The same instant: the later-created run is the latest.
    const second = await next('run_b');
    expect(second.previous).toEqual(await store.runs.get('run_a'));
    expect(second.previous).toMatchObject({ status: 'awaiting_approval', state: 'S', input: { text: 'hi run_a' } });
    expect(second.run).toEqual(await store.runs.get('run_b'));
    expect(second.run).toMatchObject({ status: 'running', steps: 0, tags: [], input: { text: 'hi run_b' } });
    at('2026-01-01T00:03:00.000Z');
    expect((await next('run_c')).previous!.id).toBe('run_b');
    expect((await next('run_d', other.id)).previous).toBeUndefined();
    expect((await store.runs.latestForConversation(c.id))!.id).toBe('run_c');
    // Inside a transaction that rolls back, nothing was created.
    await expect(
      store.transaction(async (tx) => {
        await tx.runs.createNext({ ...second.run, id: 'run_e' });
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    expect(await store.runs.get('run_e')).toBeUndefined();
  });

  it('runs: listInterrupted answers each run with its lease, a paused one once nothing is pending', async () => {
    const { store } = await fresh(engine);
    for (const id of ['run_live', 'run_orphan', 'run_waiting', 'run_decided', 'run_done']) await createRun(store, id);
    const until = new Date('2026-01-01T00:10:00.000Z');
    const now = new Date('2026-01-01T00:00:00.000Z');
    expect(await store.leases.acquire('run:run_live', 'inst-a', until, now, undefined, 't1')).toBe(true);
    // Another kind of key with the same run id is not the run's lease.
    expect(await store.leases.acquire('conversation:run_orphan', 'inst-a', until, now, undefined, 't2')).toBe(true);
    const approval = (id: string, runId: string) =>
      store.approvals.request({
        id,
        runId,
        callId: `call_${id}`,
        sellerId: 'seller-1',
        tool: 'createListing',
        arguments: { title: 'Bike' },
        summary: 'post',
        expiresAt: '2026-01-02T00:00:00.000Z',
      });
    await approval('apr_w', 'run_waiting');
    await approval('apr_d', 'run_decided');
    await store.approvals.decide('apr_d', 'approved', 'seller-1', null);
    for (const id of ['run_waiting', 'run_decided']) await store.runs.update(id, { status: 'awaiting_approval' });
    await store.runs.update('run_done', { status: 'completed' });
    const listed = await store.runs.listInterrupted('run:');
    expect(listed.map((r) => [r.run.id, r.lease?.owner ?? null])).toEqual([
      ['run_live', 'inst-a'],
      ['run_orphan', null],
      ['run_decided', null],
    ]);
    expect(listed[0].lease).toEqual({ key: 'run:run_live', owner: 'inst-a', expiresAt: until });
    expect(listed[0].run).toEqual(await store.runs.get('run_live'));
  });

  it('runs: withApprovals answers the run, its approvals and decisions as get and forRun do', async () => {
    const { store } = await fresh(engine);
    await createRun(store, 'run_a');
    await createRun(store, 'run_b');
    expect(await store.runs.withApprovals('run_a')).toEqual({
      run: await store.runs.get('run_a'),
      approvals: [],
      decisions: [],
    });
    expect(await store.runs.withApprovals('run_missing')).toBeUndefined();
    const request = (id: string, runId: string, callId: string) =>
      store.approvals.request({
        id,
        runId,
        callId,
        sellerId: 'seller-1',
        tool: 'createListing',
        arguments: { title: `Bike ${callId}`, price: 120.5, tags: ['a', 'é'] },
        summary: `post ${callId}`,
        expiresAt: '2026-01-02T00:00:00.000Z',
      });
    await request('apr_1', 'run_a', 'c1');
    at('2026-01-01T00:00:01.234Z');
    await request('apr_2', 'run_a', 'c2');
    await request('apr_3', 'run_b', 'c3');
    at('2026-01-01T00:00:02.500Z');
    await store.approvals.decide('apr_2', 'approved', 'seller-1', 'ok', {
      arguments: { title: 'Edited', price: 99 },
      summary: 'post edited',
    });
    const decision = (runId: string, callId: string, phase: 'proposal' | 'execution') =>
      store.decisions.record({
        runId,
        callId,
        tool: 'createListing',
        phase,
        decision: phase === 'proposal' ? 'needs_confirmation' : 'deny',
        rule: `rule-${callId}`,
        reason: 'because',
        arguments: phase === 'proposal' ? { title: 'Bike', price: 120.5 } : null,
      });
    await decision('run_a', 'c2', 'execution');
    at('2026-01-01T00:00:03.001Z');
    await decision('run_a', 'c1', 'proposal');
    await decision('run_b', 'c3', 'proposal');
    const ended = await store.runs.updateSettled('run_a', { status: 'completed', reply: 'done', steps: 2 });
    const read = (await store.runs.withApprovals('run_a'))!;
    expect(ended).toEqual(read);
    expect(read.run).toMatchObject({ status: 'completed', reply: 'done', steps: 2 });
    expect(await store.runs.updateSettled('run_missing', { steps: 1 })).toBeUndefined();
    expect(read).toEqual({
      run: await store.runs.get('run_a'),
      approvals: await store.approvals.forRun('run_a'),
      decisions: await store.decisions.forRun('run_a'),
    });
    expect(read.decisions.map((d) => [d.callId, d.phase, d.createdAt, d.arguments])).toEqual([
      ['c2', 'execution', '2026-01-01T00:00:02.500Z', null],
      ['c1', 'proposal', '2026-01-01T00:00:03.001Z', { title: 'Bike', price: 120.5 }],
    ]);
    // Inside a transaction, the answer includes what the transaction wrote before it.
    const settled = await store.transaction(async (tx) => {
      await tx.decisions.record({ ...read.decisions[1], runId: 'run_b', callId: 'c9', rule: 'late' });
      return tx.runs.updateSettled('run_b', { status: 'stopped', stopReason: 'cancelled', state: null });
    });
    expect(settled).toEqual(await store.runs.withApprovals('run_b'));
    expect(settled!.run).toMatchObject({ id: 'run_b', status: 'stopped', stopReason: 'cancelled' });
    expect(settled!.approvals.map((a) => a.id)).toEqual(['apr_3']);
    expect(settled!.decisions.map((d) => [d.runId, d.callId])).toEqual([
      ['run_b', 'c3'],
      ['run_b', 'c9'],
    ]);
    expect(read.approvals.map((a) => [a.id, a.status, a.decidedAt, a.proposedArguments])).toEqual([
      ['apr_1', 'pending', null, null],
      ['apr_2', 'approved', '2026-01-01T00:00:02.500Z', { title: 'Bike c2', price: 120.5, tags: ['a', 'é'] }],
    ]);
  });

  it('refusals, policy decisions and feedback: once per call, replaced per phase, in order', async () => {
    const { store } = await fresh(engine);
    const conversationId = await createRun(store, 'run_a');
    const refusal = { runId: 'run_a', callId: 'c1', tool: 't', arguments: 'raw {', rule: 'r', reason: 'no' };
    expect(await store.refusals.record(refusal)).toMatchObject({ ...refusal, createdAt: now.toISOString() });
    const first = await store.refusals.forCall('run_a', 'c1');
    expect(await store.refusals.record({ ...refusal, reason: 'again' })).toEqual(first);
    expect((await store.refusals.forCall('run_a', 'c1'))!.reason).toBe('no');
    expect(await store.refusals.forRun('run_a')).toHaveLength(1);
    expect([...(await store.refusals.forConversation(conversationId)).keys()]).toEqual(['c1']);

    const d = { runId: 'run_a', callId: 'c1', tool: 't', phase: 'proposal' as const, rule: 'r', reason: 'x' };
    await store.decisions.record({ ...d, decision: 'needs_confirmation', arguments: { a: 1 } });
    await store.decisions.record({ ...d, phase: 'execution', decision: 'allow', arguments: undefined });
    await store.decisions.record({ ...d, decision: 'deny', arguments: { a: 2 } });
    expect((await store.decisions.forRun('run_a')).map((r) => [r.phase, r.decision, r.arguments])).toEqual([
      ['proposal', 'deny', { a: 2 }],
      ['execution', 'allow', null],
    ]);

    await store.feedback.add({ runId: 'run_a', sellerId: 'seller-1', value: 1, comment: null });
    await store.feedback.add({ runId: 'run_a', sellerId: 'seller-1', value: -1, comment: 'meh' });
    expect(await store.feedback.forRun('run_a')).toEqual([
      { runId: 'run_a', sellerId: 'seller-1', value: 1, comment: null, createdAt: now.toISOString() },
      { runId: 'run_a', sellerId: 'seller-1', value: -1, comment: 'meh', createdAt: now.toISOString() },
    ]);
  });

  it('executions: the ledger by run, in order, price changes and a seller’s writes in a window', async () => {
    const { store } = await fresh(engine);
    const key = (callId: string, tool: string, args: unknown) => ({
      runId: 'run_a',
      callId,
      sellerId: 'seller-1',
      tool,
      arguments: args,
      approvalId: callId === 'c1' ? 'apr_1' : null,
    });
    await store.executions.once(key('c1', 'createListing', { title: 'x' }), async () => ({ id: 'lst_1' }));
    at('2026-01-01T00:10:00.000Z');
    await store.executions.once(key('c2', 'updatePrice', { listingId: 'lst_1', price: 5 }), async () => ({
      before: 10,
    }));
    at('2026-01-01T00:20:00.000Z');
    await store.executions.once(key('c3', 'updatePrice', { listingId: 'lst_1', price: 4 }), async () => null);
    expect((await store.executions.get('run_a', 'c1'))!).toMatchObject({
      approvalId: 'apr_1',
      result: { id: 'lst_1' },
      executedAt: '2026-01-01T00:00:00.000Z',
    });
    expect((await store.executions.forRun('run_a')).map((e) => e.callId)).toEqual(['c1', 'c2', 'c3']);
    expect((await store.executions.all()).map((e) => e.callId)).toEqual(['c1', 'c2', 'c3']);
    expect((await store.executions.get('run_a', 'c3'))!.result).toBeNull();
    expect((await store.executions.firstPriceChangeSince('lst_1', '2026-01-01T00:05:00.000Z'))!.callId).toBe('c2');
    expect((await store.executions.firstPriceChangeSince('lst_1', '2026-01-01T00:10:00.001Z'))!.callId).toBe('c3');
    expect(await store.executions.firstPriceChangeSince('lst_2', '2026-01-01T00:00:00.000Z')).toBeUndefined();
    const writes = await store.executions.writesBetween(
      'seller-1',
      ['createListing', 'updatePrice'],
      new Date('2026-01-01T00:00:00.000Z'),
      new Date('2026-01-01T00:20:00.000Z'),
    );
    expect(writes.map((e) => e.callId)).toEqual(['c1', 'c2']);
    expect(await store.executions.countSince('seller-1', ['updatePrice'], new Date('2026-01-01T00:00:00.000Z'))).toBe(
      2,
    );
    expect(await store.executions.countSince('seller-2', ['updatePrice'], new Date(0))).toBe(0);
  });

  it('traces: upserts by span id, spans in order, support search with every filter', async () => {
    const { store } = await fresh(engine);
    const c = await store.conversations.create('seller-1');
    const run = (id: string, tags: string[]) =>
      store.runs.create({
        id,
        conversationId: c.id,
        sellerId: 'seller-1',
        traceId: `trace_${id}`,
        input: {},
        appVersion: '1',
        promptVersion: 'v1',
        model: 'm',
        tags,
      });
    await run('run_a', ['eval:a']);
    at('2026-01-01T01:00:00.000Z');
    await run('run_b', []);
    await store.traces.upsertSpans([
      span('s2', 'trace_run_a', { startedAt: '2026-01-01T00:00:01.000Z' }),
      span('s1', 'trace_run_a', { startedAt: null, kind: 'agent' }),
    ]);
    await store.traces.upsertSpan(
      span('s2', 'trace_run_a', {
        startedAt: '2026-01-01T00:00:01.000Z',
        endedAt: '2026-01-01T00:00:02.500Z',
        error: { message: 'boom' },
      }),
    );
    const spans = await store.traces.spans('trace_run_a');
    expect(spans.map((s) => s.spanId)).toEqual(['s1', 's2']);
    expect(spans[1]).toMatchObject({ endedAt: '2026-01-01T00:00:02.500Z', error: { message: 'boom' } });
    const decide = (runId: string, callId: string, tool: string, decision: 'allow' | 'deny', rule = 'r') =>
      store.decisions.record({ runId, callId, tool, phase: 'proposal', decision, rule, reason: '', arguments: {} });
    await decide('run_a', 'c1', 'updatePrice', 'allow');
    await decide('run_a', 'c2', 'createListing', 'deny', 'max-price');
    await decide('run_a', 'c3', 'updatePrice', 'deny');
    const search = (f: object) => store.traces.search({ limit: 10, offset: 0, ...f });
    const all = await search({});
    expect(all.total).toBe(2);
    expect(all.traces.map((t) => t.runId)).toEqual(['run_b', 'run_a']);
    expect(all.traces[1]).toMatchObject({ tools: ['updatePrice', 'createListing'], denials: 2, tags: ['eval:a'] });
    expect((await search({ tag: 'eval:a' })).traces.map((t) => t.runId)).toEqual(['run_a']);
    expect((await search({ tool: 'createListing' })).total).toBe(1);
    expect((await search({ denied: true })).total).toBe(1);
    expect((await search({ deniedRule: 'max-price' })).total).toBe(1);
    expect((await search({ deniedRule: 'other' })).total).toBe(0);
    expect((await search({ from: '2026-01-01T00:30:00.000Z' })).traces.map((t) => t.runId)).toEqual(['run_b']);
    expect((await search({ to: '2026-01-01T00:30:00.000Z', status: 'running' })).total).toBe(1);
    expect((await search({ limit: 1, offset: 1 })).traces.map((t) => t.runId)).toEqual(['run_a']);
    const [figures] = await store.runFigures.between('2026-01-01T00:00:00.000Z', '2026-01-01T00:30:00.000Z');
    expect(figures).toMatchObject({ inputTokens: 3, outputTokens: 4, modelErrors: 1, policyDenials: 2 });
  });

  it('meta: JSON values by key, replaced on set', async () => {
    const { store } = await fresh(engine);
    expect(await store.meta.get('catalogue')).toBeUndefined();
    await store.meta.set('catalogue', { seed: 1, count: 400 });
    await store.meta.set('catalogue', { seed: 2, count: 400 });
    await store.meta.set('flag', false);
    expect(await store.meta.get('catalogue')).toEqual({ seed: 2, count: 400 });
    expect(await store.meta.get('flag')).toBe(false);
  });

  it("approvals: the conversation's previous run's, in order, whatever the clock says", async () => {
    const { store } = await fresh(engine);
    await createRun(store, 'run_other');
    const conversation = await store.conversations.create('seller-1');
    const run = (id: string, conversationId = conversation.id) =>
      store.runs.create({ id, conversationId, sellerId: 'seller-1', traceId: `t_${id}`, input: {}, ...version });
    const version = { appVersion: '1', promptVersion: 'v1', model: 'm' };
    // Same timestamp for all three: the insertion order decides which run comes before which.
    for (const id of ['run_1', 'run_2', 'run_3']) await run(id);
    const request = (id: string, runId: string) =>
      store.approvals.request({
        id,
        runId,
        callId: id,
        sellerId: 'seller-1',
        tool: 'updatePrice',
        arguments: { id },
        summary: 's',
        expiresAt: '2026-01-02T00:00:00.000Z',
      });
    for (const [id, runId] of [
      ['apr_o', 'run_other'],
      ['apr_1a', 'run_1'],
      ['apr_1b', 'run_1'],
      ['apr_2', 'run_2'],
    ])
      expect(await request(id, runId)).toEqual(await store.approvals.forCall(runId, id));
    // Asked again for the same call: the approval as first recorded, as `forCall` reads it.
    const again = await store.approvals.request({
      ...(await store.approvals.get('apr_2'))!,
      id: 'apr_9',
      summary: 'x',
    });
    expect(again).toEqual(await store.approvals.forCall('run_2', 'apr_2'));
    expect(again).toMatchObject({ id: 'apr_2', summary: 's' });
    expect(await store.approvals.forPreviousRun('run_1')).toEqual([]);
    expect((await store.approvals.forPreviousRun('run_2')).map((a) => a.id)).toEqual(['apr_1a', 'apr_1b']);
    expect(await store.approvals.forPreviousRun('run_2')).toEqual(await store.approvals.forRun('run_1'));
    expect((await store.approvals.forPreviousRun('run_3')).map((a) => a.id)).toEqual(['apr_2']);
    at('2026-01-01T01:00:00.000Z');
    await run('run_4');
    expect(await store.approvals.forPreviousRun('run_4')).toEqual([]); // run_3 proposed nothing
    expect(await store.approvals.forPreviousRun('run_missing')).toEqual([]);
  });

  it('corrections: recorded once, revised once, found by run, revising run and conversation', async () => {
    const { store } = await fresh(engine);
    const conversationId = await createRun(store, 'run_a');
    await createRun(store, 'run_b');
    const approval = (id: string, callId: string) =>
      store.approvals.request({
        id,
        runId: 'run_a',
        callId,
        sellerId: 'seller-1',
        tool: 'updatePrice',
        arguments: {},
        summary: 's',
        expiresAt: '2026-01-02T00:00:00.000Z',
      });
    await approval('apr_1', 'c1');
    const correction = {
      id: 'cor_1',
      runId: 'run_a',
      traceId: 'trace_run_a',
      conversationId,
      sellerId: 'seller-1',
      approvalId: 'apr_1',
      via: 'rejection' as const,
      tool: 'updatePrice',
      before: { price: 5 },
      message: 'too low',
      createdAt: '2026-01-01T00:00:01.000Z',
    };
    expect(await store.corrections.record(correction)).toBe(true);
    expect(await store.corrections.record({ ...correction, id: 'cor_2' })).toBe(false);
    expect((await store.corrections.open('updatePrice', ['run_a', 'run_x'], '2026-01-01T00:00:00.000Z')).length).toBe(
      1,
    );
    expect(await store.corrections.open('updatePrice', [], '2026-01-01T00:00:00.000Z')).toEqual([]);
    expect(await store.corrections.open('createListing', ['run_a'], '2026-01-01T00:00:00.000Z')).toEqual([]);
    const revision = {
      after: { price: 7 },
      changedFields: ['price'],
      approvalId: 'apr_9',
      runId: 'run_b',
      at: '2026-01-01T00:05:00.000Z',
    };
    expect(await store.corrections.revise('cor_1', revision)).toBe(true);
    expect(await store.corrections.revise('cor_1', { ...revision, after: { price: 8 } })).toBe(false);
    expect(await store.corrections.get('cor_1')).toMatchObject({
      kind: 'edited',
      before: { price: 5 },
      after: { price: 7 },
      changedFields: ['price'],
      revisedInRunId: 'run_b',
      revisedAt: '2026-01-01T00:05:00.000Z',
    });
    expect((await store.corrections.forRun('run_b')).map((c) => c.id)).toEqual(['cor_1']);
    expect((await store.corrections.forConversation(conversationId)).map((c) => c.id)).toEqual(['cor_1']);
    expect(await store.corrections.open('updatePrice', ['run_a'], '2026-01-01T00:00:00.000Z')).toEqual([]);
  });

  it('reviews: one item per run gaining reasons, filtered list, label, and promotion compare-and-set', async () => {
    const { store } = await fresh(engine);
    await createRun(store, 'run_a');
    at('2026-01-01T00:01:00.000Z');
    await createRun(store, 'run_b');
    const a = await store.reviews.enqueue({ runId: 'run_a', traceId: 'trace_run_a', reason: 'sampled' });
    at('2026-01-01T00:02:00.000Z');
    await store.reviews.enqueue({ runId: 'run_b', traceId: 'trace_run_b', reason: 'thumbs_down' });
    const again = await store.reviews.enqueue({ runId: 'run_a', traceId: 'trace_run_a', reason: 'correction' });
    await store.reviews.enqueue({ runId: 'run_a', traceId: 'trace_run_a', reason: 'sampled' });
    expect(again).toMatchObject({ id: a.id, reason: 'sampled', reasons: ['sampled', 'correction'], status: 'open' });
    expect((await store.reviews.forRun('run_a'))!.reasons).toEqual(['sampled', 'correction']);
    const list = (f: object) => store.reviews.list({ limit: 10, offset: 0, ...f });
    expect((await list({})).items.map((i) => i.runId)).toEqual(['run_b', 'run_a']);
    expect((await list({ reason: 'correction' })).items.map((i) => i.runId)).toEqual(['run_a']);
    expect(await store.reviews.label(a.id, { label: 'bad', note: 'n', reviewer: 'r' })).toBe(true);
    expect((await list({ status: 'labelled', label: 'bad' })).total).toBe(1);
    expect(await store.reviews.markPromoted(a.id, 'evals/x.json')).toBe(true);
    expect(await store.reviews.markPromoted(a.id, 'evals/y.json')).toBe(false);
    expect(await store.reviews.label(a.id, { label: 'good', note: null, reviewer: 'r' })).toBe(false);
    expect(await store.reviews.get(a.id)).toMatchObject({
      promotedScenario: 'evals/x.json',
      label: 'bad',
      promotedAt: '2026-01-01T00:02:00.000Z',
    });
    expect(await store.reviews.get('rev_missing')).toBeUndefined();
  });

  it('withClock: the same database seen through another clock', async () => {
    const { store } = await fresh(engine);
    const past = store.withClock(() => new Date('2020-01-01T00:00:00.000Z'));
    const c = await past.conversations.create('seller-1');
    expect(c.createdAt).toBe('2020-01-01T00:00:00.000Z');
    expect(await store.conversations.get(c.id)).toEqual(c);
  });
});

// Several instances of the service on one database: PostgreSQL's case. (Two SQLite connections in one
// process cannot both hold a transaction across an await: the second one's BEGIN IMMEDIATE blocks the
// thread the first needs to finish; SQLite's instances are processes, see test/approvalRace.test.ts.)
describe('PostgreSQL instances sharing one database', () => {
  it('two instances: one write for the same call sent to both at once', async () => {
    const e = await fresh('postgres');
    const other = await e.open(() => now);
    await createRun(e.store, 'run_a');
    let writes = 0;
    const key = {
      runId: 'run_a',
      callId: 'c1',
      sellerId: 'seller-1',
      tool: 'createListing',
      arguments: {},
      approvalId: null,
    };
    const write = (store: Store) => async () => {
      writes++;
      const l = await store.listings.insert({ ...item, title: 'Only once' });
      await new Promise((r) => setTimeout(r, 20));
      return l.id;
    };
    const results = await Promise.all([
      e.store.executions.once(key, write(e.store)),
      other.executions.once(key, write(other)),
      e.store.executions.once(key, write(e.store)),
    ]);
    expect(writes).toBe(1);
    expect(results.filter((r) => !r.replayed)).toHaveLength(1);
    expect(new Set(results.map((r) => r.result)).size).toBe(1);
    expect(await e.store.listings.count()).toBe(1);
  });

  it('two instances: of two decisions sent at once on one approval, exactly one wins', async () => {
    const e = await fresh('postgres');
    const other = await e.open(() => now);
    await createRun(e.store, 'run_a');
    await e.store.approvals.request({
      id: 'apr_1',
      runId: 'run_a',
      callId: 'c1',
      sellerId: 'seller-1',
      tool: 't',
      arguments: {},
      summary: 's',
      expiresAt: '2026-01-01T01:00:00.000Z',
    });
    const outcomes = await Promise.all([
      e.store.transaction((tx) => tx.approvals.decide('apr_1', 'approved', 'seller-1', null)),
      other.transaction((tx) => tx.approvals.decide('apr_1', 'rejected', 'seller-1', null)),
      other.approvals.decide('apr_1', 'rejected', 'seller-1', null),
    ]);
    expect(outcomes.filter(Boolean)).toHaveLength(1);
    const decided = (await e.store.approvals.get('apr_1'))!;
    expect(decided.status).toBe(outcomes[0] ? 'approved' : 'rejected');
  });

  it('seed an empty database once when two instances start on it together', async () => {
    const e = await fresh('postgres');
    const other = await e.open();
    const added = await Promise.all([seedIfEmpty(e.store, 300), seedIfEmpty(other, 300)]);
    expect(added.sort()).toEqual([0, 300]);
    expect(await other.listings.count()).toBe(300);
    expect(await e.store.meta.get('catalogue')).toEqual({ seed: DEMO_SEED, count: 300 });
  });

  it('apply the migrations exactly once when several start at the same moment', async () => {
    const url = await freshDatabase();
    const stores = await Promise.all(
      Array.from({ length: 4 }, () => openStore({ DATABASE_URL: url, DATABASE_PATH: '' })),
    );
    try {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        const { rows } = await client.query<{ version: number }>(
          'SELECT version FROM schema_migrations ORDER BY version',
        );
        expect(rows.map((r) => r.version)).toEqual(MIGRATIONS.map((_, i) => i + 1));
      } finally {
        await client.end();
      }
      await stores[0].listings.insert({ ...item, title: 'Visible to all' });
      for (const store of stores) expect(await store.listings.count()).toBe(1);
    } finally {
      await Promise.all(stores.map((s) => s.close()));
    }
  });

  it('fail to open with a clear message when the server is not there', async () => {
    await expect(
      openStore({ DATABASE_URL: 'postgres://someone:secret@127.0.0.1:1/nothing', DATABASE_PATH: '' }),
    ).rejects.toThrow(/^Cannot open the PostgreSQL database at postgres:\/\/someone:\*\*\*@127\.0\.0\.1:1\/nothing: /);
  });
});
