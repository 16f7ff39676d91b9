import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { ScriptedModel, assistantMessage, functionCall } from '@openai/agents/testing';
import { loadConfig } from '../src/config.js';
import { createService } from '../src/service.js';
import { loadPolicyRules } from '../src/policy/index.js';
import { report, summarize, ratio } from './lib/measure.js';

/**
 * Paused runs: the size of a stored paused run, the time to resume one from
 * the database (decide → completed), and whether 10,000 pending approvals in
 * the store slow other requests.
 */
const N = Number(process.env.BENCH_PAUSED ?? 300);
const draft = {
  title: 'Trek Marlin 7 mountain bike',
  description: 'Barely used, serviced last month.',
  category: 'Sports',
  price: 420,
  condition: 'like new',
};
let current = new ScriptedModel([]);
const proxy = {
  getResponse: (r: never) => current.getResponse(r),
  getStreamedResponse: (r: never) => current.getStreamedResponse(r),
};
const dir = mkdtempSync(join(tmpdir(), 'bench-paused-'));
const rules = { ...loadPolicyRules(), rateLimit: { writesPerSellerPerHour: 1_000_000 } };
const dbPath = join(dir, 'paused.db');
const service = await createService(loadConfig({ DATABASE_PATH: dbPath, SEED_COUNT: '5000', LOG_LEVEL: 'silent' }), {
  model: { model: proxy, name: 'scripted' },
  rules,
});
const { assistant, store } = service;

async function pause(i: number) {
  current = new ScriptedModel([
    [assistantMessage('Draft ready.'), functionCall('createListing', draft, { callId: `c${i}` })],
    [assistantMessage('Posted.')],
  ]);
  const { id } = await assistant.createConversation(`seller-${(i % 500) + 1}`);
  return assistant.sendMessage(id, `seller-${(i % 500) + 1}`, { text: 'sell my bike' });
}

async function requestMix(): Promise<number[]> {
  const samples: number[] = [];
  for (let i = 0; i < 200; i++) {
    const t = performance.now();
    await service.app.request('/api/listings?q=bike&limit=5', { headers: { authorization: 'Bearer demo-seller' } });
    await service.app.request('/api/listings/lst_0000001', { headers: { authorization: 'Bearer demo-seller' } });
    samples.push(performance.now() - t);
  }
  return samples;
}

// Size and resume time.
const sizes: number[] = [];
const resumes: number[] = [];
for (let i = 0; i < N; i++) {
  const paused = await pause(i);
  sizes.push((await store.runs.get(paused.runId))!.state!.length);
  const t = performance.now();
  await assistant.decide(paused.runId, paused.runId && `seller-${(i % 500) + 1}`, {
    approvalId: paused.pendingApprovals[0].approvalId,
    decision: 'approve',
  });
  resumes.push(performance.now() - t);
}
const before = summarize(await requestMix());
// 10,000 pending approvals (and their paused runs) in the store.
for (let i = 0; i < 10_000; i++) await pause(N + i);
// Counted on a connection of its own: a measurement, not something the app asks the store.
const counter = new Database(dbPath, { readonly: true });
const pending = (counter.prepare(`SELECT count(*) AS n FROM approvals WHERE status = 'pending'`).get() as { n: number })
  .n;
counter.close();
const after = summarize(await requestMix());
const size = summarize(sizes);
const resume = summarize(resumes);
report(
  'paused',
  {
    pausedRunStateBytes: size,
    resumeMs: resume,
    pendingApprovals: pending,
    requestMixBefore: before,
    requestMixAfter: after,
    ratioP50: ratio(after.p50, before.p50),
  },
  [
    `stored paused run: ${Math.round(size.p50)} bytes (p50), ${Math.round(size.p99)} bytes (p99)`,
    `resume from the database (decide → completed): p50 ${resume.p50.toFixed(2)} ms, p99 ${resume.p99.toFixed(2)} ms`,
    `request mix with ${pending} pending approvals: p50 ${after.p50.toFixed(2)} ms vs ${before.p50.toFixed(2)} ms before (${ratio(after.p50, before.p50)}x)`,
  ],
);
await store.close();
rmSync(dir, { recursive: true, force: true });
