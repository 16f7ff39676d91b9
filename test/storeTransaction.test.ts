import { afterEach, describe, expect, it } from 'vitest';
import { createRun, tempStore } from './support/tempStore.js';

// Transactions on the asynchronous store: an `await` inside one must not let another caller's
// statements run inside it (one SQLite connection runs every statement of the process).
const tick = () => new Promise((resolve) => setTimeout(resolve, 5));

let t: ReturnType<typeof tempStore>;
afterEach(() => t?.dispose());

const listing = (sellerId: string, title: string) => ({
  sellerId,
  title,
  description: 'A fine item.',
  category: 'Other' as const,
  price: 10,
  condition: 'good' as const,
});

describe('store transactions', () => {
  it('keeps two interleaved transactions apart: one rolls back, the other keeps every row', async () => {
    t = tempStore();
    const failing = t.store.transaction(async (tx) => {
      await tx.listings.insert(listing('seller-a', 'a1'));
      await tick();
      await tx.listings.insert(listing('seller-a', 'a2'));
      await tick();
      throw new Error('a changed its mind');
    });
    const passing = t.store.transaction(async (tx) => {
      await tx.listings.insert(listing('seller-b', 'b1'));
      await tick();
      await tx.listings.insert(listing('seller-b', 'b2'));
    });
    // A statement from outside both, issued while the first one waits.
    await tick();
    const outside = t.store.listings.insert(listing('seller-c', 'c1'));
    await expect(failing).rejects.toThrow('a changed its mind');
    await passing;
    await outside;
    const titles = async (sellerId: string) => (await t.store.listings.list({ sellerId })).map((l) => l.title).sort();
    expect(await titles('seller-a')).toEqual([]);
    expect(await titles('seller-b')).toEqual(['b1', 'b2']);
    expect(await titles('seller-c')).toEqual(['c1']);
  });

  it('lets work inside a transaction call the store itself, and joins nested transactions', async () => {
    t = tempStore();
    await expect(
      t.store.transaction(async () => {
        await t.store.listings.insert(listing('seller-a', 'outer'));
        await t.store.transaction(async (tx) => {
          await tick();
          await tx.listings.insert(listing('seller-a', 'inner'));
        });
        throw new Error('roll back both');
      }),
    ).rejects.toThrow('roll back both');
    expect(await t.store.listings.count()).toBe(0);
  });

  it('commits a write and its ledger row together, or neither, and replays a recorded call', async () => {
    t = tempStore();
    await createRun(t.store, 'run_x');
    const key = {
      runId: 'run_x',
      callId: 'c1',
      sellerId: 'seller-1',
      tool: 'createListing',
      arguments: {},
      approvalId: null,
    };
    await expect(
      t.store.executions.once(key, async () => {
        const posted = await t.store.listings.insert(listing('seller-1', 'lamp'));
        await tick();
        throw new Error(`crashed after writing ${posted.id}`);
      }),
    ).rejects.toThrow('crashed after writing');
    expect(await t.store.listings.count()).toBe(0);
    expect(await t.store.executions.get('run_x', 'c1')).toBeUndefined();

    const first = await t.store.executions.once(
      key,
      async () => (await t.store.listings.insert(listing('seller-1', 'lamp'))).id,
    );
    const again = await t.store.executions.once(key, () => Promise.reject(new Error('must not run twice')));
    expect(again).toEqual({ result: first.result, replayed: true });
    expect(await t.store.listings.count()).toBe(1);
  });
});
