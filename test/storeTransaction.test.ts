import { afterEach, describe, expect, it } from 'vitest';
import { createRun } from './support/tempStore.js';
import { ENGINES, engineStore, type EngineStore } from './support/engines.js';

// Transactions on the asynchronous store: an `await` inside one must not let another caller's
// statements run inside it (one SQLite connection runs every statement of the process; a
// PostgreSQL transaction holds one pooled client for its whole length).
const tick = () => new Promise((resolve) => setTimeout(resolve, 5));

let t: EngineStore | undefined;
afterEach(async () => {
  await t?.dispose();
  t = undefined;
});

const listing = (sellerId: string, title: string) => ({
  sellerId,
  title,
  description: 'A fine item.',
  category: 'Other' as const,
  price: 10,
  condition: 'good' as const,
});

describe.each(ENGINES)('store transactions on %s', (engine) => {
  it('keeps two interleaved transactions apart: one rolls back, the other keeps every row', async () => {
    t = await engineStore(engine);
    const { store } = t;
    const failing = store.transaction(async (tx) => {
      await tx.listings.insert(listing('seller-a', 'a1'));
      await tick();
      await tx.listings.insert(listing('seller-a', 'a2'));
      await tick();
      throw new Error('a changed its mind');
    });
    const passing = store.transaction(async (tx) => {
      await tx.listings.insert(listing('seller-b', 'b1'));
      await tick();
      await tx.listings.insert(listing('seller-b', 'b2'));
    });
    // A statement from outside both, issued while the first one waits.
    await tick();
    const outside = store.listings.insert(listing('seller-c', 'c1'));
    await expect(failing).rejects.toThrow('a changed its mind');
    await passing;
    await outside;
    const titles = async (sellerId: string) => (await store.listings.list({ sellerId })).map((l) => l.title).sort();
    expect(await titles('seller-a')).toEqual([]);
    expect(await titles('seller-b')).toEqual(['b1', 'b2']);
    expect(await titles('seller-c')).toEqual(['c1']);
  });

  it('lets work inside a transaction call the store itself, and joins nested transactions', async () => {
    t = await engineStore(engine);
    const { store } = t;
    await expect(
      store.transaction(async () => {
        await store.listings.insert(listing('seller-a', 'outer'));
        await store.transaction(async (tx) => {
          await tick();
          await tx.listings.insert(listing('seller-a', 'inner'));
        });
        await store.read(async (tx) => expect(await tx.listings.count()).toBe(2));
        throw new Error('roll back both');
      }),
    ).rejects.toThrow('roll back both');
    expect(await store.listings.count()).toBe(0);
  });

  it("keeps a store's transaction its own while another store's transaction runs inside it", async () => {
    t = await engineStore(engine);
    const outer = t.store;
    const other = await engineStore(engine);
    try {
      await expect(
        outer.transaction(async () => {
          await other.store.transaction(async (tx) => {
            await tx.listings.insert(listing('seller-b', 'other'));
            await tick();
            // Still inside the outer transaction: this joins it instead of waiting for it to end.
            await outer.listings.insert(listing('seller-a', 'outer'));
          });
          throw new Error('roll back the outer one');
        }),
      ).rejects.toThrow('roll back the outer one');
      expect(await outer.listings.count()).toBe(0);
      expect(await other.store.listings.count()).toBe(1);
    } finally {
      await other.dispose();
    }
  });

  it('commits a write and its ledger row together, or neither, and replays a recorded call', async () => {
    t = await engineStore(engine);
    const { store } = t;
    await createRun(store, 'run_x');
    const key = {
      runId: 'run_x',
      callId: 'c1',
      sellerId: 'seller-1',
      tool: 'createListing',
      arguments: {},
      approvalId: null,
    };
    await expect(
      store.executions.once(key, async () => {
        const posted = await store.listings.insert(listing('seller-1', 'lamp'));
        await tick();
        throw new Error(`crashed after writing ${posted.id}`);
      }),
    ).rejects.toThrow('crashed after writing');
    expect(await store.listings.count()).toBe(0);
    expect(await store.executions.get('run_x', 'c1')).toBeUndefined();

    const first = await store.executions.once(
      key,
      async () => (await store.listings.insert(listing('seller-1', 'lamp'))).id,
    );
    const again = await store.executions.once(key, () => Promise.reject(new Error('must not run twice')));
    expect(again).toEqual({ result: first.result, replayed: true });
    expect(await store.listings.count()).toBe(1);
  });

  it('reads one snapshot: a write committed meanwhile is not seen inside read', async () => {
    t = await engineStore(engine);
    const { store } = t;
    const other = await t.open();
    await store.listings.insert(listing('seller-a', 'first'));
    let release!: () => void;
    const wait = new Promise<void>((resolve) => (release = resolve));
    const reading = store.read(async (tx) => {
      const before = await tx.listings.count();
      await wait;
      return [before, await tx.listings.count()];
    });
    await tick();
    // On SQLite the other connection's write waits for no one (WAL); on PostgreSQL it commits at once.
    await other.listings.insert(listing('seller-a', 'second'));
    release();
    expect(await reading).toEqual([1, 1]);
    expect(await store.listings.count()).toBe(2);
  });
});
