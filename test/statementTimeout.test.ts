import { afterEach, describe, expect, it } from 'vitest';
import pg from 'pg';
import { ScriptedModel } from '@openai/agents/testing';
import { createHarness, type Harness } from './support/harness.js';
import { bikeDraft, callTool, say } from './support/scripts.js';

/**
 * A statement that would wait for ever on PostgreSQL (another connection holds the row or table it
 * needs) is cancelled by the statement timeout and answered as a JSON 503; the lock's holder here is
 * a real second connection, as another instance or an operator's session would be.
 */
let h: Harness;
let holder: pg.Client | undefined;
afterEach(async () => {
  await holder?.end().catch(() => undefined);
  holder = undefined;
  await h?.close();
});

const TIMEOUT_MS = 1000;

describe('PostgreSQL statement timeout', { timeout: 60_000 }, () => {
  it('a blocked decision answers 503 within the timeout, keeps the approval, and the pool recovers', async () => {
    h = await createHarness({
      engine: 'postgres',
      model: new ScriptedModel([callTool('createListing', bikeDraft, 'c1', 'Draft ready.'), say('It is posted.')]),
      env: { DATABASE_STATEMENT_TIMEOUT_MS: String(TIMEOUT_MS) },
    });
    const { id } = (await (await h.call('POST', '/api/conversations')).json()) as { id: string };
    const paused = await (
      await h.call('POST', `/api/conversations/${id}/messages`, { body: { text: 'sell my bike' } })
    ).json();
    expect(paused.status).toBe('awaiting_approval');
    const approvalId = paused.pendingApprovals[0].approvalId as string;
    const decide = () =>
      h.call('POST', `/api/runs/${paused.runId}/decisions`, { body: { approvalId, decision: 'approve' } });

    holder = new pg.Client({ connectionString: h.config.DATABASE_URL });
    await holder.connect();
    await holder.query('BEGIN');
    await holder.query('SELECT id FROM approvals WHERE id = $1 FOR UPDATE', [approvalId]);

    // Several at once: each gives up at the timeout instead of queueing behind the lock for ever.
    const started = Date.now();
    const blocked = await Promise.all([decide(), decide(), decide()]);
    expect(Date.now() - started).toBeLessThan(TIMEOUT_MS + 8000);
    for (const res of blocked) {
      expect(res.status).toBe(503);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe('storage_unavailable');
      expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
    }
    // Work that needs no locked row goes on meanwhile: the pool was not used up by the waiters.
    expect((await h.call('POST', '/api/conversations')).status).toBe(201);

    // A whole table locked (an operator's migration, say): even a read gives up at the timeout.
    await holder.query('LOCK TABLE conversations IN ACCESS EXCLUSIVE MODE');
    const read = await h.call('GET', `/api/conversations/${id}`);
    expect(read.status).toBe(503);
    await holder.query('ROLLBACK');

    expect((await h.store.approvals.forRun(paused.runId)).map((a) => a.status)).toEqual(['pending']);
    const decided = await decide();
    expect(await decided.json()).toMatchObject({ status: 'completed', reply: 'It is posted.' });
    expect(await h.store.executions.forRun(paused.runId)).toHaveLength(1);
    // Nothing of ours is left waiting or inside a transaction on the server.
    const { rows } = await holder.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM pg_stat_activity
        WHERE datname = current_database() AND pid <> pg_backend_pid()
          AND (state LIKE 'idle in transaction%' OR wait_event_type = 'Lock')`,
    );
    expect(rows[0].n).toBe(0);
  });
});
