import { createHash, timingSafeEqual } from 'node:crypto';
import type { Authenticator, Principal } from './auth.js';

/** Demo identities, used only in demo mode: no sign-in configured, loopback, not production. */
export const DEMO_TOKENS = 'demo-seller:seller-1:seller,demo-seller-2:seller-2:seller,demo-support:support-1:support';

/** A static token shorter than this is refused at start: it could be guessed. */
export const MIN_STATIC_TOKEN_LENGTH = 16;

const digest = (token: string) => createHash('sha256').update(token).digest();

/**
 * Static bearer tokens from `token:userId:role` entries (development and service accounts). Tokens
 * are compared as SHA-256 digests with `timingSafeEqual`, and every entry is checked, so the time
 * taken does not depend on which token (or how much of one) matched.
 */
export class TokenRegistry implements Authenticator {
  private readonly entries: Array<{ digest: Buffer; principal: Principal }>;

  constructor(spec: string, { minLength = MIN_STATIC_TOKEN_LENGTH }: { minLength?: number } = {}) {
    const entries = spec
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
    if (entries.length === 0) throw new Error('AUTH_TOKENS is set but holds no token:userId:role entry.');
    this.entries = entries.map((entry) => {
      const [token, userId, role] = entry.split(':');
      if (!token || !userId || (role !== 'seller' && role !== 'support')) {
        throw new Error(
          `AUTH_TOKENS entry must be token:userId:role with role seller or support (got "${entry.split(':')[1] ?? ''}…")`,
        );
      }
      if (token.length < minLength)
        throw new Error(`AUTH_TOKENS: the token of ${userId} is shorter than ${minLength} characters.`);
      return { digest: digest(token), principal: { userId, role } };
    });
  }

  /** The demo identities, which are short by design and only ever served on loopback. */
  static demo(): TokenRegistry {
    return new TokenRegistry(DEMO_TOKENS, { minLength: 1 });
  }

  resolveNow(token: string): Principal | undefined {
    const presented = digest(token);
    let found: Principal | undefined;
    for (const entry of this.entries) if (timingSafeEqual(entry.digest, presented)) found = entry.principal;
    return found;
  }

  resolve(token: string): Promise<Principal | undefined> {
    return Promise.resolve(this.resolveNow(token));
  }
}
