import { afterEach, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import { ScriptedModel } from '@openai/agents/testing';
import { createHarness, type Harness } from './support/harness.js';
import { bikeDraft, callTool, say } from './support/scripts.js';
import { StoreUnavailableError } from '../src/store/index.js';

let h: Harness;
afterEach(() => h?.close());

describe('SQLite busy', () => {
  it('waits for another connection’s write lock and loses no write', async () => {
    h = await createHarness({ model: new ScriptedModel([callTool('createListing', bikeDraft, 'c1'), say('Posted.')]) });
    const { id } = await h.assistant.createConversation('seller-1');
    const paused = await h.assistant.sendMessage(id, 'seller-1', { text: 'sell' });
    const before = await h.store.listings.count();

    // Another process holds the write lock for 400 ms (better-sqlite3 waits synchronously, so it must be another
    // process).
    const holder = spawn(
      process.execPath,
      [
        '-e',
        `const D = require('better-sqlite3'); const d = new D(process.argv[1]); d.exec('BEGIN IMMEDIATE');
       d.prepare("INSERT INTO meta (key, value) VALUES ('lock-holder', '1')").run();
       console.log('locked'); setTimeout(() => { d.exec('COMMIT'); d.close(); }, 400);`,
        h.dbPath,
      ],
      { cwd: process.cwd(), stdio: ['ignore', 'pipe', 'inherit'] },
    );
    await new Promise<void>((resolve) => holder.stdout.once('data', () => resolve()));
    const started = performance.now();
    const decided = h.assistant.decide(paused.runId, 'seller-1', {
      approvalId: paused.pendingApprovals[0].approvalId,
      decision: 'approve',
    });
    const done = await decided;
    expect(done.status).toBe('completed');
    expect(await h.store.listings.count()).toBe(before + 1);
    expect(await h.store.executions.forRun(paused.runId)).toHaveLength(1);
    expect(performance.now() - started).toBeGreaterThan(200); // it really waited for the lock
    await new Promise((r) => holder.once('exit', r));
  });

  it('answers a clean error and writes nothing half when the lock outlasts the busy timeout', async () => {
    h = await createHarness({
      model: new ScriptedModel([callTool('createListing', bikeDraft, 'c1'), say('Posted.')]),
      busyTimeoutMs: 100,
    });
    const { id } = await h.assistant.createConversation('seller-1');
    const paused = await h.assistant.sendMessage(id, 'seller-1', { text: 'sell' });
    const approvalId = paused.pendingApprovals[0].approvalId;
    const before = await h.store.listings.count();
    const other = new Database(h.dbPath);
    other.exec('BEGIN IMMEDIATE');
    let outcome: unknown;
    try {
      outcome = await h.assistant.decide(paused.runId, 'seller-1', { approvalId, decision: 'approve' }).then(
        (r) => r,
        (e: unknown) => e,
      );
    } finally {
      other.exec('ROLLBACK');
      other.close();
    }
    // The decision's first write waits out the busy timeout and fails, before anything changed, as the
    // store's "unavailable" (the API's 503) with SQLite's busy error as the cause.
    expect(outcome).toBeInstanceOf(StoreUnavailableError);
    expect((outcome as StoreUnavailableError).cause).toBeInstanceOf(Database.SqliteError);
    expect(((outcome as StoreUnavailableError).cause as { code: string }).code).toBe('SQLITE_BUSY');
    // Nothing half-written: no listing, no ledger row, and the decision itself was not recorded.
    expect(await h.store.listings.count()).toBe(before);
    expect(await h.store.executions.forRun(paused.runId)).toEqual([]);
    expect(await h.store.approvals.get(approvalId)).toMatchObject({ status: 'pending', decidedBy: null });
    expect((await h.store.runs.get(paused.runId))!.status).toBe('awaiting_approval');

    // So once the lock is gone the seller can approve again, and the listing is posted once.
    const done = await h.assistant.decide(paused.runId, 'seller-1', { approvalId, decision: 'approve' });
    expect(done).toMatchObject({ status: 'completed', reply: 'Posted.' });
    expect(await h.store.listings.count()).toBe(before + 1);
    expect(await h.store.executions.forRun(paused.runId)).toHaveLength(1);
  });
});
