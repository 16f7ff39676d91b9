import { Usage, type Model, type ModelRequest, type ModelResponse, type StreamEvent } from '@openai/agents';

export class ReplayExhaustedError extends Error {
  constructor(readonly call: number) {
    super(`The replayed run asked for model call ${call + 1}, but the recording has only ${call}.`);
    this.name = 'ReplayExhaustedError';
  }
}

/** Answers each model call with the recorded output of the same call, in order. */
export class RecordedModel implements Model {
  calls = 0;

  constructor(private readonly outputs: Array<Array<Record<string, unknown>>>) {}

  async getResponse(_request: ModelRequest): Promise<ModelResponse> {
    const index = this.calls++;
    const output = this.outputs[index];
    if (!output) throw new ReplayExhaustedError(index);
    return {
      usage: new Usage({ requests: 1, inputTokens: 0, outputTokens: 0, totalTokens: 0 }),
      output: structuredClone(output) as ModelResponse['output'],
      responseId: `replay_${index}`,
    };
  }

  async *getStreamedResponse(request: ModelRequest): AsyncIterable<StreamEvent> {
    const response = await this.getResponse(request);
    yield {
      type: 'response_done',
      response: {
        id: response.responseId!,
        usage: { requests: 1, inputTokens: 0, outputTokens: 0, totalTokens: 0 },
        output: response.output,
      },
    } as StreamEvent;
  }
}
