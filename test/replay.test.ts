import { afterEach, describe, expect, it } from 'vitest';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { ScriptedModel } from '@openai/agents/testing';
import { createHarness, TOKENS, type Harness } from './support/harness.js';
import { bikeDraft, callTool, say } from './support/scripts.js';
import { exportTrace, readTraceFile } from '../src/replay/traceExport.js';
import { replayTrace } from '../src/replay/replay.js';
import { loadPolicyRules } from '../src/policy/index.js';

let h: Harness;
afterEach(() => h?.close());

const GOLDEN = join(process.cwd(), 'traces', 'golden');

async function recordedRun(harness: Harness) {
  const { id } = await harness.assistant.createConversation('seller-1');
  const paused = await harness.assistant.sendMessage(id, 'seller-1', { text: 'sell my Trek Marlin 7' });
  await harness.assistant.decide(paused.runId, 'seller-1', {
    approvalId: paused.pendingApprovals[0].approvalId,
    decision: 'reject',
    message: 'make it 380',
  });
  const revised = await harness.assistant.getRun(paused.runId, { userId: 'seller-1', role: 'seller' });
  await harness.assistant.decide(paused.runId, 'seller-1', {
    approvalId: revised.pendingApprovals[0].approvalId,
    decision: 'approve',
  });
  return paused.traceId;
}

const script = () =>
  new ScriptedModel([
    callTool('searchSimilar', { query: 'Trek Marlin 7', category: 'Sports', limit: null }, 'c1'),
    callTool('createListing', bikeDraft, 'c2', 'Draft ready.'),
    callTool('createListing', { ...bikeDraft, price: 380 }, 'c3', 'Now €380.'),
    say('Posted.'),
  ]);

describe('replay', () => {
  it.each(readdirSync(GOLDEN).filter((f) => f.endsWith('.json')))(
    'replays golden trace %s identically',
    async (file) => {
      const report = await replayTrace(readTraceFile(join(GOLDEN, file)));
      expect(report.divergences.map((d) => d.message)).toEqual([]);
      expect(report.identical).toBe(true);
    },
  );

  // Generous: the API's replay starts the replay thread, which loads the agent's modules on a loaded machine.
  it('exports a fresh run and replays it identically, through the support API too', { timeout: 90_000 }, async () => {
    h = await createHarness({ model: script() });
    const traceId = await recordedRun(h);
    const trace = await exportTrace(h.store, traceId);
    expect(trace.decisions).toEqual([
      { tool: 'createListing', decision: 'reject', message: 'make it 380' },
      { tool: 'createListing', decision: 'approve', message: null },
    ]);
    expect(trace.modelOutputs).toHaveLength(4);
    expect((await replayTrace(trace)).identical).toBe(true);

    const res = await h.call('POST', `/api/traces/${traceId}/replay`, { token: TOKENS.support });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ identical: true, divergences: [] });
    expect((await h.call('POST', `/api/traces/${traceId}/replay`, { token: TOKENS.seller })).status).toBe(403);
    expect((await h.call('POST', `/api/traces/trace_${'1'.repeat(32)}/replay`, { token: TOKENS.support })).status).toBe(
      404,
    );
  });

  it('reports the divergence at the right step after a deliberate policy change', async () => {
    h = await createHarness({ model: script() });
    const trace = await exportTrace(h.store, await recordedRun(h));
    const rules = loadPolicyRules();
    const stricter = {
      ...rules,
      price: { ...rules.price, maxByCategory: { ...rules.price.maxByCategory, Sports: 400 } },
    };
    const report = await replayTrace(trace, { rules: stricter });
    expect(report.identical).toBe(false);
    // searchSimilar is still allowed; the first createListing (€420) is now refused by the price rule.
    expect(report.divergences[0]).toMatchObject({ kind: 'policy_decision', step: 2 });
    expect(report.divergences[0].message).toBe(
      'policy decision 2 changed: expected needs_confirmation (writes-need-confirmation) for createListing at proposal, got deny (price-bounds) for createListing at execution',
    );
  });

  it('reports a changed tool argument in the recording as a tool call divergence', async () => {
    h = await createHarness({ model: script() });
    const trace = await exportTrace(h.store, await recordedRun(h));
    const tampered = structuredClone(trace);
    const call = tampered.modelOutputs[0].find((o) => o.type === 'function_call')!;
    call.arguments = JSON.stringify({ query: 'Cube bike', category: 'Sports', limit: null });
    const report = await replayTrace(tampered);
    expect(report.divergences[0]).toMatchObject({ kind: 'tool_call', step: 1 });
    expect(report.divergences[0].message).toContain('Cube bike');
  });

  it('carries the listings sellers posted before the run that its search saw or weighed', async () => {
    h = await createHarness({
      model: new ScriptedModel([
        callTool('searchSimilar', { query: 'Trek Marlin 7', category: 'Sports', limit: 3 }, 'c1'),
        say('Similar bikes sell for about that.'),
      ]),
    });
    const post = (sellerId: string, price: number, title = 'Trek Marlin 7') =>
      h.store.listings.insert({
        sellerId,
        title,
        description: `${title}, ridden a few times.`,
        category: 'Sports',
        price,
        condition: 'good',
      });
    // Short titles rank first and their prices move the median: a catalogue-only copy would answer otherwise.
    const before = [await post('seller-7', 90), await post('seller-8', 2400), await post('seller-9', 15)];
    await new Promise((r) => setTimeout(r, 5));
    const { id } = await h.assistant.createConversation('seller-1');
    const run = await h.assistant.sendMessage(id, 'seller-1', { text: 'what do Trek Marlin 7 bikes go for?' });
    const after = await post('seller-6', 5000);
    const trace = await exportTrace(h.store, run.traceId);

    const carried = trace.listings.map((l) => l.id);
    expect(carried).toEqual(expect.arrayContaining(before.map((l) => l.id)));
    expect(carried).not.toContain(after.id);
    expect((await replayTrace(trace)).identical).toBe(true);
    // Without them the replay's search ranks and prices from the catalogue alone.
    const bare = { ...trace, listings: trace.listings.filter((l) => !before.some((b) => b.id === l.id)) };
    expect((await replayTrace(bare)).divergences[0]).toMatchObject({ kind: 'tool_call', step: 1 });
  });

  it('rejects a file that is not a trace with a clear message', () => {
    expect(() => readTraceFile(join(process.cwd(), 'package.json'))).toThrow(/not a listing-assistant trace/);
  });
});
