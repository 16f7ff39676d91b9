import { afterEach, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from './support/harness.js';
import { FakeOpenAI, FAKE_USAGE } from './support/fakeOpenAI.js';
import { LangfuseReceiver, type ReceivedSpan } from './support/langfuseReceiver.js';
import { priceFor } from '../src/shared/modelPricing.js';
import { LangfuseDatasetRun } from '../src/evals/langfuseDatasetRun.js';

/*
 * Generations as Langfuse prices and links them: a model the price table
 * knows gets `cost_details` from it, one it does not know gets none (Langfuse
 * then shows no cost rather than a wrong zero); a streamed call carries its
 * completion start time. The model is the real openai client talking to a
 * local fake server that reports token usage like OpenAI does.
 */
let h: Harness | undefined;
let fake: FakeOpenAI | undefined;
let receiver: LangfuseReceiver | undefined;
afterEach(async () => {
  await h?.flushExports();
  await h?.close();
  await fake?.close();
  await receiver?.close();
  h = fake = receiver = undefined;
});

async function start(model: string) {
  receiver = await LangfuseReceiver.start();
  fake = await FakeOpenAI.start();
  h = await createHarness({
    env: {
      OPENAI_BASE_URL: fake.baseURL,
      OPENAI_API: 'chat_completions',
      OPENAI_API_KEY: 'sk-test-123',
      AGENT_MODEL: model,
      LANGFUSE_PUBLIC_KEY: 'pk-lf-test',
      LANGFUSE_SECRET_KEY: 'sk-lf-test',
      LANGFUSE_BASE_URL: receiver.url,
    },
  });
  return { h, fake, receiver };
}

const generations = (r: LangfuseReceiver) =>
  r.observations().filter((s) => s.attributes['langfuse.observation.type'] === 'generation');

// Generous timeouts: an export thread takes seconds to start on a busy machine.
describe('Langfuse generations', { timeout: 90_000 }, () => {
  it('prices a listed model from the price table, and a streamed call has its completion start time', async () => {
    const { h, fake, receiver } = await start('gpt-4o-mini');
    fake.script({ text: 'Hello! What are you selling today?' });
    const { id } = await h.assistant.createConversation('seller-1');
    // Streamed (an event listener), as the web client asks.
    const result = await h.assistant.sendMessage(id, 'seller-1', { text: 'hi' }, { onEvent: () => {} });
    expect(result.status).toBe('completed');
    await h.exporter!.forceFlush();

    const [g] = generations(receiver) as [ReceivedSpan];
    expect(g.attributes['langfuse.observation.model.name']).toBe('gpt-4o-mini');
    expect(JSON.parse(String(g.attributes['langfuse.observation.usage_details']))).toMatchObject({
      input: FAKE_USAGE.input,
      output: FAKE_USAGE.output,
    });
    const price = priceFor('gpt-4o-mini')!;
    const cost = JSON.parse(String(g.attributes['langfuse.observation.cost_details']));
    expect(cost.input).toBeCloseTo((FAKE_USAGE.input * price.input) / 1e6, 12);
    expect(cost.output).toBeCloseTo((FAKE_USAGE.output * price.output) / 1e6, 12);
    expect(cost.total).toBeCloseTo(cost.input + cost.output, 12);
    expect(cost.total).toBeGreaterThan(0);
    // Time to first token: within the call, and sent the way Langfuse parses it (a JSON date string).
    const firstToken = Date.parse(JSON.parse(String(g.attributes['langfuse.observation.completion_start_time'])));
    expect(firstToken).toBeGreaterThanOrEqual(g.start);
    expect(firstToken).toBeLessThanOrEqual(g.end);
    expect(g.attributes['langfuse.observation.prompt.name']).toBe('listing-assistant');
    expect(g.attributes['langfuse.observation.prompt.version']).toBe(1);
  });

  it('sends no cost for a model the price table does not list, and no completion start when not streamed', async () => {
    const { h, fake, receiver } = await start('local-llama');
    fake.script({ text: 'Hello! What are you selling today?' });
    const { id } = await h.assistant.createConversation('seller-1');
    await h.assistant.sendMessage(id, 'seller-1', { text: 'hi' });
    await h.exporter!.forceFlush();

    const [g] = generations(receiver) as [ReceivedSpan];
    expect(g.attributes['langfuse.observation.model.name']).toBe('local-llama');
    expect(JSON.parse(String(g.attributes['langfuse.observation.usage_details']))).toMatchObject({
      input: FAKE_USAGE.input,
    });
    expect(g.attributes).not.toHaveProperty('langfuse.observation.cost_details');
    expect(g.attributes).not.toHaveProperty('langfuse.observation.completion_start_time');
  });

  it('records an eval trial as a dataset run item with an eval_passed score on each of its runs', async () => {
    const { h, fake, receiver } = await start('gpt-4o-mini');
    fake.script({ text: 'Hello!' }, { text: 'Sure.' });
    const { id } = await h.assistant.createConversation('seller-1');
    const one = await h.assistant.sendMessage(id, 'seller-1', { text: 'hi' });
    const two = await h.assistant.sendMessage(id, 'seller-1', { text: 'thanks' });

    const dataset = new LangfuseDatasetRun(
      { publicKey: 'pk-lf-test', secretKey: 'sk-lf-test', baseUrl: receiver.url, log: () => {} },
      'v1/test-run',
    );
    await dataset.recordTrial(h.store, 'greeting', 2, false);
    await dataset.flush();

    const scores = receiver.scores().filter((s) => s.name === 'eval_passed');
    expect(scores.map((s) => s.traceId).sort()).toEqual(
      [one.traceId, two.traceId].map((t) => t.replace('trace_', '')).sort(),
    );
    for (const s of scores) {
      expect(s).toMatchObject({ value: 0, dataType: 'BOOLEAN', metadata: { scenario: 'greeting', trial: 2 } });
    }
    const items = receiver.requests.filter((r) => r.path.startsWith('/api/public/dataset-run-items'));
    expect(items.map((r) => r.body)).toEqual([
      expect.objectContaining({ runName: 'v1/test-run', datasetItemId: 'greeting' }),
      expect.objectContaining({ runName: 'v1/test-run', datasetItemId: 'greeting' }),
    ]);
    // The trial's runs went out as traces of their own, each with its root.
    const roots = receiver.observations().filter((s) => !s.parentSpanId);
    expect(new Set(roots.map((r) => r.traceId)).size).toBe(2);
  });
});
