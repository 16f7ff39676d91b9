import type { AgentInputItem, RunItem } from '@openai/agents';
import { photoIdOf, photoUrl } from './photos.js';

export interface SellerMessage {
  text: string;
  /**
   * Data URLs (`data:image/...;base64,...`) as sent; ListingAssistant stores them (photos.ts) and the
   * run sees only their ids.
   */
  images?: string[];
  /** The stored photos of this message. */
  photoIds?: string[];
}

/** The seller's message as a session item: photos by reference (their URL), never their bytes. */
export function userInputItem(message: SellerMessage): AgentInputItem {
  if (!message.photoIds?.length) return { type: 'message', role: 'user', content: message.text };
  return {
    type: 'message',
    role: 'user',
    content: [
      { type: 'input_text', text: message.text },
      ...message.photoIds.map((id) => ({ type: 'input_image' as const, image: photoUrl(id) })),
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
  /** The seller's stored photos in this message (older conversations may have inline images, counted only). */
  photos?: { id: string; url: string }[];
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
        const parts = content.filter((c) => c.type === 'input_image');
        const photos = parts.flatMap((c) => {
          const id = photoIdOf(c.image);
          return id ? [{ id, url: photoUrl(id) }] : [];
        });
        out.push({
          role: 'seller',
          text,
          ...(parts.length ? { images: parts.length } : {}),
          ...(photos.length ? { photos } : {}),
        });
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
