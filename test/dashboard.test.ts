import { afterEach, describe, expect, it } from 'vitest';
import { createHarness, TOKENS, type Harness } from './support/harness.js';
import { loadPromptRollout, versionFor } from '../src/agent/promptRollout.js';
import { withRawDb } from './support/rawDb.js';

let h: Harness;
afterEach(() => h?.close());

/** Seller ids the default 50/50 rollout puts on each version. */
function sellersOn(version: string, count: number): string[] {
  const rollout = loadPromptRollout();
  const found: string[] = [];
  for (let i = 0; found.length < count && i < 10_000; i++)
    if (versionFor(rollout, `seller-${i}`) === version) found.push(`seller-${i}`);
  if (found.length < count) throw new Error(`the shipped rollout gives no seller ${version}`);
  return found;
}

async function dashboard(window = 'hour') {
  const res = await h.call('GET', `/api/dashboard?window=${window}`, { token: TOKENS.support });
  expect(res.status).toBe(200);
  return res.json();
}

describe('support dashboard', () => {
  it('shows each prompt version of a 50/50 split separately, with failures, tokens, approvals and feedback, and alerts on the failing one', async () => {
    // One model turn per run: a greeting completes in one, drafting needs two and stops at the step limit.
    h = await createHarness({
      env: { PROMPT_VERSION: '', AGENT_MAX_STEPS: '1', ALERT_FAILURE_RATE: '0.5', ALERT_MIN_RUNS: '3' },
    });
    const onV1 = sellersOn('v1', 4);
    const onV3 = sellersOn('v3', 3);
    const runIds: string[] = [];
    const wallMs: number[] = [];
    for (const seller of onV1) {
      const { id } = await h.assistant.createConversation(seller);
      const started = performance.now();
      const result = await h.assistant.sendMessage(id, seller, { text: 'hello, what can you do?' });
      wallMs.push(performance.now() - started);
      expect(result.status).toBe('completed');
      runIds.push(result.runId);
    }
    for (const seller of onV3) {
      const { id } = await h.assistant.createConversation(seller);
      const result = await h.assistant.sendMessage(id, seller, {
        text: 'I want to sell my Trek Marlin 7 mountain bike, good condition',
      });
      expect(result).toMatchObject({ status: 'stopped', stopReason: 'max_steps' });
    }
    await h.store.feedback.add({ runId: runIds[0], sellerId: onV1[0], value: -1, comment: null });

    const d = await dashboard();
    expect(d.versions).toEqual(['v1', 'v3']);
    expect(d.totals.v1).toMatchObject({
      runs: 4,
      completed: 4,
      stopped: 0,
      failed: 0,
      failureRate: 0,
      feedback: { up: 0, down: 1 },
    });
    expect(d.totals.v3).toMatchObject({
      runs: 3,
      stopped: 3,
      failed: 3,
      failureRate: 1,
      stopReasons: { max_steps: 3 },
    });
    expect(d.totals.v1.tokens.input).toBeGreaterThan(0);
    // Latency is a run's agent time as its spans recorded it (ms timestamps, so at most 1 ms over the wall time the
    // test measured around the run).
    const agentMs: number[] = [];
    for (const runId of runIds) {
      const { traceId } = (await h.store.runs.get(runId))!;
      agentMs.push(
        (await h.store.traces.spans(traceId))
          .filter((s) => s.kind === 'agent')
          .reduce((sum, s) => sum + Date.parse(s.endedAt!) - Date.parse(s.startedAt!), 0),
      );
    }
    agentMs.forEach((ms, i) => expect(ms).toBeLessThanOrEqual(wallMs[i] + 1));
    const sorted = [...agentMs].sort((a, b) => a - b);
    // Nearest rank over four runs: the median is the third, p95 the fourth.
    expect(d.totals.v1.latencyMs).toEqual({ p50: sorted[2], p95: sorted[3] });
    expect(d.totals.v1.latencyMs.p95).toBeGreaterThan(0); // the slowest of four real runs took measurable time
    expect(d.totals.v1.costUsd).toBe(0); // the offline model is free; its tokens are still counted
    expect(d.alerts).toEqual([
      expect.objectContaining({ promptVersion: 'v3', kind: 'failure_rate', value: 1, threshold: 0.5 }),
    ]);

    // Buckets add up to the totals, five minutes each over the hour.
    expect(d.bucketMinutes).toBe(5);
    expect(d.buckets).toHaveLength(12);
    const bucketRuns = (v: string) => d.buckets.reduce((sum: number, b: any) => sum + b.byVersion[v].runs, 0);
    expect([bucketRuns('v1'), bucketRuns('v3')]).toEqual([4, 3]);
    expect((await dashboard('day')).buckets).toHaveLength(24);
  });

  it('counts approvals by outcome and alerts on cost per run for priced models', async () => {
    h = await createHarness({ env: { PROMPT_VERSION: 'v1', ALERT_MIN_RUNS: '1', ALERT_COST_PER_RUN_USD: '0.000001' } });
    const { id } = await h.assistant.createConversation('seller-1');
    const paused = await h.assistant.sendMessage(id, 'seller-1', {
      text: 'I want to sell my Trek Marlin 7 mountain bike, size L, good condition',
    });
    expect(paused.status).toBe('awaiting_approval');
    await h.assistant.decide(paused.runId, 'seller-1', {
      approvalId: paused.pendingApprovals[0].approvalId,
      decision: 'reject',
      message: 'make it 380',
    });
    // Price the run as a paid model would be, to see the cost alert fire.
    withRawDb(h.dbPath, (db) => db.prepare(`UPDATE runs SET model = 'gpt-4.1-mini'`).run());
    const d = await dashboard();
    expect(d.totals.v1.approvals).toMatchObject({ requested: 2, rejected: 1 });
    expect(d.totals.v1.costPerRunUsd).toBeGreaterThan(0);
    expect(d.alerts.map((a: any) => a.kind)).toEqual(['cost_per_run']);
  });

  it('is for support only, and rejects an unknown window', async () => {
    h = await createHarness();
    expect((await h.call('GET', '/api/dashboard', { token: TOKENS.seller })).status).toBe(403);
    expect((await h.call('GET', '/api/dashboard')).status).toBe(403);
    const bad = await h.call('GET', '/api/dashboard?window=year', { token: TOKENS.support });
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.message).toMatch(/window/);
  });
});
