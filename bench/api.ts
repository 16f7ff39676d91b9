import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { serve } from '@hono/node-server';
import { Agent as HttpAgent, setGlobalDispatcher } from 'undici';
import { Usage, type Model, type ModelRequest, type ModelResponse } from '@openai/agents';
import { loadConfig } from '../src/config.js';
import { createService } from '../src/service.js';
import { LangfuseReceiver } from '../test/support/langfuseReceiver.js';
import { report, summarize, ratio } from './lib/measure.js';

/**
 * The HTTP API under 1,000 conversations in flight over loopback, with the
 * model replaced by a fake that answers after a fixed delay. Run three times:
 * Langfuse export off, on (to a local receiver), and on with the receiver down.
 */
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 1000);
const DELAY_MS = Number(process.env.BENCH_MODEL_DELAY_MS ?? 300);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);

class DelayedModel implements Model {
  async getResponse(_request: ModelRequest): Promise<ModelResponse> {
    await new Promise((r) => setTimeout(r, DELAY_MS));
    return {
      usage: new Usage({ requests: 1, inputTokens: 100, outputTokens: 20, totalTokens: 120 }),
      output: [{ type: 'message', role: 'assistant', status: 'completed', content: [{ type: 'output_text', text: 'Here is what I found.' }] }],
    };
  }
  // eslint-disable-next-line require-yield
  async *getStreamedResponse(): AsyncIterable<never> {
    throw new Error('not used');
  }
}

setGlobalDispatcher(new HttpAgent({ connections: CONCURRENCY + 16, pipelining: 1, keepAliveTimeout: 30_000 }));

async function scenario(name: string, env: Record<string, string>) {
  const dir = mkdtempSync(join(tmpdir(), 'bench-api-'));
  const tokens = Array.from({ length: 50 }, (_, i) => `t${i}:seller-${i + 1}:seller`).join(',');
  const service = createService(loadConfig({ DATABASE_PATH: join(dir, 'api.db'), SEED_COUNT: '2000', AUTH_TOKENS: tokens, RATE_LIMIT_PER_MINUTE: '100000000', RATE_LIMIT_RUNS_PER_MINUTE: '100000000', LOG_LEVEL: 'silent', ...env }), {
    model: { model: new DelayedModel(), name: 'delayed' },
  });
  const server = serve({ fetch: service.app.fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise((r) => server.once('listening', r));
  const url = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  const call = (path: string, token: string, body?: unknown) =>
    fetch(url + path, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: body ? JSON.stringify(body) : undefined });

  const lag = monitorEventLoopDelay({ resolution: 10 });
  let peakRss = process.memoryUsage().rss;
  const rssTimer = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 50);
  const latencies: number[] = [];
  let completed = 0;
  let wall = 0;
  for (let round = 0; round < ROUNDS; round++) {
    const conversations = await Promise.all(
      Array.from({ length: CONCURRENCY }, async (_, i) => {
        const token = `t${i % 50}`;
        const { id } = (await (await call('/api/conversations', token)).json()) as { id: string };
        return { id, token };
      }),
    );
    if (round === ROUNDS - 1) lag.enable();
    const started = performance.now();
    await Promise.all(
      conversations.map(async ({ id, token }) => {
        const t = performance.now();
        const res = await call(`/api/conversations/${id}/messages`, token, { text: 'what is my bike worth?' });
        const body = (await res.json()) as { status: string };
        if (body.status === 'completed') completed++;
        latencies.push(performance.now() - t);
      }),
    );
    wall += performance.now() - started;
  }
  lag.disable();
  clearInterval(rssTimer);
  server.close();
  await service.flushExports();
  service.store.close();
  rmSync(dir, { recursive: true, force: true });
  const added = summarize(latencies.map((l) => l - DELAY_MS));
  const runsPerSecond = completed / (wall / 1000);
  const ideal = CONCURRENCY / (DELAY_MS / 1000);
  return {
    name,
    completed,
    runsPerSecond: Math.round(runsPerSecond),
    ideal: Math.round(ideal),
    ofIdeal: Math.round((runsPerSecond / ideal) * 1000) / 10,
    addedLatencyMs: added,
    eventLoopLagMs: { p50: lag.percentile(50) / 1e6, p99: lag.percentile(99) / 1e6, max: lag.max / 1e6 },
    peakRssMb: Math.round(peakRss / 1024 / 1024),
  };
}

const off = await scenario('export off', {});
const receiver = await LangfuseReceiver.start();
const on = await scenario('export on', { LANGFUSE_PUBLIC_KEY: 'pk', LANGFUSE_SECRET_KEY: 'sk', LANGFUSE_BASE_URL: receiver.url });
const received = receiver.requests.length;
await receiver.close();
const down = await scenario('receiver down', { LANGFUSE_PUBLIC_KEY: 'pk', LANGFUSE_SECRET_KEY: 'sk', LANGFUSE_BASE_URL: receiver.url });

const fmt = (s: Awaited<ReturnType<typeof scenario>>) =>
  `${s.name.padEnd(14)} ${String(s.runsPerSecond).padStart(6)}/s (${s.ofIdeal}% of ${s.ideal}/s)  added p50 ${s.addedLatencyMs.p50.toFixed(1)} ms  p99 ${s.addedLatencyMs.p99.toFixed(1)} ms  loop lag p99 ${s.eventLoopLagMs.p99.toFixed(1)} ms  peak RSS ${s.peakRssMb} MB`;
report(
  'api',
  { concurrency: CONCURRENCY, modelDelayMs: DELAY_MS, rounds: ROUNDS, off, on, down, exportRequestsReceived: received, exportCostRatio: { on: ratio(off.runsPerSecond, on.runsPerSecond), down: ratio(off.runsPerSecond, down.runsPerSecond) } },
  [
    `${CONCURRENCY} conversations in flight, model answers after ${DELAY_MS} ms, ${ROUNDS} rounds`,
    fmt(off),
    fmt(on),
    fmt(down),
    `export cost (throughput off / on): ${ratio(off.runsPerSecond, on.runsPerSecond)}x on, ${ratio(off.runsPerSecond, down.runsPerSecond)}x receiver down (target ≤ 1.05x); ${received} OTLP/ingestion requests received`,
    'targets: ≥ 90% of ideal, p99 added < 50 ms, RSS < 500 MB',
  ],
);
