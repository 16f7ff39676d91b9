import { Usage, type AgentOutputItem, type Model, type ModelResponse, type StreamEvent } from '@openai/agents';

/**
 * A model stand-in that answers with its script's next turn and does nothing else, like the
 * LangGraph variant's chat model. The SDK's `ScriptedModel` also deep-copies and freezes every
 * request it is sent, twice, so tests can assert on them: work no model client does, which grew
 * with the request (our instructions and tools) and cost our stack about 4% of its time in the
 * bench. The bare loop and our stack both use this one, so the ratios compare the harnesses.
 */
export class TurnsModel implements Model {
  #turns: AgentOutputItem[][];
  #taken = 0;

  constructor(turns: AgentOutputItem[][]) {
    this.#turns = turns;
  }

  async getResponse(): Promise<ModelResponse> {
    const output = this.#turns[this.#taken];
    if (!output) throw new Error(`no scripted turn ${this.#taken + 1}`);
    this.#taken++;
    return { output, usage: new Usage({ requests: 1 }), responseId: `turn-${this.#taken}` };
  }

  // eslint-disable-next-line require-yield
  async *getStreamedResponse(): AsyncIterable<StreamEvent> {
    throw new Error('the bench does not stream');
  }
}
