import { searchTerms } from '../store/searchTerms.js';

/**
 * Which arguments differ between the action a seller turned down and the one
 * they approved instead (title, description, category, condition, price,
 * listingId…), in a stable order. Strings compare trimmed, prices to the cent:
 * a re-typed identical title is not an edit.
 */
export function changedFields(before: Record<string, unknown>, after: Record<string, unknown>): string[] {
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
  return keys.filter((key) => !sameValue(before[key], after[key]));
}

function sameValue(a: unknown, b: unknown): boolean {
  if (typeof a === 'number' && typeof b === 'number') return Math.round(a * 100) === Math.round(b * 100);
  if (typeof a === 'string' && typeof b === 'string') return a.trim() === b.trim();
  // null and a missing optional argument mean the same (the SDK sends optional fields as null).
  if ((a === null || a === undefined) && (b === null || b === undefined)) return true;
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * Whether two actions of the same tool act on the same thing, so one can correct the other: the
 * same listing for a re-price or a look-up, the same draft for a new listing (its title kept, or
 * sharing a word of it). A different item typed in a new message is a new listing, not a correction.
 */
export function sameSubject(tool: string, before: Record<string, unknown>, after: Record<string, unknown>): boolean {
  if (typeof before.listingId === 'string' || typeof after.listingId === 'string')
    return before.listingId === after.listingId;
  if (tool !== 'createListing') return true;
  const words = (v: unknown) => new Set(typeof v === 'string' ? searchTerms(v, Number.MAX_SAFE_INTEGER) : []);
  const a = words(before.title);
  const b = words(after.title);
  if (a.size === 0 || b.size === 0) return true;
  return [...a].some((w) => b.has(w));
}
