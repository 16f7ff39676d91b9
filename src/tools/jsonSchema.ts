import { z } from 'zod';

export interface StrictObjectSchema {
  type: 'object';
  properties: Record<string, unknown>;
  required: string[];
  additionalProperties: false;
  [key: string]: unknown;
}

/**
 * The JSON schema the model sees, generated from the same zod schema that
 * validates the call. Tools take it as plain JSON schema so that the SDK does
 * not validate (and redact the issues) itself: our execute validates with zod
 * and tells the model exactly what to fix. Strict function calling wants
 * every property listed as required; optional fields are nullable instead.
 */
const cache = new WeakMap<z.ZodObject, StrictObjectSchema>();

export function toStrictJsonSchema(schema: z.ZodObject): StrictObjectSchema {
  const cached = cache.get(schema);
  if (cached) return cached;
  const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  delete json.$schema;
  const properties = (json.properties ?? {}) as Record<string, unknown>;
  const strict: StrictObjectSchema = {
    ...json,
    type: 'object',
    properties,
    required: Object.keys(properties),
    additionalProperties: false,
  };
  cache.set(schema, strict);
  return strict;
}
