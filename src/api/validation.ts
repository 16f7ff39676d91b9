import type { Context } from 'hono';
import { z } from 'zod';
import { BadRequestError } from '../errors.js';

/** Reads and validates a JSON body: malformed JSON and schema failures become a 400 that says what is wrong. */
export async function readJson<S extends z.ZodType>(c: Context, schema: S): Promise<z.infer<S>> {
  let body: unknown;
  try {
    body = await c.req.json();
  } catch {
    throw new BadRequestError('The request body must be valid JSON.', 'invalid_json');
  }
  return parseInput(schema, body);
}

export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) {
    const details = parsed.error.issues
      .slice(0, 5)
      .map((i) => `${i.path.join('.') || 'body'}: ${i.message}`)
      .join('; ');
    throw new BadRequestError(`Invalid request: ${details}`, 'invalid_request');
  }
  return parsed.data;
}
