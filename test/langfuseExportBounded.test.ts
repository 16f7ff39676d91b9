import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Store } from '../src/store/index.js';
import { newId, newTraceId } from '../src/store/ids.js';
import { LangfuseExporter, type ExportStats } from '../src/tracing/langfuseExporter.js';
import { LangfuseReceiver } from './support/langfuseReceiver.js';

/*
 * The exporter's state stays bounded however many runs it exports: the queue
 * of waiting runs (drop-oldest past its capacity, counted) and what it
 * remembers of sent traces. Runs are written straight into a real SQLite
 * store (a model call and a tool call each, as the recorder stores them), so
 * thousands of them cost seconds; `npm run test:soak` (SOAK=1) exports 10,000.
 */
const RUNS = process.env.SOAK ? 10_000 : 1_000;
const REMEMBERED = 100;

let dir: string | undefined;
let store: Store | undefined;
let receiver: LangfuseReceiver | undefined;
let exporter: LangfuseExporter | undefined;
afterEach(async () => {
  await exporter?.shutdown();
  await store?.close();
  await receiver?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = store = receiver = exporter = undefined;
});

async function storeWithRuns(count: number): Promise<{ store: Store; runIds: string[] }> {
  dir = mkdtempSync(join(tmpdir(), 'langfuse-bounded-'));
  store = Store.open(join(dir, 'runs.db'));
  const conversation = await store.conversations.create('seller-1');
  const runIds: string[] = [];
  const t0 = Date.parse('2026-01-01T10:00:00.000Z');
  const iso = (ms: number) => new Date(t0 + ms).toISOString();
  for (let batch = 0; batch < count; batch += 250) {
    await store.transaction(async (tx) => {
      for (let i = batch; i < Math.min(count, batch + 250); i++) {
        const traceId = newTraceId();
        const run = await tx.runs.create({
          id: newId('run'),
          conversationId: conversation.id,
          sellerId: 'seller-1',
          traceId,
          input: { text: `How much is my bike worth? (${i})`, images: 0 },
          appVersion: '0.1.0',
          promptVersion: 'v1',
          model: 'gpt-4o-mini',
        });
        await tx.runs.update(run.id, { status: 'completed', reply: `About €${400 + (i % 50)}.`, steps: 2 });
        const span = (kind: string, from: number, to: number, data: Record<string, unknown>) => ({
          spanId: newId('span'),
          traceId,
          parentId: null,
          kind,
          name: null,
          startedAt: iso(from),
          endedAt: iso(to),
          data: { type: kind, ...data },
          error: null,
        });
        await tx.traces.upsertSpans([
          span('agent', 0, 900, { name: 'listing-assistant' }),
          span('generation', 10, 300, {
            model: 'gpt-4o-mini',
            model_config: { listing_assistant_model_call: true },
            input: [{ role: 'user', content: `How much is my bike worth? (${i})` }],
            output: [{ type: 'function_call', callId: 'c1', name: 'searchSimilar', arguments: '{}' }],
            usage: { input_tokens: 120, output_tokens: 30, total_tokens: 150 },
          }),
          span('function', 320, 400, { name: 'searchSimilar', input: '{"query":"bike"}', output: '{"ok":true}' }),
        ]);
        runIds.push(run.id);
      }
    });
  }
  return { store, runIds };
}

describe('bounded Langfuse export', { timeout: process.env.SOAK ? 600_000 : 120_000 }, () => {
  it(`exports ${RUNS} runs with its state bounded: remembered traces, queue, one tree each`, async () => {
    receiver = await LangfuseReceiver.start();
    const { store, runIds } = await storeWithRuns(RUNS);
    exporter = new LangfuseExporter(store, {
      publicKey: 'pk',
      secretKey: 'sk',
      baseUrl: receiver.url,
      maxQueuedRuns: RUNS,
      rememberedTraces: REMEMBERED,
      log: () => {},
    });
    const seen: ExportStats[] = [];
    // Runs settle in waves, as a busy service's do; the state is sampled after each wave.
    for (let i = 0; i < runIds.length; i += 500) {
      await Promise.all(runIds.slice(i, i + 500).map((id) => exporter!.onSegmentSettled(id)));
      seen.push(exporter.stats());
    }
    await exporter.forceFlush();
    const final = exporter.stats();
    expect(final).toMatchObject({ exported: RUNS, dropped: 0, queued: 0 });
    for (const s of [...seen, final]) expect(s.rememberedTraces).toBeLessThanOrEqual(REMEMBERED);
    expect(final.rememberedTraces).toBe(Math.min(RUNS, REMEMBERED));

    // What arrived: every run one trace with exactly one root and the root's children.
    const spans = receiver.spans();
    const roots = spans.filter((s) => !s.parentSpanId);
    expect(new Set(roots.map((r) => r.traceId)).size).toBe(RUNS);
    expect(roots).toHaveLength(RUNS);
    expect(spans).toHaveLength(RUNS * 4); // root, segment, generation, tool
  });

  it('drops the oldest waiting runs, counted, when Langfuse is slow, and never holds a settling run', async () => {
    receiver = await LangfuseReceiver.start({ delayMs: 1_000 });
    const { store, runIds } = await storeWithRuns(300);
    const capacity = 20;
    exporter = new LangfuseExporter(store, {
      publicKey: 'pk',
      secretKey: 'sk',
      baseUrl: receiver.url,
      maxQueuedRuns: capacity,
      exportTimeoutSeconds: 5,
      log: () => {},
    });
    const settled = runIds.map((id) => exporter!.onSegmentSettled(id));
    // Queuing is synchronous: the queue is already at its bound, the overflow dropped.
    const queuedNow = exporter.stats();
    expect(queuedNow.queued).toBeLessThanOrEqual(capacity);
    expect(queuedNow.dropped).toBeGreaterThanOrEqual(runIds.length - capacity - 1);
    await Promise.all(settled);
    await exporter.forceFlush();
    const final = exporter.stats();
    expect(final.exported + final.dropped).toBe(runIds.length);
    // The newest runs are the ones kept.
    const exportedRuns = new Set(
      receiver
        .spans()
        .filter((s) => !s.parentSpanId)
        .map((s) => s.attributes['langfuse.observation.metadata.runId']),
    );
    expect(exportedRuns.has(runIds.at(-1))).toBe(true);
    expect(exportedRuns.has(runIds[5])).toBe(false);
  });
});
