import { afterEach, describe, expect, it } from 'vitest';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ScriptedModel } from '@openai/agents/testing';
import { SignJWT, exportJWK, generateKeyPair, type JWK } from 'jose';
import { loadConfig } from '../src/config.js';
import { createService } from '../src/service.js';
import { listen } from '../src/api/httpServer.js';
import { createHarness, type Harness } from './support/harness.js';

// Real signed tokens, verified against keys served by a local JWKS endpoint, as an identity provider does.
const ISSUER = 'https://id.example.test/';
const AUDIENCE = 'listing-assistant';

let h: Harness | undefined;
let jwks: Server | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
  await new Promise<void>((resolve) => (jwks ? jwks.close(() => resolve()) : resolve()));
  jwks = undefined;
});

async function identityProvider() {
  const { publicKey, privateKey } = await generateKeyPair('RS256');
  const other = await generateKeyPair('RS256');
  const jwk: JWK = { ...(await exportJWK(publicKey)), kid: 'k1', alg: 'RS256', use: 'sig' };
  let fetches = 0;
  jwks = createServer((_req, res) => {
    fetches++;
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ keys: [jwk] }));
  });
  await new Promise<void>((resolve) => jwks!.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(jwks.address() as AddressInfo).port}/.well-known/jwks.json`;
  const sign = (claims: Record<string, unknown>, o: { expiresIn?: string | number; key?: 'own' | 'other' } = {}) => {
    const jwt = new SignJWT(claims)
      .setProtectedHeader({ alg: 'RS256', kid: 'k1' })
      .setIssuer((claims.iss as string) ?? ISSUER)
      .setAudience((claims.aud as string) ?? AUDIENCE)
      .setIssuedAt();
    if (o.expiresIn !== undefined) jwt.setExpirationTime(o.expiresIn);
    else jwt.setExpirationTime('10m');
    return jwt.sign(o.key === 'other' ? other.privateKey : privateKey);
  };
  return { url, sign, fetches: () => fetches };
}

const session = async (token: string) => {
  const res = await h!.call('GET', '/api/session', { token });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
};

describe('JWT sign-in against a JWKS server', () => {
  it('maps verified claims to user and role, and refuses every token that fails a check', async () => {
    const idp = await identityProvider();
    h = await createHarness({
      model: new ScriptedModel([]),
      env: { AUTH_JWKS_URL: idp.url, AUTH_JWT_ISSUER: ISSUER, AUTH_JWT_AUDIENCE: AUDIENCE },
    });
    expect(await session(await idp.sign({ sub: 'seller-77', role: 'seller' }))).toEqual({
      status: 200,
      body: { userId: 'seller-77', role: 'seller' },
    });
    expect((await session(await idp.sign({ sub: 'agent-1', role: ['seller', 'support'] }))).body).toEqual({
      userId: 'agent-1',
      role: 'support',
    });
    expect(idp.fetches()).toBeGreaterThan(0);

    const now = Math.floor(Date.now() / 1000);
    const refused = {
      'wrong issuer': await idp.sign({ sub: 's', role: 'seller', iss: 'https://evil.example/' }),
      'wrong audience': await idp.sign({ sub: 's', role: 'seller', aud: 'another-app' }),
      'expired past the skew': await idp.sign({ sub: 's', role: 'seller' }, { expiresIn: now - 120 }),
      'signed by another key': await idp.sign({ sub: 's', role: 'seller' }, { key: 'other' }),
      'no role': await idp.sign({ sub: 's' }),
      'unknown role': await idp.sign({ sub: 's', role: 'admin' }),
      'no user': await idp.sign({ role: 'seller' }),
      'alg none': `${Buffer.from('{"alg":"none"}').toString('base64url')}.${Buffer.from(
        JSON.stringify({ sub: 's', role: 'seller', iss: ISSUER, aud: AUDIENCE, exp: now + 600 }),
      ).toString('base64url')}.`,
      'a demo token': 'demo-seller',
    };
    for (const [why, token] of Object.entries(refused)) expect((await session(token)).status, why).toBe(401);
    // Within the clock skew (30 s by default) a just-expired token still counts.
    expect((await session(await idp.sign({ sub: 's', role: 'seller' }, { expiresIn: now - 10 }))).status).toBe(200);
  });

  it('reads configured claim names, and takes static tokens beside JWTs', async () => {
    const idp = await identityProvider();
    h = await createHarness({
      model: new ScriptedModel([]),
      env: {
        AUTH_JWKS_URL: idp.url,
        AUTH_JWT_ISSUER: ISSUER,
        AUTH_JWT_AUDIENCE: AUDIENCE,
        AUTH_JWT_USER_CLAIM: 'ext.uid',
        AUTH_JWT_ROLE_CLAIM: 'realm_access.roles',
        AUTH_TOKENS: 'service-account-token-0001:ops-1:support',
      },
    });
    const token = await idp.sign({ sub: 'ignored', ext: { uid: 'seller-9' }, realm_access: { roles: ['seller'] } });
    expect((await session(token)).body).toEqual({ userId: 'seller-9', role: 'seller' });
    expect((await session('service-account-token-0001')).body).toEqual({ userId: 'ops-1', role: 'support' });
  });

  it('verifies HS256 tokens with a shared secret, and only HS256', async () => {
    const secret = 'a-shared-secret-of-at-least-32-characters';
    h = await createHarness({
      model: new ScriptedModel([]),
      env: { AUTH_JWT_SECRET: secret, AUTH_JWT_ISSUER: ISSUER, AUTH_JWT_AUDIENCE: AUDIENCE },
    });
    const hs = (alg: 'HS256' | 'HS512') =>
      new SignJWT({ sub: 'seller-5', role: 'seller' })
        .setProtectedHeader({ alg })
        .setIssuer(ISSUER)
        .setAudience(AUDIENCE)
        .setExpirationTime('5m')
        .sign(new TextEncoder().encode(secret));
    expect((await session(await hs('HS256'))).body).toEqual({ userId: 'seller-5', role: 'seller' });
    expect((await session(await hs('HS512'))).status).toBe(401);
  });
});

describe('failed sign-ins per client address', () => {
  it('past the budget an address gets 429 whatever the token, a right one included', async () => {
    h = await createHarness({ model: new ScriptedModel([]), env: { SIGN_IN_FAILURES_PER_MINUTE: '5' } });
    const statuses = [];
    for (let i = 0; i < 7; i++) statuses.push((await h.call('GET', '/api/session', { token: `guess-${i}` })).status);
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429, 429]);
    const right = await h.call('GET', '/api/session', { token: 'demo-seller' });
    expect(right.status).toBe(429);
    expect(Number(right.headers.get('retry-after'))).toBeGreaterThan(0);
    // Counted in the store, so every instance on the database refuses the address too.
    expect((await h.store.rateCounters.peek('signin-fail:unknown', 5, 60_000, new Date())).allowed).toBe(false);
  });

  it('routes that check their own token (metrics, photos) count into the same budget', async () => {
    const token = 'tok-seller-0123456789';
    h = await createHarness({
      model: new ScriptedModel([]),
      env: { SIGN_IN_FAILURES_PER_MINUTE: '3', AUTH_TOKENS: `${token}:seller-1:seller` },
    });
    const photo = `/api/images/img_${'0'.repeat(32)}`;
    const statuses = [
      (await h.call('GET', '/metrics', { token: 'guess-1' })).status,
      (await h.call('GET', photo, { token: 'guess-2' })).status,
      (await h.call('GET', '/api/session', { token: 'guess-3' })).status,
      // Past the budget: refused before any token is looked at, a right one included.
      (await h.call('GET', '/metrics', { token: 'guess-4' })).status,
      (await h.call('GET', photo, { token })).status,
    ];
    expect(statuses).toEqual([401, 401, 401, 429, 429]);
  });

  it('over a real socket the address counted is the peer’s', async () => {
    h = await createHarness({ model: new ScriptedModel([]), env: { SIGN_IN_FAILURES_PER_MINUTE: '2' } });
    const server = await new Promise<Server>((resolve) => {
      const s = listen(h!.app.fetch, 0, '127.0.0.1', () => resolve(s));
    });
    try {
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/session`;
      const statuses = [];
      for (let i = 0; i < 3; i++)
        statuses.push((await fetch(url, { headers: { authorization: `Bearer guess-${i}` } })).status);
      expect(statuses).toEqual([401, 401, 429]);
      const peek = (address: string) => h!.store.rateCounters.peek(`signin-fail:${address}`, 2, 60_000, new Date());
      expect((await peek('127.0.0.1')).allowed).toBe(false);
      expect((await peek('unknown')).allowed).toBe(true);
    } finally {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});

describe('demo mode cannot open up by accident', () => {
  const start = (env: Record<string, string>) =>
    createService(loadConfig({ DATABASE_PATH: ':memory:', SEED_COUNT: '0', ...env }));

  it.each([
    [{ AUTH_TOKENS: '' }, /AUTH_TOKENS is set but empty/],
    [{ AUTH_TOKENS: ' , ' }, /holds no token/],
    [{ AUTH_TOKENS: 'short:seller-1:seller' }, /shorter than 16 characters/],
    [{ NODE_ENV: 'production' }, /NODE_ENV=production needs sign-in/],
    [{ HOST: '0.0.0.0' }, /non-loopback/],
    [{ AUTH_JWT_SECRET: 'a-shared-secret-of-at-least-32-characters' }, /AUTH_JWT_ISSUER and AUTH_JWT_AUDIENCE/],
  ])('refuses to start with %o', async (env, message) => {
    await expect(Promise.resolve().then(() => start(env))).rejects.toThrow(message);
  });

  it('answers only direct loopback requests: another Host or any forwarding header is refused', async () => {
    h = await createHarness({ model: new ScriptedModel([]) });
    expect((await h.call('GET', '/api/session', { headers: { host: '127.0.0.1:3000' } })).status).toBe(200);
    expect((await h.call('GET', '/api/session', { headers: { host: '[::1]:3000' } })).status).toBe(200);
    const refused: Record<string, string>[] = [
      { host: 'attacker.example' },
      { host: 'attacker.example:3000' },
      { 'x-forwarded-for': '203.0.113.9' },
      { forwarded: 'for=203.0.113.9' },
      { 'x-real-ip': '203.0.113.9' },
    ];
    for (const headers of refused) {
      const res = await h.call('GET', '/api/session', { headers });
      expect(res.status, JSON.stringify(headers)).toBe(403);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe('demo_loopback_only');
    }
    expect((await h.call('GET', '/metrics', { headers: { 'x-forwarded-for': '203.0.113.9' } })).status).toBe(403);
  });
});
