import { createRemoteJWKSet, jwtVerify, type JWTPayload } from 'jose';
import type { Authenticator, Principal, Role } from './auth.js';

export interface JwtSignInOptions {
  /** Public keys from a JWKS endpoint (RS/PS/ES/EdDSA), or a shared secret for HS256. */
  jwksUrl?: string;
  secret?: string;
  issuer: string;
  audience: string;
  /** Claim holding the user id (dots walk into objects, e.g. `ext.uid`). */
  userClaim: string;
  /** Claim holding the role: `seller` or `support`, a string or a list of roles. */
  roleClaim: string;
  clockSkewSeconds: number;
}

const ASYMMETRIC = ['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512', 'ES256', 'ES384', 'EdDSA'];
const JWT_SHAPE = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/;

/**
 * Sign-in with JSON Web Tokens from an identity provider: signature, issuer, audience, expiry and
 * not-before are checked (with a clock skew), and the algorithm is pinned to the key type, so a
 * token cannot pick `none` or pass a public key off as an HMAC secret.
 */
export class JwtSignIn implements Authenticator {
  private readonly key: Parameters<typeof jwtVerify>[1];
  private readonly algorithms: string[];

  constructor(private readonly options: JwtSignInOptions) {
    if (options.jwksUrl) {
      this.key = createRemoteJWKSet(new URL(options.jwksUrl), { timeoutDuration: 5000, cooldownDuration: 30_000 });
      this.algorithms = ASYMMETRIC;
    } else if (options.secret) {
      this.key = new TextEncoder().encode(options.secret);
      this.algorithms = ['HS256'];
    } else throw new Error('JWT sign-in needs AUTH_JWKS_URL or AUTH_JWT_SECRET.');
  }

  async resolve(token: string): Promise<Principal | undefined> {
    if (!JWT_SHAPE.test(token)) return undefined;
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, this.key as Uint8Array, {
        issuer: this.options.issuer,
        audience: this.options.audience,
        clockTolerance: this.options.clockSkewSeconds,
        algorithms: this.algorithms,
        requiredClaims: ['exp'],
      }));
    } catch {
      return undefined;
    }
    const userId = claim(payload, this.options.userClaim);
    const role = roleOf(claim(payload, this.options.roleClaim));
    if (typeof userId !== 'string' || !userId || !role) return undefined;
    return { userId, role };
  }
}

function claim(payload: JWTPayload, path: string): unknown {
  let value: unknown = payload;
  for (const key of path.split('.'))
    value = value && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined;
  return value;
}

/** Support wins when a token carries both roles: support can do everything a seller page shows, and more. */
function roleOf(value: unknown): Role | undefined {
  const roles = Array.isArray(value) ? value : typeof value === 'string' ? value.split(/[\s,]+/) : [];
  if (roles.includes('support')) return 'support';
  if (roles.includes('seller')) return 'seller';
  return undefined;
}
