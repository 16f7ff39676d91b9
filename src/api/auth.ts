import { createHash, timingSafeEqual } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import { ForbiddenError, UnauthorizedError } from '../errors.js';

export type Role = 'seller' | 'support';

export interface Principal {
  userId: string;
  role: Role;
}

export interface AuthEnv {
  Variables: { principal: Principal };
}

interface TokenEntry {
  digest: Buffer;
  principal: Principal;
}

/** Demo identities, used only when AUTH_TOKENS is unset and the server listens on loopback. */
export const DEMO_TOKENS = 'demo-seller:seller-1:seller,demo-seller-2:seller-2:seller,demo-support:support-1:support';

const digest = (token: string) => createHash('sha256').update(token).digest();

/**
 * Bearer tokens from `token:userId:role` entries. Tokens are compared as
 * SHA-256 digests with `timingSafeEqual`, and every entry is checked, so the
 * time taken does not depend on which token (or how much of one) matched.
 */
export class TokenRegistry {
  private readonly entries: TokenEntry[];

  constructor(spec: string) {
    this.entries = spec
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean)
      .map((entry) => {
        const [token, userId, role] = entry.split(':');
        if (!token || !userId || (role !== 'seller' && role !== 'support')) {
          throw new Error(
            `AUTH_TOKENS entry must be token:userId:role with role seller or support (got "${entry.split(':')[1] ?? ''}…")`,
          );
        }
        return { digest: digest(token), principal: { userId, role } };
      });
  }

  resolve(token: string): Principal | undefined {
    const presented = digest(token);
    let found: Principal | undefined;
    for (const entry of this.entries) if (timingSafeEqual(entry.digest, presented)) found = entry.principal;
    return found;
  }
}

export function authenticate(tokens: TokenRegistry): MiddlewareHandler<AuthEnv> {
  return async (c, next) => {
    const header = c.req.header('authorization') ?? '';
    const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
    const principal = match ? tokens.resolve(match[1]) : undefined;
    if (!principal) throw new UnauthorizedError();
    c.set('principal', principal);
    await next();
  };
}

export function requireRole(role: Role): MiddlewareHandler<AuthEnv> {
  return async (c, next) => {
    if (c.get('principal').role !== role) throw new ForbiddenError(`This action needs the ${role} role.`);
    await next();
  };
}
