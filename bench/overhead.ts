import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Agent, Runner, RunState, tool } from '@openai/agents';
import { ScriptedModel, assistantMessage, functionCall } from '@openai/agents/testing';
import { loadConfig } from '../src/config.js';
import { createService } from '../src/service.js';
import { CreateListingParams, SearchSimilarParams } from '../src/tools/index.js';
import { report, summarize, ratio } from './lib/measure.js';
import { loadPolicyRules } from '../src/policy/index.js';

/**
 * Harness overhead per agent step: the same scripted conversation (search,
 * draft, approval, resume, post: 3 model steps) through our full stack
 * (policy gate, trace recording, SQLite state and history) versus the bare
 * SDK loop with plain tools and an in-memory resume.
 */
const ITERATIONS = Number(process.env.BENCH_ITERATIONS ?? 400);
const draft = {
  title: 'Trek Marlin 7 mountain bike',
  description: 'Barely used, serviced last month.',
  category: 'Sports',
  price: 420,
  condition: 'like new',
};
const turns = (n: number) => [
  [functionCall('searchSimilar', { query: 'Trek Marlin 7', category: 'Sports', limit: null }, { callId: `s${n}` })],
  [assistantMessage('Draft ready.'), functionCall('createListing', draft, { callId: `c${n}` })],
  [assistantMessage('Posted.')],
];
const STEPS = 3;

async function bare(n: number): Promise<number> {
  const model = new ScriptedModel(turns(n));
  const agent = new Agent({
    name: 'bare',
    instructions: 'x',
    model,
    tools: [
      tool({
        name: 'searchSimilar',
        description: 's',
        parameters: SearchSimilarParams,
        execute: async () => JSON.stringify({ ok: true, matches: [], stats: null }),
      }),
      tool({
        name: 'createListing',
        description: 'c',
        parameters: CreateListingParams,
        needsApproval: true,
        execute: async () => JSON.stringify({ ok: true }),
      }),
      tool({ name: 'getListing', description: 'g', parameters: SearchSimilarParams, execute: async () => '{}' }),
      tool({ name: 'updatePrice', description: 'u', parameters: SearchSimilarParams, execute: async () => '{}' }),
    ],
  });
  const t = performance.now();
  const runner = new Runner();
  const first = await runner.run(agent, 'sell my bike');
  const state = await RunState.fromString(agent, first.state.toString());
  state.approve(state.getInterruptions()[0]);
  await runner.run(agent, state);
  return performance.now() - t;
}

const dir = mkdtempSync(join(tmpdir(), 'bench-overhead-'));
let current: ScriptedModel = new ScriptedModel([]);
const proxy = {
  getResponse: (r: never) => current.getResponse(r),
  getStreamedResponse: (r: never) => current.getStreamedResponse(r),
};
// One seller posts hundreds of listings here: lift the hourly write cap for the bench only.
const rules = { ...loadPolicyRules(), rateLimit: { writesPerSellerPerHour: 1_000_000 } };
const service = createService(
  loadConfig({ DATABASE_PATH: join(dir, 'bench.db'), SEED_COUNT: '2000', LOG_LEVEL: 'silent' }),
  { model: { model: proxy, name: 'scripted' }, rules },
);

async function full(n: number): Promise<number> {
  current = new ScriptedModel(turns(n));
  const t = performance.now();
  const { id } = service.assistant.createConversation('seller-1');
  const paused = await service.assistant.sendMessage(id, 'seller-1', { text: 'sell my bike' });
  await service.assistant.decide(paused.runId, 'seller-1', {
    approvalId: paused.pendingApprovals[0].approvalId,
    decision: 'approve',
  });
  return performance.now() - t;
}

// Warm up both, then interleave so both see the same machine state.
for (let i = 0; i < 50; i++) {
  await bare(i);
  await full(i);
}
const bareSamples: number[] = [];
const fullSamples: number[] = [];
for (let i = 0; i < ITERATIONS; i++) {
  bareSamples.push((await bare(1000 + i)) / STEPS);
  fullSamples.push((await full(1000 + i)) / STEPS);
}
const b = summarize(bareSamples);
const f = summarize(fullSamples);
const r = ratio(f.p50, b.p50);
report(
  'overhead',
  {
    iterations: ITERATIONS,
    stepsPerConversation: STEPS,
    bare: b,
    full: f,
    ratioP50: r,
    targets: { ratio: 1.25, p50Ms: 1 },
  },
  [
    `per step (ms)        p50      p95      p99`,
    `bare SDK loop   ${b.p50.toFixed(3).padStart(8)} ${b.p95.toFixed(3).padStart(8)} ${b.p99.toFixed(3).padStart(8)}`,
    `our full stack  ${f.p50.toFixed(3).padStart(8)} ${f.p95.toFixed(3).padStart(8)} ${f.p99.toFixed(3).padStart(8)}`,
    `ratio (p50) ${r}x  (target ≤ 1.25x, and < 1 ms per step)`,
  ],
);
service.store.close();
rmSync(dir, { recursive: true, force: true });
