import type { AgentInputItem, RunItem } from '@openai/agents';

export interface SellerMessage {
  text: string;
  /** Data URLs (`data:image/...;base64,...`); they reach a vision-capable model as image input. */
  images?: string[];
}

export function userInputItem(message: SellerMessage): AgentInputItem {
  if (!message.images?.length) return { type: 'message', role: 'user', content: message.text };
  return {
    type: 'message',
    role: 'user',
    content: [
      { type: 'input_text', text: message.text },
      ...message.images.map((image) => ({ type: 'input_image' as const, image })),
    ],
  };
}

/**
 * The assistant's latest words: its messages since the last tool result. A
 * resumed run's items include earlier segments, whose text the seller has
 * already read.
 */
export function assistantText(items: RunItem[]): string | undefined {
  const texts: string[] = [];
  for (let i = items.length - 1; i >= 0; i--) {
    const item = items[i];
    if (item.type === 'tool_call_output_item') break;
    if (item.type !== 'message_output_item') continue;
    const parts = item.rawItem.content.filter((p) => p.type === 'output_text').map((p) => (p as { text: string }).text);
    texts.unshift(...parts);
  }
  return texts.length ? texts.join('\n\n') : undefined;
}

export interface TranscriptEntry {
  role: 'seller' | 'assistant' | 'tool';
  text: string;
  images?: number;
  tool?: string;
}

/** A readable transcript of a conversation's stored history (seller, assistant and tool activity). */
export function transcript(items: AgentInputItem[]): TranscriptEntry[] {
  const out: TranscriptEntry[] = [];
  for (const item of items) {
    if (item.type === 'message' && item.role === 'user') {
      const content = item.content;
      if (typeof content === 'string') out.push({ role: 'seller', text: content });
      else {
        const text = content.map((c) => (c.type === 'input_text' ? c.text : '')).join('');
        const images = content.filter((c) => c.type === 'input_image').length;
        out.push({ role: 'seller', text, ...(images ? { images } : {}) });
      }
    } else if (item.type === 'message' && item.role === 'assistant') {
      const text = item.content.map((c) => (c.type === 'output_text' ? c.text : '')).join('');
      if (text) out.push({ role: 'assistant', text });
    } else if (item.type === 'function_call') {
      out.push({ role: 'tool', tool: item.name, text: item.arguments });
    }
  }
  return out;
}
