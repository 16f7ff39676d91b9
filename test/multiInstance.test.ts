import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FakeOpenAI } from './support/fakeOpenAI.js';
import { startServer, type ServerProcess } from './support/serverProcess.js';
import { withRawDb } from './support/rawDb.js';
import { bikeDraft } from './support/scripts.js';

/**
 * Two real server processes on one SQLite file (issue 13, step a): they start together on a new
 * database, share rate limits, hand conversations and decisions to each other, and settle each
 * other's runs when one dies. Leases are short here (RUN_LEASE_MS 1.5 s) to keep the test quick.
 */
const LEASE_MS = 1500;
const seller = { authorization: 'Bearer demo-seller', 'content-type': 'application/json' };
const seller2 = { authorization: 'Bearer demo-seller-2' };
let dir: string;
let fake: FakeOpenAI;
let env: Record<string, string>;
let a: ServerProcess;
let b: ServerProcess;
const servers: ServerProcess[] = [];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'multi-'));
  fake = await FakeOpenAI.start();
  env = {
    DATABASE_PATH: join(dir, 'db.sqlite'),
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
  // Both on a database that does not exist yet, at the same moment.
  [a, b] = await Promise.all([startServer(env), startServer(env)]);
  servers.push(a, b);
}, 90_000);

afterAll(async () => {
  for (const s of servers) await s.kill();
  await fake?.close();
  rmSync(dir, { recursive: true, force: true });
});

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

async function until<T>(what: () => Promise<T>, ok: (value: T) => boolean, ms: number): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await what();
    if (ok(value) || Date.now() > deadline) return value;
    await new Promise((r) => setTimeout(r, 150));
  }
}

describe('two instances on one SQLite file', () => {
  it('start together on a new database: both come up and the catalogue is seeded once', () => {
    expect(withRawDb(env.DATABASE_PATH, (db) => db.prepare('SELECT count(*) FROM listings').pluck().get())).toBe(300);
    const seededNow = [a, b].filter((s) => /seeded now/.test(s.output()));
    expect(seededNow).toHaveLength(1);
    expect(
      withRawDb(env.DATABASE_PATH, (db) => db.prepare("SELECT value FROM meta WHERE key = 'catalogue'").pluck().get()),
    ).toBe(JSON.stringify({ seed: 42, count: 300 }));
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
    fake.script({ toolCall: { name: 'createListing', arguments: bikeDraft, id: 'c1' } }, { text: 'It is posted.' });
    const paused = (await message(a, await conversation(a), 'sell my bike')).body;
    expect(paused.status).toBe('awaiting_approval');
    const decided = await post(b, `/api/runs/${paused.runId}/decisions`, {
      approvalId: paused.pendingApprovals[0].approvalId,
      decision: 'approve',
    });
    expect(decided.body).toMatchObject({ status: 'completed', reply: 'It is posted.' });
  });

  it('settle a killed instance’s run on the other within the lease; a restart leaves live runs alone', async () => {
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
    expect(Date.now() - killedAt).toBeLessThan(LEASE_MS + 1000);

    const again = await restarting;
    servers.push(again);
    expect((await call(again, `/api/conversations/${onB}`)).body.latestRun.status).toBe('running');
    answer();
    expect((await living).body).toMatchObject({ status: 'completed', reply: 'Slow answer.' });
    await doomed;
    // The restarted instance serves the settled conversation again.
    fake.whenEmpty = { text: 'Quick answer.' };
    expect((await message(again, onA, 'hello again')).body.status).toBe('completed');
  }, 60_000);
});
