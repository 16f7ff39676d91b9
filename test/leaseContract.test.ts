import { afterEach, describe, expect, it } from 'vitest';
import { ENGINES, engineStore, type EngineStore } from './support/engines.js';

// Leases, rate counters and claim rows: what several instances share, on both engines, with two
// stores on one database standing for two instances.
let e: EngineStore | undefined;
afterEach(async () => {
  await e?.dispose();
  e = undefined;
});

const at = (ms: number) => new Date(Date.UTC(2026, 0, 1) + ms);

describe.each(ENGINES)('shared state on %s', (engine) => {
  it('a lease is a compare-and-set: free, expired, renewed by its owner, or taken over from a dead one', async () => {
    e = await engineStore(engine);
    const other = await e.open();
    const [a, b] = [e.store.leases, other.leases];
    const results = await Promise.all([
      a.acquire('run:1', 'inst-a', at(30_000), at(0)),
      b.acquire('run:1', 'inst-b', at(30_000), at(0)),
    ]);
    expect(results.filter(Boolean)).toHaveLength(1);
    const holder = results[0] ? 'inst-a' : 'inst-b';
    const loser = holder === 'inst-a' ? 'inst-b' : 'inst-a';
    expect(await b.get('run:1')).toEqual({ key: 'run:1', owner: holder, expiresAt: at(30_000) });
    expect(await a.acquire('run:1', loser, at(40_000), at(10_000))).toBe(false); // alive: not taken
    expect(await a.acquire('run:1', holder, at(40_000), at(10_000))).toBe(true); // renewal
    expect(await b.acquire('run:1', loser, at(60_000), at(40_000))).toBe(true); // expired: taken
    expect(await a.acquire('run:1', 'inst-c', at(70_000), at(41_000), loser)).toBe(true); // take-over
    expect(await a.renew('inst-c', at(90_000))).toEqual(['run:1']);
    await b.release('run:1', 'inst-a'); // not the holder: stays
    expect((await a.get('run:1'))?.owner).toBe('inst-c');
    await b.release('run:1', 'inst-c');
    expect(await a.get('run:1')).toBeUndefined();
  });

  it('several leases are taken and released in one statement, each judged on its own', async () => {
    e = await engineStore(engine);
    const other = await e.open();
    const [a, b] = [e.store.leases, other.leases];
    expect(await b.acquire('conversation:1', 'inst-b', at(30_000), at(0))).toBe(true);
    expect(await b.acquire('run:old', 'inst-b', at(5_000), at(0))).toBe(true);
    const asked = ['conversation:1', 'run:2', 'run:old'].map((key) => ({ key, token: `t-${key}` }));
    // conversation:1 is alive and b's; run:2 is free; run:old has expired at 10 s.
    expect((await a.acquireMany(asked, 'inst-a', at(40_000), at(10_000))).sort()).toEqual(['run:2', 'run:old']);
    expect((await a.get('conversation:1'))?.owner).toBe('inst-b');
    expect(await b.holds('run:2', 'inst-a', 't-run:2')).toBe(true);
    expect(await b.holds('run:old', 'inst-b', '')).toBe(false);
    // Renewed by their owner in the same way; a concurrent pair on one key: exactly one holder.
    expect(await a.acquireMany([{ key: 'run:2', token: 'again' }], 'inst-a', at(50_000), at(20_000))).toEqual([
      'run:2',
    ]);
    const raced = await Promise.all([
      a.acquireMany([{ key: 'run:3', token: 'x' }], 'inst-a', at(50_000), at(20_000)),
      b.acquireMany([{ key: 'run:3', token: 'y' }], 'inst-b', at(50_000), at(20_000)),
    ]);
    expect(raced.flat()).toEqual(['run:3']);
    await b.releaseMany(['run:2', 'run:old', 'conversation:1'], 'inst-b'); // only conversation:1 is b's
    expect(await a.get('conversation:1')).toBeUndefined();
    expect((await a.get('run:2'))?.owner).toBe('inst-a');
    // A fenced release answers whether the fence's lease went with its token: any other answer is a loss.
    expect(await a.releaseFenced(['run:2', 'run:old'], 'inst-a', { key: 'run:2', token: 'again' })).toBe(true);
    expect(await b.get('run:2')).toBeUndefined();
    expect(await b.get('run:old')).toBeUndefined();
    await a.acquireMany([{ key: 'run:4', token: 'new' }], 'inst-a', at(50_000), at(20_000));
    expect(await a.releaseFenced(['run:4'], 'inst-a', { key: 'run:4', token: 'older' })).toBe(false);
    const [winner, loser] = raced[0].length ? [a, b] : [b, a];
    const [won, lost] = raced[0].length ? ['inst-a', 'inst-b'] : ['inst-b', 'inst-a'];
    expect(await loser.releaseFenced(['run:3'], lost, { key: 'run:3', token: lost === 'inst-a' ? 'x' : 'y' })).toBe(
      false,
    );
    expect(await winner.releaseFenced(['run:3'], won, { key: 'run:3', token: won === 'inst-a' ? 'x' : 'y' })).toBe(
      true,
    );
  });

  it('a rate budget is shared by every store on the database and slides', async () => {
    e = await engineStore(engine);
    const other = await e.open();
    const takes = await Promise.all(
      Array.from({ length: 8 }, (_, i) => (i % 2 ? other : e!.store).rateCounters.take('all:u1', 5, 60_000, at(1_000))),
    );
    expect(takes.filter((t) => t.allowed)).toHaveLength(5);
    const refused = takes.find((t) => !t.allowed)!;
    expect(refused.retryAfterMs).toBeGreaterThan(0);
    // peek answers like take without counting: u3 stays at its budget however often it is asked.
    for (let i = 0; i < 3; i++)
      expect((await other.rateCounters.peek('all:u3', 1, 60_000, at(1_000))).allowed).toBe(true);
    expect((await e.store.rateCounters.peek('all:u1', 5, 60_000, at(1_000))).allowed).toBe(false);
    expect((await e.store.rateCounters.take('all:u2', 5, 60_000, at(1_000))).allowed).toBe(true); // per key
    expect((await other.rateCounters.take('all:u1', 5, 60_000, at(1_000 + refused.retryAfterMs))).allowed).toBe(true);
  });

  it('a claim row is set once: of two stores only one sets it', async () => {
    e = await engineStore(engine);
    const other = await e.open();
    const claims = await Promise.all([
      e.store.meta.setIfAbsent('catalogue-seeding', { by: 'a' }),
      other.meta.setIfAbsent('catalogue-seeding', { by: 'b' }),
    ]);
    expect(claims.filter(Boolean)).toHaveLength(1);
    expect(await e.store.meta.get('catalogue-seeding')).toEqual({ by: claims[0] ? 'a' : 'b' });
  });
});
