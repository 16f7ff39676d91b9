import { storableJson } from './storableText.js';

/**
 * JSON with sorted keys, so equal arguments compare equal whatever their key order, and whatever a
 * store made of text it cannot hold (NUL and lone surrogates read back as U+FFFD from PostgreSQL).
 */
export function canonicalJson(value: unknown): string {
  return storableJson(
    JSON.stringify(value, (_key, v: unknown) =>
      v && typeof v === 'object' && !Array.isArray(v)
        ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b)))
        : v,
    ),
  );
}
