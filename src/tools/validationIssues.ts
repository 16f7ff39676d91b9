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
