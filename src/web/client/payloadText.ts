import { h, richText } from './dom.js';
import { showPhoto } from './photo.js';
import { openPhoto } from './photoViewer.js';

/** Text longer than this is folded: its start shows, the rest is one click away. */
const FOLD_CHARS = 280;
const PLACEHOLDER = /^\[[\w/.+-]+, \d+ KB\]$/;
/** A stored image: its id, or its URL on this server. */
const IMAGE_REF = /^(?:\/api\/images\/)?(img_[A-Za-z0-9_-]+)$/;

/** Long text folded after its start; short text as is. */
export function folded(text: string, className = 'text'): HTMLElement {
  if (text.length <= FOLD_CHARS) return h('span', { class: className }, text);
  return h(
    'details',
    { class: `fold ${className}` },
    h('summary', {}, `${text.slice(0, FOLD_CHARS)}… (${text.length} characters)`),
    h('span', {}, text),
  );
}

/** Markdown as the seller sees it in the chat (the chat's own renderer). */
export const asSellerSees = (text: string) => h('span', { class: 'rich' }, ...richText(text));

/** Markdown reduced to its words, for one-line previews. */
export const plainText = (text: string) => text.replace(/\*\*/g, '').replace(/\s+/g, ' ').trim();

/** Raw JSON, folded away behind one click. */
export const rawJson = (value: unknown, label = 'Raw JSON') =>
  h('details', { class: 'raw' }, h('summary', {}, label), h('pre', {}, JSON.stringify(value, null, 2)));

/**
 * An image as support sees it: a thumbnail when it is stored (an id or its URL), its placeholder
 * ("[image, 12 KB]") when a recorded span held the bytes. Image bytes never reach the page.
 */
export function imageView(ref: string): HTMLElement {
  const stored = IMAGE_REF.exec(ref);
  if (stored) {
    const img = h('img', { class: 'thumb', alt: 'Photo the seller sent', 'data-testid': 'trace-image' });
    // A bounded thumbnail; the whole photo opens over the page (a plain link would lack the token).
    const open: HTMLButtonElement = h(
      'button',
      {
        type: 'button',
        class: 'thumb-button',
        title: 'Open at full size',
        'aria-label': 'Photo the seller sent: open at full size',
        onclick: () => openPhoto(img, open),
      },
      img,
    );
    showPhoto(img, `/api/images/${stored[1]}`, '[image not available]');
    return open;
  }
  const text = PLACEHOLDER.test(ref) ? ref : '[image]';
  return h('span', { class: 'image-placeholder', 'data-testid': 'image-placeholder' }, text);
}

const quoteValue = (value: unknown): string => {
  if (typeof value === 'string') return `“${value}”`;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return value === null || value === undefined ? '' : JSON.stringify(value);
};

/** Arguments in words: `query “oak table”, category “Furniture”, limit 5` (empty fields left out). */
export function argsInWords(args: unknown): string {
  if (typeof args === 'string') {
    try {
      return argsInWords(JSON.parse(args));
    } catch {
      return args;
    }
  }
  if (!args || typeof args !== 'object' || Array.isArray(args)) return quoteValue(args);
  return Object.entries(args)
    .filter(([, v]) => v !== null && v !== undefined && v !== '')
    .map(([k, v]) => `${k} ${quoteValue(v)}`)
    .join(', ');
}

type Part = { type?: string; text?: string; image?: unknown; imageId?: unknown; image_url?: unknown };

/** The words (and images) of an SDK message's content. */
function contentView(content: unknown): (Node | string)[] {
  if (typeof content === 'string') return [folded(content)];
  if (!Array.isArray(content)) return [];
  return (content as Part[]).flatMap((p) => {
    if (typeof p?.text === 'string') return [folded(p.text)];
    const ref = p?.image ?? p?.imageId ?? p?.image_url;
    if (p?.type === 'input_image' && typeof ref === 'string') return [imageView(ref)];
    return [];
  });
}

type Item = {
  type?: string;
  role?: string;
  content?: unknown;
  name?: string;
  arguments?: unknown;
  output?: unknown;
};

/** One conversation item in words: who said what, which tool was chosen with what, what it returned. */
export function itemView(item: Item): HTMLElement {
  if (item.type === 'function_call')
    return h('p', { class: 'choice' }, h('strong', {}, `Calls ${item.name}`), ` ${argsInWords(item.arguments)}`);
  if (item.type === 'function_call_result') {
    const out = item.output as { text?: unknown } | string | undefined;
    const text = typeof out === 'string' ? out : typeof out?.text === 'string' ? out.text : JSON.stringify(out);
    return h('p', {}, h('strong', {}, `Result of ${item.name}: `), folded(text ?? ''));
  }
  if (item.role === 'user') return h('p', {}, h('strong', {}, 'Seller: '), ...contentView(item.content));
  if (item.role === 'assistant') {
    const parts = Array.isArray(item.content)
      ? (item.content as Part[])
      : [{ text: typeof item.content === 'string' ? item.content : '' }];
    const text = parts.map((p) => p?.text ?? '').join('');
    return h('div', { class: 'choice' }, h('strong', {}, 'Replies: '), h('blockquote', {}, asSellerSees(text)));
  }
  if (item.role === 'system') return h('p', {}, h('strong', {}, 'Instructions: '), ...contentView(item.content));
  return h('p', { class: 'hint' }, item.type ?? item.role ?? 'item');
}
