import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer, type ServerProcess } from './support/serverProcess.js';
import { reportFigures } from './support/figures.js';

/**
 * Kills the real server with SIGKILL at chosen points (src/faults.ts) and
 * restarts it on the same database: a pending approval stays pending, an
 * approved write happens exactly once, nothing else changes.
 */
const auth = { authorization: 'Bearer demo-seller', 'content-type': 'application/json' };
const TEXT = 'I want to sell my Trek Marlin 7 mountain bike, barely used, for 400 euros';
let servers: ServerProcess[] = [];
let dir: string;

afterEach(async () => {
  for (const s of servers) await s.kill();
  servers = [];
  rmSync(dir, { recursive: true, force: true });
});

async function json(url: string, init?: RequestInit) {
  const res = await fetch(url, init);
  return res.json();
}

async function pausedRun(server: ServerProcess) {
  const conversation = await json(`${server.url}/api/conversations`, { method: 'POST', headers: auth });
  const paused = await json(`${server.url}/api/conversations/${conversation.id}/messages`, {
    method: 'POST',
    headers: auth,
    body: JSON.stringify({ text: TEXT }),
  });
  expect(paused.status).toBe('awaiting_approval');
  return paused;
}

async function postedCount(server: ServerProcess) {
  const mine = await json(
    `${server.url}/api/listings?sellerId=seller-1&q=${encodeURIComponent('Trek Marlin')}&limit=100`,
    { headers: auth },
  );
  return mine.listings.filter(
    (l: { price: number; createdAt: string }) => l.price === 400 && l.createdAt > '2026-11-01',
  ).length;
}

async function listingTotal(server: ServerProcess) {
  // Every listing of seller-1 and its price: nothing else may change across a crash.
  const all = await json(`${server.url}/api/listings?sellerId=seller-1&limit=100`, { headers: auth });
  return all.listings.map((l: { id: string; price: number }) => `${l.id}:${l.price}`).sort();
}

const crashes = { kills: 0, restarts: 0, duplicateWrites: 0, lostApprovals: 0 };
afterAll(() =>
  reportFigures(
    `crash safety: ${crashes.kills} SIGKILLs at 3 points, ${crashes.restarts} restarts, duplicate writes: ${crashes.duplicateWrites}, lost approvals: ${crashes.lostApprovals}`,
  ),
);

describe('crash safety', () => {
  it.each([
    ['while an approval is pending', undefined],
    ['between the approval and the write', 'after-approval'],
    ['during the write', 'during-write'],
  ])(
    'SIGKILL %s: after a restart the write happens exactly once',
    async (_name, fault) => {
      dir = mkdtempSync(join(tmpdir(), 'crash-'));
      const env = { DATABASE_PATH: join(dir, 'db.sqlite'), SEED_COUNT: '300', OPENAI_API_KEY: '' };
      const first = await startServer({ ...env, ...(fault ? { LISTING_ASSISTANT_FAULT: fault } : {}) });
      servers.push(first);
      const paused = await pausedRun(first);
      const before = await listingTotal(first);
      const approvalId = paused.pendingApprovals[0].approvalId;

      if (fault) {
        // The server dies inside this request.
        await expect(
          fetch(`${first.url}/api/runs/${paused.runId}/decisions`, {
            method: 'POST',
            headers: auth,
            body: JSON.stringify({ approvalId, decision: 'approve' }),
          }),
        ).rejects.toThrow();
        expect(await first.kill()).toBeNull();
      } else {
        await first.kill('SIGKILL');
      }
      crashes.kills++;

      const second = await startServer(env);
      servers.push(second);
      crashes.restarts++;
      let run = await json(`${second.url}/api/runs/${paused.runId}`, { headers: auth });
      if (!fault && run.pendingApprovals?.[0]?.approvalId !== approvalId) crashes.lostApprovals++;
      if (!fault) {
        expect(run).toMatchObject({ status: 'awaiting_approval', pendingApprovals: [{ approvalId }] });
        run = await json(`${second.url}/api/runs/${paused.runId}/decisions`, {
          method: 'POST',
          headers: auth,
          body: JSON.stringify({ approvalId, decision: 'approve' }),
        });
      } else {
        // Recovered at start: the decided run was resumed and finished.
        expect(second.output()).toMatch(/recovered 1 interrupted run/);
      }
      expect(run.status).toBe('completed');
      const posted = await postedCount(second);
      if (posted > 1) crashes.duplicateWrites += posted - 1;
      expect(posted).toBe(1);
      const after = await listingTotal(second);
      expect(after.length).toBe(before.length + 1);
      for (const entry of before) expect(after).toContain(entry);

      // A third start changes nothing more.
      await second.kill('SIGKILL');
      crashes.kills++;
      const third = await startServer(env);
      servers.push(third);
      crashes.restarts++;
      expect(await postedCount(third)).toBe(1);
    },
    90_000,
  );
});
