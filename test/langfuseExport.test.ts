import { afterEach, describe, expect, it } from 'vitest';
import { ScriptedModel } from '@openai/agents/testing';
import { createHarness, TOKENS, type Harness } from './support/harness.js';
import { LangfuseReceiver, RECEIVER_PROJECT_ID } from './support/langfuseReceiver.js';
import { bikeDraft, callTool, say } from './support/scripts.js';
import { maskText } from '../src/shared/masking.js';

/*
 * Attribute names checked here are Langfuse's OTel mapping as published in
 * @langfuse/core's LangfuseOtelSpanAttributes (langfuse.observation.type,
 * langfuse.observation.usage_details, user.id, session.id,
 * langfuse.trace.tags, langfuse.trace.name) and the OTLP endpoint
 * /api/public/otel/v1/traces with basic auth (public key : secret key);
 * scores go to /api/public/ingestion as score-create events.
 */
let h: Harness;
let receiver: LangfuseReceiver | undefined;
afterEach(async () => {
  await h?.flushExports();
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

describe('Langfuse export (real SDK, local receiver)', () => {
  it('sends one well-formed trace per run across pause and resume, masked, with a feedback score', async () => {
    receiver = await LangfuseReceiver.start();
    h = await createHarness({ model: script(), env: env(receiver.url) });
    const { conversationId, paused, done } = await conversation(h);
    const feedback = await h.call('POST', `/api/runs/${done.runId}/feedback`, {
      body: { value: -1, comment: 'wrong price, mail me at jane.doe@example.com' },
    });
    expect(feedback.status).toBe(201);
    await h.exporter!.forceFlush();
    await h.scores!.flush();

    const otlp = receiver.requests.filter((r) => r.path === '/api/public/otel/v1/traces');
    expect(otlp.length).toBeGreaterThan(0);
    expect(otlp[0].headers.authorization).toBe(`Basic ${Buffer.from('pk-lf-test:sk-lf-test').toString('base64')}`);

    const spans = receiver.spans();
    const traceHex = paused.traceId.replace('trace_', '');
    expect(new Set(spans.map((s) => s.traceId))).toEqual(new Set([traceHex]));
    for (const s of spans) {
      expect(s.attributes['session.id']).toBe(conversationId);
      expect(s.attributes['user.id']).toBe('seller-1');
      expect(s.attributes['langfuse.trace.name']).toBe('listing-assistant');
      expect(s.attributes['langfuse.trace.tags']).toEqual(expect.arrayContaining(['prompt:v1', 'model:scripted']));
    }
    const byType = (type: string) => spans.filter((s) => s.attributes['langfuse.observation.type'] === type);
    const agents = byType('agent');
    expect(agents).toHaveLength(2); // one per segment: before and after the approval
    const agentIds = new Set(agents.map((a) => a.spanId));
    for (const type of ['generation', 'tool', 'guardrail', 'event']) {
      expect(byType(type).length, type).toBeGreaterThan(0);
      for (const child of byType(type))
        expect(agentIds.has(child.parentSpanId!), `${type} nested under an agent`).toBe(true);
    }
    expect(byType('generation')).toHaveLength(3);
    const usage = JSON.parse(String(byType('generation')[0].attributes['langfuse.observation.usage_details']));
    expect(usage).toEqual({ input: expect.any(Number), output: expect.any(Number), total: expect.any(Number) });
    expect(byType('generation')[0].attributes['langfuse.observation.model.name']).toBe('scripted');
    expect(byType('tool').map((s) => s.name)).toEqual(expect.arrayContaining(['searchSimilar', 'createListing']));
    expect(byType('guardrail').map((s) => s.name)).toEqual(
      expect.arrayContaining(['policy:writes-need-confirmation', 'policy:seller-confirmed']),
    );
    expect(byType('event').map((s) => s.name)).toEqual(
      expect.arrayContaining(['approval requested', 'approval approved']),
    );

    const everything = receiver.requests.map((r) => r.raw).join('\n');
    expect(everything).not.toContain('jane.doe@example.com');
    expect(everything).not.toContain('170 1234567');
    expect(everything).not.toContain(SECRET);
    expect(everything).toContain('[email]');
    expect(everything).toContain('[secret]');

    const ingestion = receiver.requests.filter((r) => r.path === '/api/public/ingestion');
    const scores = ingestion.flatMap((r) => r.body.batch ?? []).filter((e: any) => e.type === 'score-create');
    expect(scores).toHaveLength(1);
    expect(scores[0].body).toMatchObject({ traceId: traceHex, name: 'seller-feedback', value: -1 });
    expect(JSON.stringify(scores[0].body)).not.toContain('jane.doe@example.com');
    expect(done.traceId).toBe(paused.traceId);

    // Support's view of the run links to the same trace in Langfuse.
    const view = await (await h.call('GET', `/api/traces/${done.traceId}`, { token: TOKENS.support })).json();
    expect(view.langfuseUrl).toBe(`${receiver.url}/project/${RECEIVER_PROJECT_ID}/traces/${traceHex}`);
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
    await h.flushExports();
    await h.close();

    receiver = await LangfuseReceiver.start({ delayMs: 3_000 });
    h = await createHarness({ model: script(), env: env(receiver.url) });
    const slow = await conversation(h);
    expect(slow.done).toMatchObject({ status: 'completed', reply: 'Posted.' });
    // Export happens off the request path: the runs take about as long as without export.
    expect(down.ms).toBeLessThan(baseline.ms + 500);
    expect(slow.ms).toBeLessThan(baseline.ms + 500);
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
