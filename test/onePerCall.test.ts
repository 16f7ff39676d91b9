import { afterEach, describe, expect, it } from 'vitest';
import { createRun } from './support/tempStore.js';
import { ENGINES, engineStore, type EngineStore } from './support/engines.js';

// An approval and a refusal are one row per tool call: asked again (a replayed segment, or two
// instances at once), the store answers the row that is there, never a second one.
let e: EngineStore | undefined;
afterEach(async () => {
  await e?.dispose();
  e = undefined;
});

describe.each(ENGINES)('one row per call on %s', (engine) => {
  it('approvals.request and refusals.record answer the first row, however often and from wherever', async () => {
    e = await engineStore(engine);
    const other = await e.open();
    await createRun(e.store, 'run_a');
    const approval = (id: string, summary: string) => ({
      id,
      runId: 'run_a',
      callId: 'c1',
      sellerId: 'seller-1',
      tool: 'updatePrice',
      arguments: { price: 10 },
      summary,
      expiresAt: '2099-01-01T00:00:00.000Z',
    });
    const first = await e.store.approvals.request(approval('apr_1', 'first'));
    expect(first).toMatchObject({ id: 'apr_1', summary: 'first', status: 'pending', arguments: { price: 10 } });
    expect(await other.approvals.request(approval('apr_2', 'second'))).toEqual(first);
    const raced = await Promise.all([
      e.store.approvals.request({ ...approval('apr_3', 'a'), callId: 'c2' }),
      other.approvals.request({ ...approval('apr_4', 'b'), callId: 'c2' }),
    ]);
    expect(raced[0]).toEqual(raced[1]);
    expect(await e.store.approvals.forRun('run_a')).toHaveLength(2);

    const refusal = { runId: 'run_a', callId: 'c3', tool: 't', arguments: { x: 1 }, rule: 'r', reason: 'first' };
    const refused = await e.store.refusals.record(refusal);
    expect(refused).toMatchObject(refusal);
    expect(await other.refusals.record({ ...refusal, reason: 'second' })).toEqual(refused);
    const racedRefusals = await Promise.all([
      e.store.refusals.record({ ...refusal, callId: 'c4', reason: 'a' }),
      other.refusals.record({ ...refusal, callId: 'c4', reason: 'b' }),
    ]);
    expect(racedRefusals[0]).toEqual(racedRefusals[1]);
    expect(await e.store.refusals.forRun('run_a')).toHaveLength(2);
  });
});
