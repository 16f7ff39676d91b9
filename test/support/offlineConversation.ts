import type { AgentInputItem, ModelRequest, ModelResponse } from '@openai/agents';
import { expect } from 'vitest';
import { OfflineModel } from '../../src/agent/offline/offlineModel.js';
import { classify } from '../../src/agent/offline/intent.js';
import type { ToolResult } from '../../src/tools/index.js';

/** Hand-built conversations for the offline model, fed straight to it: no runner, no tools. */

export const user = (text: string): AgentInputItem => ({ type: 'message', role: 'user', content: text });

export const assistant = (text: string): AgentInputItem => ({
  type: 'message',
  role: 'assistant',
  status: 'completed',
  content: [{ type: 'output_text', text }],
});

export const call = (name: string, args: unknown, callId: string): AgentInputItem => ({
  type: 'function_call',
  name,
  callId,
  arguments: JSON.stringify(args),
  status: 'completed',
});

export const result = (name: string, callId: string, output: ToolResult | string): AgentInputItem => ({
  type: 'function_call_result',
  name,
  callId,
  status: 'completed',
  output: { type: 'text', text: typeof output === 'string' ? output : JSON.stringify(output) },
});

/** The words a tool result carries when the seller rejects a proposal with a message. */
export const rejectedWith = (message: string): string =>
  `The seller did not confirm this action, so nothing was changed. Seller's message: "${message}"`;

export const request = (input: AgentInputItem[]): ModelRequest => ({
  input,
  systemInstructions: 'You are the listing assistant.',
  modelSettings: {},
  tools: [],
  handoffs: [],
  outputType: 'text',
  tracing: false,
});

export const model = new OfflineModel();
export const ask = (input: AgentInputItem[]): Promise<ModelResponse> => model.getResponse(request(input));

export function textOf(response: ModelResponse): string {
  return response.output
    .flatMap((item) => (item.type === 'message' && item.role === 'assistant' ? item.content : []))
    .map((part) => (part.type === 'output_text' ? part.text : ''))
    .join('');
}

export function callsOf(response: ModelResponse): Array<{ name: string; args: Record<string, unknown> }> {
  return response.output.flatMap((item) =>
    item.type === 'function_call'
      ? [{ name: item.name, args: JSON.parse(item.arguments) as Record<string, unknown> }]
      : [],
  );
}

/** A listing summary as the tools return it. */
export const listing = (id: string, title: string, price: number, sellerId = 'seller-1') => ({
  id,
  title,
  category: 'Other',
  condition: 'good',
  price,
  status: 'active',
  sellerId,
});

/** The draft one message is read as, on its own: it must be read as one item to sell. */
export function draftOf(text: string) {
  const intent = classify({ text, images: 0 });
  expect(intent.kind).toBe('sell');
  if (intent.kind !== 'sell') throw new Error(`"${text}" is not read as an item to sell`);
  return intent.item.draft;
}
