import { randomUUID } from 'node:crypto';
import { Usage, type Model, type ModelRequest, type ModelResponse } from '@openai/agents';

/** A seller message starting with this asks the bench's model to draft a listing titled with the rest. */
export const DRAFT_PREFIX = 'sell:';
/** The reply after a successful write; any other reply after a tool's result says it failed. */
export const POSTED = 'Posted.';

/**
 * The benches' model: answers after a fixed delay, like a remote model would, at no CPU cost. It
 * answers a short text, except to a seller message starting with DRAFT_PREFIX: that one gets a
 * createListing call (paused for the seller's approval), and the call's result gets POSTED when the
 * write succeeded.
 */
export class DelayedModel implements Model {
  constructor(private readonly delayMs: number) {}

  async getResponse(request: ModelRequest): Promise<ModelResponse> {
    await new Promise((r) => setTimeout(r, this.delayMs));
    const title = draftTitle(request.input);
    const output: ModelResponse['output'] =
      title === undefined
        ? [text(toolAnswer(request.input) ?? 'Here is what I found.')]
        : [
            {
              type: 'function_call',
              callId: `call_${randomUUID()}`,
              name: 'createListing',
              status: 'completed',
              arguments: JSON.stringify({
                title,
                description: 'Used, works well, collection only.',
                category: 'Sports',
                price: 120,
                condition: 'good',
              }),
            },
          ];
    return { usage: new Usage({ requests: 1, inputTokens: 100, outputTokens: 20, totalTokens: 120 }), output };
  }

  // eslint-disable-next-line require-yield
  async *getStreamedResponse(): AsyncIterable<never> {
    throw new Error('not used');
  }
}

const text = (t: string): ModelResponse['output'][number] => ({
  type: 'message',
  role: 'assistant',
  status: 'completed',
  content: [{ type: 'output_text', text: t }],
});

/** The title asked for when the newest input is a seller message starting with DRAFT_PREFIX. */
function draftTitle(input: ModelRequest['input']): string | undefined {
  const last = typeof input === 'string' ? { role: 'user', content: input } : input.at(-1);
  if (!last || !('role' in last) || last.role !== 'user') return undefined;
  const content = last.content;
  const said =
    typeof content === 'string'
      ? content
      : content.map((part) => ('text' in part && typeof part.text === 'string' ? part.text : '')).join('');
  return said.startsWith(DRAFT_PREFIX) ? said.slice(DRAFT_PREFIX.length).trim() : undefined;
}

/** After a tool's result, what a model would tell the seller: posted, or not (a refusal, a time-out). */
function toolAnswer(input: ModelRequest['input']): string | undefined {
  const last = typeof input === 'string' ? undefined : input.at(-1);
  if (last?.type !== 'function_call_result') return undefined;
  return /"ok":\s*true/.test(JSON.stringify(last.output)) ? POSTED : 'It was not posted.';
}
