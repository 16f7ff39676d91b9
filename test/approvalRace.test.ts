import { afterEach, describe, expect, it } from 'vitest';
import { ScriptedModel } from '@openai/agents/testing';
import { createHarness, TOKENS, type Harness } from './support/harness.js';
import { bikeDraft, callTool, say } from './support/scripts.js';

// Decisions race while a write's transaction is held open by an injected delay. The same call
// decided twice must give one write and one 409; another seller's decision arriving meanwhile runs
// on the same connection and must neither land inside the open transaction nor break it.
let h: Harness;
afterEach(() => h?.close());

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
type Paused = { runId: string; pendingApprovals: { approvalId: string }[] };

async function setup() {
  // Two drafts (one per seller), then the two resumed runs' replies.
  const drafted = () => callTool('createListing', bikeDraft, 'c1', 'Draft ready.');
  h = await createHarness({ model: new ScriptedModel([drafted(), drafted(), say('Posted!'), say('Posted!')]) });
  let inFlight = 0;
  let mostInFlight = 0;
  let slowNext = true;
  let writeHeld!: () => void;
  const holding = new Promise<void>((resolve) => (writeHeld = resolve));
  const once = h.store.executions.once.bind(h.store.executions);
  h.store.executions.once = (key, write) =>
    once(key, async () => {
      mostInFlight = Math.max(mostInFlight, ++inFlight);
      try {
        const result = await write();
        if (slowNext) {
          slowNext = false;
          writeHeld();
          await sleep(200); // inside the write transaction, after the listing row is written
        }
        return result;
      } finally {
        inFlight--;
      }
    });
  const draft = async (token: string): Promise<Paused> => {
    const conversation = (await (await h.call('POST', '/api/conversations', { token })).json()) as { id: string };
    const res = await h.call('POST', `/api/conversations/${conversation.id}/messages`, {
      token,
      body: { text: 'Selling my Trek Marlin 7' },
    });
    return (await res.json()) as Paused;
  };
  return { draft, holding, mostInFlight: () => mostInFlight };
}

const approve = (paused: Paused, token: string = TOKENS.seller, decision: 'approve' | 'reject' = 'approve') =>
  h.call('POST', `/api/runs/${paused.runId}/decisions`, {
    token,
    body: { approvalId: paused.pendingApprovals[0].approvalId, decision },
  });

async function postedBikes(sellerId: string) {
  const res = await h.call('GET', `/api/listings?sellerId=${sellerId}&q=${encodeURIComponent('Trek Marlin')}`);
  const { listings } = (await res.json()) as { listings: { title: string }[] };
  return listings.filter((l) => l.title === bikeDraft.title);
}

describe('racing decisions on the asynchronous store', () => {
  it('one write and one 409 for a call approved twice; another seller’s approval meanwhile commits on its own', async () => {
    const { draft, holding, mostInFlight } = await setup();
    const mine = await draft(TOKENS.seller);
    const theirs = await draft(TOKENS.seller2);
    const first = approve(mine);
    await holding; // the first approval's write transaction is open from here for 200 ms
    const [won, again, other] = await Promise.all([first, approve(mine), approve(theirs, TOKENS.seller2)]);
    expect([won.status, again.status, other.status]).toEqual([200, 409, 200]);
    expect(((await again.json()) as { error: { code: string } }).error.code).toBe('approval_not_pending');
    expect(await postedBikes('seller-1')).toHaveLength(1);
    expect(await postedBikes('seller-2')).toHaveLength(1);
    expect(await h.store.executions.forRun(mine.runId)).toHaveLength(1);
    expect(await h.store.executions.forRun(theirs.runId)).toHaveLength(1);
    expect(mostInFlight()).toBe(1); // the second write waited for the first transaction to end
  });

  it('two decisions sent at once: exactly one counts, and the listing exists only if the approval won', async () => {
    const { draft } = await setup();
    const mine = await draft(TOKENS.seller);
    const responses = await Promise.all([approve(mine), approve(mine, TOKENS.seller, 'reject')]);
    expect(responses.map((r) => r.status).sort()).toEqual([200, 409]);
    const approval = (await h.store.approvals.get(mine.pendingApprovals[0].approvalId))!;
    const won = approval.status === 'approved' ? 1 : 0;
    expect(await postedBikes('seller-1')).toHaveLength(won);
    expect(await h.store.executions.forRun(mine.runId)).toHaveLength(won);
  });
});
