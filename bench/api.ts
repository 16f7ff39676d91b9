import { fork, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import pg from 'pg';
import { benchPostgres, databaseOn } from './lib/benchPostgres.js';
import { postgresCpu } from './lib/postgresCpu.js';
import type { ServerUsage } from './lib/benchServer.js';
import { roundTripsBetween, type PgRoundTrips } from './lib/pgRoundTrips.js';
import type { LoadRequest, LoadResult } from './lib/loadClient.js';
import { report, summarize, ratio } from './lib/measure.js';
import { POSTED } from './lib/delayedModel.js';

/**
 * `npm run bench:api`: the HTTP API on loopback, the model a fake that answers after 300 ms, driven
 * by a load client in its own process, on: the bare SDK loop (same Hono/node-server stack, no
 * tools, policy, persistence or recording), one instance on SQLite, and 1, 2 and 4 instances on one
 * PostgreSQL (BENCH_INSTANCES). Every server is its own process (bench/lib/benchServer.ts); with
 * several, requests go round robin, a conversation's message to another instance than opened it.
 * For each number in flight the variants run one after the other (interleaved, so a shared
 * machine's load falls on all alike): a warm-up round, then BENCH_ROUNDS measured rounds of N
 * conversations sending one message at once. Per run: the servers' CPU, PostgreSQL's own CPU (its
 * processes, from /proc), statements (pg_stat_statements; SQLite: statements executed in the
 * process) and transactions (pg_stat_database), and on PostgreSQL the instances' own count of
 * round trips and BEGINs per run, per statement (bench/lib/pgRoundTrips.ts, preloaded into each
 * instance). The load average is recorded with each figure.
 *
 * Then the writes: for each number in BENCH_WRITES_SWEEP, every engine variant again with runs that
 * draft a listing, the approval sent to yet another instance, and the listing posted (two model
 * answers per run). Afterwards the database is counted: every approved call posted exactly once
 * (no lost write, no duplicate), whatever the load.
 */
const SWEEP = (process.env.BENCH_SWEEP ?? '50,100,250,500,1000').split(',').map(Number);
const INSTANCES = (process.env.BENCH_INSTANCES ?? '1,2,4').split(',').map(Number);
const DELAY_MS = Number(process.env.BENCH_MODEL_DELAY_MS ?? 300);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const WRITES_SWEEP = (process.env.BENCH_WRITES_SWEEP ?? '500,1000').split(',').filter(Boolean).map(Number);
const TEXT = 'what is my bike worth?';
/** Titles of the listings the writes rounds post: `Bench write <conversation id>`. */
const WRITE_TITLE = 'Bench write';
const TOKENS = Array.from({ length: 50 }, (_, i) => `bench-seller-token-${i}`);
const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

type Engine = 'bare' | 'sqlite' | 'postgres';
interface Variant {
  name: string;
  engine: Engine;
  instances: ChildProcess[];
  urls: string[];
  database?: string;
  /** The SQLite variant's file. */
  file?: string;
}

const client: ChildProcess = fork(here('./lib/loadClient.ts'), [], { execArgv: ['--import', 'tsx'], stdio: 'inherit' });
const load = (request: LoadRequest) =>
  new Promise<LoadResult>((resolve, reject) => {
    client.once('message', (m: LoadResult | { error: string }) =>
      'error' in m ? reject(new Error(m.error)) : resolve(m),
    );
    client.send(request);
  });

const ask = <T>(child: ChildProcess, message: string) =>
  new Promise<T>((resolve) => {
    child.once('message', (m: T) => resolve(m));
    child.send(message);
  });

async function startInstance(env: Record<string, string>): Promise<{ child: ChildProcess; url: string }> {
  // PostgreSQL instances count their round trips from the client side.
  const counting = env.DATABASE_URL ? ['--import', here('./lib/pgRoundTrips.ts')] : [];
  const child = fork(here('./lib/benchServer.ts'), [], {
    execArgv: ['--import', 'tsx', ...counting],
    env: { ...process.env, ...env },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    child.once('message', (m: { url: string }) => resolve(m.url));
    child.once('exit', (code) => reject(new Error(`bench server exited (${code}) before listening`)));
  });
  return { child, url };
}

// The policy as shipped, but for the hourly write cap: 50 sellers post thousands of listings here.
const policyDir = mkdtempSync(join(tmpdir(), 'bench-api-policy-'));
const policyPath = join(policyDir, 'listing-policy.json');
const shipped = JSON.parse(readFileSync(here('../policies/listing-policy.json'), 'utf8')) as Record<string, unknown>;
writeFileSync(policyPath, JSON.stringify({ ...shipped, rateLimit: { writesPerSellerPerHour: 1_000_000 } }));

const serviceEnv = {
  BENCH_SERVER: 'service',
  POLICY_PATH: policyPath,
  SEED_COUNT: '2000',
  AUTH_TOKENS: TOKENS.map((t, i) => `${t}:seller-${i + 1}:seller`).join(','),
  RATE_LIMIT_PER_MINUTE: '100000000',
  RATE_LIMIT_RUNS_PER_MINUTE: '100000000',
  LOG_LEVEL: 'silent',
  BENCH_MODEL_DELAY_MS: String(DELAY_MS),
};

const server = await benchPostgres();
const admin = new pg.Client({ connectionString: server.url });
await admin.connect();
// Statement counts need the module preloaded (the throwaway cluster does); without it they are left out.
const counting = await admin
  .query('CREATE EXTENSION IF NOT EXISTS pg_stat_statements')
  .then(() => admin.query('SELECT 1 FROM pg_stat_statements LIMIT 1'))
  .then(
    () => true,
    () => false,
  );
const databaseCpuMs = await postgresCpu(server.url);

async function databaseCounts(name: string): Promise<{ statements?: number; transactions: number }> {
  const xacts = await admin.query<{ n: string }>(
    'SELECT xact_commit + xact_rollback AS n FROM pg_stat_database WHERE datname = $1',
    [name],
  );
  const statements = counting
    ? await admin.query<{ n: string }>(
        `SELECT coalesce(sum(calls), 0) AS n FROM pg_stat_statements
         WHERE dbid = (SELECT oid FROM pg_database WHERE datname = $1)`,
        [name],
      )
    : undefined;
  return {
    statements: statements ? Number(statements.rows[0].n) : undefined,
    transactions: Number(xacts.rows[0].n),
  };
}

const dirs: string[] = [];
async function variant(engine: Engine, instances: number): Promise<Variant> {
  if (engine === 'bare') {
    const { child, url } = await startInstance({ BENCH_SERVER: 'bare', BENCH_MODEL_DELAY_MS: String(DELAY_MS) });
    return { name: 'bare SDK loop', engine, instances: [child], urls: [url] };
  }
  if (engine === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'bench-api-'));
    dirs.push(dir);
    const file = join(dir, 'api.db');
    const { child, url } = await startInstance({ ...serviceEnv, DATABASE_PATH: file, DATABASE_URL: '' });
    return { name: 'SQLite, 1 instance', engine, instances: [child], urls: [url], file };
  }
  const database = `bench_api_${instances}_${Date.now()}`;
  const url = await databaseOn(server.url, database);
  const started = [];
  for (let i = 0; i < instances; i++) started.push(await startInstance({ ...serviceEnv, DATABASE_URL: url }));
  return {
    name: `PostgreSQL, ${instances} instance${instances > 1 ? 's' : ''}`,
    engine,
    instances: started.map((s) => s.child),
    urls: started.map((s) => s.url),
    database,
  };
}

const modelWaitMs = (draft: boolean) => (draft ? 2 : 1) * DELAY_MS;

/**
 * What the writes rounds left in a variant's database: listings posted, distinct titles, approvals
 * approved, and of those the ones without a write: lost when the seller was told it was posted (the
 * run completed with the model's POSTED, which it says only on the tool's success), unwritten when
 * the seller was told otherwise (the run stopped, or the tool answered a failure such as its time limit).
 */
async function writesIn(
  v: Variant,
): Promise<{ listings: number; titles: number; approved: number; lost: number; unwritten: number }> {
  // Read-only counts, straight from the database the instances wrote: the bench checks the service.
  const unwritten = (told: string) => `(SELECT count(*) FROM approvals a JOIN runs r ON r.id = a.run_id
    WHERE a.status = 'approved' AND ${told}
    AND NOT EXISTS (SELECT 1 FROM tool_executions e WHERE e.run_id = a.run_id AND e.call_id = a.call_id))`;
  const posted = `r.status = 'completed' AND r.reply = '${POSTED}'`;
  const sql = `SELECT (SELECT count(*) FROM listings WHERE title LIKE '${WRITE_TITLE} %') AS listings,
    (SELECT count(DISTINCT title) FROM listings WHERE title LIKE '${WRITE_TITLE} %') AS titles,
    (SELECT count(*) FROM approvals WHERE status = 'approved') AS approved,
    ${unwritten(posted)} AS lost, ${unwritten(`NOT (${posted})`)} AS unwritten`;
  let row: Record<string, unknown>;
  if (v.file) {
    const db = new Database(v.file, { readonly: true });
    row = db.prepare(sql).get() as Record<string, unknown>;
    db.close();
  } else {
    const c = new pg.Client({ connectionString: await databaseOn(server.url, v.database!) });
    await c.connect();
    row = (await c.query(sql)).rows[0] as Record<string, unknown>;
    await c.end();
  }
  const n = (k: string) => Number(row[k]);
  return {
    listings: n('listings'),
    titles: n('titles'),
    approved: n('approved'),
    lost: n('lost'),
    unwritten: n('unwritten'),
  };
}

async function measure(v: Variant, concurrency: number, draft = false) {
  const request = {
    urls: v.urls,
    tokens: v.engine === 'bare' ? ['t'] : TOKENS,
    concurrency,
    text: draft ? WRITE_TITLE : TEXT,
    draft,
  };
  const writesBefore = draft ? await writesIn(v) : undefined;
  // One unmeasured round first: cold statements, JIT, pool connections.
  const warm = await load(request);
  const usage = () => Promise.all(v.instances.map((c) => ask<ServerUsage>(c, 'usage')));
  const trips = async (): Promise<PgRoundTrips[]> =>
    v.engine === 'postgres'
      ? (await Promise.all(v.instances.map((c) => ask<{ pgRoundTrips: PgRoundTrips }>(c, 'pgRoundTrips')))).map(
          (m) => m.pgRoundTrips,
        )
      : [];
  const loadBefore = loadavg()[0];
  const before = await usage();
  const tripsBefore = await trips();
  const dbBefore = v.database ? await databaseCounts(v.database) : undefined;
  const dbCpuBefore = v.database ? databaseCpuMs() : undefined;
  const latencies: number[] = [];
  let completed = 0;
  let failed = 0;
  let firstError: string | undefined;
  const errors: Record<string, number> = {};
  let wall = 0;
  for (let r = 0; r < ROUNDS; r++) {
    const result = await load(request);
    latencies.push(...result.latencies);
    completed += result.completed;
    failed += result.failed;
    firstError ??= result.firstError;
    for (const [kind, n] of Object.entries(result.errors)) errors[kind] = (errors[kind] ?? 0) + n;
    wall += result.wallMs;
  }
  const after = await usage();
  const writesAfter = draft ? await writesIn(v) : undefined;
  const tripsAfter = await trips();
  const dbAfter = v.database ? await databaseCounts(v.database) : undefined;
  const dbCpuAfter = v.database ? databaseCpuMs() : undefined;
  const runs = ROUNDS * concurrency;
  const sum = (xs: ServerUsage[], k: keyof ServerUsage) => xs.reduce((a, x) => a + x[k], 0);
  const perRun = (x: number | undefined) => (x === undefined ? undefined : Math.round((x / runs) * 100) / 100);
  const runsPerSecond = completed / (wall / 1000);
  // The instances' round trips summed; per statement, per run (the three most frequent first).
  const tripDeltas = tripsAfter.map((t, i) => roundTripsBetween(tripsBefore[i], t));
  const client =
    tripDeltas.length === 0
      ? undefined
      : {
          roundTripsPerRun: perRun(tripDeltas.reduce((a, t) => a + t.roundTrips, 0))!,
          // More than the round trips: a pipelined connection sends some behind others in flight.
          statementsPerRun: perRun(tripDeltas.reduce((a, t) => a + t.statements, 0))!,
          beginsPerRun: perRun(tripDeltas.reduce((a, t) => a + t.transactions, 0))!,
          autocommitsPerRun: perRun(tripDeltas.reduce((a, t) => a + t.autocommits, 0))!,
          byStatement: Object.fromEntries(
            Object.entries(
              tripDeltas.reduce<Record<string, number>>((a, t) => {
                for (const [k, n] of Object.entries(t.byStatement)) a[k] = (a[k] ?? 0) + n;
                return a;
              }, {}),
            )
              .sort((a, b) => b[1] - a[1])
              .map(([k, n]) => [k, perRun(n)!]),
          ),
        };
  // Posted = completed runs (warm-up included).
  const writes =
    writesBefore && writesAfter
      ? {
          posted: completed + warm.completed,
          listings: writesAfter.listings - writesBefore.listings,
          approved: writesAfter.approved - writesBefore.approved,
          duplicates: writesAfter.listings - writesAfter.titles - (writesBefore.listings - writesBefore.titles),
          lost: writesAfter.lost - writesBefore.lost,
          unwritten: writesAfter.unwritten - writesBefore.unwritten,
        }
      : undefined;
  return {
    variant: draft ? `${v.name}, writes` : v.name,
    engine: v.engine,
    instances: v.instances.length,
    concurrency,
    writes,
    sent: runs,
    completed,
    failed,
    firstError,
    errors,
    runsPerSecond: Math.round(runsPerSecond),
    // A run that drafts waits for two model answers (the draft, then the reply to the posted listing).
    ofIdeal: Math.round((runsPerSecond / (concurrency / (modelWaitMs(draft) / 1000))) * 1000) / 10,
    addedLatencyMs: summarize(latencies.map((l) => l - modelWaitMs(draft))),
    serverCpuMsPerRun: perRun(sum(after, 'cpuMs') - sum(before, 'cpuMs'))!,
    databaseCpuMsPerRun:
      dbCpuAfter === undefined || dbCpuBefore === undefined ? undefined : perRun(dbCpuAfter - dbCpuBefore),
    statementsPerRun:
      v.engine === 'sqlite'
        ? perRun(sum(after, 'sqliteStatements') - sum(before, 'sqliteStatements'))
        : dbAfter?.statements === undefined || dbBefore?.statements === undefined
          ? undefined
          : perRun(dbAfter.statements - dbBefore.statements),
    transactionsPerRun: dbAfter && dbBefore ? perRun(dbAfter.transactions - dbBefore.transactions) : undefined,
    client,
    loadAverage: [Math.round(loadBefore * 10) / 10, Math.round(loadavg()[0] * 10) / 10],
  };
}

const variants: Variant[] = [await variant('bare', 1), await variant('sqlite', 1)];
for (const n of INSTANCES) variants.push(await variant('postgres', n));
type Row = Awaited<ReturnType<typeof measure>>;
const rows: Row[] = [];
for (const concurrency of SWEEP) {
  for (const v of variants) {
    const row = await measure(v, concurrency);
    rows.push(row);
    console.log(`${row.variant.padEnd(24)} ${String(concurrency).padStart(5)} in flight: ${row.runsPerSecond}/s`);
  }
}
for (const concurrency of WRITES_SWEEP) {
  for (const v of variants.filter((x) => x.engine !== 'bare')) {
    const row = await measure(v, concurrency, true);
    rows.push(row);
    const w = row.writes!;
    console.log(
      `${row.variant.padEnd(32)} ${String(concurrency).padStart(5)} in flight: ${row.runsPerSecond}/s, ` +
        `${w.listings} posted for ${w.approved} approvals (${w.lost} lost, ${w.duplicates} duplicate, ` +
        `${w.unwritten} not written, the seller told so)`,
    );
  }
}
for (const v of variants) for (const c of v.instances) c.send('stop');
client.kill();
await admin.end();
await server.stop();
for (const dir of [...dirs, policyDir]) rmSync(dir, { recursive: true, force: true });

const at = (name: string, concurrency: number) =>
  rows.find((r) => r.variant === name && r.concurrency === concurrency)!;
const fmt = (r: Row) => {
  const bare = r.writes ? undefined : at('bare SDK loop', r.concurrency);
  const extra = [
    !bare || r.engine === 'bare' ? '' : `bare/this ${ratio(bare.runsPerSecond, r.runsPerSecond)}x`,
    r.writes
      ? `posted ${r.writes.listings} for ${r.writes.approved} approvals: ${r.writes.lost} lost, ` +
        `${r.writes.duplicates} duplicate, ${r.writes.unwritten} not written (the seller told so)`
      : '',
    `CPU ${r.serverCpuMsPerRun} ms/run`,
    r.databaseCpuMsPerRun === undefined ? '' : `+ PostgreSQL ${r.databaseCpuMsPerRun} ms/run`,
    r.statementsPerRun === undefined ? '' : `${r.statementsPerRun} statements/run`,
    r.transactionsPerRun === undefined ? '' : `${r.transactionsPerRun} transactions/run`,
    r.client
      ? `client: ${r.client.roundTripsPerRun} round trips (${r.client.statementsPerRun} statements), ` +
        `${r.client.beginsPerRun} BEGINs/run`
      : '',
    r.completed === r.sent
      ? ''
      : `COMPLETED ${r.completed} of ${r.sent} (${r.failed} unanswered: ${r.firstError}; by kind ${JSON.stringify(r.errors)})`,
    `load ${r.loadAverage.join('→')}`,
  ].filter(Boolean);
  return `${r.variant.padEnd(24)} ${String(r.concurrency).padStart(5)} ${String(r.runsPerSecond).padStart(6)}/s (${String(r.ofIdeal).padStart(5)}%)  added p50 ${r.addedLatencyMs.p50.toFixed(0)} / p99 ${r.addedLatencyMs.p99.toFixed(0)} ms  ${extra.join('  ')}`;
};
// Against one PostgreSQL instance: only when BENCH_INSTANCES has one.
const comparisons = SWEEP.filter((c) =>
  rows.some((r) => r.variant === 'PostgreSQL, 1 instance' && r.concurrency === c),
).map((c) => {
  const sqlite = at('SQLite, 1 instance', c);
  const pg1 = at('PostgreSQL, 1 instance', c);
  const pg2 = rows.find((r) => !r.writes && r.engine === 'postgres' && r.instances === 2 && r.concurrency === c);
  const cpuPg = pg1.serverCpuMsPerRun + (pg1.databaseCpuMsPerRun ?? 0);
  return {
    concurrency: c,
    pgOverSqliteThroughput: ratio(pg1.runsPerSecond, sqlite.runsPerSecond),
    pgOverSqliteCpu: ratio(cpuPg, sqlite.serverCpuMsPerRun),
    pgInstanceOnlyOverSqliteCpu: ratio(pg1.serverCpuMsPerRun, sqlite.serverCpuMsPerRun),
    twoOverOneInstance: pg2 ? ratio(pg2.runsPerSecond, pg1.runsPerSecond) : undefined,
  };
});
const writeRows = rows.filter((r) => r.writes);
const writeComparisons = WRITES_SWEEP.map((c) => {
  const of = (engine: Engine, instances: number) =>
    writeRows.find((r) => r.engine === engine && r.instances === instances && r.concurrency === c);
  const [sqlite, pg1, pg2] = [of('sqlite', 1), of('postgres', 1), of('postgres', 2)];
  return {
    concurrency: c,
    pgOverSqliteThroughput: sqlite && pg1 ? ratio(pg1.runsPerSecond, sqlite.runsPerSecond) : undefined,
    twoOverOneInstance: pg1 && pg2 ? ratio(pg2.runsPerSecond, pg1.runsPerSecond) : undefined,
    lost: writeRows.filter((r) => r.concurrency === c).reduce((a, r) => a + r.writes!.lost, 0),
    duplicates: writeRows.filter((r) => r.concurrency === c).reduce((a, r) => a + r.writes!.duplicates, 0),
  };
});
const summary = { modelDelayMs: DELAY_MS, rounds: ROUNDS, statementsCounted: counting, rows, comparisons };
report('api', { ...summary, writeComparisons }, [
  `model answers after ${DELAY_MS} ms; one run per conversation in flight; ${ROUNDS} rounds each after a warm-up round; every server and the load client in its own process; load = 1-min load average before→after`,
  'variant                  in flight  runs/s (of ideal)  added latency  bare/this  server CPU  PostgreSQL CPU  statements  transactions',
  ...rows.map(fmt),
  ...comparisons.map(
    (c) =>
      `${String(c.concurrency).padStart(5)} in flight: PostgreSQL/SQLite runs/s ${c.pgOverSqliteThroughput} (target ≥ 0.9), CPU per run ${c.pgOverSqliteCpu}x with PostgreSQL's own (${c.pgInstanceOnlyOverSqliteCpu}x the instance alone; target ≤ 1.2x)${c.twoOverOneInstance === undefined ? '' : `, 2 instances / 1: ${c.twoOverOneInstance}x`}`,
  ),
  ...writeComparisons.map(
    (c) =>
      `${String(c.concurrency).padStart(5)} in flight, writes: PostgreSQL/SQLite runs/s ${c.pgOverSqliteThroughput ?? '—'}, ` +
      `2 instances / 1: ${c.twoOverOneInstance ?? '—'}x; ${c.lost} lost and ${c.duplicates} duplicate writes (target 0)`,
  ),
]);
