import type { Model, ModelRequest, ModelResponse, StreamEvent } from '@openai/agents';

/**
 * Characters one model answer may hold, its text and its tool calls' arguments together. A reply to a
 * seller or a listing draft needs a few thousand; the bound is far above that and far below what would
 * weigh on the session, the trace and the transcript, which keep what the model said.
 */
export const MAX_MODEL_OUTPUT_CHARS = 50_000;

/** The model's answer passed the bound: the run stops as a model error and nothing of the answer is kept. */
export class ModelOutputTooLargeError extends Error {
  override readonly name = 'ModelOutputTooLargeError';
  constructor(readonly limit: number) {
    super(`The model's answer passed ${limit} characters.`);
  }
}

/**
 * Holds the model to MAX_MODEL_OUTPUT_CHARS per answer: a streamed answer is stopped as soon as its text
 * passes the bound (a client has seen at most that much), a whole one is checked when it arrives.
 */
export class OutputLimitModel implements Model {
  constructor(
    private readonly inner: Model,
    private readonly limit = MAX_MODEL_OUTPUT_CHARS,
  ) {}

  async getResponse(request: ModelRequest): Promise<ModelResponse> {
    const response = await this.inner.getResponse(request);
    this.check(response.output);
    return response;
  }

  async *getStreamedResponse(request: ModelRequest): AsyncIterable<StreamEvent> {
    let streamed = 0;
    for await (const event of this.inner.getStreamedResponse(request)) {
      if (event.type === 'output_text_delta') {
        streamed += event.delta.length;
        if (streamed > this.limit) throw new ModelOutputTooLargeError(this.limit);
      }
      if (event.type === 'response_done') this.check((event.response as { output: unknown[] }).output);
      yield event;
    }
  }

  getRetryAdvice(...args: Parameters<NonNullable<Model['getRetryAdvice']>>) {
    return this.inner.getRetryAdvice?.(...args);
  }

  private check(output: unknown[]): void {
    let size = 0;
    for (const item of output as Array<{ type?: string; arguments?: string; content?: unknown }>) {
      if (item.type === 'function_call') size += item.arguments?.length ?? 0;
      else if (item.type === 'message' && Array.isArray(item.content))
        for (const part of item.content as Array<{ text?: unknown }>)
          if (typeof part.text === 'string') size += part.text.length;
    }
    if (size > this.limit) throw new ModelOutputTooLargeError(this.limit);
  }
}
