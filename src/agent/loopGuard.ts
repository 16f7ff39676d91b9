import type { Model, ModelRequest, ModelResponse, StreamEvent } from '@openai/agents';
import { canonicalJson } from '../shared/canonicalJson.js';

export class LoopDetectedError extends Error {
  constructor(readonly call: string) {
    super(`The model repeated the same tool call (${call}) without progress.`);
    this.name = 'LoopDetectedError';
  }
}

/** How many identical tool calls one run may make before it is stopped. */
export const MAX_IDENTICAL_CALLS = 3;

/**
 * Stops a run that keeps asking for the same tool call with the same
 * arguments, before the call runs again, instead of burning the step limit.
 * It checks each model response, so it works for every provider.
 */
export class LoopGuardModel implements Model {
  private readonly seen = new Map<string, number>();

  constructor(private readonly inner: Model) {}

  async getResponse(request: ModelRequest): Promise<ModelResponse> {
    const response = await this.inner.getResponse(request);
    this.check(response.output);
    return response;
  }

  async *getStreamedResponse(request: ModelRequest): AsyncIterable<StreamEvent> {
    for await (const event of this.inner.getStreamedResponse(request)) {
      if (event.type === 'response_done') this.check((event.response as { output: unknown[] }).output);
      yield event;
    }
  }

  getRetryAdvice(...args: Parameters<NonNullable<Model['getRetryAdvice']>>) {
    return this.inner.getRetryAdvice?.(...args);
  }

  private check(output: unknown[]): void {
    for (const item of output as Array<{ type?: string; name?: string; arguments?: string }>) {
      if (item.type !== 'function_call') continue;
      let args: unknown = item.arguments;
      try {
        args = JSON.parse(item.arguments ?? '');
      } catch {
        // malformed arguments compare as raw text
      }
      const key = `${item.name}(${canonicalJson(args)})`;
      const count = (this.seen.get(key) ?? 0) + 1;
      this.seen.set(key, count);
      if (count >= MAX_IDENTICAL_CALLS) throw new LoopDetectedError(`${item.name}`);
    }
  }
}
