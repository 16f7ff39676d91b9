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

/** Turns a presented bearer token into who it belongs to, or nothing. */
export interface Authenticator {
  resolve(token: string): Promise<Principal | undefined>;
}

/** The bearer token of a request, if it carries one. */
export const bearerToken = (header: string | undefined) => /^Bearer\s+(\S+)\s*$/i.exec(header ?? '')?.[1];

export function authenticate(auth: Authenticator): MiddlewareHandler<AuthEnv> {
  return async (c, next) => {
    const token = bearerToken(c.req.header('authorization'));
    const principal = token ? await auth.resolve(token) : undefined;
    if (!principal) throw new UnauthorizedError();
    c.set('principal', principal);
    await next();
  };
}

/** For public routes: a valid token identifies the caller (for its rate budget); none, or a bad one, is fine. */
export function identify(auth: Authenticator): MiddlewareHandler<AuthEnv> {
  return async (c, next) => {
    const token = bearerToken(c.req.header('authorization'));
    const principal = token ? await auth.resolve(token) : undefined;
    if (principal) c.set('principal', principal);
    await next();
  };
}

export function requireRole(role: Role): MiddlewareHandler<AuthEnv> {
  return async (c, next) => {
    if (c.get('principal').role !== role) throw new ForbiddenError(`This action needs the ${role} role.`);
    await next();
  };
}
