import { afterEach, describe, expect, it } from 'vitest';
import { ScriptedModel, modelError } from '@openai/agents/testing';
import { versionFor } from '../src/agent/promptRollout.js';
import { createHarness, type Harness } from './support/harness.js';
import { bikeDraft, callTool, say } from './support/scripts.js';
import { withRawDb } from './support/rawDb.js';

let harnesses: Harness[] = [];
afterEach(async () => {
  for (const h of harnesses) await h.close();
  harnesses = [];
});

const harness = async (...args: Parameters<typeof createHarness>) => {
  const h = await createHarness(...args);
  harnesses.push(h);
  return h;
};

/** Parses the Prometheus text and sums the samples of `name` whose labels include `labels`. */
function metric(text: string, name: string, labels: Record<string, string> = {}): number {
  let sum = 0;
  for (const line of text.split('\n')) {
    const match = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!match || match[1] !== name) continue;
    const found = Object.fromEntries(
      [...(match[2] ?? '').matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)].map((m) => [m[1], m[2]]),
    );
    if (Object.entries(labels).every(([k, v]) => found[k] === v)) sum += Number(match[3]);
  }
  return sum;
}

const HALF = {
  default: 'v1',
  split: [
    { version: 'v1', percent: 50 },
    { version: 'v3', percent: 50 },
  ],
};
const SELLER_V1 = 'seller-4';
const SELLER_V3 = 'seller-1';
const TOKENS = `tok-seller-on-v1-0123456789:${SELLER_V1}:seller,tok-seller-on-v3-0123456789:${SELLER_V3}:seller,tok-support-0123456789:support-1:support`;

describe('GET /metrics', () => {
  it('separates an A/B split by prompt version after real conversations over HTTP', async () => {
    expect([versionFor(HALF, SELLER_V1), versionFor(HALF, SELLER_V3)]).toEqual(['v1', 'v3']);
    // The built-in offline model, the shipped 50/50 rollout, real tokens: the production wiring.
    const h = await harness({ env: { PROMPT_VERSION: '', AUTH_TOKENS: TOKENS } });
    const post = async (token: string, path: string, body?: unknown) =>
      (await h.call('POST', path, { token, body })).json();
    const sell = async (token: string, decisions: Array<{ decision: 'approve' | 'reject'; message?: string }>) => {
      const conversation = await post(token, '/api/conversations');
      let run = await post(token, `/api/conversations/${conversation.id}/messages`, {
        text: 'I want to sell my Trek Marlin 7 mountain bike, barely used',
      });
      for (const d of decisions) {
        expect(run.status).toBe('awaiting_approval');
        run = await post(token, `/api/runs/${run.runId}/decisions`, {
          approvalId: run.pendingApprovals[0].approvalId,
          ...d,
        });
      }
      return run;
    };

    // v1: three listings posted, one attempt to re-price another seller's listing.
    for (let i = 0; i < 3; i++)
      expect((await sell('tok-seller-on-v1-0123456789', [{ decision: 'approve' }])).status).toBe('completed');
    const othersListing = withRawDb(
      h.dbPath,
      (db) =>
        db.prepare(`SELECT id FROM listings WHERE seller_id != ? AND status = 'active' LIMIT 1`).get(SELLER_V1) as {
          id: string;
        },
    );
    const conversation = await post('tok-seller-on-v1-0123456789', '/api/conversations');
    const denied = await post('tok-seller-on-v1-0123456789', `/api/conversations/${conversation.id}/messages`, {
      text: `change the price of ${othersListing.id} to 10`,
    });
    expect(denied.status).toBe('completed');
    expect(
      (
        await h.call('POST', `/api/runs/${denied.runId}/feedback`, {
          token: 'tok-seller-on-v1-0123456789',
          body: { value: 1 },
        })
      ).status,
    ).toBe(201);

    // v3: two listings posted, one after the seller turned the first draft down.
    expect((await sell('tok-seller-on-v3-0123456789', [{ decision: 'approve' }])).status).toBe('completed');
    const revised = await sell('tok-seller-on-v3-0123456789', [
      { decision: 'reject', message: 'make it 380' },
      { decision: 'approve' },
    ]);
    expect(revised.status).toBe('completed');
    expect(
      (
        await h.call('POST', `/api/runs/${revised.runId}/feedback`, {
          token: 'tok-seller-on-v3-0123456789',
          body: { value: -1 },
        })
      ).status,
    ).toBe(201);

    const res = await h.call('GET', '/metrics', { token: 'tok-support-0123456789' });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = await res.text();
    const v1 = { prompt_version: 'v1' };
    const v3 = { prompt_version: 'v3' };
    const runs = (labels: Record<string, string>, status: string) =>
      metric(text, 'listing_assistant_runs_total', { ...labels, model: 'offline', status });
    expect([runs(v1, 'completed'), runs(v1, 'awaiting_approval'), runs(v1, 'stopped')]).toEqual([4, 3, 0]);
    expect([runs(v3, 'completed'), runs(v3, 'awaiting_approval'), runs(v3, 'stopped')]).toEqual([2, 3, 0]);

    const approvals = (labels: Record<string, string>, event: string) =>
      metric(text, 'listing_assistant_approvals_total', { ...labels, tool: 'createListing', event });
    expect(['requested', 'approved', 'rejected', 'expired'].map((e) => approvals(v1, e))).toEqual([3, 3, 0, 0]);
    expect(['requested', 'approved', 'rejected', 'expired'].map((e) => approvals(v3, e))).toEqual([3, 2, 1, 0]);

    expect(
      metric(text, 'listing_assistant_policy_denials_total', { ...v1, tool: 'updatePrice', rule: 'own-listing' }),
    ).toBe(1);
    expect(metric(text, 'listing_assistant_policy_denials_total', v3)).toBe(0);
    expect(metric(text, 'listing_assistant_tool_errors_total')).toBe(0);
    expect(metric(text, 'listing_assistant_feedback_total', { ...v1, value: 'up' })).toBe(1);
    expect(metric(text, 'listing_assistant_feedback_total', { ...v3, value: 'down' })).toBe(1);
    expect(metric(text, 'listing_assistant_feedback_total', { ...v3, value: 'up' })).toBe(0);

    // Every model call is a step: counted in the latency histogram, with the tokens the offline model estimates.
    const allRuns = await h.store.runs.all();
    const steps = (labels: Record<string, string>) =>
      allRuns.filter((r) => r.promptVersion === labels.prompt_version).reduce((sum, r) => sum + r.steps, 0);
    expect(metric(text, 'listing_assistant_model_call_duration_seconds_count', { ...v1, model: 'offline' })).toBe(
      steps(v1),
    );
    expect(metric(text, 'listing_assistant_model_call_duration_seconds_count', { ...v3, model: 'offline' })).toBe(
      steps(v3),
    );
    expect(metric(text, 'listing_assistant_model_tokens_total', { ...v1, kind: 'input' })).toBeGreaterThan(0);
    expect(metric(text, 'listing_assistant_model_tokens_total', { ...v3, kind: 'output' })).toBeGreaterThan(0);
    expect(text).toMatch(/^listing_assistant_model_cost_usd_total\{prompt_version="v1",model="offline"\} 0$/m);
    expect(metric(text, 'listing_assistant_run_duration_seconds_count', v1)).toBe(7);
    expect(metric(text, 'listing_assistant_run_duration_seconds_count', v3)).toBe(5);
    expect(metric(text, 'listing_assistant_replies_failed_total')).toBe(0);

    // Process health on the same scrape.
    expect(metric(text, 'process_resident_memory_bytes')).toBeGreaterThan(0);
    expect(text).toMatch(/^nodejs_eventloop_lag_seconds /m);
  });

  it('counts model errors, failed and empty replies, tool errors, and expired approvals', async () => {
    let now = Date.parse('2030-01-01T12:00:00.000Z');
    const h = await harness({
      now: () => new Date(now),
      model: new ScriptedModel([
        modelError(new Error('upstream exploded')),
        say(''),
        callTool('getListing', { listingId: 'lst_9999999' }, 'c1'),
        say('I could not find that listing.'),
        callTool('createListing', { ...bikeDraft, price: -5 }, 'c2'),
        say('That price is not valid.'),
        callTool('createListing', bikeDraft, 'c3', 'Draft ready.'),
      ]),
    });
    const seller = 'seller-1';
    const message = async (text: string) =>
      h.assistant.sendMessage((await h.assistant.createConversation(seller)).id, seller, { text });
    expect(await message('hello')).toMatchObject({ status: 'stopped', stopReason: 'model_error' });
    const empty = await message('hello again');
    expect([empty.status, empty.reply ?? '']).toEqual(['completed', '']);
    expect(await message('what about lst_9999999?')).toMatchObject({ status: 'completed' });
    expect(await message('sell it for minus five')).toMatchObject({ status: 'completed' });
    const paused = await message('sell my bike');
    expect(paused.status).toBe('awaiting_approval');
    now += h.config.APPROVAL_TTL_MS + 1;
    expect(await h.assistant.getRun(paused.runId, { userId: seller, role: 'seller' })).toMatchObject({
      status: 'stopped',
      stopReason: 'cancelled',
    });

    const text = await (await h.call('GET', '/metrics', { token: '' })).text();
    const v1 = { prompt_version: 'v1', model: 'scripted' };
    expect(metric(text, 'listing_assistant_runs_total', { ...v1, status: 'stopped', stop_reason: 'model_error' })).toBe(
      1,
    );
    expect(metric(text, 'listing_assistant_runs_total', { ...v1, status: 'stopped', stop_reason: 'cancelled' })).toBe(
      1,
    );
    expect(metric(text, 'listing_assistant_model_errors_total', v1)).toBe(1);
    expect(metric(text, 'listing_assistant_replies_failed_total', { ...v1, kind: 'failed' })).toBe(1);
    expect(metric(text, 'listing_assistant_replies_failed_total', { ...v1, kind: 'empty' })).toBe(1);
    expect(
      metric(text, 'listing_assistant_tool_errors_total', {
        prompt_version: 'v1',
        tool: 'getListing',
        error: 'not_found',
      }),
    ).toBe(1);
    // A price the policy refuses never reaches the seller: a denial by rule, not a tool error.
    expect(metric(text, 'listing_assistant_tool_errors_total', { tool: 'createListing' })).toBe(0);
    expect(
      metric(text, 'listing_assistant_policy_denials_total', { prompt_version: 'v1', tool: 'createListing' }),
    ).toBe(1);
    expect(metric(text, 'listing_assistant_approvals_total', { prompt_version: 'v1', event: 'requested' })).toBe(1);
    expect(metric(text, 'listing_assistant_approvals_total', { prompt_version: 'v1', event: 'expired' })).toBe(1);
  });

  it('is open in demo mode; with real tokens it needs a support token or METRICS_TOKEN', async () => {
    const demo = await harness({ model: new ScriptedModel([]) });
    expect((await demo.call('GET', '/metrics', { token: '' })).status).toBe(200);

    const scraperToken = 'prometheus-scraper-0123456789';
    const h = await harness({
      model: new ScriptedModel([]),
      env: { AUTH_TOKENS: TOKENS, METRICS_TOKEN: scraperToken },
    });
    const status = async (token: string) => (await h.call('GET', '/metrics', { token })).status;
    expect(await status('')).toBe(401);
    expect(await status('not-a-token')).toBe(401);
    expect(await status('tok-seller-on-v1-0123456789')).toBe(403);
    expect(await status('tok-support-0123456789')).toBe(200);
    expect(await status(scraperToken)).toBe(200);
  });

  it('keeps each service’s figures on its own registry', async () => {
    const busy = await harness({ model: new ScriptedModel([say('hi')]) });
    const idle = await harness({ model: new ScriptedModel([]) });
    await busy.assistant.sendMessage((await busy.assistant.createConversation('seller-1')).id, 'seller-1', {
      text: 'hello',
    });
    const scrape = async (h: Harness) => (await h.call('GET', '/metrics', { token: '' })).text();
    expect(metric(await scrape(busy), 'listing_assistant_runs_total')).toBe(1);
    expect(metric(await scrape(idle), 'listing_assistant_runs_total')).toBe(0);
  });
});
