import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ScriptedModel } from '@openai/agents/testing';
import { createHarness, TOKENS, type Harness } from './support/harness.js';
import { ENGINES } from './support/engines.js';
import { bikeDraft, callTool, say } from './support/scripts.js';
import { TokenRegistry } from '../src/api/tokenRegistry.js';

/** Every route × role: anonymous, seller A (seller-1), seller B (seller-2), support; on both store engines. */
let h: Harness;
let conv: string;
let run: { runId: string; traceId: string; approvalId: string };
let reviewId: string;
let promotedDir: string;

const ROLES = { anonymous: '', sellerA: TOKENS.seller, sellerB: TOKENS.seller2, support: TOKENS.support } as const;
type Role = keyof typeof ROLES;

const routes = () => [
  {
    name: 'session',
    method: 'GET',
    path: '/api/session',
    expect: { anonymous: 401, sellerA: 200, sellerB: 200, support: 200 },
  },
  {
    name: 'open conversation',
    method: 'POST',
    path: '/api/conversations',
    expect: { anonymous: 401, sellerA: 201, sellerB: 201, support: 403 },
  },
  {
    name: 'read conversation',
    method: 'GET',
    path: `/api/conversations/${conv}`,
    expect: { anonymous: 401, sellerA: 200, sellerB: 404, support: 200 },
  },
  {
    name: 'read run',
    method: 'GET',
    path: `/api/runs/${run.runId}`,
    expect: { anonymous: 401, sellerA: 200, sellerB: 404, support: 200 },
  },
  {
    name: 'decide',
    method: 'POST',
    path: `/api/runs/${run.runId}/decisions`,
    body: { approvalId: run.approvalId, decision: 'approve' },
    expect: { anonymous: 401, sellerA: null, sellerB: 404, support: 403 },
  },
  {
    name: 'send message',
    method: 'POST',
    path: `/api/conversations/${conv}/messages`,
    body: { text: 'hi' },
    expect: { anonymous: 401, sellerA: null, sellerB: 404, support: 403 },
  },
  {
    name: 'feedback',
    method: 'POST',
    path: `/api/runs/${run.runId}/feedback`,
    body: { value: 1 },
    expect: { anonymous: 401, sellerA: 201, sellerB: 404, support: 403 },
  },
  {
    name: 'listings',
    method: 'GET',
    path: '/api/listings?sellerId=seller-1',
    expect: { anonymous: 401, sellerA: 200, sellerB: 200, support: 200 },
  },
  {
    name: 'listing',
    method: 'GET',
    path: '/api/listings/lst_0000001',
    // A listing is public (contract, "Additions for running at scale"): no token needed.
    expect: { anonymous: 200, sellerA: 200, sellerB: 200, support: 200 },
  },
  {
    name: 'traces',
    method: 'GET',
    path: '/api/traces',
    expect: { anonymous: 401, sellerA: 403, sellerB: 403, support: 200 },
  },
  {
    name: 'trace',
    method: 'GET',
    path: `/api/traces/${run.traceId}`,
    expect: { anonymous: 401, sellerA: 403, sellerB: 403, support: 200 },
  },
  {
    name: 'replay',
    method: 'POST',
    path: `/api/traces/${run.traceId}/replay`,
    expect: { anonymous: 401, sellerA: 403, sellerB: 403, support: 200 },
  },
  {
    name: 'review queue',
    method: 'GET',
    path: '/api/review',
    expect: { anonymous: 401, sellerA: 403, sellerB: 403, support: 200 },
  },
  {
    name: 'review item',
    method: 'GET',
    path: `/api/review/${reviewId}`,
    expect: { anonymous: 401, sellerA: 403, sellerB: 403, support: 200 },
  },
  {
    name: 'label',
    method: 'POST',
    path: `/api/review/${reviewId}/label`,
    body: { label: 'bad' },
    expect: { anonymous: 401, sellerA: 403, sellerB: 403, support: 200 },
  },
  {
    name: 'promote',
    method: 'POST',
    path: `/api/review/${reviewId}/promote`,
    expect: { anonymous: 401, sellerA: 403, sellerB: 403, support: 201 },
  },
];

describe.each(ENGINES)('access control matrix on %s', (engine) => {
  beforeAll(async () => {
    promotedDir = mkdtempSync(join(tmpdir(), 'access-promoted-'));
    h = await createHarness({
      engine,
      model: new ScriptedModel([
        callTool('createListing', bikeDraft, 'c1', 'Draft ready.'),
        say('ok'),
        say('ok'),
        say('ok'),
      ]),
      env: { PROMOTED_SCENARIOS_DIR: promotedDir },
    });
    conv = (await (await h.call('POST', '/api/conversations')).json()).id;
    const paused = await (
      await h.call('POST', `/api/conversations/${conv}/messages`, {
        body: { text: 'sell my bike, call me at +49 170 1234567' },
      })
    ).json();
    run = { runId: paused.runId, traceId: paused.traceId, approvalId: paused.pendingApprovals[0].approvalId };
    await h.call('POST', `/api/runs/${run.runId}/feedback`, {
      body: { value: -1, comment: 'call me at +49 170 1234567' },
    });
    reviewId = (await h.store.reviews.forRun(run.runId))!.id;
  });
  afterAll(async () => {
    await h?.close();
    rmSync(promotedDir, { recursive: true, force: true });
  });

  it('answers every route and role as specified, and never leaks another tenant’s data', async () => {
    const table: string[] = [];
    // Seller B, support and anonymous first, so seller A's own writes happen last.
    for (const role of ['anonymous', 'sellerB', 'support', 'sellerA'] as Role[]) {
      for (const route of routes()) {
        const res = await h.call(route.method, route.path, { token: ROLES[role], body: route.body });
        const text = await res.text();
        const expected = route.expect[role];
        table.push(`${route.name} as ${role}: ${res.status}`);
        if (expected === null) expect(res.status, `${route.name} as ${role}`).toBeLessThan(300);
        else expect(res.status, `${route.name} as ${role}`).toBe(expected);
        if (res.status >= 400)
          expect(JSON.parse(text).error).toMatchObject({ code: expect.any(String), message: expect.any(String) });
        if (role === 'sellerB' || role === 'anonymous') {
          if (!['listings', 'listing', 'open conversation', 'session'].includes(route.name)) {
            expect(text).not.toContain(conv);
            expect(text).not.toContain('1234567');
          }
        }
      }
    }
    expect(table.length).toBe(routes().length * 4);
  });

  it('only the owning seller’s approval can make the write happen', async () => {
    const approval = (await h.store.approvals.get(run.approvalId))!;
    expect(approval.status).toBe('approved');
    expect(approval.decidedBy).toBe('seller-1');
  });
});

describe('tokens', () => {
  it('resolves only exact tokens, whatever their length or shared prefix', () => {
    const registry = new TokenRegistry('secret-token-aaaa-1234:u1:seller,support-token-bbbb-5678:u2:support');
    expect(registry.resolveNow('secret-token-aaaa-1234')).toEqual({ userId: 'u1', role: 'seller' });
    expect(registry.resolveNow('secret-token-aaaa-123')).toBeUndefined();
    expect(registry.resolveNow('secret-token-aaaa-12345')).toBeUndefined();
    expect(registry.resolveNow('')).toBeUndefined();
    expect(registry.resolveNow('support-token-bbbb-5678')).toEqual({ userId: 'u2', role: 'support' });
    expect(() => new TokenRegistry('short:u3:seller')).toThrow(/shorter than 16 characters/);
    expect(() => new TokenRegistry('bad-entry')).toThrow(/token:userId:role/);
  });
});
