import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeOpenAI } from './support/fakeOpenAI.js';
import { startServer, type ServerProcess } from './support/serverProcess.js';
import { sharedDatabase, type SharedDatabase } from './support/sharedDatabase.js';
import type { Engine } from './support/engines.js';
import { bikeDraft } from './support/scripts.js';

/**
 * Two real server processes on one database (issue 13), on either engine: they start together on a
 * new database, share rate limits, hand conversations and decisions to each other, race for one
 * decision, and settle each other's runs and approvals when one dies. Leases are short here
 * (RUN_LEASE_MS 1.5 s) to keep the test quick; the model is a local fake.
 */
const LEASE_MS = 1500;
const seller = { authorization: 'Bearer demo-seller', 'content-type': 'application/json' };
const seller2 = { authorization: 'Bearer demo-seller-2' };

async function call(server: ServerProcess, path: string, init: RequestInit = {}) {
  const res = await fetch(`${server.url}${path}`, { headers: seller, ...init });
  return { status: res.status, headers: res.headers, body: await res.json() };
}

const post = (server: ServerProcess, path: string, body?: unknown) =>
  call(server, path, { method: 'POST', body: body === undefined ? undefined : JSON.stringify(body) });

const conversation = async (server: ServerProcess): Promise<string> =>
  (await post(server, '/api/conversations')).body.id;

const message = (server: ServerProcess, id: string, text: string) =>
  post(server, `/api/conversations/${id}/messages`, { text });

const decide = (server: ServerProcess, paused: { runId: string; pendingApprovals: { approvalId: string }[] }) =>
  post(server, `/api/runs/${paused.runId}/decisions`, {
    approvalId: paused.pendingApprovals[0].approvalId,
    decision: 'approve',
  });

async function until<T>(what: () => Promise<T>, ok: (value: T) => boolean, ms: number): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await what();
    if (ok(value) || Date.now() > deadline) return value;
    await new Promise((r) => setTimeout(r, 150));
  }
}

export function describeMultiInstance(engine: Engine): void {
  let db: SharedDatabase;
  let fake: FakeOpenAI;
  let env: Record<string, string>;
  let a: ServerProcess;
  let b: ServerProcess;
  const servers: ServerProcess[] = [];
  const count = async (sql: string, params: unknown[] = []) => Number(await db.scalar(sql, params));
  const bikes = () => count('SELECT count(*) FROM listings WHERE title = ?', [bikeDraft.title]);
  /** A run on `server` paused on a createListing approval (the model's next turn is not scripted yet). */
  const pausedRun = async (server: ServerProcess) => {
    fake.script({ toolCall: { name: 'createListing', arguments: bikeDraft, id: 'c1' } });
    const paused = (await message(server, await conversation(server), 'sell my bike')).body;
    expect(paused.status).toBe('awaiting_approval');
    return paused;
  };

  beforeAll(async () => {
    db = await sharedDatabase(engine);
    fake = await FakeOpenAI.start();
    env = {
      ...db.env,
      SEED_COUNT: '300',
      OPENAI_BASE_URL: fake.baseURL,
      OPENAI_API: 'chat_completions',
      OPENAI_API_KEY: 'sk-test',
      AGENT_MODEL: 'local',
      RUN_LEASE_MS: String(LEASE_MS),
      CONVERSATION_WAIT_MS: '1000',
      RATE_LIMIT_PER_MINUTE: '100',
      RATE_LIMIT_RUNS_PER_MINUTE: '100',
    };
    // Both on a database that has no tables yet, at the same moment.
    [a, b] = await Promise.all([startServer(env), startServer(env)]);
    servers.push(a, b);
  }, 90_000);

  afterAll(async () => {
    for (const s of servers) await s.kill();
    await fake?.close();
    await db?.dispose();
  });

  describe(`two instances on one ${engine} database`, () => {
    it('start together on a new database: both come up, migrated and seeded once', async () => {
      expect(await count('SELECT count(*) FROM listings')).toBe(300);
      const seededNow = [a, b].filter((s) => /seeded now/.test(s.output()));
      expect(seededNow).toHaveLength(1);
      const catalogue = await db.scalar("SELECT value FROM meta WHERE key = 'catalogue'");
      expect(typeof catalogue === 'string' ? JSON.parse(catalogue) : catalogue).toEqual({ seed: 42, count: 300 });
      for (const s of [a, b]) expect((await fetch(`${s.url}/api/ready`)).status).toBe(200);
    });

    it('share one rate-limit budget', async () => {
      const statuses: number[] = [];
      for (let i = 0; i < 101; i++) {
        const res = await fetch(`${(i % 2 ? b : a).url}/api/listings/lst_0000001`, { headers: seller2 });
        statuses.push(res.status);
      }
      // 50 requests each: per-process limits would have allowed them all.
      expect(statuses.slice(0, 100).every((s) => s === 200)).toBe(true);
      expect(statuses[100]).toBe(429);
      const other = await fetch(`${a.url}/api/listings/lst_0000001`, { headers: seller2 });
      expect(other.status).toBe(429);
      expect(Number(other.headers.get('retry-after'))).toBeGreaterThan(0);
    });

    it('run one segment per conversation at a time: a second message waits its turn, or past the wait gets 409', async () => {
      const id = await conversation(a);
      // Within the wait (1 s): the message on B waits for A's segment, then runs.
      fake.whenEmpty = { text: 'Quick answer.', delayMs: 100 };
      const [first, second] = await Promise.all([message(a, id, 'one'), message(b, id, 'two')]);
      expect([first.status, second.status]).toEqual([200, 200]);
      // Past the wait: conversation_busy with Retry-After, and nothing of it in the history.
      fake.whenEmpty = { text: 'Slow answer.', delayMs: 2500 };
      const asked = fake.requests.length;
      const slow = message(a, id, 'three');
      await until(
        async () => fake.requests.length,
        (n) => n > asked,
        5000,
      );
      const busy = await message(b, id, 'four');
      expect(busy.status).toBe(409);
      expect(busy.body.error.code).toBe('conversation_busy');
      expect(Number(busy.headers.get('retry-after'))).toBeGreaterThan(0);
      expect((await slow).body).toMatchObject({ status: 'completed', reply: 'Slow answer.' });
      fake.whenEmpty = { text: 'Quick answer.' };
      expect((await message(b, id, 'four')).body.status).toBe('completed');
      const view = (await call(b, `/api/conversations/${id}`)).body;
      // Whole turns, one after the other.
      expect(view.messages.map((m: { role: string }) => m.role)).toEqual(Array(4).fill(['seller', 'assistant']).flat());
      const said = view.messages
        .filter((m: { role: string }) => m.role === 'seller')
        .map((m: { text: string }) => m.text);
      expect(said.slice(2)).toEqual(['three', 'four']);
      expect(said.slice(0, 2).sort()).toEqual(['one', 'two']);
    });

    it('take a decision on the other instance than the one that paused the run', async () => {
      const paused = await pausedRun(a);
      fake.script({ text: 'It is posted.' });
      expect((await decide(b, paused)).body).toMatchObject({ status: 'completed', reply: 'It is posted.' });
    });

    it('race one decision on both instances: one 200, one 409, one write', async () => {
      const paused = await pausedRun(a);
      const before = await bikes();
      fake.script({ text: 'It is posted.' });
      const answers = await Promise.all([decide(a, paused), decide(b, paused)]);
      expect(answers.map((r) => r.status).sort()).toEqual([200, 409]);
      const won = answers.find((r) => r.status === 200)!;
      expect(won.body).toMatchObject({ status: 'completed', reply: 'It is posted.' });
      const lost = answers.find((r) => r.status === 409)!;
      expect(['approval_not_pending', 'conversation_busy']).toContain(lost.body.error.code);
      expect(await count('SELECT count(*) FROM tool_executions WHERE run_id = ?', [paused.runId])).toBe(1);
      expect(await bikes()).toBe(before + 1);
    });

    it('serve support from either instance: the other’s runs found, opened, replayed and counted alike', async () => {
      // The run searches first: "iphone" ranks its top five differently on the two engines (300 listings,
      // seed 42), so a replay on another engine than the run's would diverge at the search.
      fake.script({ toolCall: { name: 'searchSimilar', arguments: { query: 'iphone', limit: 5 }, id: 's1' } });
      const paused = await pausedRun(a);
      fake.script({ text: 'It is posted.' });
      const done = (await decide(a, paused)).body;
      expect(done.status).toBe('completed');
      const support = { authorization: 'Bearer demo-support' };
      const read = async (server: ServerProcess, path: string) => {
        const res = await fetch(`${server.url}${path}`, { headers: support });
        expect(res.status).toBe(200);
        return res.json();
      };
      const query = `/api/traces?conversationId=${done.conversationId}`;
      const [foundOnA, foundOnB] = [await read(a, query), await read(b, query)];
      expect(foundOnB).toEqual(foundOnA);
      const traceId = JSON.stringify(foundOnB).match(/"traceId":"([^"]+)"/)?.[1];
      expect(traceId).toBeDefined();
      const timeline = await read(b, `/api/traces/${traceId}`);
      expect(timeline).toEqual(await read(a, `/api/traces/${traceId}`));
      expect(JSON.stringify(timeline)).toContain('searchSimilar');
      // Replayed on the engine the run was recorded on (a scratch database on the same server for PostgreSQL).
      const replay = await fetch(`${b.url}/api/traces/${traceId}/replay`, { method: 'POST', headers: support });
      expect(replay.status).toBe(200);
      const report = await replay.json();
      expect(report).toMatchObject({ identical: true, modelCalls: { recorded: 3, replayed: 3 } });
      expect(report.note).toBeUndefined();
      // The dashboard's figures come from the database, not from the process that served the runs.
      const dashboard = '/api/dashboard?window=day';
      expect(await read(b, dashboard)).toEqual(await read(a, dashboard));
    });

    it('settle a killed instance’s run and approval on the other within the lease; a restart leaves live runs alone', async () => {
      // A on hold for the seller when it dies: the approval is decided on B.
      const pausedOnA = await pausedRun(a);
      // The model answers only once the restart below is done: B's run outlasts the kill, the settling and the restart.
      let answer!: () => void;
      fake.whenEmpty = { text: 'Slow answer.', after: new Promise<void>((resolve) => (answer = resolve)) };
      const [onA, onB] = [await conversation(a), await conversation(b)];
      const asked = fake.requests.length;
      const doomed = message(a, onA, 'what is my bike worth?').catch(() => undefined);
      const living = message(b, onB, 'and my lamp?');
      await until(
        async () => fake.requests.length,
        (n) => n >= asked + 2,
        5000,
      );
      const runOnA = (await call(b, `/api/conversations/${onA}`)).body.latestRun;
      expect(runOnA.status).toBe('running');

      await a.kill('SIGKILL');
      const killedAt = Date.now();
      // A new instance starts while B's run is in flight: it must not touch that run.
      const restarting = startServer(env);
      const settled = await until(
        async () => (await call(b, `/api/runs/${runOnA.runId}`)).body,
        (run) => run.status !== 'running',
        LEASE_MS + 3000,
      );
      expect(settled).toMatchObject({ status: 'stopped', stopReason: 'interrupted' });
      // Within the lease plus one sweep (and some slack for a loaded machine).
      expect(Date.now() - killedAt).toBeLessThan(2 * LEASE_MS + 1000);
      const before = await bikes();
      fake.script({ text: 'It is posted.' });
      expect((await decide(b, pausedOnA)).body).toMatchObject({ status: 'completed', reply: 'It is posted.' });
      expect(await bikes()).toBe(before + 1);

      const again = await restarting;
      servers.push(again);
      expect((await call(again, `/api/conversations/${onB}`)).body.latestRun.status).toBe('running');
      answer();
      expect((await living).body).toMatchObject({ status: 'completed', reply: 'Slow answer.' });
      await doomed;
      // The restarted instance serves the settled conversation again.
      fake.whenEmpty = { text: 'Quick answer.' };
      expect((await message(again, onA, 'hello again')).body.status).toBe('completed');
    }, 120_000);
  });
}
