import type { z } from 'zod';

/**
 * Zod issues in words a model can act on: `price: must be greater than 0`.
 * The SDK's default hides them behind a generic error.
 */
export function describeIssues(error: z.ZodError): string[] {
  return error.issues.slice(0, 10).map((issue) => {
    const path = issue.path.length ? issue.path.join('.') : 'arguments';
    return `${path}: ${issue.message}`;
  });
}

/** JSON with sorted keys, so equal arguments compare equal whatever their key order. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b)))
      : v,
  );
}
