import { assistantMessage, functionCall } from '@openai/agents/testing';

/** Small builders for scripted model turns, so tests read like conversations. */
export const say = (text: string) => [assistantMessage(text)];

export const callTool = (name: string, args: Record<string, unknown> | string, callId: string, text?: string) =>
  text ? [assistantMessage(text), functionCall(name, args, { callId })] : [functionCall(name, args, { callId })];

export const bikeDraft = {
  title: 'Trek Marlin 7 mountain bike, size L',
  description: 'Barely used Trek Marlin 7, serviced last month. Pickup in Berlin.',
  category: 'Sports',
  price: 420,
  condition: 'like new',
};

/** The text of the last tool result the model was sent for a call id. */
export function toolOutputFor(input: unknown, callId: string): string | undefined {
  if (!Array.isArray(input)) return undefined;
  const item = [...input].reverse().find((i) => i?.type === 'function_call_result' && i.callId === callId);
  if (!item) return undefined;
  const output = item.output;
  return typeof output === 'string' ? output : output?.text;
}
