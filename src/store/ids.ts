import { randomFillSync } from 'node:crypto';

const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/**
 * Random bytes drawn from the system's CSPRNG in blocks: one call per 4 KiB instead of one per id
 * (a run makes a dozen ids, and each call into the crypto binding showed in profiles). Each byte is
 * used once.
 */
const pool = Buffer.alloc(4096);
let used = pool.length;

function randomBytesFromPool(n: number): Buffer {
  if (n > pool.length) return randomFillSync(Buffer.alloc(n));
  if (used + n > pool.length) {
    randomFillSync(pool);
    used = 0;
  }
  const bytes = pool.subarray(used, used + n);
  used += n;
  return bytes;
}

/** Prefixed, URL-safe random ids (`conv_…`, `run_…`, `apr_…`, `lst_…`): unguessable, so an id alone grants nothing. */
export function newId(prefix: string, length = 16): string {
  const bytes = randomBytesFromPool(length);
  let out = `${prefix}_`;
  for (const b of bytes) out += ALPHABET[b % ALPHABET.length];
  return out;
}

/** A 32-hex-digit trace id as the Agents SDK expects (`trace_<32 hex>`). */
export function newTraceId(): string {
  return `trace_${randomBytesFromPool(16).toString('hex')}`;
}
