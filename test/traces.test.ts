import { afterEach, describe, expect, it } from 'vitest';
import { setTimeout as sleep } from 'node:timers/promises';
import { ScriptedModel, modelResponder } from '@openai/agents/testing';
import { createHarness, TOKENS, type Harness } from './support/harness.js';
import { bikeDraft, callTool, say } from './support/scripts.js';
import { captureLogs } from './support/logCapture.js';

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
    // Timings are the recorded span's: the search ran within the wall time measured around the run (ms timestamps: 1 ms slack).
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
        traces: Array<{ runId: string }>;
        total: number;
      };
    expect((await list('userId=seller-1')).total).toBe(2);
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

  it('never lets a failing recorder break a run', async () => {
    h = await createHarness({ model: new ScriptedModel([say('hello')]) });
    const logs = captureLogs('error');
    (h.assistant['lifecycle'] as unknown as { logger: unknown }).logger = logs.logger;
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
