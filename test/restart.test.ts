import { afterEach, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer, type ServerProcess } from './support/serverProcess.js';

const auth = { authorization: 'Bearer demo-seller', 'content-type': 'application/json' };
let servers: ServerProcess[] = [];
let dir: string;

afterEach(async () => {
  for (const s of servers) await s.kill();
  servers = [];
  rmSync(dir, { recursive: true, force: true });
});

describe('a pending approval survives a crash', () => {
  it('is still pending after SIGKILL and a restart on the same database, and approving it posts once', async () => {
    dir = mkdtempSync(join(tmpdir(), 'restart-'));
    const env = { DATABASE_PATH: join(dir, 'db.sqlite'), SEED_COUNT: '300', OPENAI_API_KEY: '' };

    const first = await startServer(env);
    servers.push(first);
    const conversation = await (
      await fetch(`${first.url}/api/conversations`, { method: 'POST', headers: auth })
    ).json();
    const paused = await (
      await fetch(`${first.url}/api/conversations/${conversation.id}/messages`, {
        method: 'POST',
        headers: auth,
        body: JSON.stringify({ text: 'I want to sell my Trek Marlin 7 mountain bike, barely used, for 400 euros' }),
      })
    ).json();
    expect(paused.status).toBe('awaiting_approval');
    expect(paused.pendingApprovals[0]).toMatchObject({
      tool: 'createListing',
      arguments: { price: 400, category: 'Sports' },
    });
    await first.kill('SIGKILL');

    const second = await startServer(env);
    servers.push(second);
    const run = await (await fetch(`${second.url}/api/runs/${paused.runId}`, { headers: auth })).json();
    expect(run).toMatchObject({
      status: 'awaiting_approval',
      pendingApprovals: [{ approvalId: paused.pendingApprovals[0].approvalId }],
    });

    const done = await (
      await fetch(`${second.url}/api/runs/${paused.runId}/decisions`, {
        method: 'POST',
        headers: auth,
        body: JSON.stringify({ approvalId: paused.pendingApprovals[0].approvalId, decision: 'approve' }),
      })
    ).json();
    expect(done.status).toBe('completed');
    const id = /lst_[A-Za-z0-9]+/.exec(done.reply)?.[0];
    expect(id).toBeDefined();
    const listing = await (await fetch(`${second.url}/api/listings/${id}`, { headers: auth })).json();
    expect(listing).toMatchObject({ sellerId: 'seller-1', price: 400, category: 'Sports' });
    const mine = await (
      await fetch(`${second.url}/api/listings?sellerId=seller-1&limit=100`, { headers: auth })
    ).json();
    expect(
      mine.listings.filter((l: { price: number; title: string }) => l.title === listing.title && l.price === 400),
    ).toHaveLength(1);
  }, 60_000);
});
