import { fork, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { serve } from '@hono/node-server';
import { loadConfig } from '../src/config.js';
import { createService } from '../src/service.js';
import { LangfuseReceiver } from '../test/support/langfuseReceiver.js';
import { DelayedModel } from './lib/delayedModel.js';
import { bareApp } from './lib/bareApp.js';
import { report, summarize, ratio } from './lib/measure.js';
import type { LoadRequest, LoadResult } from './lib/loadClient.js';

/**
 * `npm run bench:export`: the cost of the Langfuse export. The HTTP API (one in-process SQLite
 * service) over loopback with the model replaced by a fake that answers after a fixed delay,
 * driven by a load client in its own process. A sweep of conversations in flight (export off),
 * then at 1,000 in flight three times: Langfuse export off, on (to a local receiver), and on with
 * the receiver down. Engines and instances: bench/api.ts.
 */
const SWEEP = (process.env.BENCH_SWEEP ?? '50,100,250,500,1000').split(',').map(Number);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 1000);
const DELAY_MS = Number(process.env.BENCH_MODEL_DELAY_MS ?? 300);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);

const client: ChildProcess = fork(fileURLToPath(new URL('./lib/loadClient.ts', import.meta.url)), [], {
  execArgv: ['--import', 'tsx'],
  stdio: 'inherit',
});
const load = (request: LoadRequest) =>
  new Promise<LoadResult>((resolve, reject) => {
    client.once('message', (m: LoadResult | { error: string }) =>
      'error' in m ? reject(new Error(m.error)) : resolve(m),
    );
    client.send(request);
  });

async function scenario(name: string, concurrency: number, env: Record<string, string>) {
  const dir = mkdtempSync(join(tmpdir(), 'bench-api-'));
  const tokens = Array.from({ length: 50 }, (_, i) => `bench-seller-token-${i}`);
  const service = await createService(
    loadConfig({
      DATABASE_PATH: join(dir, 'api.db'),
      SEED_COUNT: '2000',
      AUTH_TOKENS: tokens.map((t, i) => `${t}:seller-${i + 1}:seller`).join(','),
      RATE_LIMIT_PER_MINUTE: '100000000',
      RATE_LIMIT_RUNS_PER_MINUTE: '100000000',
      LOG_LEVEL: 'silent',
      ...env,
    }),
    { model: { model: new DelayedModel(DELAY_MS), name: 'delayed' } },
  );
  const server = serve({ fetch: service.app.fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise((r) => server.once('listening', r));
  const url = `http://127.0.0.1:${(server.address() as { port: number }).port}`;

  const lag = monitorEventLoopDelay({ resolution: 10 });
  let peakRss = process.memoryUsage().rss;
  const rssTimer = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 50);
  const latencies: number[] = [];
  let completed = 0;
  let wall = 0;
  // One unmeasured round first: a fresh service's first runs pay for JIT and cold statements.
  await load({ urls: [url], tokens, concurrency, text: 'what is my bike worth?' });
  const cpuBefore = process.cpuUsage();
  for (let r = 0; r < ROUNDS; r++) {
    if (r === ROUNDS - 1) lag.enable();
    const result = await load({ urls: [url], tokens, concurrency, text: 'what is my bike worth?' });
    latencies.push(...result.latencies);
    completed += result.completed;
    wall += result.wallMs;
  }
  const cpu = process.cpuUsage(cpuBefore);
  lag.disable();
  clearInterval(rssTimer);
  server.close();
  await service.flushExports();
  await service.store.close();
  rmSync(dir, { recursive: true, force: true });
  const runsPerSecond = completed / (wall / 1000);
  const ideal = concurrency / (DELAY_MS / 1000);
  return {
    name,
    concurrency,
    completed,
    runsPerSecond: Math.round(runsPerSecond),
    ideal: Math.round(ideal),
    ofIdeal: Math.round((runsPerSecond / ideal) * 1000) / 10,
    addedLatencyMs: summarize(latencies.map((l) => l - DELAY_MS)),
    eventLoopLagMs: { p50: lag.percentile(50) / 1e6, p99: lag.percentile(99) / 1e6, max: lag.max / 1e6 },
    peakRssMb: Math.round(peakRss / 1024 / 1024),
    // Server CPU per run (conversation opening included): the capacity of one core is 1000 / this.
    serverCpuMsPerRun: Math.round(((cpu.user + cpu.system) / 1000 / (ROUNDS * concurrency)) * 100) / 100,
  };
}

/**
 * The baseline: the same HTTP server library and load, with each message
 * answered by the bare SDK loop (same delayed model, no tools, no policy, no
 * persistence, no recording). What the SDK and HTTP cost on their own.
 */
async function bareScenario(concurrency: number) {
  const app = bareApp(DELAY_MS);
  const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise((r) => server.once('listening', r));
  const url = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  let wall = 0;
  let completed = 0;
  const latencies: number[] = [];
  await load({ urls: [url], tokens: ['t'], concurrency, text: 'what is my bike worth?' });
  const cpuBefore = process.cpuUsage();
  for (let r = 0; r < ROUNDS; r++) {
    const result = await load({ urls: [url], tokens: ['t'], concurrency, text: 'what is my bike worth?' });
    latencies.push(...result.latencies);
    completed += result.completed;
    wall += result.wallMs;
  }
  const cpu = process.cpuUsage(cpuBefore);
  server.close();
  const runsPerSecond = completed / (wall / 1000);
  return {
    concurrency,
    runsPerSecond: Math.round(runsPerSecond),
    ofIdeal: Math.round((runsPerSecond / (concurrency / (DELAY_MS / 1000))) * 1000) / 10,
    addedLatencyMs: summarize(latencies.map((l) => l - DELAY_MS)),
    serverCpuMsPerRun: Math.round(((cpu.user + cpu.system) / 1000 / (ROUNDS * concurrency)) * 100) / 100,
  };
}

type Figures = Awaited<ReturnType<typeof scenario>>;
const bare: Awaited<ReturnType<typeof bareScenario>>[] = [];
for (const c of SWEEP) bare.push(await bareScenario(c));
const sweep: Figures[] = [];
for (const c of SWEEP) if (c !== CONCURRENCY) sweep.push(await scenario('export off', c, {}));
const off = await scenario('export off', CONCURRENCY, {});
sweep.push(off);
// Export cost at the full load (CPU-bound) and at a load the server keeps up with.
const LIGHT = Number(process.env.BENCH_LIGHT_CONCURRENCY ?? 100);
const lightOff = sweep.find((s) => s.concurrency === LIGHT) ?? (await scenario('export off', LIGHT, {}));
const receiver = await LangfuseReceiver.start();
const exportEnv = { LANGFUSE_PUBLIC_KEY: 'pk', LANGFUSE_SECRET_KEY: 'sk', LANGFUSE_BASE_URL: receiver.url };
const on = await scenario('export on', CONCURRENCY, exportEnv);
const lightOn = await scenario('export on', LIGHT, exportEnv);
const received = receiver.requests.length;
await receiver.close();
const down = await scenario('receiver down', CONCURRENCY, exportEnv);
const lightDown = await scenario('receiver down', LIGHT, exportEnv);
client.kill();

const fmt = (s: Figures) =>
  `${s.name.padEnd(14)} ${String(s.concurrency).padStart(5)} in flight ${String(s.runsPerSecond).padStart(6)}/s (${String(s.ofIdeal).padStart(5)}% of ${s.ideal}/s)  added p50 ${s.addedLatencyMs.p50.toFixed(1)} ms  p99 ${s.addedLatencyMs.p99.toFixed(1)} ms  loop lag p99 ${s.eventLoopLagMs.p99.toFixed(1)} ms  RSS ${s.peakRssMb} MB  CPU ${s.serverCpuMsPerRun} ms/run`;
report(
  'export',
  {
    modelDelayMs: DELAY_MS,
    rounds: ROUNDS,
    bare,
    sweep,
    off,
    on,
    down,
    ratioToBare: sweep.map((s, i) => ({
      concurrency: s.concurrency,
      throughput: ratio(bare[i].runsPerSecond, s.runsPerSecond),
    })),
    exportRequestsReceived: received,
    exportCostRatio: {
      on: ratio(off.runsPerSecond, on.runsPerSecond),
      down: ratio(off.runsPerSecond, down.runsPerSecond),
    },
    light: {
      concurrency: LIGHT,
      on: lightOn,
      down: lightDown,
      exportCostRatio: {
        on: ratio(lightOff.runsPerSecond, lightOn.runsPerSecond),
        down: ratio(lightOff.runsPerSecond, lightDown.runsPerSecond),
      },
    },
  },
  [
    `model answers after ${DELAY_MS} ms; one run per conversation in flight; ${ROUNDS} rounds each after a warm-up round; load client in its own process`,
    ...bare.map(
      (b) =>
        `bare SDK loop  ${String(b.concurrency).padStart(5)} in flight ${String(b.runsPerSecond).padStart(6)}/s (${String(b.ofIdeal).padStart(5)}% of ideal)  added p50 ${b.addedLatencyMs.p50.toFixed(1)} ms  p99 ${b.addedLatencyMs.p99.toFixed(1)} ms  CPU ${b.serverCpuMsPerRun} ms/run`,
    ),
    ...sweep.map(fmt),
    `throughput bare / ours: ${sweep.map((s, i) => `${s.concurrency}: ${ratio(bare[i].runsPerSecond, s.runsPerSecond)}x`).join(', ')}`,
    fmt(on),
    fmt(down),
    fmt(lightOn),
    fmt(lightDown),
    `export cost (throughput off / on) at ${CONCURRENCY} in flight: ${ratio(off.runsPerSecond, on.runsPerSecond)}x on, ${ratio(off.runsPerSecond, down.runsPerSecond)}x receiver down; at ${LIGHT}: ${ratio(lightOff.runsPerSecond, lightOn.runsPerSecond)}x on, ${ratio(lightOff.runsPerSecond, lightDown.runsPerSecond)}x down (target ≤ 1.05x); ${received} OTLP/ingestion requests received`,
    'targets: ≥ 90% of ideal, p99 added < 50 ms, RSS < 500 MB (at 1,000 in flight)',
  ],
);
