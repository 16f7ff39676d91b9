import { afterEach, describe, expect, it, vi } from 'vitest';
import { createHarness, type Harness } from './support/harness.js';
import { FakeOpenAI, FAKE_USAGE, type RecordedRequest } from './support/fakeOpenAI.js';
import { bikeDraft } from './support/scripts.js';
import { dataUrl, pngPhoto } from './support/photos.js';
import { TOOL_NAMES, TOOL_PARAMETERS } from '../src/tools/index.js';
import { toStrictJsonSchema } from '../src/tools/jsonSchema.js';
import type { RunEvent } from '../src/agent/runEvents.js';
import { captureLogs } from './support/logCapture.js';
import type { Logger } from '../src/logging/logger.js';

/**
 * The real `openai` client and the Agents SDK's wire models talking HTTP to a
 * local fake: what a self-hosted OpenAI-compatible server (llama.cpp, vLLM,
 * Ollama) or OpenAI itself would see and send. Only the model's answers are
 * scripted; config, retries, tools, store and policy are the production ones.
 */

const SELLER = 'seller-1';
const KEY = 'sk-test-123';

let h: Harness | undefined;
let fake: FakeOpenAI | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
  await fake?.close();
  fake = undefined;
});

async function start(env: Record<string, string> = {}, logger?: Logger): Promise<{ h: Harness; fake: FakeOpenAI }> {
  fake = await FakeOpenAI.start();
  h = await createHarness({
    logger,
    env: {
      OPENAI_BASE_URL: fake.baseURL,
      OPENAI_API: 'chat_completions',
      OPENAI_API_KEY: KEY,
      AGENT_MODEL: 'local-llama',
      ...env,
    },
  });
  return { h, fake };
}

type ChatMessage = {
  role: string;
  content?: any;
  tool_calls?: Array<{ id: string; function: { name: string; arguments: string } }>;
  tool_call_id?: string;
};

/** Token counts on the run's recorded model-call spans. */
async function generationUsage(harness: Harness, traceId: string) {
  return (await harness.store.traces.spans(traceId))
    .filter((s) => s.kind === 'generation')
    .map((s) => {
      const usage = (s.data as { usage?: Record<string, number> }).usage;
      return { input_tokens: usage?.input_tokens, output_tokens: usage?.output_tokens };
    });
}

const messagesOf = (request: RecordedRequest): ChatMessage[] => request.body.messages;
const toolMessage = (request: RecordedRequest, callId: string) =>
  messagesOf(request).find((m) => m.role === 'tool' && m.tool_call_id === callId);

const searchCall = {
  name: 'searchSimilar',
  arguments: { query: 'Trek Marlin 7 bike', category: 'Sports', limit: null },
  id: 'call_search_1',
};

describe('Chat Completions against an OpenAI-compatible server', () => {
  it('runs a whole conversation: search, draft, approval, post, with the configured key, model and tools on the wire', async () => {
    const { h, fake } = await start();
    fake.script(
      { toolCall: searchCall },
      {
        toolCall: { name: 'createListing', arguments: bikeDraft, id: 'call_create_2' },
        text: 'Here is your draft at €420.',
      },
      { text: 'Your listing is live.' },
    );
    expect(h.model).toMatchObject({ name: 'local-llama', provider: 'openai-compatible' });
    const before = await h.store.listings.count();
    const { id } = await h.assistant.createConversation(SELLER);

    const paused = await h.assistant.sendMessage(id, SELLER, { text: 'I want to sell my Trek Marlin 7' });
    expect(paused).toMatchObject({ status: 'awaiting_approval', reply: 'Here is your draft at €420.', steps: 2 });
    expect(paused.pendingApprovals).toHaveLength(1);
    expect(paused.pendingApprovals[0]).toMatchObject({ tool: 'createListing', arguments: bikeDraft });
    // Paused means paused: nothing written, and no model call beyond the one that proposed the write.
    expect(await h.store.listings.count()).toBe(before);
    expect(fake.requests).toHaveLength(2);

    const done = await h.assistant.decide(paused.runId, SELLER, {
      approvalId: paused.pendingApprovals[0].approvalId,
      decision: 'approve',
    });
    expect(done).toMatchObject({ status: 'completed', reply: 'Your listing is live.', steps: 3, pendingApprovals: [] });
    expect(await h.store.listings.count()).toBe(before + 1);
    expect(fake.requests).toHaveLength(3);
    expect(fake.pending).toBe(0);

    // Every call: the Chat Completions route, the configured key and model, not streamed.
    for (const request of fake.requests) {
      expect(request).toMatchObject({ method: 'POST', path: '/v1/chat/completions', aborted: false });
      expect(request.headers.authorization).toBe(`Bearer ${KEY}`);
      expect(request.body.model).toBe('local-llama');
      expect(request.body.stream).toBe(false);
    }

    // The four tools, each with the strict JSON schema generated from the zod schema that validates it.
    const tools = fake.requests[0].body.tools as Array<{
      type: string;
      function: { name: string; parameters: any; strict: boolean };
    }>;
    expect(tools.map((t) => t.function.name).sort()).toEqual([...TOOL_NAMES].sort());
    for (const tool of tools) {
      expect(tool.type).toBe('function');
      expect(tool.function.strict).toBe(true);
      expect(tool.function.parameters).toEqual(
        toStrictJsonSchema(TOOL_PARAMETERS[tool.function.name as keyof typeof TOOL_PARAMETERS]),
      );
    }
    const createParams = tools.find((t) => t.function.name === 'createListing')!.function.parameters;
    expect(createParams).toMatchObject({ type: 'object', additionalProperties: false });
    // Strict mode lists every property as required; the optional photo ids are nullable instead.
    expect(createParams.required.sort()).toEqual([
      'category',
      'condition',
      'description',
      'photoIds',
      'price',
      'title',
    ]);
    expect(createParams.properties.condition.enum).toContain('like new');

    // The first call carries the instructions and the seller's words.
    const first = messagesOf(fake.requests[0]);
    expect(first[0]).toMatchObject({ role: 'system', content: h.assistant['options'].prompts.forSeller(SELLER).text });
    expect(first.at(-1)).toEqual({ role: 'user', content: 'I want to sell my Trek Marlin 7' });

    // The search result went back as a `tool` message answering the model's call, with real price statistics.
    const second = messagesOf(fake.requests[1]);
    const assistantCall = second.find(
      (m) => m.role === 'assistant' && m.tool_calls?.some((c) => c.id === searchCall.id),
    );
    expect(assistantCall!.tool_calls![0].function).toEqual({
      name: 'searchSimilar',
      arguments: JSON.stringify(searchCall.arguments),
    });
    const searchResult = toolMessage(fake.requests[1], searchCall.id);
    expect(searchResult!.content).toContain('"stats"');
    const parsed = JSON.parse(searchResult!.content);
    expect(parsed.ok).toBe(true);
    expect(parsed.stats.count).toBeGreaterThan(0);

    // After approval the resumed run sent the whole history and the created listing as the tool result.
    const third = fake.requests[2];
    expect(
      messagesOf(third)
        .filter((m) => m.role === 'tool')
        .map((m) => m.tool_call_id),
    ).toEqual([searchCall.id, 'call_create_2']);
    const created = JSON.parse(toolMessage(third, 'call_create_2')!.content).created;
    expect(await h.store.listings.get(created.id)).toMatchObject({ ...bikeDraft, sellerId: SELLER, status: 'active' });
    expect(await generationUsage(h, done.traceId)).toEqual(
      Array(3).fill({ input_tokens: FAKE_USAGE.input, output_tokens: FAKE_USAGE.output }),
    );
  });

  it('sends a seller’s photo as an image_url content part next to the text', async () => {
    const { h, fake } = await start();
    fake.script({ text: 'That looks like a road bike; similar ones sell for about €300.' });
    const { id } = await h.assistant.createConversation(SELLER);
    const image = dataUrl(pngPhoto(2000));

    const result = await h.assistant.sendMessage(id, SELLER, { text: 'what is this worth?', images: [image] });
    expect(result).toMatchObject({
      status: 'completed',
      reply: 'That looks like a road bike; similar ones sell for about €300.',
    });
    const user = messagesOf(fake.requests[0]).at(-1)!;
    expect(user.role).toBe('user');
    expect(user.content).toEqual([
      { type: 'text', text: 'what is this worth?' },
      { type: 'image_url', image_url: { url: image } },
    ]);
  });

  it.each([
    ['2', 3],
    ['0', 1],
  ])(
    'stops with model_error after a bounded number of attempts on a persistent 500 (AGENT_MODEL_RETRIES=%s → %i requests)',
    async (retries, attempts) => {
      // The service's error log lines (JSON), captured instead of printed.
      const logs = captureLogs('error');
      const { h, fake } = await start({ AGENT_MODEL_RETRIES: retries }, logs.logger);
      fake.whenEmpty = { status: 500, message: 'upstream exploded' };
      const { id } = await h.assistant.createConversation(SELLER);

      const result = await h.assistant.sendMessage(id, SELLER, { text: 'hello' });
      expect(result).toMatchObject({ status: 'stopped', stopReason: 'model_error', steps: 1, pendingApprovals: [] });
      expect(result.reply).toMatch(/unavailable/);
      // The client's retries are the only ones: no second layer multiplies them.
      expect(fake.requests).toHaveLength(attempts);
      expect(fake.requests.map((r) => r.headers['x-stainless-retry-count'])).toEqual(
        Array.from({ length: attempts }, (_, i) => String(i)),
      );
      // The failure is logged for operators, without the API key.
      expect(logs.lines()).toHaveLength(1);
      expect(logs.lines()[0]).toMatchObject({ msg: 'run failed', runId: result.runId, promptVersion: 'v1' });
      expect(String(logs.lines()[0].error)).toMatch(/500/);
      expect(JSON.stringify(logs.lines())).not.toContain(KEY);
    },
  );

  it('retries a 429 after the server’s Retry-After and completes the run', async () => {
    const { h, fake } = await start();
    fake.script(
      { status: 429, headers: { 'retry-after': '0' }, message: 'slow down' },
      { text: 'Hi! What would you like to sell?' },
    );
    const { id } = await h.assistant.createConversation(SELLER);

    const result = await h.assistant.sendMessage(id, SELLER, { text: 'hello' });
    expect(result).toMatchObject({ status: 'completed', reply: 'Hi! What would you like to sell?', steps: 1 });
    expect(fake.requests).toHaveLength(2);
    // The same request again, marked as a retry by the client (not a new model step).
    expect(fake.requests[1].body).toEqual(fake.requests[0].body);
    expect(fake.requests[1].headers['x-stainless-retry-count']).toBe('1');
    // Retry-After: 0 was honoured; the client's own backoff would wait at least 375 ms.
    expect(fake.requests[1].receivedAt - fake.requests[0].receivedAt).toBeLessThan(300);
  });

  it('stops a hanging model call at the run timeout and hangs up on the server', async () => {
    const { h, fake } = await start({ AGENT_RUN_TIMEOUT_MS: '300' });
    fake.script({ hang: true });
    const { id } = await h.assistant.createConversation(SELLER);

    const started = Date.now();
    const result = await h.assistant.sendMessage(id, SELLER, { text: 'hello' });
    expect(result).toMatchObject({ status: 'stopped', stopReason: 'timeout' });
    expect(Date.now() - started).toBeLessThan(3_000);
    // The abort reached the socket: the server saw the client close the request, and no retry followed.
    await vi.waitFor(() => expect(fake.requests[0].aborted).toBe(true));
    expect(fake.requests).toHaveLength(1);
  });

  it('streams: text and tool-call deltas are reassembled into the draft the seller approves', async () => {
    const { h, fake } = await start();
    fake.script(
      { toolCall: searchCall },
      {
        toolCall: { name: 'createListing', arguments: bikeDraft, id: 'call_create_2' },
        text: 'Here is your draft at €420.',
      },
    );
    const { id } = await h.assistant.createConversation(SELLER);
    const events: RunEvent[] = [];

    const paused = await h.assistant.sendMessage(
      id,
      SELLER,
      { text: 'sell my Trek Marlin 7' },
      { onEvent: (e) => events.push(e) },
    );
    expect(paused.status).toBe('awaiting_approval');
    // Arguments arrived in fragments; the approval holds them whole and exact.
    expect(paused.pendingApprovals.map((a) => a.arguments)).toEqual([bikeDraft]);
    const deltas = events.filter((e): e is Extract<RunEvent, { type: 'text_delta' }> => e.type === 'text_delta');
    expect(deltas.length).toBeGreaterThan(1);
    expect(deltas.map((e) => e.delta).join('')).toBe('Here is your draft at €420.');
    expect(events.filter((e) => e.type === 'tool_call').map((e) => (e as { tool: string }).tool)).toEqual([
      'searchSimilar',
      'createListing',
    ]);
    expect(events.find((e) => e.type === 'tool_result')).toMatchObject({ tool: 'searchSimilar', ok: true });
    for (const request of fake.requests)
      expect(request.body).toMatchObject({ stream: true, stream_options: { include_usage: true } });
  });
});

describe('the Responses API against an OpenAI-compatible server', () => {
  it('runs a tool call and a final answer over /v1/responses', async () => {
    const { h, fake } = await start({ OPENAI_API: 'responses' });
    fake.script({ toolCall: searchCall }, { text: 'Similar bikes sell for around €400.' });
    const { id } = await h.assistant.createConversation(SELLER);

    const result = await h.assistant.sendMessage(id, SELLER, { text: 'what is my Trek Marlin 7 worth?' });
    expect(result).toMatchObject({ status: 'completed', reply: 'Similar bikes sell for around €400.', steps: 2 });
    expect(fake.requests.map((r) => r.path)).toEqual(['/v1/responses', '/v1/responses']);
    const [first, second] = fake.requests;
    expect(first.headers.authorization).toBe(`Bearer ${KEY}`);
    expect(first.body).toMatchObject({
      model: 'local-llama',
      stream: false,
      instructions: h.assistant['options'].prompts.forSeller(SELLER).text,
    });
    // Responses tools are flat function definitions with the same strict schemas.
    const tools = first.body.tools as Array<{ type: string; name: string; parameters: unknown; strict: boolean }>;
    expect(tools.map((t) => t.name).sort()).toEqual([...TOOL_NAMES].sort());
    for (const tool of tools) {
      expect(tool).toMatchObject({ type: 'function', strict: true });
      expect(tool.parameters).toEqual(toStrictJsonSchema(TOOL_PARAMETERS[tool.name as keyof typeof TOOL_PARAMETERS]));
    }
    // The second call replays the call and answers it with a function_call_output carrying the statistics.
    const input = second.body.input as Array<{ type?: string; call_id?: string; name?: string; output?: string }>;
    expect(input).toContainEqual(
      expect.objectContaining({ type: 'function_call', call_id: searchCall.id, name: 'searchSimilar' }),
    );
    const output = input.find((i) => i.type === 'function_call_output' && i.call_id === searchCall.id);
    expect(JSON.parse(output!.output!)).toMatchObject({ ok: true, stats: { count: expect.any(Number) } });
  });

  it('streams a Responses answer as text deltas and records the reported token usage', async () => {
    const { h, fake } = await start({ OPENAI_API: 'responses' });
    fake.script({ text: 'Hello! What are you selling today?' });
    const { id } = await h.assistant.createConversation(SELLER);
    const events: RunEvent[] = [];

    const result = await h.assistant.sendMessage(id, SELLER, { text: 'hi' }, { onEvent: (e) => events.push(e) });
    expect(result).toMatchObject({ status: 'completed', reply: 'Hello! What are you selling today?' });
    expect(fake.requests[0].body.stream).toBe(true);
    const deltas = events.flatMap((e) => (e.type === 'text_delta' ? [e.delta] : []));
    expect(deltas.length).toBeGreaterThan(1);
    expect(deltas.join('')).toBe('Hello! What are you selling today?');
    // The usage the server reported reaches the run's model-call span (what cost reporting reads).
    expect(await generationUsage(h, result.traceId)).toEqual([
      { input_tokens: FAKE_USAGE.input, output_tokens: FAKE_USAGE.output },
    ]);
  });
});
