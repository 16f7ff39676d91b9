import { afterEach, describe, expect, it } from 'vitest';
import { Agent, Runner, Span, type RunItem, type SpanData, type TracingProcessor } from '@openai/agents';
import { OfflineModel } from '../src/agent/offline/offlineModel.js';
import { gatedTool } from '../src/tools/gatedTool.js';
import { callVetting, TOOL_SPECS, type AssistantContext } from '../src/tools/index.js';
import type { ToolSpec, WriteToolSpec } from '../src/tools/toolSpec.js';
import { loadPolicyRules, PolicyGate } from '../src/policy/index.js';
import { decideApproval, requestApproval } from '../src/approvals/index.js';
import { createLogger } from '../src/logging/logger.js';
import { MetricsRecorder } from '../src/metrics/metricsRecorder.js';
import { ServiceMetrics } from '../src/metrics/serviceMetrics.js';
import { RunLog } from '../src/tracing/runLog.js';
import { spanFact } from '../src/tracing/spanFacts.js';
import { createRun, tempStore } from './support/tempStore.js';

/**
 * A write whose answer comes after its time limit, through the SDK's loop with the offline model and
 * a real SQLite store: the seller must never be told it failed (and to try again) while it may still
 * commit, because a retry is a new call, a new approval and a second listing.
 */
let t: ReturnType<typeof tempStore> | undefined;
afterEach(async () => {
  await t?.dispose();
  t = undefined;
});

const LIMIT_MS = 30;
const SELLER = 'seller-1';
const SELL = 'I want to sell my Trek Marlin 7 bike, good condition, for €400';
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

type WriteTool = 'createListing' | 'updatePrice';

/** The real write tool, its work started `delayMs` late (a slow disk, a busy database). */
function slowWrite(tool: WriteTool, delayMs: number): ToolSpec {
  const real = TOOL_SPECS.find((s) => s.name === tool) as WriteToolSpec;
  return {
    ...real,
    run: async (args, env) => {
      await sleep(delayMs);
      return real.run(args, env);
    },
  };
}

interface Seller {
  /** createListing (default): sells a bike; updatePrice: re-prices the seller's listing to €350. */
  tool?: WriteTool;
  writeDelayMs?: number;
  graceMs: number;
  /** Runs while the approved call is resumed, until `resumed` (e.g. another transaction holding the database). */
  meanwhile?: (resumed: Promise<void>) => Promise<void>;
}

/** The seller asks; the offline model proposes the write, the seller approves it, and it runs once. */
async function approveWrite({ tool = 'createListing', writeDelayMs = 0, graceMs, meanwhile }: Seller) {
  t = tempStore();
  const { store } = t;
  const conversationId = await createRun(store, 'run-1', SELLER);
  const own = await store.listings.insert({
    sellerId: SELLER,
    title: 'Oak desk',
    description: 'Solid oak.',
    category: 'Furniture',
    price: 400,
    condition: 'good',
  });
  const ask = tool === 'createListing' ? SELL : `change the price of ${own.id} to 350`;
  const specs = TOOL_SPECS.map((s) => (s.name === tool ? slowWrite(tool, writeDelayMs) : (s as ToolSpec)));
  const policy = new PolicyGate(loadPolicyRules(), store, specs);
  const deps = { store, policy, vetting: callVetting(policy), toolTimeoutMs: LIMIT_MS, writeGraceMs: graceMs };
  const agent = new Agent<AssistantContext>({
    name: 'listing-assistant',
    instructions: 'Help sellers list items.',
    model: new OfflineModel(),
    tools: specs.map((spec) => gatedTool(deps, spec)),
  });
  const context: AssistantContext = { runId: 'run-1', conversationId, sellerId: SELLER };
  const runner = new Runner({ tracingDisabled: true });

  const proposed = await runner.run(agent, ask, { context });
  expect(proposed.interruptions.map((i) => i.name)).toEqual([tool]);
  const call = proposed.interruptions[0];
  const callId = (call.rawItem as { callId: string }).callId;
  const approval = await requestApproval(store, {
    runId: 'run-1',
    callId,
    sellerId: SELLER,
    tool,
    args: JSON.parse(call.arguments ?? '{}') as Record<string, unknown>,
    summary: 'The proposed change',
    ttlMs: 60_000,
  });
  await decideApproval(store, { runId: 'run-1', approvalId: approval.id, sellerId: SELLER, decision: 'approve' });
  proposed.state.approve(call);

  let answered = () => {};
  const busy = meanwhile?.(new Promise<void>((resolve) => (answered = resolve)));
  const started = performance.now();
  const resumed = await runner.run(agent, proposed.state, { context }).finally(answered);
  const ms = performance.now() - started;
  await busy;
  // The resumed result carries the look-ups before the pause too: only the approved call on counts.
  const name = (i: RunItem) => (i.type === 'tool_call_item' ? (i.rawItem as { name: string }).name : undefined);
  const after = resumed.newItems.slice(resumed.newItems.findIndex((i) => name(i) === tool));
  const calls = after.map(name).filter(Boolean);
  const texts = after
    .filter((i) => i.type === 'tool_call_output_item')
    .map((i) => String((i.rawItem as { output: { text: string } }).output.text));
  const outputs = texts.map((text) => JSON.parse(text) as Record<string, unknown>);
  return { store, own, reply: String(resumed.finalOutput), calls, outputs, texts, ms };
}

/** The ended span of a createListing call that answered `output`, as the SDK hands it to the trace sinks. */
function toolSpan(output: string): Span<SpanData> {
  const noProcessor = {} as TracingProcessor;
  const at = new Date().toISOString();
  const data = { type: 'function' as const, name: 'createListing', input: '{}', output };
  return new Span<SpanData>({ traceId: 'trace_run-1', data, startedAt: at, endedAt: at }, noProcessor);
}

/** The seller's new listings once the abandoned write has had time to settle (it commits or not on its own). */
async function settledListings(store: NonNullable<typeof t>['store'], waitMs: number) {
  const posted = async () => (await store.listings.list({ sellerId: SELLER })).filter((l) => l.title !== 'Oak desk');
  const deadline = Date.now() + waitMs;
  while (Date.now() < deadline && (await posted()).length === 0) await sleep(20);
  await sleep(100);
  return posted();
}

describe('a write past its time limit', { timeout: 30_000 }, () => {
  it('is answered as not known yet, the seller is told to check, and it still posts once', async () => {
    const { store, reply, calls, outputs, texts, ms } = await approveWrite({ writeDelayMs: 600, graceMs: LIMIT_MS });
    expect(outputs).toEqual([expect.objectContaining({ ok: false, error: 'outcome_unknown' })]);
    expect(String(outputs[0].message)).toMatch(/do not call createListing again/i);
    expect(ms).toBeLessThan(600);
    // No second write tool call in the run, and no invitation to retry.
    expect(calls).toEqual(['createListing']);
    expect(reply).toMatch(/may or may not have gone through/i);
    expect(reply).toMatch(/check your listings/i);
    expect(reply).not.toMatch(/please try again|was stopped|nothing was (posted|changed)/i);

    // The write the seller was not told about commits anyway: exactly one listing, one ledger row.
    const listings = await settledListings(store, 5_000);
    expect(listings.map((l) => l.title)).toEqual(['Trek Marlin 7 bike']);
    expect(await store.executions.forRun('run-1')).toHaveLength(1);

    // The observers tell it apart from a failure: its own outcome, error code and log line.
    const span = toolSpan(texts[0]);
    expect(spanFact(span)).toMatchObject({ kind: 'tool_call', outcome: 'outcome_unknown' });
    const metrics = new ServiceMetrics({ processMetrics: false });
    const lines: string[] = [];
    const logger = createLogger({ level: 'info', destination: { write: (line: string) => void lines.push(line) } });
    await new MetricsRecorder(store, metrics).onSpanEnd(span);
    await new RunLog(store, logger).onSpanEnd(span);
    expect((await metrics.toolErrors.get()).values).toEqual([
      expect.objectContaining({
        value: 1,
        labels: { prompt_version: 'v1', tool: 'createListing', error: 'outcome_unknown' },
      }),
    ]);
    expect(lines.map((line) => JSON.parse(line) as Record<string, unknown>)).toEqual([
      expect.objectContaining({ level: 'warn', msg: 'tool call outcome unknown', outcome: 'outcome_unknown' }),
    ]);
  });

  it('answers with the true outcome when the write commits within its grace', async () => {
    const { store, reply, outputs } = await approveWrite({ writeDelayMs: 150, graceMs: 10_000 });
    expect(outputs).toEqual([expect.objectContaining({ ok: true, created: expect.anything() })]);
    expect(reply).toMatch(/^Your listing is live: Trek Marlin 7 bike at €400/);
    expect(await settledListings(store, 0)).toHaveLength(1);
  });

  it('re-prices once, and the seller is told to check, when a re-price is late', async () => {
    const { store, own, reply, calls, outputs } = await approveWrite({
      tool: 'updatePrice',
      writeDelayMs: 600,
      graceMs: LIMIT_MS,
    });
    expect(outputs).toEqual([expect.objectContaining({ ok: false, error: 'outcome_unknown' })]);
    expect(calls).toEqual(['updatePrice']);
    expect(reply).toMatch(/change that price may or may not have gone through.*check your listings/is);
    expect(reply).not.toMatch(/please try again|nothing was (posted|changed)/i);

    const deadline = Date.now() + 5_000;
    while (Date.now() < deadline && (await store.listings.get(own.id))?.price !== 350) await sleep(20);
    expect((await store.listings.get(own.id))?.price).toBe(350);
    expect(await store.executions.forRun('run-1')).toHaveLength(1);
  });

  it('is stopped, truly, when it had not started writing by its limit', async () => {
    // Another transaction holds the database until the run has answered: the write waits before its
    // point of no return, past its limit.
    const { store, reply, outputs } = await approveWrite({
      graceMs: LIMIT_MS,
      meanwhile: (resumed) => t!.store.transaction(() => Promise.race([resumed, sleep(10_000)])),
    });
    expect(outputs).toEqual([
      expect.objectContaining({ ok: false, error: 'failed', message: expect.stringMatching(/before it changed/) }),
    ]);
    expect(reply).toMatch(/nothing was posted or changed/i);

    // What it said holds: nothing was written, not even once the database was free again.
    expect(await settledListings(store, 200)).toEqual([]);
    expect(await store.executions.forRun('run-1')).toEqual([]);
    const decisions = await store.decisions.forRun('run-1');
    expect(decisions.filter((d) => d.tool === 'createListing' && d.phase === 'execution')).toEqual([]);
  });
});
