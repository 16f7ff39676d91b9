import type { MiddlewareHandler } from 'hono';
import { ForbiddenError } from '../errors.js';
import type { Config } from '../config.js';
import type { Authenticator, Principal } from './auth.js';
import { JwtSignIn } from './jwtSignIn.js';
import { TokenRegistry } from './tokenRegistry.js';

export interface SignIn {
  authenticator: Authenticator;
  /** No sign-in configured: the demo tokens, on loopback only, never in production. */
  demo: boolean;
}

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '::1']);

/**
 * Who may sign in, from the configuration: JWTs from an identity provider, static tokens, or both;
 * the demo tokens only when neither is configured. Anything half-configured refuses to start.
 */
export function signInFrom(config: Config): SignIn {
  const jwt = config.AUTH_JWKS_URL || config.AUTH_JWT_SECRET;
  if (config.AUTH_JWKS_URL && config.AUTH_JWT_SECRET)
    throw new Error('Set AUTH_JWKS_URL or AUTH_JWT_SECRET, not both.');
  if (jwt && (!config.AUTH_JWT_ISSUER || !config.AUTH_JWT_AUDIENCE))
    throw new Error('JWT sign-in needs AUTH_JWT_ISSUER and AUTH_JWT_AUDIENCE: tokens are checked against both.');
  const demo = !jwt && config.AUTH_TOKENS === undefined;
  if (demo && config.NODE_ENV === 'production')
    throw new Error(
      'NODE_ENV=production needs sign-in: set AUTH_JWKS_URL or AUTH_JWT_SECRET (with AUTH_JWT_ISSUER and ' +
        'AUTH_JWT_AUDIENCE), or AUTH_TOKENS. The demo tokens never run in production.',
    );
  if (demo && !LOOPBACK_HOSTS.has(config.HOST))
    throw new Error(
      'Set AUTH_TOKENS or JWT sign-in to serve on a non-loopback address; demo tokens are loopback only.',
    );
  if (demo) return { authenticator: TokenRegistry.demo(), demo };

  const methods: Authenticator[] = [];
  if (config.AUTH_TOKENS !== undefined) methods.push(new TokenRegistry(config.AUTH_TOKENS));
  if (jwt)
    methods.push(
      new JwtSignIn({
        jwksUrl: config.AUTH_JWKS_URL,
        secret: config.AUTH_JWT_SECRET,
        issuer: config.AUTH_JWT_ISSUER!,
        audience: config.AUTH_JWT_AUDIENCE!,
        userClaim: config.AUTH_JWT_USER_CLAIM,
        roleClaim: config.AUTH_JWT_ROLE_CLAIM,
        clockSkewSeconds: config.AUTH_JWT_CLOCK_SKEW_S,
      }),
    );
  return { authenticator: firstOf(methods), demo };
}

function firstOf(methods: Authenticator[]): Authenticator {
  return {
    async resolve(token: string): Promise<Principal | undefined> {
      for (const method of methods) {
        const principal = await method.resolve(token);
        if (principal) return principal;
      }
      return undefined;
    },
  };
}

/**
 * Demo mode trusts whoever reaches the port, which holds only for a browser on the same machine:
 * a request naming another host (DNS rebinding) or passed on by a proxy (any forwarding header)
 * is refused.
 */
export function demoOnLoopback(): MiddlewareHandler {
  return async (c, next) => {
    const host = (c.req.header('host') ?? new URL(c.req.url).host).replace(/:\d+$/, '').replace(/^\[(.*)\]$/, '$1');
    const forwarded = ['x-forwarded-for', 'forwarded', 'x-real-ip', 'x-forwarded-host'].some((h) => c.req.header(h));
    if (!LOOPBACK_HOSTS.has(host) || forwarded)
      throw new ForbiddenError(
        'Demo mode answers only direct requests to a loopback address. Configure sign-in to serve others.',
        'demo_loopback_only',
      );
    await next();
  };
}
