import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseAdmin, databaseName, openStore, withoutPassword, type Store } from '../src/store/index.js';
import { Scenario } from '../src/evals/scenario.js';
import { runSuite } from '../src/evals/suite.js';
import { storageOptions, UsageError } from '../src/evals/cliArgs.js';
import { gateMain } from '../src/evals/gateRun.js';
import { allListings } from '../src/evals/trialData.js';
import type { TrialResult } from '../src/evals/trial.js';
import type { SuiteReport } from '../src/evals/report.js';

/**
 * Evals on PostgreSQL served by two instances judge the same as on SQLite served by one: a varied handful of
 * train scenarios (drafting with a counter-offer, re-pricing approved and rejected, a prohibited item refused,
 * the rate limit reached through prior writes, an extra listing in the data), read from their own files.
 */
const PICKED: Record<string, string[]> = {
  'drafting.json': ['draft-headphones-counter-offer'],
  'reprice-own.json': ['reprice-own-by-id', 'reprice-own-rejected'],
  'policy.json': ['policy-prohibited-gun'],
  'rate-limit.json': ['rate-limit-create-blocked'],
  'ambiguity.json': ['ambiguous-make-it-cheaper'],
};
const scenarios = Object.entries(PICKED).flatMap(([file, ids]) => {
  const all = (JSON.parse(readFileSync(join('evals/scenarios', file), 'utf8')) as { scenarios: unknown[] }).scenarios;
  return ids.map((id) => Scenario.parse(all.find((s) => (s as { id: string }).id === id)));
});

/** What the judge and the database say a trial did, without the ids and times that differ between runs. */
interface Outcome {
  writes: Array<{ tool: string; arguments: unknown }>;
  decisions: string[];
  listings: unknown[];
}

async function outcomeOf(store: Store, result: TrialResult): Promise<Outcome> {
  const runIds = new Set(result.runs.map((r) => r.runId));
  const writes = (await store.executions.all())
    .filter((e) => runIds.has(e.runId))
    .map((e) => ({ tool: e.tool, arguments: e.arguments }));
  const decisions = (await Promise.all([...runIds].map((id) => store.decisions.forRun(id))))
    .flat()
    .map((d) => `${d.tool} ${d.phase} ${d.decision} ${d.rule}`)
    .sort();
  // Generated listings keep their catalogue ids; a created one has a random id, so it is named by its fields.
  const listings = (await allListings(store))
    .map(({ id, createdAt: _c, updatedAt: _u, ...fields }) => ({ id: /^lst_\d+$/.test(id) ? id : 'new', ...fields }))
    .sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
  return { writes, decisions, listings };
}

const server = () => inject('postgresUrl');
let dir: string;
let admin: DatabaseAdmin;
const outcomes = { sqlite: new Map<string, Outcome>(), postgres: new Map<string, Outcome>() };
let sqlite: SuiteReport;
let postgres: SuiteReport;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'evals-pg-'));
  admin = await DatabaseAdmin.connect(server());
  const run = (engine: keyof typeof outcomes, extra: { databaseUrl?: string; instances?: number }) =>
    runSuite({
      scenarios,
      model: 'offline',
      simulator: null,
      concurrency: 3,
      ...extra,
      onTrialFinished: async (store, result) =>
        void outcomes[engine].set(result.scenarioId, await outcomeOf(store, result)),
    });
  sqlite = await run('sqlite', {});
  postgres = await run('postgres', { databaseUrl: server(), instances: 2 });
}, 60_000);

afterAll(async () => {
  await admin?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('evals on PostgreSQL, two instances per trial', () => {
  it('judge every scenario as SQLite with one instance does: success, failures, writes, policy facts', () => {
    expect(postgres.storage).toMatchObject({ engine: 'postgres', instances: 2 });
    expect(sqlite.storage).toMatchObject({ engine: 'sqlite', instances: 1 });
    expect(postgres.scenarios.map((s) => [s.id, s.successes])).toEqual(
      sqlite.scenarios.map((s) => [s.id, s.successes]),
    );
    for (const s of scenarios) {
      const [a, b] = [sqlite, postgres].map((r) => r.trials!.find((t) => t.scenarioId === s.id)!);
      expect(b.breakdown, s.id).toEqual(a.breakdown);
      expect(b.unconfirmedWrites, s.id).toEqual(a.unconfirmedWrites);
      expect(b.policyViolations, s.id).toEqual(a.policyViolations);
      expect(b.sellerDecisions, s.id).toEqual(a.sellerDecisions);
      expect(b.steps, s.id).toBe(a.steps);
      expect(
        b.runs.map((r) => [r.status, r.stopReason]),
        s.id,
      ).toEqual(a.runs.map((r) => [r.status, r.stopReason]));
      expect(outcomes.postgres.get(s.id), s.id).toEqual(outcomes.sqlite.get(s.id));
    }
    // The set is varied: writes happened, and policy refused something, so "the same" is not "nothing".
    const all = [...outcomes.sqlite.values()];
    expect(all.some((o) => o.writes.some((w) => w.tool === 'updatePrice'))).toBe(true);
    expect(all.some((o) => o.writes.some((w) => w.tool === 'createListing'))).toBe(true);
    expect(all.some((o) => o.decisions.some((d) => d.includes(' deny ')))).toBe(true);
  });

  it('sends each message and decision to the next instance', () => {
    for (const t of postgres.trials!) {
      const requests = t.sellerMessages.length + t.sellerDecisions.filter((d) => d.decide !== 'ignore').length;
      expect(t.servedBy, t.scenarioId).toEqual(Array.from({ length: requests }, (_, i) => (i % 2) + 1));
    }
    // A decision taken on the other instance than the message that raised it.
    expect(postgres.trials!.some((t) => t.sellerDecisions.some((d) => d.decide === 'approve'))).toBe(true);
    expect(sqlite.trials!.every((t) => t.servedBy === undefined)).toBe(true);
  });

  it('drops every trial and catalogue database afterwards', async () => {
    const prefix = postgres.storage?.databasePrefix;
    expect(prefix).toMatch(/^evals_/);
    expect(await admin.named(prefix!)).toEqual([]);
    expect(postgres.trials!.every((t) => t.keptDb === undefined)).toBe(true);
  });

  it('keeps a trial database when asked, named by a URL without a password', async () => {
    const report = await runSuite({
      scenarios: scenarios.filter((s) => s.id === 'reprice-own-by-id'),
      model: 'offline',
      simulator: null,
      databaseUrl: server(),
      instances: 2,
      keepFailedIn: dir,
      keepAll: true,
    });
    const trial = report.trials![0];
    expect(trial.keptDb).toMatch(/^postgres:\/\//);
    const name = new URL(trial.keptDb!).pathname.slice(1);
    expect(await admin.named(report.storage!.databasePrefix!)).toEqual([name]);
    const store = await openStore({ DATABASE_URL: trial.keptDb!, DATABASE_PATH: '' });
    try {
      const run = await store.runs.get(trial.runs[0].runId);
      expect(run?.tags).toContain('scenario:reprice-own-by-id');
    } finally {
      await store.close();
      await admin.drop(name);
    }
    expect(withoutPassword('postgres://evals:s3cret@db.example:5432/x')).toBe('postgres://evals@db.example:5432/x');
  });

  it('answers a server it cannot reach with a message that names it without the password', async () => {
    const failure = runSuite({
      scenarios: scenarios.slice(0, 1),
      model: 'offline',
      simulator: null,
      databaseUrl: 'postgres://evals:s3cret@127.0.0.1:1/postgres',
    });
    await expect(failure).rejects.toThrow(/127\.0\.0\.1:1/);
    await expect(failure).rejects.not.toThrow(/s3cret/);
  });

  it('gates a PostgreSQL run against the same baseline as SQLite', async () => {
    const lines: string[] = [];
    const io = { log: (l: string) => lines.push(l), error: (l: string) => lines.push(l), env: { ...process.env } };
    const args = ['--filter', 'reprice-own-by-id', '--out', dir];
    const code = await gateMain([...args, '--database-url', server(), '--instances', '2'], io);
    expect(lines.join('\n')).toMatch(/eval gate passed/);
    expect(code).toBe(0);
    const refused: string[] = [];
    const usage = { log: () => undefined, error: (l: string) => refused.push(l), env: {} };
    expect(await gateMain([...args, '--instances', '2'], usage)).toBe(2);
    expect(refused.join('\n')).toMatch(/--instances above 1 needs PostgreSQL[^]*usage: npm run evals:gate/);
  });

  it('names databases safely: no quote, no upper case, never past PostgreSQL’s 63 bytes', async () => {
    const hostile = databaseName('evals', `x"; DROP DATABASE postgres; --`, 'Ünïcode-Scénario', 'y'.repeat(80));
    expect(hostile).toMatch(/^[a-z0-9_]{1,63}$/);
    expect(hostile.startsWith('evals_x_drop_database_postgres_n_code_sc_nario_')).toBe(true);
    expect(() => databaseName('--', '')).toThrow();
    // A name that needs quoting anyway (a dash) is created and dropped as it is spelled.
    const odd = `evals-odd-${process.pid}`;
    await admin.create(odd);
    expect(await admin.exists(odd)).toBe(true);
    await admin.drop(odd);
    expect(await admin.exists(odd)).toBe(false);
  });

  it('treats a wrong flag or value as a usage error', () => {
    const env = {};
    expect(storageOptions({}, env)).toEqual({ databaseUrl: undefined, instances: 1 });
    expect(storageOptions({}, { EVAL_DATABASE_URL: 'postgres://h/db', DATABASE_URL: 'x' })).toEqual({
      databaseUrl: 'postgres://h/db',
      instances: 1,
    });
    // The service's own DATABASE_URL is never taken for the evals' server.
    expect(storageOptions({}, { DATABASE_URL: 'postgres://live/db' }).databaseUrl).toBeUndefined();
    for (const bad of [
      { instances: '2' },
      { instances: '0', 'database-url': 'postgres://h/db' },
      { instances: 'two', 'database-url': 'postgres://h/db' },
      { instances: '1000', 'database-url': 'postgres://h/db' },
      { 'database-url': 'mysql://h/db' },
      { 'database-url': 'data/evals.db' },
    ])
      expect(() => storageOptions(bad, env), JSON.stringify(bad)).toThrow(UsageError);
  });
});
