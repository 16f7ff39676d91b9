import { afterEach, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from './support/harness.js';
import { ENGINES } from './support/engines.js';
import { freshDatabase } from './support/postgres.js';
import { startServer, type ServerProcess } from './support/serverProcess.js';

/**
 * Fencing: instance A resumes an approved run and freezes (its whole process, by the stall fault
 * point) just before the transaction that posts the listing, for longer than RUN_LEASE_MS. Instance B
 * finds the lease expired, takes the run over and finishes it, posting the listing once. When A wakes,
 * its write checks the lease in its own transaction and is refused: one listing, one ledger row, one
 * outcome, and A answers B's outcome instead of its own.
 */
let h: Harness | undefined;
let a: ServerProcess | undefined;
afterEach(async () => {
  await a?.kill();
  a = undefined;
  await h?.close();
  h = undefined;
});

const LEASE_MS = 1500;
// Past the lease (1.5 s) and B's sweep (every 200 ms) with room to spare on a loaded machine.
const STALL_MS = 4000;

/** B, a harness in this process, and A, a real server on the same database that freezes at its next run transaction. */
async function instances(engine: (typeof ENGINES)[number]): Promise<{ h: Harness; a: ServerProcess }> {
  const location: Record<string, string> = engine === 'postgres' ? { DATABASE_URL: await freshDatabase() } : {};
  const settings = { RUN_LEASE_MS: String(LEASE_MS), PROMPT_VERSION: 'v1', REVIEW_SAMPLE_RATE: '0' };
  const b = await createHarness({ env: { ...location, ...settings } });
  const frozen = await startServer({
    ...(engine === 'postgres' ? location : { DATABASE_PATH: b.dbPath }),
    ...settings,
    SEED_COUNT: '0',
    LISTING_ASSISTANT_STALL: `before-run-transaction:${STALL_MS}`,
  });
  return { h: b, a: frozen };
}

/** B's sweep, as its timer would run it, until it takes a run over (A's lease ran out) or time is up. */
async function sweepUntilTaken(b: Harness): Promise<number> {
  const deadline = Date.now() + STALL_MS + 20_000;
  let taken = 0;
  while (taken === 0 && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 200));
    taken = await b.assistant.recoverInterruptedRuns();
  }
  return taken;
}

describe.each(ENGINES)('a segment that stalled past its lease on %s', { timeout: 120_000 }, (engine) => {
  it('has its write refused; the instance that took over settles the run, once', async () => {
    // B: in this process (its sweep is called below); A: a real server process that will freeze.
    ({ h, a } = await instances(engine));

    const { id } = (await (await h.call('POST', '/api/conversations')).json()) as { id: string };
    const paused = await (
      await h.call('POST', `/api/conversations/${id}/messages`, {
        body: { text: 'Sell my Trek mountain bike, 21 gears, good condition, for 350 euros' },
      })
    ).json();
    expect(paused.status).toBe('awaiting_approval');
    expect(paused.pendingApprovals[0].tool).toBe('createListing');
    const sellerListings = () => h!.store.listings.count();
    const before = await sellerListings();

    const onA = fetch(`${a.url}/api/runs/${paused.runId}/decisions`, {
      method: 'POST',
      headers: { authorization: 'Bearer demo-seller', 'content-type': 'application/json' },
      body: JSON.stringify({ approvalId: paused.pendingApprovals[0].approvalId, decision: 'approve' }),
    });
    expect(await sweepUntilTaken(h)).toBe(1);
    const settled = (await h.store.runs.get(paused.runId))!;
    expect(settled.status).toBe('completed');

    const answer = await onA;
    expect(answer.status).toBe(200);
    expect(await answer.json()).toMatchObject({ runId: paused.runId, status: 'completed', reply: settled.reply });
    expect(a.output()).toMatch(/write was refused/);
    // Exactly one outcome: one ledger row, one new listing, and B's completion untouched by A.
    expect(await h.store.executions.forRun(paused.runId)).toHaveLength(1);
    expect(await sellerListings()).toBe(before + 1);
    expect(await h.store.runs.get(paused.runId)).toMatchObject({ status: 'completed', reply: settled.reply });
    // The history has each of the assistant's answers once (without the fence, A appended its own again).
    const view = await (await h.call('GET', `/api/conversations/${id}`)).json();
    const said = (view.messages as { role: string; text: string }[]).filter((m) => m.role === 'assistant');
    expect(said.length).toBeGreaterThan(1);
    expect(new Set(said.map((m) => m.text)).size).toBe(said.length);
  });

  it('has its pause refused by the statement that releases its leases; the run stays as the other left it', async () => {
    // A freezes before its segment's first run transaction: here the pause, which ends both leases.
    ({ h, a } = await instances(engine));
    const { id } = (await (await h.call('POST', '/api/conversations')).json()) as { id: string };
    const onA = fetch(`${a.url}/api/conversations/${id}/messages`, {
      method: 'POST',
      headers: { authorization: 'Bearer demo-seller', 'content-type': 'application/json' },
      body: JSON.stringify({ text: 'Sell my Trek mountain bike, 21 gears, good condition, for 350 euros' }),
    });
    expect(await sweepUntilTaken(h)).toBe(1);
    const [run] = await h.store.runs.forConversation(id);
    expect(run).toMatchObject({ status: 'stopped', stopReason: 'interrupted' });

    const answer = await onA;
    expect(answer.status).toBe(200);
    expect(await answer.json()).toMatchObject({ runId: run.id, status: 'stopped', pendingApprovals: [] });
    // Refused by the fence (when A's heartbeat noticed the loss first, the segment says it left the run).
    expect(a.output()).toMatch(/the write was refused|SegmentFencedError[^\n]*run left to the instance/);
    // Nothing of A's pause landed: no approval, the run as B stopped it, and no lease left behind.
    expect(await h.store.approvals.forRun(run.id)).toEqual([]);
    expect(await h.store.runs.get(run.id)).toEqual(run);
    expect(await h.store.leases.get(`run:${run.id}`)).toBeUndefined();
    expect(await h.store.leases.get(`conversation:${id}`)).toBeUndefined();
  });
});
