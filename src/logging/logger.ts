import { pino, type DestinationStream, type Logger, type LevelWithSilent } from 'pino';
import { maskText } from '../shared/masking.js';
import { requestFields } from './requestScope.js';

export type { Logger, LevelWithSilent };

/** Field names whose values never reach a log line, at the top level or one level down. */
const SECRET_KEYS = [
  'authorization',
  'cookie',
  'token',
  'apiKey',
  'api_key',
  'secret',
  'secretKey',
  'password',
  'OPENAI_API_KEY',
  'LANGFUSE_SECRET_KEY',
  'AUTH_TOKENS',
  'METRICS_TOKEN',
];

export interface LoggerOptions {
  /** Unset: `info`, or `silent` under NODE_ENV=test (vitest), so test output stays readable. */
  level?: LevelWithSilent;
  /** Where JSON lines go; stdout by default. Tests pass a stream to read them. */
  destination?: DestinationStream;
}

/**
 * The service's one JSON logger. Secrets and personal data are masked twice
 * over: known secret fields are redacted by name, and every string (the
 * message and any field value) goes through the same masking as Langfuse
 * exports (emails, phone numbers, keys, bearer tokens).
 */
export function createLogger(options: LoggerOptions = {}): Logger {
  const level = options.level ?? (process.env.NODE_ENV === 'test' ? 'silent' : 'info');
  return pino(
    {
      level,
      base: { service: 'listing-assistant' },
      timestamp: pino.stdTimeFunctions.isoTime,
      // The request being served, if any: its id on every line written while serving it.
      mixin: requestFields,
      redact: { paths: SECRET_KEYS.flatMap((key) => [key, `*.${key}`]), censor: '[secret]' },
      formatters: {
        level: (label) => ({ level: label }),
        log: (fields) => maskFields(fields) as Record<string, unknown>,
      },
      hooks: {
        logMethod(args, method) {
          const masked = args.map((arg) => (typeof arg === 'string' ? maskText(arg) : arg));
          return method.apply(this, masked as Parameters<typeof method>);
        },
      },
    },
    options.destination,
  );
}

let fallback: Logger | undefined;

/** For code that was not handed a logger (CLIs, library defaults): one per process, at LOG_LEVEL. */
export function processLogger(): Logger {
  return (fallback ??= createLogger({ level: (process.env.LOG_LEVEL as LevelWithSilent | undefined) || undefined }));
}

/** Masks every string in a log line's fields; an Error keeps its name and (masked) message and stack. */
function maskFields(value: unknown): unknown {
  if (typeof value === 'string') return maskText(value);
  if (value instanceof Error)
    return { type: value.name, message: maskText(value.message), stack: value.stack && maskText(value.stack) };
  if (Array.isArray(value)) return value.map(maskFields);
  if (value && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, maskFields(v)]));
  }
  return value;
}

/** An error as one masked-later string, the way every log line here reports one. */
export function describeError(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}
