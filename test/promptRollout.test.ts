import { afterEach, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ScriptedModel } from '@openai/agents/testing';
import { bucketOf, loadPromptRollout, versionFor, type PromptRollout } from '../src/agent/promptRollout.js';
import { selectPrompts } from '../src/agent/promptSelection.js';
import { loadConfig } from '../src/config.js';
import { createService } from '../src/service.js';
import { runSuite } from '../src/evals/suite.js';
import { Store } from '../src/store/index.js';
import { createHarness, type Harness } from './support/harness.js';
import { bikeDraft, callTool, say } from './support/scripts.js';

const split = (...parts: Array<[string, number]>): PromptRollout => ({
  default: parts[0][0],
  split: parts.map(([version, percent]) => ({ version, percent })),
});
const sellers = Array.from({ length: 10_000 }, (_, i) => `seller-${i + 1}`);

/** The first synthetic seller id whose version under `rollout` is `version`. */
const sellerOn = (rollout: PromptRollout, version: string, from = 0) =>
  sellers.slice(from).find((id) => versionFor(rollout, id) === version)!;

let dir: string | undefined;
let harnesses: Harness[] = [];
afterEach(async () => {
  for (const h of harnesses) await h.close();
  harnesses = [];
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = undefined;
});

function rolloutFile(content: unknown): string {
  dir ??= mkdtempSync(join(tmpdir(), 'rollout-'));
  const path = join(dir, `rollout-${Math.random().toString(36).slice(2)}.json`);
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
  return path;
}

describe('prompt assignment', () => {
  it('is stable: the same seller id always gets the same bucket and version, in any process', () => {
    const half = split(['v1', 50], ['v2', 50]);
    for (const id of sellers.slice(0, 200)) {
      expect(bucketOf(id)).toBe(bucketOf(id));
      expect(versionFor(half, id)).toBe(versionFor(structuredClone(half), id));
    }
    // Pinned values: a change of hash would silently move sellers between versions after a deploy.
    expect([bucketOf('seller-1'), bucketOf('seller-2'), bucketOf('seller-4')]).toEqual([92, 94, 11]);
    expect(versionFor(half, 'seller-4')).toBe('v1');
    expect(versionFor(half, 'seller-1')).toBe('v2');
  });

  it.each([
    [
      [
        ['v1', 50],
        ['v2', 50],
      ],
    ],
    [
      [
        ['v1', 90],
        ['v2', 10],
      ],
    ],
    [
      [
        ['v1', 20],
        ['v2', 30],
        ['v3', 50],
      ],
    ],
  ] as Array<[Array<[string, number]>]>)(
    'gives each version its share of 10,000 sellers within ±3 points (%j)',
    (parts) => {
      const rollout = split(...parts);
      const counts = new Map<string, number>();
      for (const id of sellers) counts.set(versionFor(rollout, id), (counts.get(versionFor(rollout, id)) ?? 0) + 1);
      for (const [version, percent] of parts) {
        expect(Math.abs(((counts.get(version) ?? 0) / sellers.length) * 100 - percent), version).toBeLessThanOrEqual(3);
      }
    },
  );

  it('sends everyone to one version on a 0/100 split', () => {
    const allV2 = split(['v1', 0], ['v2', 100]);
    expect(new Set(sellers.map((id) => versionFor(allV2, id)))).toEqual(new Set(['v2']));
  });

  it('keeps sellers already on the new version there as the rollout widens', () => {
    const narrow = split(['v1', 90], ['v2', 10]);
    const wide = split(['v1', 50], ['v2', 50]);
    const onV2 = sellers.filter((id) => versionFor(narrow, id) === 'v2');
    expect(onV2.length).toBeGreaterThan(0);
    expect(onV2.every((id) => versionFor(wide, id) === 'v2')).toBe(true);
  });
});

describe('rollout configuration', () => {
  it("ships a valid 50/50 split of v1 and v3 (v2 that knows the seller's screen)", () => {
    expect(loadPromptRollout()).toEqual({
      default: 'v1',
      split: [
        { version: 'v1', percent: 50 },
        { version: 'v3', percent: 50 },
      ],
    });
    expect(selectPrompts({}).forSeller('seller-1').text).toMatch(/ask which one/);
    expect(selectPrompts({}).forSeller('seller-1').text).toMatch(/do not repeat those fields/);
  });

  it('fails at start with a clear error when the percents do not add up to 100', async () => {
    const path = rolloutFile(split(['v1', 50], ['v2', 40]));
    expect(() => loadPromptRollout(path)).toThrow(/percents must add up to 100 \(they add up to 90\)/);
    const config = loadConfig({ DATABASE_PATH: join(dir!, 'x.db'), SEED_COUNT: '0', PROMPT_ROLLOUT_PATH: path });
    await expect(createService(config)).rejects.toThrow(/Invalid prompt rollout .*add up to 100/s);
  });

  it('fails at start when the split names a version without an instructions file', async () => {
    const path = rolloutFile(split(['v1', 50], ['v9', 50]));
    expect(() => selectPrompts({ PROMPT_ROLLOUT_PATH: path })).toThrow(/Unknown prompt version "v9"/);
    const config = loadConfig({ DATABASE_PATH: join(dir!, 'y.db'), SEED_COUNT: '0', PROMPT_ROLLOUT_PATH: path });
    await expect(createService(config)).rejects.toThrow(/Unknown prompt version "v9"/);
  });

  it('fails on a missing file, malformed JSON, a repeated version or a negative percent', () => {
    expect(() => loadPromptRollout(join(tmpdir(), 'no-such-rollout.json'))).toThrow(/Cannot read the prompt rollout/);
    expect(() => loadPromptRollout(rolloutFile('{"default":'))).toThrow(/Cannot read the prompt rollout/);
    expect(() => loadPromptRollout(rolloutFile(split(['v1', 50], ['v1', 50])))).toThrow(/"v1" appears more than once/);
    expect(() => loadPromptRollout(rolloutFile(split(['v1', 110], ['v2', -10])))).toThrow(/Invalid prompt rollout/);
  });

  it('lets PROMPT_VERSION force one version for everyone, without reading the rollout', () => {
    const broken = rolloutFile('not json');
    const forced = selectPrompts({ PROMPT_VERSION: 'v2', PROMPT_ROLLOUT_PATH: broken });
    expect(new Set(sellers.slice(0, 100).map((id) => forced.forSeller(id).version))).toEqual(new Set(['v2']));
    expect(() => selectPrompts({ PROMPT_VERSION: 'v9' })).toThrow(/Unknown prompt version "v9"/);
  });
});

describe('runs use the seller’s version', () => {
  const half = split(['v1', 50], ['v3', 50]);
  const onV1 = sellerOn(half, 'v1');
  const onV3 = sellerOn(half, 'v3');

  it('two sellers in different buckets get runs with different promptVersion, and the model gets that version’s instructions', async () => {
    const model = new ScriptedModel([say('Hi one.'), say('Hi two.')]);
    const tokens = `tok-v1-seller-0123456789:${onV1}:seller,tok-v3-seller-0123456789:${onV3}:seller,tok-support-0123456789:support-1:support`;
    const h = await createHarness({ model, env: { PROMPT_VERSION: '', AUTH_TOKENS: tokens } });
    harnesses.push(h);
    const runFor = async (token: string) => {
      const conversation = await (await h.call('POST', '/api/conversations', { token })).json();
      const run = await (
        await h.call('POST', `/api/conversations/${conversation.id}/messages`, { token, body: { text: 'hello' } })
      ).json();
      return (await h.call('GET', `/api/traces/${run.traceId}`, { token: 'tok-support-0123456789' })).json();
    };
    const first = await runFor('tok-v1-seller-0123456789');
    const second = await runFor('tok-v3-seller-0123456789');
    expect([first.sellerId, first.promptVersion]).toEqual([onV1, 'v1']);
    expect([second.sellerId, second.promptVersion]).toEqual([onV3, 'v3']);
    const [v1, v3] = model.calls.map((c) => c.request.systemInstructions);
    expect(v1).toBe(selectPrompts({ PROMPT_VERSION: 'v1' }).forSeller(onV1).text);
    expect(v3).toBe(selectPrompts({ PROMPT_VERSION: 'v3' }).forSeller(onV3).text);
    expect(v1).not.toBe(v3);
  });

  it('a paused run resumes with the version it started with, even after a restart that forces another', async () => {
    const first = await createHarness({
      model: new ScriptedModel([callTool('createListing', bikeDraft, 'c1', 'Draft ready.')]),
      env: { PROMPT_VERSION: '' },
    });
    harnesses.push(first);
    const { id } = await first.assistant.createConversation(onV3);
    const paused = await first.assistant.sendMessage(id, onV3, { text: 'sell my bike' });
    expect(paused.status).toBe('awaiting_approval');
    await first.store.close();

    // The same database, restarted with everyone forced to v1.
    const model = new ScriptedModel([say('Posted.')]);
    const restarted = await createHarness({ model, dbPath: first.dbPath, env: { PROMPT_VERSION: 'v1' } });
    harnesses.push(restarted);
    const done = await restarted.assistant.decide(paused.runId, onV3, {
      approvalId: paused.pendingApprovals[0].approvalId,
      decision: 'approve',
    });
    expect(done.status).toBe('completed');
    expect((await restarted.store.runs.get(paused.runId))!.promptVersion).toBe('v3');
    expect(model.calls[0].request.systemInstructions).toBe(
      selectPrompts({ PROMPT_VERSION: 'v3' }).forSeller(onV3).text,
    );
    expect(restarted.assistant['options'].prompts.forSeller(onV3).version).toBe('v1');
  });
});

describe('evals by prompt version', () => {
  /** The prompt versions recorded on every run of every kept trial database. */
  const recordedVersions = async (report: Awaited<ReturnType<typeof runSuite>>) => {
    const versions = new Set<string>();
    for (const t of report.trials ?? []) {
      const store = Store.open(t.keptDb!);
      try {
        for (const r of t.runs) versions.add((await store.runs.get(r.runId))!.promptVersion);
      } finally {
        await store.close();
      }
    }
    return versions;
  };

  // Two eval runs in-process (about 13 s on an idle machine): generous, as a loaded machine takes twice that.
  it(
    '`--prompt v2` runs every trial on v2, and without it the rollout default, never a mix by seller',
    {
      timeout: 60_000,
    },
    async () => {
      dir ??= mkdtempSync(join(tmpdir(), 'rollout-'));
      const env = { ...process.env, PROMPT_VERSION: undefined, LOG_LEVEL: 'silent' };
      const common = { filter: 'drafting', env, concurrency: 2, keepAll: true };
      const v2 = await runSuite({ ...common, promptVersion: 'v2', keepFailedIn: join(dir, 'v2') });
      expect(v2.promptVersion).toBe('v2');
      expect(await recordedVersions(v2)).toEqual(new Set(['v2']));
      const byDefault = await runSuite({ ...common, keepFailedIn: join(dir, 'default') });
      expect(byDefault.promptVersion).toBe(loadPromptRollout().default);
      expect(await recordedVersions(byDefault)).toEqual(new Set([loadPromptRollout().default]));
      await expect(runSuite({ ...common, promptVersion: 'v9' })).rejects.toThrow(/Unknown prompt version "v9"/);
    },
  );
});
