/**
 * A text argument (title, description, listing id) as a string: itself when
 * the model sent a string, '' otherwise. Arguments are unknown until a schema
 * has parsed them; this never prints a value's `[object Object]`.
 */
export function argText(value: unknown): string {
  return typeof value === 'string' ? value : '';
}
