import { createServer, type IncomingHttpHeaders, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type OpenAI from 'openai';

type ChatCompletion = OpenAI.Chat.Completions.ChatCompletion;
type ChatCompletionChunk = OpenAI.Chat.Completions.ChatCompletionChunk;
type ChunkChoice = OpenAI.Chat.Completions.ChatCompletionChunk.Choice;
type ChatMessage = OpenAI.Chat.Completions.ChatCompletionMessage;
type ResponsesResponse = OpenAI.Responses.Response;
type ResponseOutputItem = OpenAI.Responses.ResponseOutputItem;
type ResponseStreamEvent = OpenAI.Responses.ResponseStreamEvent;

/**
 * One scripted answer of the fake. A model turn is assistant text, one tool
 * call (optionally with text before it, as models often do; text may wait for a delay or for a
 * promise the test settles), an HTTP error
 * status, or no answer at all (the request hangs until the client gives up).
 */
export type FakeTurn =
  | { text: string; delayMs?: number; truncate?: boolean; after?: Promise<unknown> }
  | { toolCall: { name: string; arguments: Record<string, unknown> | string; id: string }; text?: string }
  | { status: number; headers?: Record<string, string>; message?: string }
  | { hang: true };

export interface RecordedRequest {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  /** The parsed JSON body, as the client sent it. */
  body: any;
  /** When the request arrived (ms since epoch), to check retry delays. */
  receivedAt: number;
  /** True when the client closed the connection before the fake answered. */
  aborted: boolean;
}

/** Token counts reported on every answer; fixed so tests can check they reach the run's usage. */
export const FAKE_USAGE = { input: 21, output: 7 } as const;

const CHAT_PATH = '/v1/chat/completions';
const RESPONSES_PATH = '/v1/responses';

/**
 * A small OpenAI-compatible server on 127.0.0.1 that answers
 * `POST /v1/chat/completions` and `POST /v1/responses` (JSON or SSE) from a
 * queue of scripted turns and records every request, so tests exercise the
 * real `openai` client and the Agents SDK's wire models end to end.
 */
export class FakeOpenAI {
  readonly requests: RecordedRequest[] = [];
  /** What to answer once the queue is empty; by default a non-retryable error that names the problem. */
  whenEmpty: FakeTurn = {
    status: 500,
    headers: { 'x-should-retry': 'false' },
    message: 'fake OpenAI: no scripted turn left for this request',
  };
  private readonly queue: FakeTurn[] = [];
  /**
   * Turns for requests naming one model (`scriptFor`): two models on one fake, e.g. the agent and a simulated seller.
   */
  private readonly queues = new Map<string, FakeTurn[]>();
  private readonly server: Server;
  private seq = 0;

  private constructor() {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        const path = new URL(req.url ?? '/', 'http://fake').pathname;
        let body: any;
        try {
          body = chunks.length ? JSON.parse(Buffer.concat(chunks).toString('utf8')) : undefined;
        } catch {
          body = Buffer.concat(chunks).toString('utf8');
        }
        const recorded: RecordedRequest = {
          method: req.method ?? '',
          path,
          headers: req.headers,
          body,
          receivedAt: Date.now(),
          aborted: false,
        };
        this.requests.push(recorded);
        // `close` before the response ended means the client hung up (abort or timeout).
        res.on('close', () => {
          if (!res.writableEnded) recorded.aborted = true;
        });
        this.answer(recorded, res);
      });
    });
  }

  /** Starts a fake on a free port. */
  static async start(): Promise<FakeOpenAI> {
    const fake = new FakeOpenAI();
    await new Promise<void>((resolve) => fake.server.listen(0, '127.0.0.1', resolve));
    return fake;
  }

  /** The value for `OPENAI_BASE_URL`. */
  get baseURL(): string {
    const { port } = this.server.address() as AddressInfo;
    return `http://127.0.0.1:${port}/v1`;
  }

  /** Appends turns to the queue; each request consumes one. */
  script(...turns: FakeTurn[]): this {
    this.queue.push(...turns);
    return this;
  }

  /**
   * Appends turns for requests whose body names `model`; they are answered
   * from this queue first, then from the shared one.
   */
  scriptFor(model: string, ...turns: FakeTurn[]): this {
    const queue = this.queues.get(model) ?? [];
    queue.push(...turns);
    this.queues.set(model, queue);
    return this;
  }

  /** Turns not yet consumed (in every queue): a test that scripted a conversation expects 0 at the end. */
  get pending(): number {
    return this.queue.length + [...this.queues.values()].reduce((n, q) => n + q.length, 0);
  }

  /** Stops the server, dropping any hanging connections. */
  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private answer(request: RecordedRequest, res: ServerResponse): void {
    const known = request.method === 'POST' && (request.path === CHAT_PATH || request.path === RESPONSES_PATH);
    if (!known)
      return sendError(res, { status: 404, message: `fake OpenAI: no route for ${request.method} ${request.path}` });
    const byModel = this.queues.get(String(request.body?.model ?? ''));
    const turn = byModel?.shift() ?? this.queue.shift() ?? this.whenEmpty;
    if ('hang' in turn) return;
    if ('status' in turn) return sendError(res, turn);
    if ('after' in turn && turn.after) {
      const { after, ...rest } = turn;
      void after.then(() => this.send(request, res, rest));
      return;
    }
    if ('delayMs' in turn && turn.delayMs) {
      const { delayMs, ...rest } = turn;
      setTimeout(() => this.send(request, res, rest), delayMs);
      return;
    }
    this.send(request, res, turn);
  }

  private send(
    request: RecordedRequest,
    res: ServerResponse,
    turn: Exclude<FakeTurn, { hang: true } | { status: number }>,
  ): void {
    const stream = request.body?.stream === true;
    const model = String(request.body?.model ?? 'unknown');
    if (request.path === CHAT_PATH) {
      if (stream && 'truncate' in turn && turn.truncate) {
        // Half the chunks, then the connection drops without [DONE].
        const chunks = chatChunks(this.nextId('chatcmpl'), model, turn);
        res.writeHead(200, { 'content-type': 'text/event-stream' });
        for (const chunk of chunks.slice(0, Math.max(1, Math.floor(chunks.length / 2))))
          res.write(`data: ${JSON.stringify(chunk)}\n\n`);
        res.socket?.destroy();
        return;
      }
      if (stream) sendSse(res, chatChunks(this.nextId('chatcmpl'), model, turn), true);
      else sendJson(res, chatCompletion(this.nextId('chatcmpl'), model, turn));
    } else {
      const response = responsesResponse(this.nextId('resp'), model, turn, () => this.nextId('item'));
      if (stream) sendSse(res, responsesEvents(response), false);
      else sendJson(res, response);
    }
  }

  private nextId(prefix: string): string {
    return `${prefix}_fake${++this.seq}`;
  }
}

type ModelTurn = Extract<FakeTurn, { text: string } | { toolCall: unknown }>;

const argumentsText = (args: Record<string, unknown> | string) =>
  typeof args === 'string' ? args : JSON.stringify(args);

const now = () => Math.floor(Date.now() / 1000);

/** Splits text into a few pieces, so clients must reassemble deltas rather than read one chunk. */
function pieces(text: string, count = 3): string[] {
  const size = Math.max(1, Math.ceil(text.length / count));
  const out: string[] = [];
  for (let i = 0; i < text.length; i += size) out.push(text.slice(i, i + size));
  return out;
}

function chatCompletion(id: string, model: string, turn: ModelTurn): ChatCompletion {
  const message: ChatMessage = { role: 'assistant', content: turn.text ?? null, refusal: null };
  if ('toolCall' in turn) {
    const { name, arguments: args, id: callId } = turn.toolCall;
    message.tool_calls = [{ id: callId, type: 'function', function: { name, arguments: argumentsText(args) } }];
  }
  return {
    id,
    object: 'chat.completion',
    created: now(),
    model,
    choices: [{ index: 0, message, finish_reason: 'toolCall' in turn ? 'tool_calls' : 'stop', logprobs: null }],
    usage: {
      prompt_tokens: FAKE_USAGE.input,
      completion_tokens: FAKE_USAGE.output,
      total_tokens: FAKE_USAGE.input + FAKE_USAGE.output,
    },
  };
}

/**
 * The chunks of a streamed chat completion: role, text deltas, tool-call deltas, finish reason, then usage
 * (include_usage).
 */
function chatChunks(id: string, model: string, turn: ModelTurn): ChatCompletionChunk[] {
  const chunk = (delta: ChunkChoice['delta'], finish: ChunkChoice['finish_reason'] = null): ChatCompletionChunk => ({
    id,
    object: 'chat.completion.chunk',
    created: now(),
    model,
    choices: [{ index: 0, delta, finish_reason: finish, logprobs: null }],
  });
  const out: ChatCompletionChunk[] = [chunk({ role: 'assistant', content: '' })];
  if (turn.text) for (const piece of pieces(turn.text)) out.push(chunk({ content: piece }));
  if ('toolCall' in turn) {
    const { name, arguments: args, id: callId } = turn.toolCall;
    // The first delta names the call; the arguments follow in fragments, as real servers send them.
    out.push(chunk({ tool_calls: [{ index: 0, id: callId, type: 'function', function: { name, arguments: '' } }] }));
    for (const piece of pieces(argumentsText(args)))
      out.push(chunk({ tool_calls: [{ index: 0, function: { arguments: piece } }] }));
  }
  out.push(chunk({}, 'toolCall' in turn ? 'tool_calls' : 'stop'));
  out.push({
    id,
    object: 'chat.completion.chunk',
    created: now(),
    model,
    choices: [],
    usage: {
      prompt_tokens: FAKE_USAGE.input,
      completion_tokens: FAKE_USAGE.output,
      total_tokens: FAKE_USAGE.input + FAKE_USAGE.output,
    },
  });
  return out;
}

function responsesResponse(id: string, model: string, turn: ModelTurn, itemId: () => string): ResponsesResponse {
  const output: ResponseOutputItem[] = [];
  if (turn.text) {
    output.push({
      id: itemId(),
      type: 'message',
      role: 'assistant',
      status: 'completed',
      content: [{ type: 'output_text', text: turn.text, annotations: [] }],
    });
  }
  if ('toolCall' in turn) {
    const { name, arguments: args, id: callId } = turn.toolCall;
    output.push({
      id: itemId(),
      type: 'function_call',
      call_id: callId,
      name,
      arguments: argumentsText(args),
      status: 'completed',
    });
  }
  return {
    id,
    object: 'response',
    created_at: now(),
    status: 'completed',
    model,
    output,
    output_text: turn.text ?? '',
    error: null,
    incomplete_details: null,
    instructions: null,
    metadata: null,
    access_programs: null,
    parallel_tool_calls: true,
    temperature: null,
    top_p: null,
    tool_choice: 'auto',
    tools: [],
    usage: {
      input_tokens: FAKE_USAGE.input,
      output_tokens: FAKE_USAGE.output,
      total_tokens: FAKE_USAGE.input + FAKE_USAGE.output,
      input_tokens_details: { cached_tokens: 0, cache_write_tokens: 0 },
      output_tokens_details: { reasoning_tokens: 0 },
    },
  };
}

/**
 * The events of a streamed Responses call: created, each item added / delta'd / done, then completed with the whole
 * response.
 */
function responsesEvents(response: ResponsesResponse): ResponseStreamEvent[] {
  let sequence_number = 0;
  const events: ResponseStreamEvent[] = [
    {
      type: 'response.created',
      sequence_number: sequence_number++,
      response: { ...response, status: 'in_progress', output: [], output_text: '' },
    },
  ];
  response.output.forEach((item, output_index) => {
    if (item.type === 'message') {
      events.push({
        type: 'response.output_item.added',
        sequence_number: sequence_number++,
        output_index,
        item: { ...item, status: 'in_progress', content: [] },
      });
      const text = item.content.map((c) => (c.type === 'output_text' ? c.text : '')).join('');
      for (const delta of pieces(text)) {
        events.push({
          type: 'response.output_text.delta',
          sequence_number: sequence_number++,
          output_index,
          content_index: 0,
          item_id: item.id,
          delta,
          logprobs: [],
        });
      }
    } else if (item.type === 'function_call') {
      events.push({
        type: 'response.output_item.added',
        sequence_number: sequence_number++,
        output_index,
        item: { ...item, status: 'in_progress', arguments: '' },
      });
      for (const delta of pieces(item.arguments)) {
        events.push({
          type: 'response.function_call_arguments.delta',
          sequence_number: sequence_number++,
          output_index,
          item_id: item.id ?? '',
          delta,
        });
      }
    }
    events.push({ type: 'response.output_item.done', sequence_number: sequence_number++, output_index, item });
  });
  events.push({ type: 'response.completed', sequence_number: sequence_number++, response });
  return events;
}

function sendJson(res: ServerResponse, body: unknown): void {
  res.writeHead(200, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

/** Chat Completions ends its stream with `data: [DONE]`; Responses names each event and just ends. */
function sendSse(
  res: ServerResponse,
  events: Array<ChatCompletionChunk | ResponseStreamEvent>,
  chatStyle: boolean,
): void {
  res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
  for (const event of events) {
    const name = !chatStyle && 'type' in event ? `event: ${event.type}\n` : '';
    res.write(`${name}data: ${JSON.stringify(event)}\n\n`);
  }
  if (chatStyle) res.write('data: [DONE]\n\n');
  res.end();
}

function sendError(
  res: ServerResponse,
  turn: { status: number; headers?: Record<string, string>; message?: string },
): void {
  res.writeHead(turn.status, { 'content-type': 'application/json', ...turn.headers });
  const type =
    turn.status === 429 ? 'rate_limit_exceeded' : turn.status >= 500 ? 'server_error' : 'invalid_request_error';
  res.end(
    JSON.stringify({
      error: { message: turn.message ?? `fake OpenAI: scripted ${turn.status}`, type, param: null, code: null },
    }),
  );
}
