import { hasUnstorableText, storableText } from '../shared/storableText.js';

/** Deeper than any request of the contract nests (an edited action is three levels), far below the stack's. */
export const MAX_REQUEST_DEPTH = 32;

export interface RequestShapeProblem {
  code: 'invalid_text' | 'too_deep';
  /** Where, as dotted keys and indexes; empty for the request part itself. */
  path: string;
  message: string;
}

/** One open array or object of the walk, and how far into it the walk is. */
interface Open {
  item: object;
  keys: string[] | undefined;
  next: number;
}

/**
 * What no route's schema states about a parsed request part: it nests at most MAX_REQUEST_DEPTH
 * arrays and objects (deeper, code that walks it recursively, JSON.stringify among it, overflows the
 * stack), and no string or key in it holds NUL or a lone surrogate (the database cannot store them).
 * Answers the first problem, or undefined. Walks depth first with its own stack of open containers
 * (never deeper than the limit), so any body, however deep or long, is judged in bounded memory.
 */
export function requestShapeProblem(value: unknown): RequestShapeProblem | undefined {
  const open: Open[] = [];
  const where = (key?: string) =>
    [...open.map((o) => (o.keys ? o.keys[o.next - 1] : String(o.next - 1))), ...(key === undefined ? [] : [key])]
      .map(shown)
      .join('.');
  const enter = (item: unknown): RequestShapeProblem | undefined => {
    if (typeof item === 'string') return hasUnstorableText(item) ? unstorable(where()) : undefined;
    if (item === null || typeof item !== 'object') return undefined;
    if (open.length >= MAX_REQUEST_DEPTH)
      return {
        code: 'too_deep',
        path: where(),
        message: `nests deeper than ${MAX_REQUEST_DEPTH} levels of arrays and objects`,
      };
    open.push({ item, keys: Array.isArray(item) ? undefined : Object.keys(item), next: 0 });
    return undefined;
  };
  let problem = enter(value);
  while (!problem && open.length > 0) {
    const top = open[open.length - 1];
    if (top.next >= (top.keys ?? (top.item as unknown[])).length) {
      open.pop();
      continue;
    }
    const key = top.keys?.[top.next];
    if (key !== undefined && hasUnstorableText(key)) {
      open.pop();
      return unstorable(where(key));
    }
    const child = key === undefined ? (top.item as unknown[])[top.next] : (top.item as Record<string, unknown>)[key];
    top.next++;
    problem = enter(child);
  }
  return problem;
}

const unstorable = (path: string): RequestShapeProblem => ({
  code: 'invalid_text',
  path,
  message: 'contains a NUL character or broken Unicode (a lone surrogate)',
});

/** Keys are the caller's own words, echoed in the error: at most 40 characters of each, storable. */
const shown = (key: string) => storableText(key.length > 40 ? `${[...key].slice(0, 40).join('')}…` : key);
