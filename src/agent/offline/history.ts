import type { AgentInputItem } from '@openai/agents';
import { withoutEmoji } from './emoji.js';
import { numberWordsToDigits } from './numberWords.js';
import { expandShorthand } from './shorthand.js';
import { correctTypos } from './spelling.js';

/**
 * Reading the conversation the Runner sends (request.input): the seller's
 * messages, the tool calls and their results. Everything the offline model
 * knows comes from here; it keeps no state of its own.
 */

export type Item = AgentInputItem;

export interface SellerMessage {
  text: string;
  images: number;
  /** Position in the input. */
  index: number;
}

export interface ToolCall {
  name: string;
  callId: string;
  /** The raw JSON the model sent. */
  arguments: string;
  index: number;
}

export interface ToolResultItem {
  name: string;
  callId: string;
  /** The result as text (JSON for tool results, plain words for rejections). */
  text: string;
  index: number;
}

export function asItems(input: string | AgentInputItem[]): Item[] {
  return typeof input === 'string' ? [{ type: 'message', role: 'user', content: input }] : input;
}

export function sellerMessageAt(items: Item[], index: number): SellerMessage | undefined {
  const item = items[index];
  if (!item || item.type !== 'message' || item.role !== 'user') return undefined;
  const content = item.content;
  if (typeof content === 'string') return { text: readable(content), images: 0, index };
  const text = content
    .map((part) => (part.type === 'input_text' ? part.text : ''))
    .join(' ')
    .trim();
  const images = content.filter((part) => part.type === 'input_image').length;
  return { text: readable(text), images, index };
}

/** The seller's words as the rules read them: shorthand spelled out, amounts in digits, typos corrected. */
const readable = (text: string): string => correctTypos(numberWordsToDigits(expandShorthand(withoutEmoji(text))));

/** The seller's latest message at or before `before` (exclusive end). */
export function lastSellerMessage(items: Item[], before = items.length): SellerMessage | undefined {
  for (let i = before - 1; i >= 0; i--) {
    const message = sellerMessageAt(items, i);
    if (message) return message;
  }
  return undefined;
}

export function toolCallAt(items: Item[], index: number): ToolCall | undefined {
  const item = items[index];
  if (!item || item.type !== 'function_call') return undefined;
  return { name: item.name, callId: item.callId, arguments: item.arguments, index };
}

export function toolResultAt(items: Item[], index: number): ToolResultItem | undefined {
  const item = items[index];
  if (!item || item.type !== 'function_call_result') return undefined;
  return { name: item.name, callId: item.callId, text: outputText(item.output), index };
}

/** The call a result answers. */
export function callFor(items: Item[], callId: string): ToolCall | undefined {
  for (let i = items.length - 1; i >= 0; i--) {
    const call = toolCallAt(items, i);
    if (call?.callId === callId) return call;
  }
  return undefined;
}

/** The result of a call, if it has one yet. */
export function resultFor(items: Item[], callId: string): ToolResultItem | undefined {
  for (let i = items.length - 1; i >= 0; i--) {
    const result = toolResultAt(items, i);
    if (result?.callId === callId) return result;
  }
  return undefined;
}

/** Tool output as text, whichever of the SDK's output shapes it arrived in. */
function outputText(output: unknown): string {
  if (typeof output === 'string') return output;
  if (Array.isArray(output)) return output.map(outputText).join('');
  if (output && typeof output === 'object') {
    const o = output as { type?: string; text?: unknown };
    if ((o.type === 'text' || o.type === 'input_text') && typeof o.text === 'string') return o.text;
  }
  return '';
}

export function parseJsonObject(text: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(text);
    return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}
