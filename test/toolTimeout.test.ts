import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { Agent, Runner } from '@openai/agents';
import { assistantMessage, functionCall, ScriptedModel } from '@openai/agents/testing';
import { gatedTool } from '../src/tools/gatedTool.js';
import { defineTool } from '../src/tools/toolSpec.js';
import { CallVetting } from '../src/tools/callVetting.js';
import { TOOL_SPECS } from '../src/tools/index.js';
import type { AssistantContext } from '../src/tools/toolContext.js';
import { loadPolicyRules, PolicyGate } from '../src/policy/index.js';
import { createRun, tempStore } from './support/tempStore.js';

// A tool call past its time limit: the model hears that it took too long, and the run goes on.
let t: ReturnType<typeof tempStore> | undefined;
afterEach(async () => {
  await t?.dispose();
  t = undefined;
});

const LIMIT_MS = 300;

/** A read whose answer takes `delayMs` (a slow catalogue, a stalled disk). */
const lookup = (delayMs: number) =>
  defineTool({
    name: 'lookUpStock',
    effect: 'read',
    description: 'Looks up stock.',
    parameters: z.object({ item: z.string() }),
    progress: 'Looking up stock…',
    run: async ({ item }) => {
      await new Promise((resolve) => setTimeout(resolve, delayMs));
      return { ok: true, matches: [], stats: null, note: `stock of ${item}` };
    },
  });

async function callOnce(delayMs: number): Promise<{ output: string; ms: number }> {
  t = tempStore();
  const { store } = t;
  await createRun(store, 'run-1');
  const spec = lookup(delayMs);
  const policy = new PolicyGate(loadPolicyRules(), store, [...TOOL_SPECS, spec]);
  const vetting = new CallVetting(policy, () => spec.parameters);
  const model = new ScriptedModel([
    [functionCall(spec.name, { item: 'bike' }, { callId: 'call-1' })],
    [assistantMessage('Done.')],
  ]);
  const agent = new Agent<AssistantContext>({
    name: 'timing',
    instructions: 'x',
    model,
    tools: [gatedTool({ store, policy, vetting, toolTimeoutMs: LIMIT_MS }, spec)],
  });
  const context: AssistantContext = { runId: 'run-1', conversationId: 'conv', sellerId: 'seller-1' };
  const started = performance.now();
  const result = await new Runner({ tracingDisabled: true }).run(agent, 'stock?', { context });
  const ms = performance.now() - started;
  const outputs = result.newItems.filter((item) => item.type === 'tool_call_output_item');
  expect(outputs).toHaveLength(1);
  expect(result.finalOutput).toBe('Done.');
  return { output: String((outputs[0].rawItem as { output: { text: string } }).output.text), ms };
}

describe('tool time limit', { timeout: 30_000 }, () => {
  it('answers the model that a call past its limit took too long, without waiting for it', async () => {
    const { output, ms } = await callOnce(10_000);
    expect(JSON.parse(output)).toEqual({
      ok: false,
      error: 'failed',
      message: 'lookUpStock took too long and was stopped. Try again or tell the seller.',
    });
    expect(ms).toBeGreaterThanOrEqual(LIMIT_MS - 5);
    expect(ms).toBeLessThan(5_000);
  });

  it('lets a call within its limit answer', async () => {
    const { output } = await callOnce(1);
    expect(JSON.parse(output)).toMatchObject({ ok: true, note: 'stock of bike' });
  });
});
