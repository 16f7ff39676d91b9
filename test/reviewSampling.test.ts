import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { newId } from '../src/store/ids.js';
import { ScriptedModel } from '@openai/agents/testing';
import { isSampled, samplePoint } from '../src/feedback/reviewSampling.js';
import { createHarness } from './support/harness.js';
import { say } from './support/scripts.js';

/** 5,000 ids shaped like run ids, the same every time (no randomness in the test itself). */
const ids = Array.from({ length: 5000 }, (_, i) => `run_${i.toString(36).padStart(16, '0')}`);

describe('review sampling', () => {
  it.each([0.05, 0.2, 0.5])('picks about %s of runs (±2 points over 5,000 ids)', (share) => {
    const picked = ids.filter((id) => isSampled(id, share)).length / ids.length;
    expect(Math.abs(picked - share)).toBeLessThanOrEqual(0.02);
  });

  it('also holds for random run ids', () => {
    const random = Array.from({ length: 5000 }, () => newId('run'));
    const picked = random.filter((id) => isSampled(id, 0.05)).length / random.length;
    expect(Math.abs(picked - 0.05)).toBeLessThanOrEqual(0.02);
  });

  it('is deterministic: a run id always lands on the same point, so tests and processes agree', () => {
    // Worked out here from SHA-256 alone (hex digits, not the module's buffer read): nothing process-local such as a
    // salt or a seed feeds in.
    const expected = ids.map(
      (id) => parseInt(createHash('sha256').update(id, 'utf8').digest('hex').slice(0, 8), 16) / 2 ** 32,
    );
    expect(ids.map(samplePoint)).toEqual(expected);
    // Pinned: the first 32 bits of SHA-256("run_fixed") / 2^32. Changing the hash would re-sample every run.
    expect(samplePoint('run_fixed')).toBeCloseTo(0.19865056197158992, 12);
    expect(isSampled('run_fixed', 0.19)).toBe(false);
    expect(isSampled('run_fixed', 0.2)).toBe(true);
    expect(isSampled('run_fixed', 0)).toBe(false);
    expect(isSampled('run_fixed', 1)).toBe(true);
  });

  it('is nested: a run sampled at a small share is also sampled at any larger one', () => {
    for (const id of ids.filter((i) => isSampled(i, 0.05))) expect(isSampled(id, 0.2)).toBe(true);
  });
});

describe('review sampling in the service', () => {
  it('queues completed runs at REVIEW_SAMPLE_RATE, and none at 0', async () => {
    for (const [rate, expected] of [
      ['1', 'sampled'],
      ['0', undefined],
    ] as const) {
      const h = await createHarness({
        model: new ScriptedModel([say('Hello! What would you like to sell?')]),
        env: { REVIEW_SAMPLE_RATE: rate },
      });
      try {
        const { id } = await h.assistant.createConversation('seller-1');
        const result = await h.assistant.sendMessage(id, 'seller-1', { text: 'hi' });
        expect(result.status).toBe('completed');
        expect((await h.store.reviews.forRun(result.runId))?.reason).toBe(expected);
      } finally {
        await h.close();
      }
    }
  });
});
