import { afterEach, describe, expect, it } from 'vitest';
import { ScriptedModel } from '@openai/agents/testing';
import { createHarness, type Harness } from './support/harness.js';
import { LangfuseReceiver, type ServedPrompt } from './support/langfuseReceiver.js';
import { bikeDraft, callTool, say } from './support/scripts.js';
import { LangfusePrompts } from '../src/tracing/langfusePrompts.js';
import { managedPrompts, rolloutPrompts, selectPrompts } from '../src/agent/promptSelection.js';
import { loadPromptRollout, versionFor } from '../src/agent/promptRollout.js';
import { loadInstructions } from '../src/agent/instructions.js';

/*
 * Instructions from Langfuse prompt management (GET /api/public/v2/prompts/{name}
 * with basic auth), against the local receiver, which refuses any other
 * credentials: the label's version is used and recorded, the generations link
 * to it, a paused run resumes with its own version, the cache spares Langfuse,
 * and a Langfuse that fails or hangs leaves the local files in charge.
 */
const KEYS = { publicKey: 'pk-lf-prompts', secretKey: 'sk-lf-prompts' };
const NAME = 'listing-assistant';

let h: Harness | undefined;
let receiver: LangfuseReceiver | undefined;
afterEach(async () => {
  await h?.flushExports();
  await h?.close();
  await receiver?.close();
  h = receiver = undefined;
});

const text = (version: number) => `You are the listing assistant (managed version ${version}). Draft, then confirm.`;
const served = (version: number, labels: string[] = []): ServedPrompt => ({ version, labels, prompt: text(version) });

async function receiverWith(...versions: ServedPrompt[]): Promise<LangfuseReceiver> {
  const r = await LangfuseReceiver.start({ credentials: KEYS });
  r.prompts.set(NAME, versions);
  return r;
}

/** The selector as the service builds it, with a clock the test moves. */
function selector(r: LangfuseReceiver, clock: { now: number }, options: { timeoutMs?: number } = {}) {
  const logged: Array<Record<string, unknown>> = [];
  const langfuse = new LangfusePrompts({
    ...KEYS,
    baseUrl: r.url,
    name: NAME,
    label: 'production',
    ttlMs: 60_000,
    timeoutMs: options.timeoutMs ?? 2_000,
    log: (msg, fields) => logged.push({ msg, ...fields }),
    now: () => clock.now,
  });
  const local = rolloutPrompts(loadPromptRollout());
  return { prompts: managedPrompts(local, langfuse), logged };
}

/** The version the files give seller-1 when Langfuse gives nothing. */
const localForSeller = () => loadInstructions(versionFor(loadPromptRollout(), 'seller-1'));

describe('instructions from Langfuse prompt management', { timeout: 90_000 }, () => {
  it('uses and records the label version, links generations to it, and resumes with the same version', async () => {
    receiver = await receiverWith(served(2), served(3, ['production']));
    const model = new ScriptedModel([callTool('createListing', bikeDraft, 'c1', 'Draft ready.'), say('Posted.')]);
    // An in-memory store: the export runs on this thread (no export thread to start).
    h = await createHarness({
      model,
      dbPath: ':memory:',
      env: {
        LANGFUSE_PUBLIC_KEY: KEYS.publicKey,
        LANGFUSE_SECRET_KEY: KEYS.secretKey,
        LANGFUSE_BASE_URL: receiver.url,
        LANGFUSE_PROMPT_LABEL: 'production',
        PROMPT_VERSION: '',
      },
    });
    const { id } = await h.assistant.createConversation('seller-1');
    const paused = await h.assistant.sendMessage(id, 'seller-1', { text: 'Sell my Trek Marlin 7 for 420' });
    expect(paused.status).toBe('awaiting_approval');
    // The label moves on while the run waits for the seller: the run keeps the version it started with.
    receiver.prompts.set(NAME, [served(2), served(3), served(4, ['production'])]);
    const done = await h.assistant.decide(paused.runId, 'seller-1', {
      approvalId: paused.pendingApprovals[0].approvalId,
      decision: 'approve',
    });
    expect(done).toMatchObject({ status: 'completed', reply: 'Posted.' });

    expect(model.calls.map((c) => c.request.systemInstructions)).toEqual([text(3), text(3)]);
    expect((await h.store.runs.get(paused.runId))!.promptVersion).toBe(`${NAME}@3`);
    expect(receiver.unauthorized).toBe(0);
    expect(receiver.promptRequests()).toEqual([{ name: NAME, label: 'production', version: null }]);

    await h.exporter!.forceFlush();
    const generations = receiver
      .observations()
      .filter((s) => s.attributes['langfuse.observation.type'] === 'generation');
    expect(generations).toHaveLength(2);
    for (const g of generations) {
      expect(g.attributes['langfuse.observation.prompt.name']).toBe(NAME);
      expect(g.attributes['langfuse.observation.prompt.version']).toBe(3);
    }
    const root = receiver.observations().find((s) => !s.parentSpanId)!;
    expect(root.attributes['langfuse.trace.tags']).toContain(`prompt:${NAME}@3`);
  });

  it('falls back to the local files when Langfuse answers 500, refuses the keys or serves a chat prompt', async () => {
    const clock = { now: 0 };
    receiver = await receiverWith(served(3, ['production']));
    receiver.promptFault = 500;
    const { prompts, logged } = selector(receiver, clock);
    await prompts.warm();
    expect(prompts.forSeller('seller-1')).toEqual(localForSeller());
    expect(logged.at(-1)).toMatchObject({ msg: expect.stringMatching(/local instructions/), label: 'production' });

    // Wrong keys: refused with 401, files again.
    const wrongKeys = await LangfuseReceiver.start({ credentials: { ...KEYS, secretKey: 'other' } });
    wrongKeys.prompts.set(NAME, [served(3, ['production'])]);
    const refused = selector(wrongKeys, clock);
    await refused.prompts.warm();
    expect(refused.prompts.forSeller('seller-1')).toEqual(localForSeller());
    expect(wrongKeys.unauthorized).toBe(1);
    await wrongKeys.close();

    // A chat prompt (a list of messages) is not one instructions text.
    receiver.promptFault = undefined;
    receiver.prompts.set(NAME, [{ version: 5, labels: ['production'], type: 'chat', prompt: [{ role: 'system' }] }]);
    const chat = selector(receiver, clock);
    await chat.prompts.warm();
    expect(chat.prompts.forSeller('seller-1')).toEqual(localForSeller());
    expect(chat.logged.at(-1)).toMatchObject({ error: expect.stringMatching(/not a text prompt/) });
  });

  it('gives up on a Langfuse that does not answer within the timeout, and no run waits for it', async () => {
    receiver = await receiverWith(served(3, ['production']));
    receiver.promptFault = 'hang';
    const { prompts, logged } = selector(receiver, { now: 0 }, { timeoutMs: 300 });
    const started = performance.now();
    await prompts.warm();
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(prompts.forSeller('seller-1')).toEqual(localForSeller());
    expect(logged).toHaveLength(1);
  });

  it('serves from its cache within the TTL, refreshes in the background, keeps the last on failure', async () => {
    const clock = { now: 0 };
    receiver = await receiverWith(served(3, ['production']));
    const { prompts } = selector(receiver, clock);
    await prompts.warm();
    for (let i = 0; i < 50; i++) expect(prompts.forSeller(`seller-${i}`).version).toBe(`${NAME}@3`);
    expect(receiver.promptRequests()).toHaveLength(1);

    // A new version is labelled: within the TTL nothing is asked; past it, the next run still gets the
    // cached version at once and the refresh brings the new one for the runs after.
    receiver.prompts.set(NAME, [served(3), served(4, ['production'])]);
    clock.now = 59_000;
    expect(prompts.forSeller('seller-1').version).toBe(`${NAME}@3`);
    expect(receiver.promptRequests()).toHaveLength(1);
    clock.now = 61_000;
    expect(prompts.forSeller('seller-1').version).toBe(`${NAME}@3`);
    await prompts.warm(); // joins the refresh that run started
    expect(prompts.forSeller('seller-1')).toEqual({ version: `${NAME}@4`, text: text(4) });
    expect(receiver.promptRequests()).toHaveLength(2);

    // Langfuse fails: the last version fetched stays in use, asked again only once per TTL.
    receiver.promptFault = 500;
    clock.now = 130_000;
    prompts.forSeller('seller-1');
    await prompts.warm();
    expect(prompts.forSeller('seller-1').version).toBe(`${NAME}@4`);
    expect(receiver.promptRequests()).toHaveLength(3);

    // A resumed run's version: kept ones need no request; with Langfuse down, one never fetched
    // runs on the local files rather than failing.
    expect((await prompts.version(`${NAME}@3`)).text).toBe(text(3));
    expect(receiver.promptRequests()).toHaveLength(3);
    const missing = await prompts.version(`${NAME}@2`);
    expect(missing).toEqual({ version: `${NAME}@2`, text: loadInstructions(loadPromptRollout().default).text });
    expect(receiver.promptRequests().at(-1)).toEqual({ name: NAME, label: null, version: '2' });
  });

  it('is off unless configured, and a pinned Langfuse version (a replay) runs on the local default', async () => {
    receiver = await receiverWith(served(3, ['production']));
    const keys = {
      LANGFUSE_PUBLIC_KEY: KEYS.publicKey,
      LANGFUSE_SECRET_KEY: KEYS.secretKey,
      LANGFUSE_BASE_URL: receiver.url,
    };
    // Keys without a label, or a label with PROMPT_VERSION pinned: Langfuse is not asked.
    for (const options of [keys, { ...keys, LANGFUSE_PROMPT_LABEL: 'production', PROMPT_VERSION: 'v2' }]) {
      const prompts = selectPrompts(options);
      await prompts.warm();
      expect(prompts.forSeller('seller-1').version).toMatch(/^v\d+$/);
    }
    expect(receiver.promptRequests()).toHaveLength(0);

    const pinned = selectPrompts({ PROMPT_VERSION: `${NAME}@3` });
    expect(pinned.forSeller('seller-1')).toEqual({
      version: `${NAME}@3`,
      text: loadInstructions(loadPromptRollout().default).text,
    });
  });
});
