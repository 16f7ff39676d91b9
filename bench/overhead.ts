import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Agent, Runner, RunState, tool } from '@openai/agents';
import { MemorySaver } from '@langchain/langgraph';
import { SqliteSaver } from '@langchain/langgraph-checkpoint-sqlite';
import { Store } from '../src/store/index.js';
import { seedIfEmpty } from '../src/store/seed/seedDatabase.js';
import { CreateListingParams, SearchSimilarParams } from '../src/tools/index.js';
import { percentile, report, summarize, ratio, type Summary } from './lib/measure.js';
import { createLangGraphConversation } from './lib/langgraph.js';
import { fullStack, STEPS, turns } from './lib/fullStack.js';
import { TurnsModel } from './lib/turnsModel.js';
import { addCounts, observe, subtractCounts, type WriteCounts } from './lib/sqliteWrites.js';

/**
 * Harness overhead per agent step: the same scripted conversation (search,
 * draft, approval, resume, post: 3 model steps) through our full stack
 * (policy gate, trace recording, SQLite state and history) versus the bare
 * SDK loop with plain tools and an in-memory resume, and versus the same
 * conversation on LangGraph.js with its SQLite checkpointer and with its
 * in-memory one (bench/lib/langgraph.ts: real search and insert, interrupt()
 * and Command({ resume })). All four run interleaved in one process; each
 * SQLite connection's commits and write statements are counted
 * (bench/lib/sqliteWrites.ts).
 */
const ITERATIONS = Number(process.env.BENCH_ITERATIONS ?? 400);
const SEED_COUNT = 2000;

async function bare(n: number): Promise<number> {
  const model = new TurnsModel(turns(n));
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
// The store's connection stays inside the store; the bench asks for it to count statements.
const connections = new Map<string, Database.Database>();
const openCounted = (name: string) =>
  Store.open(join(dir, `${name}.db`), undefined, { instrument: (db) => connections.set(name, db) });
const { service, conversation } = await fullStack(dir, SEED_COUNT, (db) => connections.set('bench', db));

async function full(n: number): Promise<number> {
  const t = performance.now();
  await conversation(n);
  return performance.now() - t;
}

// LangGraph, each variant on a catalogue of its own (the same seeded listings, opened like
// ours: WAL, synchronous=NORMAL), so that every SQLite connection serves one variant only.
async function catalogue(name: string): Promise<Store> {
  const store = openCounted(name);
  await seedIfEmpty(store, SEED_COUNT);
  return store;
}
const lgSqliteStore = await catalogue('langgraph-sqlite-catalogue');
const lgMemoryStore = await catalogue('langgraph-memory-catalogue');
// Its checkpoints in a file of their own, configured like ours (SqliteSaver sets WAL itself, not synchronous).
const checkpointDb = new Database(join(dir, 'langgraph-checkpoints.db'));
checkpointDb.pragma('journal_mode = WAL');
checkpointDb.pragma('synchronous = NORMAL');
const lgSqlite = createLangGraphConversation(lgSqliteStore, new SqliteSaver(checkpointDb));
const lgMemory = createLangGraphConversation(lgMemoryStore, new MemorySaver());

async function timed(run: () => Promise<void>): Promise<number> {
  const t = performance.now();
  await run();
  return performance.now() - t;
}

interface Variant {
  label: string;
  key: string;
  run: (n: number) => Promise<number>;
  /** The SQLite connections this variant writes to (none for the bare loop). */
  connections: Database.Database[];
}
const variants: Variant[] = [
  { label: 'bare SDK loop', key: 'bare', run: bare, connections: [] },
  { label: 'our full stack', key: 'full', run: full, connections: [connections.get('bench')!] },
  {
    label: 'LangGraph SQLite',
    key: 'langgraphSqlite',
    run: (n) => timed(() => lgSqlite(n)),
    connections: [connections.get('langgraph-sqlite-catalogue')!, checkpointDb],
  },
  {
    label: 'LangGraph memory',
    key: 'langgraphMemory',
    run: (n) => timed(() => lgMemory(n)),
    connections: [connections.get('langgraph-memory-catalogue')!],
  },
];

// Counting is on from the start (a regular expression per statement, the same for every SQLite
// variant), so warm-up runs the same code as the measured runs; the counts start after it.
const observers = variants.map((v) => v.connections.map(observe));
// Warm up all, then interleave so all see the same machine state.
for (let i = 0; i < 50; i++) for (const v of variants) await v.run(i);
for (const o of observers.flat()) o.reset();

const zero: WriteCounts = { commits: 0, writeStatements: 0, rowsChanged: 0, sqliteMs: 0 };
const countsOf = (k: number) => observers[k].reduce((sum, o) => addCounts(sum, o.read()), zero);
const samples = variants.map(() => [] as number[]);
/** Per conversation, so that a count that varied between conversations would show (min ≠ max). */
const perConversation = variants.map(() => [] as WriteCounts[]);
for (let i = 0; i < ITERATIONS; i++) {
  for (const [k, v] of variants.entries()) {
    const before = countsOf(k);
    samples[k].push(await v.run(1000 + i));
    perConversation[k].push(subtractCounts(countsOf(k), before));
  }
}

const conversations = samples.map(summarize);
const steps = samples.map((s) => summarize(s.map((ms) => ms / STEPS)));
function writeSummary(counts: WriteCounts[]) {
  const of = (key: keyof WriteCounts) => {
    const values = counts.map((c) => c[key]);
    return {
      mean: Math.round((values.reduce((a, b) => a + b, 0) / values.length) * 100) / 100,
      median: percentile(
        [...values].sort((x, y) => x - y),
        50,
      ),
      min: Math.min(...values),
      max: Math.max(...values),
    };
  };
  return {
    commits: of('commits'),
    writeStatements: of('writeStatements'),
    rowsChanged: of('rowsChanged'),
    sqliteMs: of('sqliteMs'),
  };
}
const writes = perConversation.map(writeSummary);
/** Per conversation: write statements by table, and commits by the set of tables they wrote. */
const perTable = (k: number) => {
  const statements: Record<string, number> = {};
  const commits: Record<string, number> = {};
  const add = (into: Record<string, number>, from: Record<string, number>) => {
    for (const [key, n] of Object.entries(from)) into[key] = (into[key] ?? 0) + n / ITERATIONS;
  };
  for (const o of observers[k]) {
    add(statements, o.breakdown().statementsByTable);
    add(commits, o.breakdown().commitsByTables);
  }
  const sorted = (r: Record<string, number>) =>
    Object.fromEntries(
      Object.entries(r)
        .sort((x, y) => y[1] - x[1])
        .map(([key, n]) => [key, Math.round(n * 100) / 100]),
    );
  return { statementsByTable: sorted(statements), commitsByTables: sorted(commits) };
};
const breakdowns = variants.map((_, k) => perTable(k));
const list = (r: Record<string, number>) =>
  Object.entries(r)
    .map(([key, n]) => `${key} ${n}`)
    .join(', ');
const [b, f, lgs, lgm] = steps;
const ratios = {
  fullOverBare: { p50: ratio(f.p50, b.p50), p95: ratio(f.p95, b.p95) },
  fullOverLangGraphSqlite: { p50: ratio(f.p50, lgs.p50), p95: ratio(f.p95, lgs.p95) },
  fullOverLangGraphMemory: { p50: ratio(f.p50, lgm.p50), p95: ratio(f.p95, lgm.p95) },
};
const floor = {
  budgetMs: Math.round(conversations[0].p50 * 0.5 * 100) / 100,
  sqliteMs: writes[1].sqliteMs.mean,
  sqliteOverBudget: ratio(writes[1].sqliteMs.mean, conversations[0].p50 * 0.5),
};
const fmt = (x: number) => x.toFixed(3).padStart(8);
const row = (label: string, s: Summary) => `${label.padEnd(17)}${fmt(s.p50)} ${fmt(s.p95)} ${fmt(s.p99)}`;
interface Spread {
  mean: number;
  median: number;
  min: number;
  max: number;
}
const range = (r: Spread, at: 'mean' | 'median' = 'mean') =>
  (r.min === r.max ? String(r[at]) : `${r[at]} (${r.min}–${r.max})`).padStart(9);
report(
  'overhead',
  {
    iterations: ITERATIONS,
    stepsPerConversation: STEPS,
    bare: b,
    full: f,
    ratioP50: ratios.fullOverBare.p50,
    // The redesign's targets, at p50 and p95: at most 1.5x the bare loop, 0.9x LangGraph with SQLite.
    targets: { overBare: 1.5, overLangGraphSqlite: 0.9 },
    langgraphSqlite: lgs,
    langgraphMemory: lgm,
    perConversation: Object.fromEntries(variants.map((v, k) => [v.key, conversations[k]])),
    perStep: Object.fromEntries(variants.map((v, k) => [v.key, steps[k]])),
    ratios,
    floor,
    writesPerConversation: Object.fromEntries(variants.map((v, k) => [v.key, { ...writes[k], ...breakdowns[k] }])),
  },
  [
    `per step (ms)       p50      p95      p99`,
    ...variants.map((v, k) => row(v.label, steps[k])),
    `per conversation (ms, ${STEPS} steps)`,
    ...variants.map((v, k) => row(v.label, conversations[k])),
    `per conversation  commits   writes  rows changed  (SQLite, all the variant's connections: mean (min–max); rows: median, with FTS trigger rows)`,
    ...variants.map(
      (v, k) =>
        `${v.label.padEnd(17)}${range(writes[k].commits)} ${range(writes[k].writeStatements)} ${range(writes[k].rowsChanged, 'median')}`,
    ),
    ...variants
      .filter((_, k) => writes[k].commits.mean > 0)
      .flatMap((v) => {
        const k = variants.indexOf(v);
        return [
          `${v.label}: commits by tables written: ${list(breakdowns[k].commitsByTables)}`,
          `${v.label}: write statements by table: ${list(breakdowns[k].statementsByTable)}`,
        ];
      }),
    `per conversation inside SQLite (ms, mean; statements, their triggers and commits): ${variants
      .filter((_, k) => writes[k].commits.mean > 0)
      .map((v) => `${v.label} ${writes[variants.indexOf(v)].sqliteMs.mean}`)
      .join(', ')}`,
    // The bare loop touches no database: at 1.5x, all the full stack adds must fit in half of it.
    `the 1.5x target leaves ${floor.budgetMs} ms per conversation (half the bare loop's p50) for all the full ` +
      `stack adds; inside SQLite alone it spends ${floor.sqliteMs} ms (${floor.sqliteOverBudget}x that budget)`,
    `full / bare SDK          p50 ${ratios.fullOverBare.p50}x  p95 ${ratios.fullOverBare.p95}x  (target ≤ 1.5x)`,
    `full / LangGraph SQLite  p50 ${ratios.fullOverLangGraphSqlite.p50}x  p95 ${ratios.fullOverLangGraphSqlite.p95}x  (target ≤ 0.9x)`,
    `full / LangGraph memory  p50 ${ratios.fullOverLangGraphMemory.p50}x  p95 ${ratios.fullOverLangGraphMemory.p95}x`,
  ],
);
// BENCH_SQL_TIMES=1: where our full stack's time inside SQLite goes, per SQL text.
for (const { sql, ms, calls } of observers[1].flatMap((o) => o.costliest())) {
  const each = (n: number) => (n / ITERATIONS).toFixed(3).padStart(7);
  console.log(`${each(ms)} ms ${each(calls)} calls  ${sql.replace(/\s+/g, ' ').slice(0, 140)}`);
}
await service.store.close();
await lgSqliteStore.close();
await lgMemoryStore.close();
checkpointDb.close();
rmSync(dir, { recursive: true, force: true });
