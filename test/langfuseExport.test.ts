import { afterEach, describe, expect, it } from 'vitest';
import { ScriptedModel } from '@openai/agents/testing';
import { createHarness, TOKENS, type Harness } from './support/harness.js';
import { LangfuseReceiver, RECEIVER_PROJECT_ID, type ReceivedSpan } from './support/langfuseReceiver.js';
import { bikeDraft, callTool, say } from './support/scripts.js';
import { maskText } from '../src/shared/masking.js';
import { APP_VERSION } from '../src/config.js';

/*
 * Attribute names checked here are the ones Langfuse's server-side OTel
 * ingestion reads (LangfuseOtelSpanAttributes in its packages/shared, and
 * @langfuse/core): langfuse.observation.*, langfuse.trace.*, user.id,
 * session.id, langfuse.release / version / environment, the resource's
 * service.name; a span without a parent is the trace's root and gives the
 * trace its name, input and output (see docs/langfuse.md). OTLP goes to
 * /api/public/otel/v1/traces with basic auth (public key : secret key);
 * scores go to /api/public/ingestion as score-create events.
 */
let h: Harness;
let receiver: LangfuseReceiver | undefined;
/** Set by a test whose exports wait on a slow receiver: flushing them proves nothing and takes seconds. */
let unflushed = false;
afterEach(async () => {
  if (!unflushed) await h?.flushExports();
  unflushed = false;
  await h?.close();
  await receiver?.close();
  receiver = undefined;
});

const SECRET = 'sk-live-1234567890abcdefXYZ';
const draftWithSecret = { ...bikeDraft, description: `${bikeDraft.description} Wallet key ${SECRET}.` };

function script() {
  return new ScriptedModel([
    callTool('searchSimilar', { query: 'Trek Marlin 7', category: 'Sports', limit: null }, 'c1'),
    callTool('createListing', draftWithSecret, 'c2', 'Draft ready.'),
    say('Posted.'),
  ]);
}

function env(url: string) {
  return { LANGFUSE_PUBLIC_KEY: 'pk-lf-test', LANGFUSE_SECRET_KEY: 'sk-lf-test', LANGFUSE_BASE_URL: url };
}

async function conversation(harness: Harness) {
  const { id } = await harness.assistant.createConversation('seller-1');
  const started = performance.now();
  const paused = await harness.assistant.sendMessage(id, 'seller-1', {
    text: 'Sell my Trek Marlin 7. Reach me at jane.doe@example.com or +49 170 1234567.',
  });
  const done = await harness.assistant.decide(paused.runId, 'seller-1', {
    approvalId: paused.pendingApprovals[0].approvalId,
    decision: 'approve',
  });
  return { conversationId: id, paused, done, ms: performance.now() - started };
}

// Generous timeouts: an export thread takes seconds to start on a busy machine.
describe('Langfuse export (real SDK, local receiver)', { timeout: 90_000 }, () => {
  it("sends each run as one tree: a root with the seller's words and the reply, segments and steps in order", async () => {
    receiver = await LangfuseReceiver.start();
    h = await createHarness({ model: script(), env: { ...env(receiver.url), LANGFUSE_ENVIRONMENT: 'staging' } });
    const { conversationId, paused, done } = await conversation(h);
    await h.exporter!.forceFlush();

    const otlp = receiver.requests.filter((r) => r.path === '/api/public/otel/v1/traces');
    expect(otlp.length).toBeGreaterThan(0);
    expect(otlp[0].headers.authorization).toBe(`Basic ${Buffer.from('pk-lf-test:sk-lf-test').toString('base64')}`);

    const traceHex = paused.traceId.replace('trace_', '');
    const spans = receiver.observations();
    expect(new Set(spans.map((s) => s.traceId))).toEqual(new Set([traceHex]));
    const byId = new Map(spans.map((s) => [s.spanId, s]));
    const type = (s: ReceivedSpan) => s.attributes['langfuse.observation.type'];
    const childrenOf = (id: string) =>
      spans.filter((s) => s.parentSpanId === id).sort((a, b) => a.start - b.start || a.end - b.end);

    // One root, the only application root; every other observation's parent was sent.
    const roots = spans.filter((s) => !s.parentSpanId);
    expect(roots).toHaveLength(1);
    const [root] = roots;
    expect(spans.filter((s) => s.attributes['langfuse.internal.is_app_root'] === true)).toEqual([root]);
    for (const s of spans) if (s !== root) expect(byId.has(s.parentSpanId!), `${s.name} has its parent`).toBe(true);

    // The root: agent, named for the trace, the seller's words (masked) in, the reply out.
    expect(type(root)).toBe('agent');
    expect(root.attributes['langfuse.trace.name']).toBe('listing-assistant');
    const said = maskText('Sell my Trek Marlin 7. Reach me at jane.doe@example.com or +49 170 1234567.');
    expect(root.attributes['langfuse.observation.input']).toBe(said);
    expect(root.attributes['langfuse.trace.input']).toBe(said);
    expect(root.attributes['langfuse.observation.output']).toBe('Posted.');
    expect(root.attributes['langfuse.trace.output']).toBe('Posted.');
    expect(root.attributes['langfuse.trace.tags']).toEqual(expect.arrayContaining(['prompt:v1', 'model:scripted']));
    for (const s of spans) {
      expect(s.attributes['session.id']).toBe(conversationId);
      expect(s.attributes['user.id']).toBe('seller-1');
      expect(s.attributes['langfuse.release']).toBe(APP_VERSION);
      expect(s.attributes['langfuse.version']).toBe(APP_VERSION);
      expect(s.attributes['langfuse.environment']).toBe('staging');
      expect(s.resource).toMatchObject({ 'service.name': 'listing-assistant', 'service.version': APP_VERSION });
      if (s !== root) expect(s.attributes['langfuse.trace.name'], s.name).toBeUndefined();
      // Nested in time as in parentage.
      if (s.parentSpanId) {
        const parent = byId.get(s.parentSpanId)!;
        expect(s.start, s.name).toBeGreaterThanOrEqual(parent.start);
        expect(s.end, s.name).toBeLessThanOrEqual(parent.end);
      }
    }

    // Under the root: segment 1, the seller's approval, segment 2, in that order.
    const top = childrenOf(root.spanId);
    expect(top.map((s) => [type(s), s.name])).toEqual([
      ['agent', 'segment 1'],
      ['event', 'approval approved'],
      ['agent', 'segment 2'],
    ]);
    const [first, approved, second] = top;
    expect(approved.start).toBeGreaterThanOrEqual(first.end);
    expect(approved.start).toBeLessThanOrEqual(second.start);
    // Each segment as it ended: the first paused for an approval, the second completed.
    expect(first.attributes['langfuse.observation.input']).toBe(said);
    expect(JSON.parse(String(first.attributes['langfuse.observation.output']))).toMatchObject({
      status: 'awaiting_approval',
      pendingApprovals: [{ tool: 'createListing', approvalId: paused.pendingApprovals[0].approvalId }],
    });
    expect(JSON.parse(String(second.attributes['langfuse.observation.input']))).toEqual({
      decisions: [{ approvalId: paused.pendingApprovals[0].approvalId, tool: 'createListing', decision: 'approved' }],
    });
    expect(JSON.parse(String(second.attributes['langfuse.observation.output']))).toMatchObject({
      status: 'completed',
      reply: 'Posted.',
    });

    // Inside the segments, in true order: the policy decision before the approval it asked for.
    expect(childrenOf(first.spanId).map((s) => [type(s), s.name])).toEqual([
      ['generation', 'scripted'],
      ['guardrail', 'policy:read-only'],
      ['tool', 'searchSimilar'],
      ['generation', 'scripted'],
      ['guardrail', 'policy:writes-need-confirmation'],
      ['event', 'approval requested'],
    ]);
    expect(childrenOf(second.spanId).map((s) => [type(s), s.name])).toEqual([
      ['guardrail', 'policy:seller-confirmed'],
      ['tool', 'createListing'],
      ['generation', 'scripted'],
    ]);
    const generations = spans.filter((s) => type(s) === 'generation');
    for (const g of generations) {
      const usage = JSON.parse(String(g.attributes['langfuse.observation.usage_details']));
      expect(usage).toEqual({ input: expect.any(Number), output: expect.any(Number), total: expect.any(Number) });
      expect(g.attributes['langfuse.observation.model.name']).toBe('scripted');
      // The prompt the call was made with, as Langfuse prompt management names it.
      expect(g.attributes['langfuse.observation.prompt.name']).toBe('listing-assistant');
      expect(g.attributes['langfuse.observation.prompt.version']).toBe(1);
    }

    const everything = receiver.requests.map((r) => r.raw).join('\n');
    expect(everything).not.toContain('jane.doe@example.com');
    expect(everything).not.toContain('170 1234567');
    expect(everything).not.toContain(SECRET);
    expect(everything).toContain('[email]');
    expect(everything).toContain('[secret]');
    expect(done.traceId).toBe(paused.traceId);

    // Support's view of the run links to the same trace in Langfuse.
    const view = await (await h.call('GET', `/api/traces/${done.traceId}`, { token: TOKENS.support })).json();
    expect(view.langfuseUrl).toBe(`${receiver.url}/project/${RECEIVER_PROJECT_ID}/traces/${traceHex}`);
  });

  it("sends the seller's thumbs, support's labels and the seller's corrections as scores, masked", async () => {
    receiver = await LangfuseReceiver.start();
    h = await createHarness({
      model: new ScriptedModel([
        callTool('createListing', bikeDraft, 'c1', 'Draft ready.'),
        callTool('createListing', { ...bikeDraft, price: 380 }, 'c2', 'Revised.'),
        say('Posted!'),
      ]),
      env: env(receiver.url),
    });
    const { id } = await h.assistant.createConversation('seller-1');
    const paused = await h.assistant.sendMessage(id, 'seller-1', { text: 'Sell my Trek Marlin 7' });
    const second = await h.assistant.decide(paused.runId, 'seller-1', {
      approvalId: paused.pendingApprovals[0].approvalId,
      decision: 'reject',
      message: 'Make it 380, call me on +49 170 1234567',
    });
    const done = await h.assistant.decide(paused.runId, 'seller-1', {
      approvalId: second.pendingApprovals[0].approvalId,
      decision: 'approve',
    });
    expect(done.status).toBe('completed');
    const feedback = await h.call('POST', `/api/runs/${done.runId}/feedback`, {
      body: { value: -1, comment: 'wrong price, mail me at jane.doe@example.com' },
    });
    expect(feedback.status).toBe(201);
    const item = await h.store.reviews.forRun(done.runId);
    expect(item, 'a corrected run is queued for review').toBeDefined();
    const labelled = await h.call('POST', `/api/review/${item!.id}/label`, {
      token: TOKENS.support,
      body: { label: 'bad', note: 'Asked for 380 twice; seller is jane.doe@example.com' },
    });
    expect(labelled.status).toBe(200);
    // Relabelled: the score is replaced, not added.
    await h.call('POST', `/api/review/${item!.id}/label`, {
      token: TOKENS.support,
      body: { label: 'good', note: 'Fine after all' },
    });
    await h.exporter!.forceFlush();
    await h.scores!.flush();

    const traceHex = done.traceId.replace('trace_', '');
    const scores = receiver.scores();
    const named = (name: string) => scores.filter((s) => s.name === name);
    expect(named('seller_feedback')).toEqual([
      expect.objectContaining({ traceId: traceHex, value: -1, dataType: 'NUMERIC', environment: 'development' }),
    ]);
    expect(named('support_label')).toEqual([
      expect.objectContaining({ traceId: traceHex, value: 'good', dataType: 'CATEGORICAL', comment: 'Fine after all' }),
    ]);
    // The price the seller turned down and then approved changed: an edited correction, with their words.
    expect(named('seller_correction')).toEqual([
      expect.objectContaining({ traceId: traceHex, value: 'edited', dataType: 'CATEGORICAL' }),
    ]);
    expect(named('seller_correction')[0].comment).toContain('changed: price');
    const sent = JSON.stringify(receiver.requests.filter((r) => r.path === '/api/public/ingestion').map((r) => r.body));
    expect(sent).not.toContain('jane.doe@example.com');
    expect(sent).not.toContain('170 1234567');
    expect(sent).toContain('[phone]');
  });

  it('leaves runs unaffected when Langfuse is down or slow', async () => {
    h = await createHarness({ model: script() });
    const baseline = await conversation(h);
    await h.close();

    // Down: nothing listens on this port.
    const closed = await LangfuseReceiver.start();
    const downUrl = closed.url;
    await closed.close();
    h = await createHarness({ model: script(), env: env(downUrl) });
    const down = await conversation(h);
    expect(down.done).toMatchObject({ status: 'completed', reply: 'Posted.' });
    // A flush with Langfuse down ends, its sends given up after their retries (about 9 s).
    await h.flushExports();
    await h.close();

    receiver = await LangfuseReceiver.start({ delayMs: 3_000 });
    h = await createHarness({ model: script(), env: env(receiver.url) });
    const slow = await conversation(h);
    unflushed = true;
    expect(slow.done).toMatchObject({ status: 'completed', reply: 'Posted.' });
    // Export happens off the request path: the runs take about as long as without export. Waiting for
    // the slow receiver would cost 3 s a segment; the margin is for a busy machine (the export thread
    // starts up beside the first run).
    expect(down.ms).toBeLessThan(baseline.ms + 2_000);
    expect(slow.ms).toBeLessThan(baseline.ms + 2_000);
  });

  it('never holds a run when the export runs on the request thread (an in-memory or PostgreSQL store)', async () => {
    // Answers after 30 s: every send to it times out (after 5 s) and is tried again later.
    receiver = await LangfuseReceiver.start({ delayMs: 30_000 });
    h = await createHarness({ model: script(), dbPath: ':memory:', env: env(receiver.url) });
    const run = await conversation(h);
    unflushed = true;
    expect(run.done).toMatchObject({ status: 'completed', reply: 'Posted.' });
    // Both segments settled well inside one send's timeout: neither waited for Langfuse.
    expect(run.ms).toBeLessThan(4_000);
    await expect.poll(() => receiver!.requests.length, { timeout: 10_000 }).toBeGreaterThan(0);
  });
});

describe('masking', () => {
  it.each([
    ['write to jane.doe@example.com', 'write to [email]'],
    ['call +49 170 1234567', 'call [phone]'],
    ['key sk-proj-abcdef1234567890', 'key [secret]'],
    ['Authorization: Bearer abc.def.ghijklmnop', 'Authorization: Bearer [secret]'],
    ['password=hunter22', 'password=[secret]'],
    ['deadbeef'.repeat(5), '[secret]'],
  ])('masks %s', (input, expected) => {
    expect(maskText(input)).toBe(expected);
  });

  it('leaves prices, sizes, years, mileage and ids alone', () => {
    const text = 'Trek Marlin 7, 27.5", size 42, 2019, 35,000 km, €1,200.50, lst_0000001';
    expect(maskText(text)).toBe(text);
  });
});
