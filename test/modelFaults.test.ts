import { afterEach, describe, expect, it } from 'vitest';
import { FakeOpenAI } from './support/fakeOpenAI.js';
import { createHarness, type Harness } from './support/harness.js';

/** Model faults over real HTTP that the wire tests do not cover: malformed tool-call JSON and a truncated stream. */
let h: Harness | undefined;
let fake: FakeOpenAI | undefined;
afterEach(async () => {
  await h?.close();
  await fake?.close();
});

/** The client's retries for a failed model request: each request is tried 1 + RETRIES times. */
const RETRIES = 1;

async function harness(server: FakeOpenAI) {
  const harnessed = await createHarness({
    env: {
      OPENAI_BASE_URL: server.baseURL,
      OPENAI_API: 'chat_completions',
      OPENAI_API_KEY: 'sk-test',
      AGENT_MODEL: 'local',
      AGENT_MODEL_RETRIES: String(RETRIES),
    },
  });
  return harnessed;
}

describe('model faults', () => {
  it('rejects a tool call with malformed JSON at once and the run goes on without the seller', async () => {
    fake = await FakeOpenAI.start();
    fake.script(
      { toolCall: { name: 'createListing', arguments: '{"title": "Trek', id: 'call_bad' } },
      { text: 'Sorry, let me ask you for the details.' },
    );
    h = await harness(fake);
    const { id } = await h.assistant.createConversation('seller-1');
    const before = await h.store.listings.count();
    const result = await h.assistant.sendMessage(id, 'seller-1', { text: 'sell my bike' });
    expect(result).toMatchObject({
      status: 'completed',
      pendingApprovals: [],
      reply: 'Sorry, let me ask you for the details.',
    });
    // The model was told why, in words it can act on.
    const second = fake.requests[1].body as { messages: Array<{ role: string; content: string }> };
    expect(second.messages.find((m) => m.role === 'tool')!.content).toMatch(/not valid JSON/);
    expect(await h.store.listings.count()).toBe(before);
  });

  it('ends a truncated stream as a clean stopped / model_error RunResult with a helpful reply', async () => {
    fake = await FakeOpenAI.start();
    fake.script(
      { text: 'This answer will be cut off halfway through the stream.', truncate: true },
      { text: 'again cut', truncate: true },
      { text: 'and again', truncate: true },
    );
    h = await harness(fake);
    const { id } = await h.assistant.createConversation('seller-1');
    const events: string[] = [];
    const result = await h.assistant.sendMessage(
      id,
      'seller-1',
      { text: 'hello' },
      { onEvent: (e) => events.push(e.type) },
    );
    expect(result).toMatchObject({ status: 'stopped', stopReason: 'model_error' });
    expect(result.reply).toMatch(/unavailable/);
    // The cut-off request is tried once and retried RETRIES times by the client (its retry-count header says so),
    // nothing more.
    expect(fake.requests).toHaveLength(1 + RETRIES);
    expect(fake.requests.map((r) => r.headers['x-stainless-retry-count'])).toEqual(
      Array.from({ length: 1 + RETRIES }, (_, i) => String(i)),
    );
  });
});
