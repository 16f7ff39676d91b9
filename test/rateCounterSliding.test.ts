import { afterEach, describe, expect, it } from 'vitest';
import { slidingWait, type RateTake } from '../src/store/rateCounterRepository.js';
import pg from 'pg';
import { openStore, type Store } from '../src/store/index.js';
import { ENGINES, engineStore, type EngineStore } from './support/engines.js';
import { freshDatabase } from './support/postgres.js';

// The sliding estimate as each engine applies it: PostgreSQL judges a take inside one SQL statement,
// SQLite with slidingWait in the process; both must allow exactly the requests slidingWait allows.
let e: EngineStore | undefined;
afterEach(async () => {
  await e?.dispose();
  e = undefined;
});

const WINDOW = 60_000;
const at = (ms: number) => new Date(Date.UTC(2026, 0, 1) + ms);

/** How many takes slidingWait allows at `into` after `previous` requests in the previous window. */
function expectedAllowed(previous: number, limit: number, into: number): number {
  let current = 0;
  while (slidingWait(previous, current, limit, WINDOW, into) === 0) current++;
  return current;
}

describe.each(ENGINES)('the sliding rate window on %s', (engine) => {
  it('allows exactly what slidingWait allows, at the edges of the estimate too', async () => {
    e = await engineStore(engine);
    // (previous, limit, into): weights of 1, ½, ⅓ and near 0, estimates landing on whole numbers,
    // a full previous window.
    const cases: [number, number, number][] = [
      [0, 3, 0],
      [4, 5, 0],
      [10, 10, WINDOW / 2],
      [9, 7, WINDOW / 3],
      [6, 4, (2 * WINDOW) / 3],
      [7, 5, WINDOW - 1],
      [5, 5, 12_345],
      [20, 10, 1],
    ];
    for (const [i, [previous, limit, into]] of cases.entries()) {
      const key = `all:case-${i}`;
      for (let n = 0; n < previous; n++) {
        expect((await e.store.rateCounters.take(key, previous, WINDOW, at(n))).allowed).toBe(true);
      }
      const now = at(WINDOW + into);
      let allowed = 0;
      let refused: RateTake | undefined;
      for (let n = 0; n <= limit + 1; n++) {
        const take = await e.store.rateCounters.take(key, limit, WINDOW, now);
        if (!take.allowed) {
          refused = take;
          break;
        }
        allowed++;
      }
      expect(allowed, `case ${i}`).toBe(expectedAllowed(previous, limit, into));
      expect(refused?.retryAfterMs, `case ${i}`).toBe(slidingWait(previous, allowed, limit, WINDOW, into));
      // Refused takes were not counted: the next one at the wait it was told is allowed.
      const later = at(WINDOW + into + (refused?.retryAfterMs ?? 0));
      expect((await e.store.rateCounters.take(key, limit, WINDOW, later)).allowed, `case ${i}`).toBe(true);
    }
  });
});

describe.each(ENGINES)('a request’s budgets at once on %s', (engine) => {
  it('takeAll: the gate must allow, then each take in order as successive takes would', async () => {
    e = await engineStore(engine);
    const counters = e.store.rateCounters;
    const now = at(WINDOW + 15_000);
    const count = async (key: string, limit: number) => {
      let n = 0;
      while ((await counters.peek(key, limit, WINDOW, now)).allowed) {
        await counters.take(key, limit, WINDOW, now);
        n++;
      }
      return n;
    };
    const all = { key: 'all:u1', limit: 3 };
    const runs = { key: 'runs:u1', limit: 1 };
    const gate = { key: 'signin-fail:a', limit: 2 };
    // Both taken: the run budget is used up, the general one has two left.
    expect(await counters.takeAll([all, runs], WINDOW, now, gate)).toEqual({ allowed: true, retryAfterMs: 0 });
    // The second take refuses: the first one was counted (as with two take calls), the second not.
    const refused = await counters.takeAll([all, runs], WINDOW, now, gate);
    expect(refused).toMatchObject({ allowed: false, refusedBy: 'runs:u1' });
    expect(refused.retryAfterMs).toBe(slidingWait(0, 1, 1, WINDOW, 15_000));
    expect(await count('all:u1', 3)).toBe(1);
    // The gate was only peeked; closed, it refuses before any take is counted.
    await counters.take(gate.key, 100, WINDOW, at(WINDOW));
    await counters.take(gate.key, 100, WINDOW, at(WINDOW));
    const fresh = { key: 'all:u2', limit: 5 };
    const closed = await counters.takeAll([fresh], WINDOW, now, gate);
    expect(closed).toMatchObject({ allowed: false, refusedBy: gate.key });
    expect(closed.retryAfterMs).toBe(slidingWait(0, 2, 2, WINDOW, 15_000));
    expect(await count('all:u2', 5)).toBe(5);
    // The gate alone, and nothing at all.
    expect((await counters.takeAll([], WINDOW, now, gate)).allowed).toBe(false);
    expect((await counters.takeAll([], WINDOW, now, { ...gate, limit: 3 })).allowed).toBe(true);
    expect(await counters.takeAll([], WINDOW, now)).toEqual({ allowed: true, retryAfterMs: 0 });
  });
});

describe('a take that queued behind another on PostgreSQL', () => {
  let store: Store | undefined;
  let client: pg.Client | undefined;
  afterEach(async () => {
    await client?.end();
    await store?.close();
    client = store = undefined;
  });

  it('is told the wait of the count it lost to, not of the count it read', async () => {
    const url = await freshDatabase();
    store = await openStore({ DATABASE_URL: url, DATABASE_PATH: '' });
    const now = at(WINDOW + 1_000);
    for (let n = 0; n < 4; n++) expect((await store.rateCounters.take('all:q', 5, WINDOW, now)).allowed).toBe(true);
    // Another instance's take holds the row: the next take reads 4 (room for one) and waits on the lock.
    client = new pg.Client({ connectionString: url });
    await client.connect();
    await client.query('BEGIN');
    await client.query("UPDATE rate_counters SET count = count + 1 WHERE key = 'all:q'");
    const queued = store.rateCounters.take('all:q', 5, WINDOW, now);
    const waiting = async () =>
      (
        await client!.query<{ n: number }>(
          "SELECT count(*)::int AS n FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND datname = current_database()",
        )
      ).rows[0].n;
    while ((await waiting()) === 0) await new Promise((r) => setTimeout(r, 10));
    await client.query('COMMIT');
    const take = await queued;
    expect(take.allowed).toBe(false);
    expect(take.retryAfterMs).toBe(slidingWait(0, 5, 5, WINDOW, 1_000));
    expect((await store.rateCounters.take('all:q', 5, WINDOW, at(WINDOW + 1_000 + take.retryAfterMs))).allowed).toBe(
      true,
    );
  });
});
