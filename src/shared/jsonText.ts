/**
 * A stored payload that may be JSON text (tool arguments and results as spans keep them): its parsed
 * value when it parses, else the value as it was. Readers show structure where there is some.
 */
export function parseJsonOrText(text: unknown): unknown {
  if (typeof text !== 'string') return text;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
