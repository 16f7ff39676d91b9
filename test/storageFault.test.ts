import { afterEach, describe, expect, inject, it } from 'vitest';
import pg from 'pg';
import { ScriptedModel } from '@openai/agents/testing';
import type { Model, ModelRequest, ModelResponse, StreamEvent } from '@openai/agents';
import { createHarness, type Harness } from './support/harness.js';
import { bikeDraft, callTool, say } from './support/scripts.js';

/**
 * The PostgreSQL database goes away under a running run, for real: its connections are cut by the
 * server (pg_terminate_backend) and new ones refused (ALLOW_CONNECTIONS false), as in an outage.
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

async function setup(turns: ConstructorParameters<typeof ScriptedModel>[0]) {
  const model = new GatedModel(turns);
  h = await createHarness({ engine: 'postgres', model });
  const conversation = async () => ((await (await h.call('POST', '/api/conversations')).json()) as { id: string }).id;
  const message = (id: string, text: string) => h.call('POST', `/api/conversations/${id}/messages`, { body: { text } });
  return { model, conversation, message };
}

// Generous: a harness on PostgreSQL and a few outages on a loaded machine.
describe('the PostgreSQL database going away', { timeout: 60_000 }, () => {
  it('mid-run for good: JSON 503s, no hang; once back the sweep settles the run and service resumes', async () => {
    const { model, conversation, message } = await setup([say('Nice bike.'), say('Back again.')]);
    const id = await conversation();
    model.hold();
    const sent = message(id, 'what is my bike worth?');
    await model.asked;
    await database(h, 'away');
    model.release();
    const started = Date.now();
    const answer = await body(await sent);
    expect(answer.status).toBe(503);
    expect(answer.json.error.code).toBe('storage_unavailable');
    expect(Number(answer.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(Date.now() - started).toBeLessThan(10_000);
    // Meanwhile: reads, new conversations and readiness all answer at once, as JSON 503s.
    for (const [method, path] of [
      ['GET', `/api/conversations/${id}`],
      ['POST', '/api/conversations'],
    ] as const) {
      const res = await body(await h.call(method, path));
      expect(res.status).toBe(503);
      expect(res.json.error.code).toBe('storage_unavailable');
    }
    expect((await h.call('GET', '/api/ready')).status).toBe(503);

    await database(h, 'back');
    const run = (await h.store.runs.latestForConversation(id))!;
    expect(run.status).toBe('running'); // the stop could not be stored
    // This instance's own sweep takes the run whose lease it could not release.
    expect(await h.assistant.recoverInterruptedRuns()).toBe(1);
    expect(await h.store.runs.get(run.id)).toMatchObject({ status: 'stopped', stopReason: 'interrupted' });
    const again = await body(await message(id, 'hello?'));
    expect(again.json).toMatchObject({ status: 'completed', reply: 'Back again.' });
  });

  it('mid-run for a moment: the run stops as storage_error, and says so', async () => {
    const { model, conversation, message } = await setup([say('Nice bike.')]);
    const id = await conversation();
    model.hold();
    const sent = message(id, 'what is my bike worth?');
    await model.asked;
    await database(h, 'away');
    model.release();
    // Back while the run is still trying to store its stop.
    setTimeout(() => void database(h, 'back'), 300);
    const answer = await body(await sent);
    expect(answer.status).toBe(200);
    expect(answer.json).toMatchObject({ status: 'stopped', stopReason: 'storage_error' });
    expect(answer.json.reply).toMatch(/could not save/i);
    const view = await (await h.call('GET', `/api/conversations/${id}`)).json();
    expect(view.latestRun).toMatchObject({ status: 'stopped', stopReason: 'storage_error' });
  });

  it('under a decision: 503, the approval still pending; decided again once back, it writes once', async () => {
    const { conversation, message } = await setup([
      callTool('createListing', bikeDraft, 'c1', 'Draft ready.'),
      say('It is posted.'),
    ]);
    const paused = await (await message(await conversation(), 'sell my bike')).json();
    expect(paused.status).toBe('awaiting_approval');
    const decision = () =>
      h.call('POST', `/api/runs/${paused.runId}/decisions`, {
        body: { approvalId: paused.pendingApprovals[0].approvalId, decision: 'approve' },
      });
    await database(h, 'away');
    const refused = await body(await decision());
    expect(refused.status).toBe(503);
    expect(refused.json.error.code).toBe('storage_unavailable');
    await database(h, 'back');
    expect((await h.store.approvals.forRun(paused.runId)).map((a) => a.status)).toEqual(['pending']);
    const decided = await body(await decision());
    expect(decided.json).toMatchObject({ status: 'completed', reply: 'It is posted.' });
    expect(await h.store.executions.forRun(paused.runId)).toHaveLength(1);
  });
});
