import {
  Usage,
  type AssistantMessageItem,
  type FunctionCallItem,
  type Model,
  type ModelRequest,
  type ModelResponse,
  type StreamEvent,
} from '@openai/agents';
import { asItems, type Item } from './history.js';
import { respond } from './respond.js';
import { withDraftPhotos } from './draft.js';
import type { Turn } from './turn.js';

/** One step of a rule-based model: a pure function of the conversation the Runner sends. */
export type Decide = (items: Item[]) => Turn;

/**
 * The built-in model used when no OpenAI key is configured: NOT an LLM but a
 * deterministic, rule-based implementation of the SDK's Model interface. It
 * reads the conversation the Runner sends, decides one step with keyword
 * rules (see respond.ts), and answers with the same item shapes a real model
 * produces, so the tools, the policy gate, approvals and tracing all run
 * exactly as they would with OpenAI. No I/O, no randomness, no clock.
 */
export class OfflineModel implements Model {
  /** `decide` defaults to the offline model's rules; the evals' null models plug in their own. */
  constructor(private readonly decide: Decide = respond) {}

  async getResponse(request: ModelRequest): Promise<ModelResponse> {
    return this.answer(request);
  }

  async *getStreamedResponse(request: ModelRequest): AsyncIterable<StreamEvent> {
    const response = this.answer(request);
    yield { type: 'response_started' };
    for (const item of response.output) {
      if (item.type !== 'message' || item.role !== 'assistant') continue;
      for (const part of item.content) {
        if (part.type === 'output_text')
          for (const delta of textChunks(part.text)) yield { type: 'output_text_delta', delta };
      }
    }
    yield {
      type: 'response_done',
      response: {
        id: response.responseId!,
        usage: {
          requests: response.usage.requests,
          inputTokens: response.usage.inputTokens,
          outputTokens: response.usage.outputTokens,
          totalTokens: response.usage.totalTokens,
        },
        output: response.output,
      },
    };
  }

  private answer(request: ModelRequest): ModelResponse & { output: Array<AssistantMessageItem | FunctionCallItem> } {
    request.signal?.throwIfAborted();
    const items = asItems(request.input);
    const turn = withDraftPhotos(this.decide(items), items);
    const output = outputItems(turn, items.length);
    const inputTokens = estimateTokens(inputChars(request, items));
    const outputTokens = estimateTokens(JSON.stringify(turn).length);
    return {
      usage: new Usage({ requests: 1, inputTokens, outputTokens, totalTokens: inputTokens + outputTokens }),
      output,
      responseId: `resp_off_${items.length}_${fingerprint(JSON.stringify(output))}`,
    };
  }
}

/**
 * SDK output items, shaped like the SDK's own test helpers build them. Call ids
 * come from the input length: deterministic for a conversation, and unique in
 * it because every turn makes the input longer.
 */
function outputItems(turn: Turn, inputLength: number): Array<AssistantMessageItem | FunctionCallItem> {
  const output: Array<AssistantMessageItem | FunctionCallItem> = [];
  if (turn.text) {
    output.push({
      type: 'message',
      role: 'assistant',
      status: 'completed',
      content: [{ type: 'output_text', text: turn.text }],
    });
  }
  turn.calls.forEach((call, n) => {
    const callId = `call_off_${inputLength}_${n}`;
    output.push({
      type: 'function_call',
      callId,
      id: callId,
      name: call.name,
      arguments: JSON.stringify(call.arguments),
      status: 'completed',
    });
  });
  return output;
}

/** Roughly four characters per token, so cost and usage figures are plausible rather than zero. */
const estimateTokens = (chars: number): number => Math.max(1, Math.ceil(chars / 4));

function inputChars(request: ModelRequest, items: Item[]): number {
  // Image data URLs would count megabytes; a vision model bills an image as a few hundred tokens.
  const conversation = JSON.stringify(items, (_key, value: unknown) =>
    typeof value === 'string' && value.startsWith('data:') ? 'x'.repeat(1000) : value,
  );
  let tools: number;
  try {
    tools = JSON.stringify(request.tools ?? []).length;
  } catch {
    tools = 0;
  }
  return (request.systemInstructions?.length ?? 0) + conversation.length + tools;
}

/** A few words per delta; the deltas concatenate to exactly the text. */
function textChunks(text: string, wordsPerChunk = 4): string[] {
  const words = text.split(/(?<=\s)(?=\S)/);
  const chunks: string[] = [];
  for (let i = 0; i < words.length; i += wordsPerChunk) chunks.push(words.slice(i, i + wordsPerChunk).join(''));
  return chunks;
}

/** FNV-1a, hex: a short deterministic tag so response ids differ between conversations. */
function fingerprint(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}
