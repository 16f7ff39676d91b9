import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../../src/config.js';
import { createService } from '../../src/service.js';
import { benchPostgres, databaseOn } from './benchPostgres.js';
import { DelayedModel } from './delayedModel.js';
import { pgRoundTrips, roundTripsBetween } from './pgRoundTrips.js';
import { postgresCpu } from './postgresCpu.js';
import { threadCpu } from './threadCpu.js';
import Database from 'better-sqlite3';
import pg from 'pg';

/**
 * What one run costs per engine, one run at a time: the service in this process on a SQLite file
 * and on PostgreSQL (BENCH_DATABASE_URL, else a throwaway cluster), driven through `app.request`
 * (the HTTP stack without sockets: middleware, rate limits and sign-in throttle included) with the
 * bench's run: a conversation opened, one message, one model answer (no delay). The engines take
 * turns, RUN_COST_ROUNDS rounds of RUN_COST_RUNS runs each after a warm-up; per run: this process's
 * CPU, PostgreSQL's processes' CPU, and round trips (waits on the database) and statements.
 * `npx tsx bench/lib/runCost.ts` prints one JSON line; run it on two trees, alternately, to compare.
 * PostgreSQL's CPU is its cluster's (every database on it), so nothing else should use the cluster.
 * BENCH_PROFILE=out writes a CPU profile of each engine's measured runs instead (out-<engine>.cpuprofile,
 * the engines one after the other; the figures printed then include the profiler's cost).
 * RUN_COST_PROBE_READS=K adds a third turn, `postgresProbe`: the same PostgreSQL service, each run preceded by K
 * reads of a conversation (one round trip each), so that what one more round trip costs is measured in the same
 * process and minutes as the runs themselves (the `marginal` figures: the difference per read).
 */
const ROUNDS = Number(process.env.RUN_COST_ROUNDS ?? 5);
const RUNS = Number(process.env.RUN_COST_RUNS ?? 40);
const WARMUP = Number(process.env.RUN_COST_WARMUP ?? 30);
const TOKEN = 'run-cost-seller-token';

const server = await benchPostgres();
const url = await databaseOn(server.url, `run_cost_${process.pid}_${Date.now()}`);
const dir = mkdtempSync(join(tmpdir(), 'run-cost-'));
const env = {
  SEED_COUNT: '2000',
  AUTH_TOKENS: `${TOKEN}:seller-1:seller`,
  RATE_LIMIT_PER_MINUTE: '100000000',
  RATE_LIMIT_RUNS_PER_MINUTE: '100000000',
  LOG_LEVEL: 'silent',
};
const model = { model: new DelayedModel(0), name: 'delayed' };
// RUN_COST_ENGINES=postgres measures one engine alone (a CPU profile of it, say).
const only = process.env.RUN_COST_ENGINES?.split(',');
const postgres = await createService(loadConfig({ ...env, DATABASE_URL: url }), { model });
const PROBE_READS = Number(process.env.RUN_COST_PROBE_READS ?? 0);
const engines: Record<string, typeof postgres> = {
  sqlite: await createService(loadConfig({ ...env, DATABASE_PATH: join(dir, 'cost.db') }), { model }),
  postgres,
  ...(PROBE_READS > 0 ? { postgresProbe: postgres } : {}),
};
for (const engine of Object.keys(engines)) if (only && !only.includes(engine)) delete engines[engine];
const databaseCpu = await postgresCpu(server.url);
// PostgreSQL's own account of the time it spent planning and executing the run's statements (the rest of
// its CPU is the protocol, its processes' wake-ups and the sockets): read from pg_stat_statements.
const statsClient = new pg.Client({ connectionString: url });
await statsClient.connect();
await statsClient.query('CREATE EXTENSION IF NOT EXISTS pg_stat_statements');
const executingMs = async (): Promise<number> => {
  const { rows } = await statsClient.query<{ ms: number | null }>(
    `SELECT sum(total_exec_time + total_plan_time)::float8 AS ms FROM pg_stat_statements
     WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database())`,
  );
  return rows[0].ms ?? 0;
};

async function run(app: (typeof postgres)['app'], probeReads = 0): Promise<void> {
  for (let i = 0; i < probeReads; i++) await postgres.store.conversations.get(`conv_probe_${i}`);
  const headers = { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' };
  const opened = await app.request('/api/conversations', { method: 'POST', headers });
  const { id } = (await opened.json()) as { id: string };
  const sent = await app.request(`/api/conversations/${id}/messages`, {
    method: 'POST',
    headers,
    body: JSON.stringify({ text: 'what is my bike worth?' }),
  });
  const body = (await sent.json()) as { status?: string };
  if (body.status !== 'completed') throw new Error(`run-cost: unexpected answer ${JSON.stringify(body)}`);
}

type Engine = string;
const totals = Object.fromEntries(
  Object.keys(engines).map((e) => [
    e,
    {
      cpuMs: 0,
      systemMs: 0,
      mainThreadMs: 0,
      otherThreadsMs: 0,
      databaseCpuMs: 0,
      executingMs: 0,
      roundTrips: 0,
      statements: 0,
      begins: 0,
    },
  ]),
) as Record<
  Engine,
  {
    cpuMs: number;
    systemMs: number;
    mainThreadMs: number;
    otherThreadsMs: number;
    databaseCpuMs: number;
    executingMs: number;
    roundTrips: number;
    statements: number;
    begins: number;
  }
>;
const byStatement: Record<string, number> = {};

// A database in service holds the conversations of earlier days, and its statistics say so. A new one's
// connections plan their prepared statements on empty tables: sequential scans (FK checks included) that
// stay until autovacuum happens to analyze, while every run makes the tables bigger, so that the cost of
// a run grew with the length of the bench. Both engines get HISTORY earlier conversations (20,000 by
// default), each with its run and two items, then PostgreSQL's statistics are taken (ANALYZE re-plans)
// and the tables vacuumed, SQLite's WAL checkpointed: neither engine's housekeeping of the history is
// left to fall inside the measured runs. RUN_COST_HISTORY=0 measures a new database.
const HISTORY = Number(process.env.RUN_COST_HISTORY ?? 20_000);
if (HISTORY > 0) {
  const at = `'2026-01-01T00:00:00.000Z'`;
  const history = [
    `INSERT INTO conversations (id, seller_id, created_at, updated_at)
     SELECT 'conv_history_' || i, 'seller-' || (i % 500), ${at}, ${at} FROM s`,
    `INSERT INTO runs (id, conversation_id, seller_id, trace_id, status, reply, steps, input, app_version,
       prompt_version, model, created_at, updated_at)
     SELECT 'run_history_' || i, 'conv_history_' || i, 'seller-' || (i % 500), 'trace_history_' || i, 'completed',
       'an earlier answer', 1, '{"text":"an earlier question"}', 'history', 'v1', 'history', ${at}, ${at} FROM s`,
    `INSERT INTO conversation_items (conversation_id, item, created_at)
     SELECT 'conv_history_' || i, '{"role":"user","content":"an earlier question"}', ${at} FROM s`,
    `INSERT INTO conversation_items (conversation_id, item, created_at)
     SELECT 'conv_history_' || i, '{"role":"assistant","content":"an earlier answer"}', ${at} FROM s`,
  ];
  if ('postgres' in engines) {
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    for (const sql of history) await admin.query(`WITH s (i) AS (SELECT generate_series(1, ${HISTORY})) ${sql}`);
    await admin.query('VACUUM ANALYZE');
    await admin.end();
  }
  if ('sqlite' in engines) {
    const db = new Database(join(dir, 'cost.db'));
    const series = `WITH RECURSIVE s (i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM s WHERE i < ${HISTORY})`;
    db.transaction(() => history.forEach((sql) => db.prepare(`${series} ${sql}`).run()))();
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.close();
  }
}
for (const engine of Object.keys(engines)) for (let i = 0; i < WARMUP; i++) await run(engines[engine].app);
const load = [loadavg()[0]];
const profilePath = process.env.BENCH_PROFILE;
if (profilePath) {
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: 100 });
  for (const engine of Object.keys(engines)) {
    await session.post('Profiler.start');
    for (let i = 0; i < ROUNDS * RUNS; i++) await run(engines[engine].app);
    const { profile } = await session.post('Profiler.stop');
    writeFileSync(`${profilePath}-${engine}.cpuprofile`, JSON.stringify(profile));
  }
  session.disconnect();
}
for (let round = 0; round < ROUNDS; round++) {
  for (const engine of Object.keys(engines)) {
    const onPostgres = engine !== 'sqlite';
    const executing = onPostgres ? await executingMs() : 0;
    const trips = pgRoundTrips();
    const db = databaseCpu() ?? 0;
    const threads = threadCpu();
    const cpu = process.cpuUsage();
    const reads = engine === 'postgresProbe' ? PROBE_READS : 0;
    for (let i = 0; i < RUNS; i++) await run(engines[engine].app, reads);
    const used = process.cpuUsage(cpu);
    const threadsAfter = threadCpu();
    const t = totals[engine];
    t.cpuMs += (used.user + used.system) / 1000;
    t.systemMs += used.system / 1000;
    if (threads && threadsAfter) {
      t.mainThreadMs += threadsAfter.mainMs - threads.mainMs;
      t.otherThreadsMs += threadsAfter.otherMs - threads.otherMs;
    }
    t.databaseCpuMs += (databaseCpu() ?? 0) - db;
    const delta = roundTripsBetween(trips, pgRoundTrips());
    if (onPostgres) t.executingMs += (await executingMs()) - executing;
    t.roundTrips += delta.roundTrips;
    t.statements += delta.statements;
    t.begins += delta.transactions;
    if (engine === 'postgres')
      for (const [k, n] of Object.entries(delta.byStatement)) byStatement[k] = (byStatement[k] ?? 0) + n;
  }
}
load.push(loadavg()[0]);
const runs = ROUNDS * RUNS;
const per = (x: number) => Math.round((x / runs) * 100) / 100;
const result = Object.fromEntries(
  Object.entries(totals).map(([e, t]) => [
    e,
    {
      cpuMsPerRun: per(t.cpuMs),
      systemCpuMsPerRun: per(t.systemMs),
      // The instance's CPU by thread (from /proc, in 10 ms ticks: read over many runs).
      mainThreadCpuMsPerRun: per(t.mainThreadMs),
      otherThreadsCpuMsPerRun: per(t.otherThreadsMs),
      databaseCpuMsPerRun: per(t.databaseCpuMs),
      databaseExecutingMsPerRun: per(t.executingMs),
      roundTripsPerRun: per(t.roundTrips),
      statementsPerRun: per(t.statements),
      beginsPerRun: per(t.begins),
    },
  ]),
);
const statements = Object.entries(byStatement)
  .sort((a, b) => b[1] - a[1])
  .map(([k, n]) => `${per(n)}  ${k}`);
// Where PostgreSQL's executing time went, per statement the runs repeat (the history's setup left out).
const { rows: slowest } = await statsClient.query<{ ms: number; calls: number; query: string }>(
  `SELECT (total_exec_time + total_plan_time)::float8 AS ms, calls, left(regexp_replace(query, '\\s+', ' ', 'g'), 80) AS query
   FROM pg_stat_statements WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database())
     AND calls >= $1 ORDER BY 1 DESC LIMIT 12`,
  [runs / 10],
);
const executing = slowest.map((r) => `${((r.ms / r.calls) * 1000).toFixed(0)} µs x ${r.calls}  ${r.query}`);
// What one more round trip costs, from the probe's turns against the plain PostgreSQL turns of the same rounds.
const marginal =
  PROBE_READS > 0
    ? (() => {
        const [plain, probe] = [totals.postgres, totals.postgresProbe];
        const perRead = (a: number, b: number) => Math.round(((b - a) / runs / PROBE_READS) * 1000) / 1000;
        return {
          reads: PROBE_READS,
          cpuMsPerRoundTrip: perRead(plain.cpuMs, probe.cpuMs),
          // The main thread's share alone: garbage collection on the other threads comes in lumps that one
          // turn may catch and the other not.
          mainThreadMsPerRoundTrip: perRead(plain.mainThreadMs, probe.mainThreadMs),
          databaseCpuMsPerRoundTrip: perRead(plain.databaseCpuMs, probe.databaseCpuMs),
          roundTripsAdded: per(probe.roundTrips - plain.roundTrips),
        };
      })()
    : undefined;
console.log(JSON.stringify({ runs, load, ...result, marginal, statements, executing }));
for (const service of new Set(Object.values(engines))) await service.store.close();
await statsClient.end();
await server.stop();
rmSync(dir, { recursive: true, force: true });
process.exit(0);
