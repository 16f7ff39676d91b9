/**
 * How recorded payloads are shown to support: never an image's bytes, and for a model call only
 * what was new to it. Recorded spans stay as they are (replay and export read them); this shapes
 * a copy for the page.
 */

const DATA_URL = /^data:([\w.+-]+\/[\w.+-]+)?(;[\w=.+-]+)*;base64,/i;
/** Deep enough for any SDK item; anything deeper is summarised, never walked without end. */
const MAX_DEPTH = 24;

/** "[image, 12 KB]" for a base64 data URL (its decoded size), else undefined. */
export function imagePlaceholder(value: string): string | undefined {
  const head = DATA_URL.exec(value.slice(0, 200));
  if (!head) return undefined;
  const base64 = value.length - head[0].length;
  const padding = value.endsWith('==') ? 2 : value.endsWith('=') ? 1 : 0;
  const bytes = Math.max(0, Math.floor((base64 * 3) / 4) - padding);
  const kind = head[1]?.startsWith('image/') || !head[1] ? 'image' : head[1];
  return `[${kind}, ${Math.max(1, Math.round(bytes / 1024))} KB]`;
}

/** A copy of `value` with every base64 data URL replaced by its placeholder. */
export function withoutInlineImages(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return imagePlaceholder(value) ?? value;
  if (value === null || typeof value !== 'object') return value;
  if (depth >= MAX_DEPTH) return '[nested too deep]';
  if (Array.isArray(value)) return value.map((v) => withoutInlineImages(v, depth + 1));
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, withoutInlineImages(v, depth + 1)]));
}

type Item = { type?: unknown; role?: unknown };

/** An item the model itself produced: a reply, a tool call, its reasoning. */
function fromModel(item: unknown): boolean {
  const i = (item ?? {}) as Item;
  return (
    i.type === 'function_call' ||
    i.type === 'reasoning' ||
    i.type === 'hosted_tool_call' ||
    (i.type === 'message' && i.role === 'assistant') ||
    (i.type === undefined && i.role === 'assistant')
  );
}

/**
 * What a model call's input added to the conversation: the items after the last one the model
 * produced (the seller's new message, tool results, an approval's outcome). A span recorded with
 * the whole history and one recorded with only its new part give the same answer, so old and new
 * spans read alike. `earlier` counts the items left out.
 */
export function newModelInput(input: unknown[]): { input: unknown[]; earlier: number } {
  let last = -1;
  for (let i = input.length - 1; i >= 0; i--) {
    if (fromModel(input[i])) {
      last = i;
      break;
    }
  }
  return { input: input.slice(last + 1), earlier: last + 1 };
}
