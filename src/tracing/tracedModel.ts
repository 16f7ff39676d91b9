import {
  createGenerationSpan,
  withGenerationSpan,
  type Model,
  type ModelRequest,
  type ModelResponse,
  type StreamEvent,
} from '@openai/agents';

export const TRACED_MODEL_MARKER = 'listing_assistant_model_call';

/**
 * Wraps a run's model: counts calls (the RunResult's `steps`, also for runs
 * that end in an error) and opens one generation span per call with the
 * input, output, model name and token usage, whatever the provider. Custom
 * models emit no generation span of their own.
 *
 * A span records only the call's new input: for a segment's first call, from the seller's latest
 * message on; for a later call, what came after the previous call's input (its output and the tool
 * results). The history before is already in earlier spans and the session, so a span's size does
 * not grow with the conversation; `history_items` says how many items were left out. Photos are
 * references here (the bytes are added further in, by the agent's PhotoInputModel).
 */
export class TracedModel implements Model {
  calls = 0;
  /** Items in the previous call's input, when there was one in this segment. */
  private previousInput: number | undefined;

  constructor(
    private readonly inner: Model,
    private readonly modelName: string,
  ) {}

  getResponse(request: ModelRequest): Promise<ModelResponse> {
    this.calls++;
    return withGenerationSpan(
      async (span) => {
        span.spanData.input = this.newInput(request.input, span.spanData.model_config);
        const response = await this.inner.getResponse(request);
        span.spanData.output = response.output as Array<Record<string, unknown>>;
        span.spanData.usage = usageOf(response);
        return response;
      },
      { data: { model: this.modelName, model_config: modelConfig(request) } },
    );
  }

  async *getStreamedResponse(request: ModelRequest): AsyncIterable<StreamEvent> {
    this.calls++;
    // A streamed call is one span from the first event to `response_done`, which carries output and usage.
    const config = modelConfig(request);
    const span = createGenerationSpan({
      data: { model: this.modelName, model_config: config, input: this.newInput(request.input, config) },
    });
    span.start();
    try {
      for await (const event of this.inner.getStreamedResponse(request)) {
        // When the first of the answer arrived (Langfuse's completion start time: time to first token).
        const data = span.spanData as unknown as Record<string, unknown>;
        if (event.type !== 'response_started' && data.completion_start_time === undefined)
          data.completion_start_time = new Date().toISOString();
        if (event.type === 'response_done') {
          const response = event.response as unknown as {
            output: Array<Record<string, unknown>>;
            usage?: Record<string, number>;
          };
          span.spanData.output = response.output;
          span.spanData.usage = {
            input_tokens: response.usage?.inputTokens ?? 0,
            output_tokens: response.usage?.outputTokens ?? 0,
            total_tokens: response.usage?.totalTokens ?? 0,
            requests: 1,
          };
        }
        yield event;
      }
    } catch (error) {
      span.setError({ message: error instanceof Error ? error.message : String(error) });
      throw error;
    } finally {
      span.end();
    }
  }

  getRetryAdvice(...args: Parameters<NonNullable<Model['getRetryAdvice']>>) {
    return this.inner.getRetryAdvice?.(...args);
  }

  private newInput(
    input: ModelRequest['input'],
    config: Record<string, unknown> | undefined,
  ): Array<Record<string, unknown>> {
    const items = toArray(input);
    const from =
      this.previousInput !== undefined && this.previousInput <= items.length
        ? this.previousInput
        : Math.max(
            0,
            items.findLastIndex((i) => i.type === 'message' && i.role === 'user'),
          );
    this.previousInput = items.length;
    if (config) config.history_items = from;
    return items.slice(from);
  }
}

/** Our marker, and the call's scalar settings (temperature, max tokens, ...) as its model parameters. */
function modelConfig(request: ModelRequest): Record<string, unknown> {
  const settings = Object.entries(request.modelSettings ?? {}).filter(([, v]) =>
    ['string', 'number', 'boolean'].includes(typeof v),
  );
  return { ...Object.fromEntries(settings), [TRACED_MODEL_MARKER]: true };
}

function toArray(input: ModelRequest['input']): Array<Record<string, unknown>> {
  return typeof input === 'string' ? [{ type: 'message', role: 'user', content: input }] : input;
}

function usageOf(response: ModelResponse) {
  const u = response.usage;
  return {
    input_tokens: u?.inputTokens ?? 0,
    output_tokens: u?.outputTokens ?? 0,
    total_tokens: u?.totalTokens ?? 0,
    requests: u?.requests ?? 1,
  };
}
