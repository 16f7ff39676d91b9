import type { AgentInputItem, Model, ModelRequest, ModelResponse, StreamEvent } from '@openai/agents';
import type { Store } from '../store/index.js';
import { photoIdOf } from './photos.js';

type Part = { type: string; image?: unknown; text?: string };

const NOTE_PREFIX = "Photo ids of the seller's next message:";

/**
 * The one place a photo's bytes enter a run: just before the provider is called, the photos of the
 * seller's latest `photoTurns` messages become data URLs (image input); older ones are left out.
 * Before each message with photos a short system note names their ids, so a model can attach them to
 * a listing. Everything before this (session items, spans, paused state) holds references only.
 */
export class PhotoInputModel implements Model {
  /** Data URLs already read in this segment. */
  private readonly loaded = new Map<string, string | undefined>();

  constructor(
    private readonly inner: Model,
    private readonly store: Store,
    private readonly sellerId: string,
    private readonly photoTurns: number,
  ) {}

  async getResponse(request: ModelRequest): Promise<ModelResponse> {
    if (!hasPhotos(request.input)) return this.inner.getResponse(request);
    return this.inner.getResponse({ ...request, input: await this.resolve(request.input) });
  }

  async *getStreamedResponse(request: ModelRequest): AsyncIterable<StreamEvent> {
    const input = hasPhotos(request.input) ? await this.resolve(request.input) : undefined;
    yield* this.inner.getStreamedResponse(input ? { ...request, input } : request);
  }

  getRetryAdvice(...args: Parameters<NonNullable<Model['getRetryAdvice']>>) {
    return this.inner.getRetryAdvice?.(...args);
  }

  private async resolve(input: ModelRequest['input']): Promise<ModelRequest['input']> {
    if (typeof input === 'string') return input;
    const sellerMessages = input.flatMap((item, i) => (item.type === 'message' && item.role === 'user' ? [i] : []));
    const shown = new Set(sellerMessages.slice(Math.max(0, sellerMessages.length - this.photoTurns)));
    const out: AgentInputItem[] = [];
    for (const [i, item] of input.entries()) {
      if (item.type !== 'message' || item.role !== 'user' || typeof item.content === 'string') {
        out.push(item);
        continue;
      }
      const parts = item.content as Part[];
      if (!parts.some((p) => p.type === 'input_image')) {
        out.push(item);
        continue;
      }
      const ids = parts.flatMap((p) => (p.type === 'input_image' ? [photoIdOf(p.image)].filter(Boolean) : []));
      const content: Part[] = [];
      for (const part of parts) {
        if (part.type !== 'input_image') content.push(part);
        else if (shown.has(i)) {
          const id = photoIdOf(part.image);
          // An inline data URL (a conversation from before photos were stored) passes as it is.
          const image = id ? await this.dataUrl(id) : part.image;
          if (image) content.push({ ...part, image });
        }
      }
      // The note goes before the message, so the seller's message stays the latest item.
      if (ids.length)
        out.push({
          type: 'message',
          role: 'system',
          content: `${NOTE_PREFIX} ${ids.join(', ')}` + (shown.has(i) ? '.' : ' (sent earlier, not shown again).'),
        });
      out.push({ ...item, content } as AgentInputItem);
    }
    return out;
  }

  private async dataUrl(id: string): Promise<string | undefined> {
    if (!this.loaded.has(id)) {
      const found = await this.store.images.data(id);
      const own = found && found.image.sellerId === this.sellerId;
      this.loaded.set(id, own ? `data:${found.image.mime};base64,${found.data.toString('base64')}` : undefined);
    }
    return this.loaded.get(id);
  }
}

/** Whether any seller message of the input has a photo part (most have none: then nothing changes). */
function hasPhotos(input: ModelRequest['input']): boolean {
  if (typeof input === 'string') return false;
  for (const item of input)
    if (item.type === 'message' && item.role === 'user' && typeof item.content !== 'string')
      if ((item.content as Part[]).some((p) => p.type === 'input_image')) return true;
  return false;
}

/** Photo ids named by the notes PhotoInputModel adds: what a model can attach to a listing. */
export function notedPhotoIds(input: AgentInputItem[]): string[] {
  const ids = new Set<string>();
  for (const item of input) {
    if (item.type !== 'message' || item.role !== 'system' || typeof item.content !== 'string') continue;
    if (!item.content.startsWith(NOTE_PREFIX)) continue;
    for (const id of item.content.match(/img_[0-9a-f]{32}/g) ?? []) ids.add(id);
  }
  return [...ids];
}
