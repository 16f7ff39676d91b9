import { afterEach, describe, expect, it, vi } from 'vitest';
import { Agent, RunState } from '@openai/agents';
import { PausedRuns, type PausedRun } from '../src/agent/pausedRuns.js';
import type { AssistantContext } from '../src/tools/index.js';
import { createHarness, TOKENS, type Harness } from './support/harness.js';
import type { RunResult } from '../src/agent/runResult.js';

const harnesses: Harness[] = [];
afterEach(async () => {
  vi.restoreAllMocks();
  for (const h of harnesses.splice(0).reverse()) await h.close();
});

const DRAFT = 'I want to sell my Trek Marlin 7 mountain bike, size L, good condition, 420 euros';

async function draft(h: Harness): Promise<RunResult> {
  const { id } = (await (await h.call('POST', '/api/conversations')).json()) as { id: string };
  const run = (await (
    await h.call('POST', `/api/conversations/${id}/messages`, { body: { text: DRAFT } })
  ).json()) as RunResult;
  expect(run.status).toBe('awaiting_approval');
  return run;
}

async function approve(h: Harness, run: RunResult): Promise<RunResult> {
  const res = await h.call('POST', `/api/runs/${run.runId}/decisions`, {
    body: { approvalId: run.pendingApprovals[0].approvalId, decision: 'approve' },
  });
  expect(res.status).toBe(200);
  return (await res.json()) as RunResult;
}

type Node = { kind: string; event?: Record<string, unknown>; children: Node[] };
/** The trace as support reads it, reduced to its shape: kinds, tools and decisions, in order. */
async function shape(h: Harness, traceId: string): Promise<string[]> {
  const view = (await (await h.call('GET', `/api/traces/${traceId}`, { token: TOKENS.support })).json()) as {
    tree: Node[];
  };
  const line = (n: Node): string =>
    [n.kind, n.event?.tool, n.event?.decision ?? n.event?.event].filter(Boolean).join(':') +
    (n.children.length ? `(${n.children.map(line).join(' ')})` : '');
  return view.tree.map(line);
}

describe('paused runs kept in memory', () => {
  const entry = (text: string) =>
    ({ agent: new Agent<AssistantContext>({ name: 'a' }), state: {}, text }) as unknown as PausedRun;

  it('hands a kept state out once, only for the exact stored text, and keeps at most its capacity', () => {
    const kept = new PausedRuns(2);
    kept.keep('run_a', entry('A'));
    expect(kept.take('run_a', 'A (edited)')).toBeUndefined();
    expect(kept.take('run_a', 'A')).toBeUndefined(); // a mismatch dropped it: the store is the truth
    kept.keep('run_a', entry('A'));
    expect(kept.take('run_a', 'A')?.text).toBe('A');
    expect(kept.take('run_a', 'A')).toBeUndefined();
    for (const id of ['run_1', 'run_2', 'run_3']) kept.keep(id, entry(id));
    expect(kept.size).toBe(2);
    expect(kept.take('run_1', 'run_1')).toBeUndefined();
    expect(kept.take('run_3', 'run_3')?.text).toBe('run_3');
  });

  it('resumes on the pausing instance without parsing, on another from the store, with the same outcome', async () => {
    const first = await createHarness();
    harnesses.push(first);
    const second = await createHarness({ dbPath: first.dbPath });
    harnesses.push(second);
    const sellersListings = async (h: Harness) =>
      (await h.store.listings.list({ sellerId: 'seller-1', limit: 1000 })).length;
    const before = await sellersListings(first);
    const parse = vi.spyOn(RunState, 'fromString');

    const here = await draft(first);
    const doneHere = await approve(first, here);
    expect(parse).not.toHaveBeenCalled();

    const there = await draft(first);
    const doneThere = await approve(second, there);
    expect(parse).toHaveBeenCalledTimes(1);

    for (const done of [doneHere, doneThere]) {
      expect(done.status).toBe('completed');
      expect(done.reply).toMatch(/live/i);
    }
    expect(await shape(first, doneHere.traceId)).toEqual(await shape(first, doneThere.traceId));
    // One listing per confirmed draft, whichever instance resumed it.
    expect(await sellersListings(first)).toBe(before + 2);
  });
});
