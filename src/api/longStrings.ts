/** Longest string a support view returns whole; the store keeps the original. */
export const MAX_VIEW_STRING = 8000;

/**
 * A copy of a JSON payload with long strings cut: inline images (spans recorded before photos were
 * stored by id carry whole data URLs) become a short placeholder, any other string over `max`
 * characters keeps its start and says how long it was. Keeps a trace view a few hundred KB at most
 * whatever was recorded.
 */
export function cutLongStrings(value: unknown, max = MAX_VIEW_STRING): unknown {
  if (typeof value === 'string') {
    if (value.length <= max && !(value.startsWith('data:') && value.length > 256)) return value;
    if (value.startsWith('data:')) return `[inline ${value.slice(5, value.indexOf(';'))}, ${value.length} characters]`;
    return `${value.slice(0, max)}… (cut: ${value.length} characters)`;
  }
  if (Array.isArray(value)) return value.map((v) => cutLongStrings(v, max));
  if (value && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, cutLongStrings(v, max)]));
  return value;
}
