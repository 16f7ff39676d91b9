import { Usage, type Model, type ModelRequest, type ModelResponse } from '@openai/agents';

/** The benches' model: answers a short text after a fixed delay, like a remote model would, at no CPU cost. */
export class DelayedModel implements Model {
  constructor(private readonly delayMs: number) {}

  async getResponse(_request: ModelRequest): Promise<ModelResponse> {
    await new Promise((r) => setTimeout(r, this.delayMs));
    return {
      usage: new Usage({ requests: 1, inputTokens: 100, outputTokens: 20, totalTokens: 120 }),
      output: [
        {
          type: 'message',
          role: 'assistant',
          status: 'completed',
          content: [{ type: 'output_text', text: 'Here is what I found.' }],
        },
      ],
    };
  }

  // eslint-disable-next-line require-yield
  async *getStreamedResponse(): AsyncIterable<never> {
    throw new Error('not used');
  }
}
