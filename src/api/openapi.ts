import type { Context, MiddlewareHandler } from 'hono';
import { describeRoute, resolver, validator as openApiValidator } from 'hono-openapi';
import type { z } from 'zod';
import { BadRequestError } from '../errors.js';
import { ErrorBody } from './responses.js';
import { storableText } from '../shared/storableText.js';
import { requestShapeProblem } from './requestShape.js';

type Target = 'json' | 'query' | 'param';

/** What Hono's JSON validator reads: `application/json` or a `+json` type, with any parameters. */
const JSON_MEDIA_TYPE = /^application\/([\w.-]+\+)?json$/i;

/**
 * Validates a request part with a zod schema and registers it in the OpenAPI
 * document: the spec and the check come from the same schema. Failures become
 * the contract's 400 with the issues in words. Ahead of the schema (some of
 * whose checks walk the value recursively), what no schema states: a body is
 * JSON only with a JSON content type (otherwise the validator sees an empty
 * object and would blame missing fields), a query parameter is given once,
 * and the part has a sane shape (requestShape.ts).
 */
export function validate<S extends z.ZodType, T extends Target>(target: T, schema: S) {
  const check = openApiValidator(target, schema, (result) => {
    if (!result.success) {
      const details = (
        result.error as ReadonlyArray<{ path?: ReadonlyArray<PropertyKey | { key: PropertyKey }>; message: string }>
      )
        .slice(0, 5)
        .map(
          (i) =>
            `${(i.path ?? []).map((p) => (typeof p === 'object' ? String(p.key) : String(p))).join('.') || target}: ${i.message}`,
        )
        .join('; ');
      throw new BadRequestError(`Invalid request: ${details}`, 'invalid_request');
    }
  });
  const guarded: MiddlewareHandler = async (c, next) => {
    const shape = requestShapeProblem(await unchecked(target, c));
    if (shape) throw new BadRequestError(`Invalid request: ${shape.path || target}: ${shape.message}.`, shape.code);
    return check(c as Parameters<typeof check>[0], next);
  };
  // The spec generator finds the schema on the validator's own properties.
  return Object.assign(guarded, check) as typeof check;
}

/** The request part as the validator will read it, after the checks of its form; undefined when it cannot be read. */
async function unchecked(target: Target, c: Context): Promise<unknown> {
  if (target === 'param') return c.req.param();
  if (target === 'query') {
    const repeated = Object.entries(c.req.queries()).find(([, values]) => values.length > 1);
    if (repeated)
      throw new BadRequestError(
        `Invalid request: ${storableText(repeated[0].slice(0, 40))}: give this parameter once.`,
        'invalid_request',
      );
    return c.req.query();
  }
  const mediaType = (c.req.header('content-type') ?? '').split(';')[0].trim();
  if (!JSON_MEDIA_TYPE.test(mediaType))
    throw new BadRequestError(
      `The request body must be JSON sent with Content-Type: application/json (got ${
        mediaType ? `"${mediaType.slice(0, 80)}"` : 'none'
      }).`,
      'unsupported_content_type',
    );
  // Malformed JSON is the validator's to answer (invalid_json); the body is read once and kept.
  return c.req.json().catch(() => undefined);
}

const json = (schema: z.ZodType) => ({ 'application/json': { schema: resolver(schema) } });

const ERRORS = {
  400:
    'Bad input: malformed JSON (`invalid_json`), a body without a JSON content type (`unsupported_content_type`), ' +
    'wrong types or values or a repeated query parameter (`invalid_request`), text with NUL or a lone surrogate ' +
    '(`invalid_text`), nesting past 32 levels (`too_deep`).',
  401: 'Missing or unknown bearer token.',
  403: 'The token’s role may not do this.',
  404: 'Not found (or not yours).',
  409:
    'Conflicts with the current state: the approval is no longer pending, the review item is already promoted, ' +
    'or the run has all the ratings it keeps (see the error code).',
  413: 'The body is too large.',
  429: 'Too many requests; see Retry-After.',
  503: 'The database cannot be reached: `storage_unavailable` (see Retry-After), or `not_ready` from the readiness check.',
} as const;

/** Documents one route: summary, tag, the success response and the error responses it can give. */
export function describe(options: {
  summary: string;
  tag: string;
  status?: 200 | 201;
  response: z.ZodType;
  errors?: Array<keyof typeof ERRORS>;
  description?: string;
  security?: boolean;
  eventStream?: boolean;
}): MiddlewareHandler {
  const responses: Record<string, unknown> = {
    [options.status ?? 200]: {
      description: options.eventStream
        ? 'The RunResult, or with `Accept: text/event-stream` the run as server-sent events ending with `result`.'
        : 'OK',
      content: {
        ...json(options.response),
        ...(options.eventStream ? { 'text/event-stream': { schema: { type: 'string' } } } : {}),
      },
    },
  };
  const errors = [...(options.errors ?? [400, 401, 403, 404])];
  // Every route that reads or writes the store can meet a database that went away; only `errors: []` cannot.
  if (errors.length > 0 && !errors.includes(503)) errors.push(503);
  for (const code of errors) responses[code] = { description: ERRORS[code], content: json(ErrorBody) };
  return describeRoute({
    summary: options.summary,
    description: options.description,
    tags: [options.tag],
    responses: responses as never,
    ...(options.security === false ? { security: [] } : {}),
  });
}
