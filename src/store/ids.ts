import { randomBytes } from 'node:crypto';

const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/** Prefixed, URL-safe random ids (`conv_…`, `run_…`, `apr_…`, `lst_…`): unguessable, so an id alone grants nothing. */
export function newId(prefix: string, length = 16): string {
  const bytes = randomBytes(length);
  let out = `${prefix}_`;
  for (const b of bytes) out += ALPHABET[b % ALPHABET.length];
  return out;
}

/** A 32-hex-digit trace id as the Agents SDK expects (`trace_<32 hex>`). */
export function newTraceId(): string {
  return `trace_${randomBytes(16).toString('hex')}`;
}
