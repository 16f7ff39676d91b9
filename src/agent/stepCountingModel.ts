import type { Model, ModelRequest, ModelResponse, StreamEvent } from '@openai/agents';

/** Counts model calls of one run: the `steps` of a RunResult, also for runs that end in an error. */
export class StepCountingModel implements Model {
  calls = 0;

  constructor(private readonly inner: Model) {}

  getResponse(request: ModelRequest): Promise<ModelResponse> {
    this.calls++;
    return this.inner.getResponse(request);
  }

  getStreamedResponse(request: ModelRequest): AsyncIterable<StreamEvent> {
    this.calls++;
    return this.inner.getStreamedResponse(request);
  }

  getRetryAdvice(...args: Parameters<NonNullable<Model['getRetryAdvice']>>) {
    return this.inner.getRetryAdvice?.(...args);
  }
}
