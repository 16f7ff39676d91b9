import { afterEach, describe, expect, inject, it } from 'vitest';
import pg from 'pg';
import Database from 'better-sqlite3';
import { rmSync } from 'node:fs';
import { ScriptedModel } from '@openai/agents/testing';
import type { Model, ModelRequest, ModelResponse, StreamEvent } from '@openai/agents';
import { createHarness, type Harness } from './support/harness.js';
import { bikeDraft, callTool, say } from './support/scripts.js';
import { ENGINES, type Engine } from './support/engines.js';
import type { Db } from '../src/store/sqlite/database.js';

/**
 * The database goes away under a running run, for real: PostgreSQL's connections are cut by the
 * server (pg_terminate_backend) and new ones refused (ALLOW_CONNECTIONS false), as in an outage;
 * SQLite's file stops taking writes, fills up, stays locked by another connection, or is removed.
 * The model answers only once the database is gone. Requests meanwhile answer a JSON 503, the run
 * stops as `storage_error` when that can still be stored (a short outage) or is settled by the
 * sweep once the database is back, and no decision is lost.
 */
let h: Harness;
afterEach(async () => {
  await h?.close();
});

/** A scripted model whose next answer waits for `release()`; `asked` settles when it is called. */
class GatedModel implements Model {
  private readonly inner: ScriptedModel;
  private gate = Promise.resolve();
  private opened = () => undefined as void;
  asked: Promise<void> = Promise.resolve();
  private wasAsked = () => undefined as void;

  constructor(turns: ConstructorParameters<typeof ScriptedModel>[0]) {
    this.inner = new ScriptedModel(turns);
  }

  /** The next call waits until `release()`. */
  hold(): void {
    this.gate = new Promise<void>((resolve) => (this.opened = resolve));
    this.asked = new Promise<void>((resolve) => (this.wasAsked = resolve));
  }

  release(): void {
    this.opened();
  }

  async getResponse(request: ModelRequest): Promise<ModelResponse> {
    this.wasAsked();
    await this.gate;
    return this.inner.getResponse(request);
  }

  getStreamedResponse(request: ModelRequest): AsyncIterable<StreamEvent> {
    return this.inner.getStreamedResponse(request);
  }
}

/** A storage fault the test switches on and off under a running service. */
interface Outage {
  away(): Promise<void>;
  back(): Promise<void>;
  /** Whether readiness fails too while it lasts (a read-only SQLite file still reads). */
  readyFails: boolean;
}

/**
 * PostgreSQL: every connection cut and new ones refused. SQLite: the file turns read-only under the
 * open connection (`query_only`: the engine answers every write SQLITE_READONLY, as for a file or file
 * system remounted read-only).
 */
function outage(h: Harness, engine: Engine, db: () => Db): Outage {
  if (engine === 'sqlite')
    return {
      away: async () => void db().pragma('query_only = ON'),
      back: async () => void db().pragma('query_only = OFF'),
      readyFails: false,
    };
  return { away: () => database(h, 'away'), back: () => database(h, 'back'), readyFails: true };
}

/** Cuts the harness's database off (every connection, and new ones refused) or lets it back. */
async function database(h: Harness, state: 'away' | 'back'): Promise<void> {
  const name = new URL(h.config.DATABASE_URL!).pathname.slice(1);
  const admin = new pg.Client({ connectionString: inject('postgresUrl') });
  await admin.connect();
  try {
    await admin.query(`ALTER DATABASE ${name} ALLOW_CONNECTIONS ${state === 'back'}`);
    if (state === 'away')
      await admin.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1', [name]);
  } finally {
    await admin.end();
  }
}

const body = async (res: Response) => ({ status: res.status, headers: res.headers, json: await res.json() });

async function setup(
  turns: ConstructorParameters<typeof ScriptedModel>[0],
  engine: Engine = 'postgres',
  options: { busyTimeoutMs?: number } = {},
) {
  const model = new GatedModel(turns);
  let raw: Db | undefined;
  h = await createHarness({
    engine,
    model,
    ...(engine === 'sqlite' ? { instrument: (db: Db) => void (raw = db), ...options } : {}),
  });
  const conversation = async () => ((await (await h.call('POST', '/api/conversations')).json()) as { id: string }).id;
  const message = (id: string, text: string) => h.call('POST', `/api/conversations/${id}/messages`, { body: { text } });
  return { model, conversation, message, fault: outage(h, engine, () => raw!), db: () => raw! };
}

// Generous: a harness on PostgreSQL and a few outages on a loaded machine.
describe.each(ENGINES)('the %s database going away', { timeout: 60_000 }, (engine) => {
  it('mid-run for good: JSON 503s, no hang; once back the sweep settles the run and service resumes', async () => {
    const { model, conversation, message, fault } = await setup([say('Nice bike.'), say('Back again.')], engine);
    const id = await conversation();
    model.hold();
    const sent = message(id, 'what is my bike worth?');
    await model.asked;
    await fault.away();
    model.release();
    const started = Date.now();
    const answer = await body(await sent);
    expect(answer.status).toBe(503);
    expect(answer.json.error.code).toBe('storage_unavailable');
    expect(Number(answer.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(Date.now() - started).toBeLessThan(10_000);
    // Meanwhile: reads (their rate budget is a write) and new conversations answer at once, as JSON 503s.
    for (const [method, path] of [
      ['GET', `/api/conversations/${id}`],
      ['POST', '/api/conversations'],
    ] as const) {
      const res = await body(await h.call(method, path));
      expect(res.status).toBe(503);
      expect(res.json.error.code).toBe('storage_unavailable');
    }
    expect((await h.call('GET', '/api/ready')).status).toBe(fault.readyFails ? 503 : 200);

    await fault.back();
    const run = (await h.store.runs.latestForConversation(id))!;
    expect(run.status).toBe('running'); // the stop could not be stored
    // This instance's own sweep takes the run whose lease it could not release.
    expect(await h.assistant.recoverInterruptedRuns()).toBe(1);
    expect(await h.store.runs.get(run.id)).toMatchObject({ status: 'stopped', stopReason: 'interrupted' });
    const again = await body(await message(id, 'hello?'));
    expect(again.json).toMatchObject({ status: 'completed', reply: 'Back again.' });
  });

  it('mid-run for a moment: the run stops as storage_error, and says so', async () => {
    const { model, conversation, message, fault } = await setup([say('Nice bike.')], engine);
    const id = await conversation();
    model.hold();
    const sent = message(id, 'what is my bike worth?');
    await model.asked;
    await fault.away();
    model.release();
    // Back while the run is still trying to store its stop.
    setTimeout(() => void fault.back(), 300);
    const answer = await body(await sent);
    expect(answer.status).toBe(200);
    expect(answer.json).toMatchObject({ status: 'stopped', stopReason: 'storage_error' });
    expect(answer.json.reply).toMatch(/could not save/i);
    const view = await (await h.call('GET', `/api/conversations/${id}`)).json();
    expect(view.latestRun).toMatchObject({ status: 'stopped', stopReason: 'storage_error' });
  });

  it('under a decision: 503, the approval still pending; decided again once back, it writes once', async () => {
    const { conversation, message, fault } = await setup(
      [callTool('createListing', bikeDraft, 'c1', 'Draft ready.'), say('It is posted.')],
      engine,
    );
    const paused = await (await message(await conversation(), 'sell my bike')).json();
    expect(paused.status).toBe('awaiting_approval');
    const decision = () =>
      h.call('POST', `/api/runs/${paused.runId}/decisions`, {
        body: { approvalId: paused.pendingApprovals[0].approvalId, decision: 'approve' },
      });
    await fault.away();
    const refused = await body(await decision());
    expect(refused.status).toBe(503);
    expect(refused.json.error.code).toBe('storage_unavailable');
    await fault.back();
    expect((await h.store.approvals.forRun(paused.runId)).map((a) => a.status)).toEqual(['pending']);
    const decided = await body(await decision());
    expect(decided.json).toMatchObject({ status: 'completed', reply: 'It is posted.' });
    expect(await h.store.executions.forRun(paused.runId)).toHaveLength(1);
  });
});

describe('SQLite file faults', { timeout: 60_000 }, () => {
  it('the folder removed under a running server: 503s at once, nothing written into the lost file', async () => {
    const { model, conversation, message } = await setup([say('Nice bike.')], 'sqlite');
    const id = await conversation();
    model.hold();
    const sent = message(id, 'what is my bike worth?');
    await model.asked;
    // SQLite itself would go on writing into the unlinked file; every such write would vanish at restart.
    rmSync(h.dir, { recursive: true, force: true });
    model.release();
    const started = Date.now();
    const answer = await body(await sent);
    expect(answer.status).toBe(503);
    expect(answer.json.error.code).toBe('storage_unavailable');
    expect(Date.now() - started).toBeLessThan(15_000);
    for (const [method, path] of [
      ['GET', `/api/conversations/${id}`],
      ['POST', '/api/conversations'],
      ['GET', '/api/ready'],
    ] as const) {
      const res = await body(await h.call(method, path));
      expect(res.status).toBe(503);
      expect(res.json.error.message).not.toMatch(/SQLITE|\/tmp|stack/i);
    }
  });

  it('a full disk: the run stops as storage_error (a stop needs little room), not a 500', async () => {
    const { model, conversation, message, db } = await setup([say('Nice bike.'.repeat(2000))], 'sqlite');
    const id = await conversation();
    model.hold();
    const sent = message(id, 'what is my bike worth?');
    await model.asked;
    // The file may not grow by a page: the run's writes (its reply, spans, history) fail with SQLITE_FULL.
    db().pragma(`max_page_count = ${db().pragma('page_count', { simple: true }) as number}`);
    model.release();
    const room = () => db().pragma('max_page_count = 1073741823');
    const later = setTimeout(room, 300);
    const answer = await body(await sent);
    clearTimeout(later);
    room();
    expect(answer.json).toMatchObject({ status: 'stopped', stopReason: 'storage_error' });
    expect((await h.store.runs.get(answer.json.runId))?.stopReason).toBe('storage_error');
  });

  it('a lock held past the busy timeout: the run stops as storage_error, the decision is kept', async () => {
    const { model, conversation, message } = await setup(
      [callTool('createListing', bikeDraft, 'c1', 'Draft ready.'), say('It is posted.')],
      'sqlite',
      { busyTimeoutMs: 100 },
    );
    const paused = await (await message(await conversation(), 'sell my bike')).json();
    model.hold();
    const decided = h.call('POST', `/api/runs/${paused.runId}/decisions`, {
      body: { approvalId: paused.pendingApprovals[0].approvalId, decision: 'approve' },
    });
    await model.asked;
    // Another connection (another process's, as far as SQLite knows) takes the write lock for a while.
    const other = new Database(h.dbPath);
    other.exec('BEGIN IMMEDIATE');
    model.release();
    setTimeout(() => {
      other.exec('ROLLBACK');
      other.close();
    }, 700);
    const answer = await body(await decided);
    expect(answer.status).toBe(200);
    // The listing was posted before the lock (its ledger row says so); the run's end could not be stored.
    expect(answer.json).toMatchObject({ status: 'stopped', stopReason: 'storage_error' });
    expect((await h.store.approvals.forRun(paused.runId)).map((a) => a.status)).toEqual(['approved']);
    expect(await h.store.executions.forRun(paused.runId)).toHaveLength(1);
  });
});
