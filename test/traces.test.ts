import { afterEach, describe, expect, it } from 'vitest';
import { setTimeout as sleep } from 'node:timers/promises';
import { ScriptedModel, modelResponder } from '@openai/agents/testing';
import { createHarness, TOKENS, type Harness } from './support/harness.js';
import { bikeDraft, callTool, say } from './support/scripts.js';
import { captureLogs } from './support/logCapture.js';
import { ENGINES, engineStore, type EngineStore } from './support/engines.js';
import { PREVIEW_CHARS } from '../src/store/traceRepository.js';

let h: Harness;
afterEach(() => h?.close());

async function conversationWithApproval(harness: Harness) {
  const { id } = await harness.assistant.createConversation('seller-1');
  const paused = await harness.assistant.sendMessage(id, 'seller-1', { text: 'I want to sell my Trek Marlin 7' });
  const done = await harness.assistant.decide(paused.runId, 'seller-1', {
    approvalId: paused.pendingApprovals[0].approvalId,
    decision: 'approve',
  });
  return { conversationId: id, paused, done };
}

describe('recorded traces', () => {
  it('records one trace across pause and resume: model calls, tool calls, policy decisions and approvals, in order', async () => {
    const SLOW_MS = 30;
    h = await createHarness({
      model: new ScriptedModel([
        // The first model call takes a known time, so its recorded duration can be checked.
        modelResponder(async () => {
          await sleep(SLOW_MS);
          return callTool('searchSimilar', { query: 'Trek Marlin 7', category: 'Sports', limit: null }, 'c1');
        }),
        callTool('updatePrice', { listingId: 'lst_0000003', price: 10 }, 'c2'),
        callTool('createListing', bikeDraft, 'c3', 'Draft ready.'),
        say('Posted.'),
      ]),
    });
    const wallStart = Date.now();
    const started = performance.now();
    const { conversationId, paused, done } = await conversationWithApproval(h);
    const wallMs = performance.now() - started;
    const wallEnd = Date.now();
    expect(done.traceId).toBe(paused.traceId);

    const res = await h.call('GET', `/api/traces/${paused.traceId}`, { token: TOKENS.support });
    expect(res.status).toBe(200);
    const trace = await res.json();
    expect(trace).toMatchObject({
      runId: paused.runId,
      conversationId,
      sellerId: 'seller-1',
      status: 'completed',
      model: 'scripted',
      promptVersion: 'v1',
      steps: 4,
    });
    const kinds = trace.timeline.map((e: { type: string }) => e.type);
    expect(kinds.filter((k: string) => k === 'agent')).toHaveLength(2); // two segments, one trace
    expect(kinds.filter((k: string) => k === 'model_call')).toHaveLength(4);
    const tools = trace.timeline.filter((e: { type: string }) => e.type === 'tool_call');
    expect(tools.map((t: { tool: string }) => t.tool)).toEqual(['searchSimilar', 'updatePrice', 'createListing']);
    expect(tools[0].result.stats.count).toBeGreaterThan(0);
    // Timings are the recorded span's: the search ran within the wall time measured around the run (ms timestamps: 1
    // ms slack).
    const searchSpan = (await h.store.traces.spans(paused.traceId)).find(
      (s) => s.kind === 'function' && s.data.name === 'searchSimilar',
    )!;
    expect(tools[0]).toMatchObject({ at: searchSpan.startedAt, endedAt: searchSpan.endedAt });
    expect(tools[0].durationMs).toBe(Date.parse(searchSpan.endedAt!) - Date.parse(searchSpan.startedAt!));
    expect(Date.parse(tools[0].at)).toBeGreaterThanOrEqual(wallStart);
    expect(Date.parse(tools[0].endedAt)).toBeLessThanOrEqual(wallEnd);
    expect(tools[0].durationMs).toBeLessThanOrEqual(wallMs + 1);
    const decisions = trace.timeline.filter((e: { type: string }) => e.type === 'policy_decision');
    expect(
      decisions.map((d: { tool: string; decision: string; rule: string }) => `${d.tool}:${d.decision}:${d.rule}`),
    ).toEqual([
      'searchSimilar:allow:read-only',
      'updatePrice:deny:own-listing',
      'createListing:needs_confirmation:writes-need-confirmation',
      'createListing:allow:seller-confirmed',
    ]);
    const approvals = trace.timeline.filter((e: { type: string }) => e.type === 'approval');
    expect(approvals.map((a: { event: string; by?: string }) => [a.event, a.by ?? null])).toEqual([
      ['requested', null],
      ['approved', 'seller-1'],
    ]);
    const modelCall = trace.timeline.find((e: { type: string }) => e.type === 'model_call');
    // The slow first call shows its time (a timer may fire up to 1 ms early, timestamps lose up to 1 ms).
    expect(modelCall.durationMs).toBeGreaterThanOrEqual(SLOW_MS - 2);
    expect(modelCall.durationMs).toBeLessThanOrEqual(wallMs + 1);
    expect(modelCall.input.length).toBeGreaterThan(0);
    expect(modelCall.output[0]).toMatchObject({ type: 'function_call', name: 'searchSimilar' });
    // Events are ordered by time.
    const times = trace.timeline.map((e: { at: string }) => Date.parse(e.at));
    expect([...times].sort((a, b) => a - b)).toEqual(times);
  });

  it('reads a run as a tree: decisions where they happened, the wait apart, new input only, no image bytes', async () => {
    const PHOTO =
      'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAFklEQVR4nGP8z8DAwMDAxMDAwMDAAAANHQEDasKb6QAAAABJRU5ErkJggg==';
    const WAIT_MS = 80;
    h = await createHarness({
      model: new ScriptedModel([
        callTool('searchSimilar', { query: 'Trek Marlin 7', category: 'Sports', limit: null }, 'c1'),
        callTool('createListing', bikeDraft, 'c2', 'Draft ready.'),
        say('Posted.'),
        callTool('getListing', { listingId: 'lst_0000003' }, 'c3'),
        say('Here it is.'),
      ]),
    });
    const { id } = await h.assistant.createConversation('seller-1');
    const paused = await h.assistant.sendMessage(id, 'seller-1', { text: 'Sell my Trek Marlin 7', images: [PHOTO] });
    await sleep(WAIT_MS); // the seller reads the draft
    await h.assistant.decide(paused.runId, 'seller-1', {
      approvalId: paused.pendingApprovals[0].approvalId,
      decision: 'approve',
    });
    const next = await h.assistant.sendMessage(id, 'seller-1', { text: 'show me lst_0000003' });

    const res = await h.call('GET', `/api/traces/${paused.traceId}`, { token: TOKENS.support });
    const body = await res.text();
    expect(body).not.toMatch(/base64/);
    const view = JSON.parse(body);
    // The photo is stored once and referred to by id: the view links it, never inlines it.
    expect(view.sellerImages).toEqual([expect.stringMatching(/^\/api\/images\/img_[0-9a-f]+$/)]);
    type Node = { kind: string; durationMs: number | null; event?: Record<string, any>; children: Node[] };
    const tree = view.tree as Node[];
    expect(tree.map((n) => n.kind)).toEqual(['segment', 'waiting', 'segment']);
    const line = (n: Node) =>
      [n.kind, n.event?.tool ?? n.event?.model, n.event?.decision ?? n.event?.event].filter(Boolean).join(':');
    expect(tree[0].children.map(line)).toEqual([
      'model:scripted',
      'policy:searchSimilar:allow',
      'tool:searchSimilar',
      'model:scripted',
      'policy:createListing:needs_confirmation',
      'approval:createListing:requested',
    ]);
    expect(tree[1].children.map(line)).toEqual(['approval:createListing:approved']);
    // Placed where they happened, so the times read in order too.
    const times = tree[0].children.map((n) => Date.parse((n as unknown as { at: string }).at));
    expect([...times].sort((a, b) => a - b)).toEqual(times);
    expect(tree[2].children.map(line)).toEqual(['policy:createListing:allow', 'tool:createListing', 'model:scripted']);
    // The seller's reading time is a wait, not the assistant's: it is counted apart.
    expect(tree[1].durationMs).toBeGreaterThanOrEqual(WAIT_MS - 2);
    expect(view.waitingMs).toBe(tree[1].durationMs);
    expect(view.activeMs).toBe(tree[0].durationMs! + tree[2].durationMs!);
    expect(view.activeMs + view.waitingMs).toBeLessThanOrEqual(view.durationMs);
    // Each model call shows only what was new to it: the seller's message first, then the tool's result.
    const [first, second] = tree[0].children.filter((n) => n.kind === 'model').map((n) => n.event!);
    expect(first.earlierItems).toBe(0);
    expect(first.input.map((i: { type: string }) => i.type)).toEqual(['message']);
    expect(second.earlierItems).toBeGreaterThan(0);
    expect(second.input.map((i: { type: string }) => i.type)).toEqual(['function_call_result']);

    // The next run's first call carries the whole conversation; only the new message is shown.
    const later = await (await h.call('GET', `/api/traces/${next.traceId}`, { token: TOKENS.support })).json();
    const call = later.tree[0].children.find((n: Node) => n.kind === 'model').event;
    expect(call.earlierItems).toBeGreaterThan(4);
    expect(call.input).toEqual([expect.objectContaining({ role: 'user', content: 'show me lst_0000003' })]);
    expect(later.sellerImages).toEqual([]);
  });

  it('lets support search traces by seller, status, tool and policy denial, paged; sellers get 403', async () => {
    h = await createHarness({
      model: new ScriptedModel([
        callTool('updatePrice', { listingId: 'lst_0000003', price: 10 }, 'c1'),
        say('Not yours.'),
        callTool('createListing', bikeDraft, 'c2'),
        say('Posted.'),
      ]),
    });
    const { id } = await h.assistant.createConversation('seller-1');
    const denied = await h.assistant.sendMessage(id, 'seller-1', { text: 'reprice lst_0000003 to 10' });
    const { paused } = await (async () => {
      const p = await h.assistant.sendMessage(id, 'seller-1', { text: 'sell my bike' });
      await h.assistant.decide(p.runId, 'seller-1', {
        approvalId: p.pendingApprovals[0].approvalId,
        decision: 'approve',
      });
      return { paused: p };
    })();

    const list = async (query: string) =>
      (await (await h.call('GET', `/api/traces?${query}`, { token: TOKENS.support })).json()) as {
        traces: Array<{ runId: string; message: string; costUsd: number | null; inputTokens: number }>;
        total: number;
      };
    expect((await list('userId=seller-1')).total).toBe(2);
    const bike = await list('q=BIKE');
    expect(bike.traces.map((t) => [t.runId, t.message])).toEqual([[paused.runId, 'sell my bike']]);
    // The scripted model is priced at zero: a known price, so a cost of 0, not an unknown (null) one.
    expect(bike.traces[0].costUsd).toBe(0);
    expect((await h.call('GET', `/api/traces?q=${'x'.repeat(201)}`, { token: TOKENS.support })).status).toBe(400);
    expect((await list('denied=true')).traces.map((t) => t.runId)).toEqual([denied.runId]);
    expect((await list('deniedRule=own-listing')).traces.map((t) => t.runId)).toEqual([denied.runId]);
    expect((await list('tool=createListing')).traces.map((t) => t.runId)).toEqual([paused.runId]);
    expect((await list(`conversationId=${id}&status=completed&limit=1`)).traces).toHaveLength(1);
    expect((await list(`conversationId=${id}&limit=1&offset=1`)).traces[0].runId).toBe(denied.runId);
    expect((await list('userId=seller-2')).total).toBe(0);
    expect((await h.call('GET', '/api/traces?status=bogus', { token: TOKENS.support })).status).toBe(400);
    expect((await h.call('GET', '/api/traces', { token: TOKENS.seller })).status).toBe(403);
    expect((await h.call('GET', `/api/traces/${paused.traceId}`, { token: TOKENS.seller })).status).toBe(403);
    expect((await h.call('GET', `/api/traces/trace_${'0'.repeat(32)}`, { token: TOKENS.support })).status).toBe(404);
  });

  it('puts a model call that started in its segment’s millisecond inside the segment', async () => {
    h = await createHarness({ model: new ScriptedModel([say('hello')]) });
    const { id } = await h.assistant.createConversation('seller-1');
    const { traceId } = await h.assistant.sendMessage(id, 'seller-1', { text: 'hi' });
    const spans = await h.store.traces.spans(traceId);
    const model = spans.find((s) => s.kind === 'generation')!;
    const agent = spans.find((s) => s.kind === 'agent')!;
    // A segment just before, stored as spans are (as they end: its model call first), both begun in one millisecond.
    const at = new Date(Date.parse(agent.startedAt!) - 1000).toISOString();
    await h.store.traces.upsertSpans([
      { ...model, spanId: `${model.spanId}x`, parentId: `${agent.spanId}x`, startedAt: at, endedAt: at },
      { ...agent, spanId: `${agent.spanId}x`, startedAt: at, endedAt: at },
    ]);
    const view = await (await h.call('GET', `/api/traces/${traceId}`, { token: TOKENS.support })).json();
    const tree = view.tree as Array<{ kind: string; children: Array<{ kind: string }> }>;
    expect(tree.map((n) => n.kind)).toEqual(['segment', 'segment']);
    expect(tree.map((n) => n.children.map((c) => c.kind))).toEqual([['model'], ['model']]);
  });

  it('never lets a failing recorder break a run', async () => {
    const logs = captureLogs('error');
    h = await createHarness({ model: new ScriptedModel([say('hello')]), logger: logs.logger });
    // Every way of writing spans fails (the recorder writes its batches with upsertSpans).
    const diskFull = async () => {
      throw new Error('disk full');
    };
    h.store.traces.upsertSpan = diskFull;
    h.store.traces.upsertSpans = diskFull;
    const { id } = await h.assistant.createConversation('seller-1');
    const result = await h.assistant.sendMessage(id, 'seller-1', { text: 'hi' });
    expect(result).toMatchObject({ status: 'completed', reply: 'hello' });
    expect(logs.lines()).toContainEqual(
      expect.objectContaining({
        level: 'error',
        msg: 'trace recording failed',
        runId: result.runId,
        traceId: result.traceId,
        sellerId: 'seller-1',
        promptVersion: 'v1',
        error: 'Error: disk full',
      }),
    );
  });
});

describe.each(ENGINES)('support search over messages and replies on %s', (engine) => {
  let e: EngineStore | undefined;
  afterEach(async () => {
    await e?.dispose();
    e = undefined;
  });

  it('finds runs by the seller’s words or the reply’s, as word prefixes, with previews and token counts', async () => {
    e = await engineStore(engine);
    const { store } = e;
    const conversation = await store.conversations.create('seller-1');
    const run = async (id: string, text: string, reply: string | null) => {
      await store.runs.create({
        id,
        conversationId: conversation.id,
        sellerId: 'seller-1',
        traceId: `trace_${id}`,
        input: { text, images: 0 },
        appVersion: '1',
        promptVersion: 'v1',
        model: 'gpt-4o-mini',
      });
      // The reply arrives when the run ends, as in a real run: the index must follow the update.
      if (reply !== null) await store.runs.update(id, { status: 'completed', reply });
    };
    await run(
      'run_oak',
      'I want to sell my solid Oak dining table, 180 cm',
      'Here is your draft: **Oak table** at €280.',
    );
    await run('run_bike', 'Selling a Trek Marlin mountain bike', 'Your **Trek Marlin** draft is ready.');
    await run('run_cafe', 'Machine à café Délonghi', null);
    await store.traces.upsertSpans(
      [
        { in: 1200, out: 30 },
        { in: 1500, out: 70 },
      ].map((u, i) => ({
        spanId: `span_oak_${i}`,
        traceId: 'trace_run_oak',
        parentId: null,
        kind: 'generation',
        name: 'gpt-4o-mini',
        startedAt: new Date(Date.UTC(2026, 0, 1, 0, 0, i)).toISOString(),
        endedAt: null,
        data: { usage: { input_tokens: u.in, output_tokens: u.out } },
        error: null,
      })),
    );
    const ids = async (text: string) =>
      (await store.traces.search({ text, limit: 10, offset: 0 })).traces.map((t) => t.runId).sort();

    expect(await ids('oak table')).toEqual(['run_oak']);
    expect(await ids('OAK dini')).toEqual(['run_oak']); // case-folded, the last word a prefix
    expect(await ids('draft')).toEqual(['run_bike', 'run_oak']); // replies are searched too
    expect(await ids('trek draft')).toEqual(['run_bike']); // words from message and reply together
    expect(await ids('cafe delonghi')).toEqual(['run_cafe']); // accents folded both ways
    expect(await ids('oak bike')).toEqual([]);
    expect(await ids('"; DROP TABLE runs; --')).toEqual([]);
    expect(await ids('*** ()')).toEqual([]); // nothing searchable: nothing found, not everything

    // The reply changed (a resumed run's final answer): the old words no longer find it.
    await store.runs.update('run_bike', { reply: 'Posted your bicycle.' });
    expect(await ids('draft')).toEqual(['run_oak']);
    expect(await ids('bicycle')).toEqual(['run_bike']);

    const page = await store.traces.search({ text: 'oak', sellerId: 'seller-1', limit: 10, offset: 0 });
    expect(page.total).toBe(1);
    expect(page.traces[0]).toMatchObject({
      message: 'I want to sell my solid Oak dining table, 180 cm',
      reply: 'Here is your draft: **Oak table** at €280.',
      inputTokens: 2700,
      outputTokens: 100,
    });
    const long = 'word '.repeat(200);
    await run('run_long', long, long);
    const [longRun] = (await store.traces.search({ text: 'word', limit: 10, offset: 0 })).traces;
    expect(longRun.message.length).toBe(PREVIEW_CHARS);
    expect(longRun.reply?.length).toBe(PREVIEW_CHARS);
    expect(longRun).toMatchObject({ inputTokens: 0, outputTokens: 0 });
  });
});
