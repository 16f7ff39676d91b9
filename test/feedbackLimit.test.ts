import { afterAll, describe, expect, it } from 'vitest';
import { ScriptedModel } from '@openai/agents/testing';
import { createHarness, type Harness } from './support/harness.js';
import { say } from './support/scripts.js';
import { MAX_FEEDBACK_PER_RUN } from '../src/api/routes/runs.js';

let h: Harness | undefined;
afterAll(() => h?.close());

describe('feedback on a run is bounded', () => {
  it(`keeps ${MAX_FEEDBACK_PER_RUN} ratings per run, then answers 409 and stores nothing more`, async () => {
    h = await createHarness({ model: new ScriptedModel([say('Hello.')]) });
    const conv = (await (await h.call('POST', '/api/conversations')).json()).id;
    const { runId } = await (
      await h.call('POST', `/api/conversations/${conv}/messages`, { body: { text: 'hi' } })
    ).json();
    const rate = (i: number) =>
      h!.call('POST', `/api/runs/${runId}/feedback`, { body: { value: i % 2 ? 1 : -1, comment: `change ${i}` } });
    const statuses: number[] = [];
    for (let i = 0; i < MAX_FEEDBACK_PER_RUN; i++) statuses.push((await rate(i)).status);
    expect(statuses).toEqual(Array(MAX_FEEDBACK_PER_RUN).fill(201));
    const past = await rate(MAX_FEEDBACK_PER_RUN);
    expect(past.status).toBe(409);
    expect((await past.json()).error).toMatchObject({
      code: 'feedback_limit',
      message: expect.stringMatching(/ratings/),
    });
    const kept = await h.store.feedback.forRun(runId);
    expect(kept).toHaveLength(MAX_FEEDBACK_PER_RUN);
    expect(kept.map((f) => f.comment)).not.toContain(`change ${MAX_FEEDBACK_PER_RUN}`);
  });
});
