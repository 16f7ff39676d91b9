import { afterEach, describe, expect, it } from 'vitest';
import { ScriptedModel } from '@openai/agents/testing';
import { createHarness, type Harness } from './support/harness.js';
import { ENGINES } from './support/engines.js';
import { bikeDraft, callTool, say } from './support/scripts.js';
import { loadPolicyRules } from '../src/policy/index.js';

/**
 * A write's re-check and the write are one step per seller, also when two of them commit on
 * separate connections (PostgreSQL's pool, or several instances). Here the seller may make one
 * more write this hour and approves two drafts at once while the first write's transaction is held
 * open: the second re-check must see the first write and refuse, not count the cap as still free.
 */
let h: Harness;
afterEach(() => h?.close());

type Paused = { runId: string; pendingApprovals: { approvalId: string }[] };

describe.each(ENGINES)('a seller’s writes re-checked one at a time (%s)', (engine) => {
  it('two approvals racing for the last write of the hour: one write, one refusal', async () => {
    const rules = loadPolicyRules();
    rules.rateLimit.writesPerSellerPerHour = 1;
    const drafted = () => callTool('createListing', bikeDraft, 'c1', 'Draft ready.');
    h = await createHarness({
      engine,
      rules,
      model: new ScriptedModel([drafted(), drafted(), say('Done.'), say('Done.')]),
    });
    // The first write holds its transaction open for a while after writing, before its ledger row.
    let opened!: () => void;
    const holding = new Promise<void>((resolve) => (opened = resolve));
    let first = true;
    const once = h.store.executions.once.bind(h.store.executions);
    h.store.executions.once = (key, write) =>
      once(key, async () => {
        const result = await write();
        if (first) {
          first = false;
          opened();
          await new Promise((resolve) => setTimeout(resolve, 300));
        }
        return result;
      });
    const draft = async (): Promise<Paused> => {
      const { id } = (await (await h.call('POST', '/api/conversations')).json()) as { id: string };
      const res = await h.call('POST', `/api/conversations/${id}/messages`, { body: { text: 'Selling my bike' } });
      return (await res.json()) as Paused;
    };
    const approve = (paused: Paused) =>
      h.call('POST', `/api/runs/${paused.runId}/decisions`, {
        body: { approvalId: paused.pendingApprovals[0].approvalId, decision: 'approve' },
      });
    const [one, two] = [await draft(), await draft()];
    expect(one.pendingApprovals).toHaveLength(1);
    expect(two.pendingApprovals).toHaveLength(1);

    const firstDecision = approve(one);
    await holding;
    const answers = await Promise.all([firstDecision, approve(two)]);
    expect(answers.map((r) => r.status)).toEqual([200, 200]);
    const written = [...(await h.store.executions.forRun(one.runId)), ...(await h.store.executions.forRun(two.runId))];
    expect(written).toHaveLength(1);
    expect(written[0].runId).toBe(one.runId);
    const refused = (await h.store.decisions.forRun(two.runId)).filter((d) => d.phase === 'execution');
    expect(refused.map((d) => [d.decision, d.rule])).toContainEqual(['deny', 'write-rate-limit']);
  });
});
