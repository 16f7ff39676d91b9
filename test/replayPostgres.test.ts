import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { ScriptedModel } from '@openai/agents/testing';
import { createHarness, type Harness } from './support/harness.js';
import { bikeDraft, callTool, say } from './support/scripts.js';
import { exportTrace, type RecordedTrace } from '../src/replay/traceExport.js';
import { replayTrace } from '../src/replay/replay.js';
import { PostgresReplayBases, ReplayDatabaseError } from '../src/replay/postgresBaseDatabase.js';
import pg from 'pg';
import { DatabaseAdmin } from '../src/store/index.js';

/**
 * A run recorded on PostgreSQL is replayed on PostgreSQL: a scratch database copied from a seeded
 * template on the same server, dropped afterwards; what a killed instance leaves is swept.
 */
let h: Harness;
let admin: DatabaseAdmin;
let trace: RecordedTrace;
const bases: PostgresReplayBases[] = [];

const newBases = () => {
  const made = new PostgresReplayBases(inject('postgresUrl'));
  bases.push(made);
  return made;
};
const replayDatabases = () => admin.named('replay_');
const stampOf = (ms: number) => Math.floor(ms / 1000).toString(36);

beforeAll(async () => {
  admin = await DatabaseAdmin.connect(inject('postgresUrl'));
  h = await createHarness({
    engine: 'postgres',
    model: new ScriptedModel([
      callTool('searchSimilar', { query: 'mountain bike', category: 'Sports', limit: null }, 'c1'),
      callTool('createListing', bikeDraft, 'c2', 'Draft ready.'),
      say('Posted.'),
    ]),
  });
  const { id } = await h.assistant.createConversation('seller-1');
  const paused = await h.assistant.sendMessage(id, 'seller-1', { text: 'sell my Trek Marlin 7' });
  await h.assistant.decide(paused.runId, 'seller-1', {
    approvalId: paused.pendingApprovals[0].approvalId,
    decision: 'approve',
  });
  trace = await exportTrace(h.store, paused.traceId);
}, 60_000);

afterEach(async () => {
  for (const b of bases.splice(0)) await b.close();
});

afterAll(async () => {
  await h?.close();
  await admin?.close();
});

describe('replay on PostgreSQL', () => {
  it('records the engine, replays there identically and leaves no database behind', async () => {
    expect(trace.engine).toBe('postgres');
    expect(trace.expected.toolCalls.map((c) => c.tool)).toEqual(['searchSimilar', 'createListing']);
    const before = await replayDatabases();
    const onServer = newBases();
    for (let i = 0; i < 2; i++) {
      const report = await replayTrace(trace, { postgres: onServer });
      expect(report).toMatchObject({ identical: true, divergences: [], modelCalls: { recorded: 3, replayed: 3 } });
      expect(report.note).toBeUndefined();
    }
    // While the process lives it keeps one template (copies go as each replay ends); closing drops it.
    const kept = (await replayDatabases()).filter((n) => !before.includes(n));
    expect(kept.filter((n) => n.startsWith('replay_t_'))).toHaveLength(1);
    await onServer.close();
    expect((await replayDatabases()).filter((n) => !before.includes(n))).toEqual([]);
  }, 60_000);

  it('says so when a run is replayed on another engine than it was recorded on', async () => {
    const report = await replayTrace(trace);
    expect(report.note).toMatch(/Recorded on PostgreSQL, replayed on SQLite/);
  }, 60_000);

  it('builds its template again when another instance swept it', async () => {
    const onServer = newBases();
    expect((await replayTrace(trace, { postgres: onServer })).identical).toBe(true);
    const [template] = (await replayDatabases()).filter((n) => n.startsWith('replay_t_'));
    await admin.drop(template);
    expect((await replayTrace(trace, { postgres: onServer })).identical).toBe(true);
  }, 60_000);

  it('sweeps the copies a killed instance left, and leaves young ones', async () => {
    const stale = `replay_c_${stampOf(Date.now() - 11 * 60_000)}_deadbeef`;
    const young = `replay_c_${stampOf(Date.now() - 60_000)}_cafebabe`;
    await admin.create(stale);
    await admin.create(young);
    const onServer = newBases();
    // The sweep runs when a process builds its template, before its first replay.
    expect((await replayTrace(trace, { postgres: onServer })).identical).toBe(true);
    await onServer.close();
    const left = await replayDatabases();
    expect(left).not.toContain(stale);
    expect(left).toContain(young);
    await admin.drop(young);
  }, 60_000);

  it('tells the operator what is missing when the database user may not create databases', async () => {
    const role = `replay_nocreatedb_${Date.now().toString(36)}`;
    const superuser = new pg.Client({ connectionString: inject('postgresUrl') });
    await superuser.connect();
    await superuser.query(`CREATE ROLE ${role} LOGIN PASSWORD 'pw' NOCREATEDB`);
    try {
      const url = new URL(inject('postgresUrl'));
      url.username = role;
      url.password = 'pw';
      const limited = new PostgresReplayBases(url.toString());
      bases.push(limited);
      const failure = replayTrace(trace, { postgres: limited });
      await expect(failure).rejects.toBeInstanceOf(ReplayDatabaseError);
      await expect(failure).rejects.toThrow(/need CREATEDB/);
    } finally {
      for (const b of bases.splice(0)) await b.close();
      await superuser.query(`DROP ROLE ${role}`);
      await superuser.end();
    }
  }, 60_000);
});
