/**
 * Masks personal data and secrets before anything leaves for Langfuse:
 * emails, phone numbers, API keys and bearer tokens, password assignments.
 * Applied to every exported input, output and metadata value.
 */
const RULES: Array<[RegExp, string]> = [
  [/\b(sk|pk|rk)-[A-Za-z0-9_-]{8,}\b/g, '[secret]'],
  [/\bBearer\s+[A-Za-z0-9._~+/=-]{8,}/gi, 'Bearer [secret]'],
  [/\b(password|passwd|pwd|secret|token|api[_-]?key)\s*[:=]\s*\S+/gi, '$1=[secret]'],
  [/\b(?:[A-Fa-f0-9]{32,}|[A-Za-z0-9+/]{40,}={0,2})\b/g, '[secret]'],
  [/[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g, '[email]'],
  [/(?<![\w€$£])\+?\d[\d ()./-]{7,}\d(?![\w%])/g, '[phone]'],
];

export function maskText(text: string): string {
  let out = text;
  for (const [pattern, replacement] of RULES) out = out.replace(pattern, replacement);
  return out;
}

/** Masks every string inside a JSON-like value. */
export function maskValue<T>(value: T): T {
  if (typeof value === 'string') return maskText(value) as T;
  if (Array.isArray(value)) return value.map(maskValue) as T;
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, maskValue(v)])) as T;
  }
  return value;
}
