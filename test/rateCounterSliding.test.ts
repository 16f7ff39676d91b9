import { afterEach, describe, expect, it } from 'vitest';
import { slidingWait, type RateTake } from '../src/store/rateCounterRepository.js';
import { ENGINES, engineStore, type EngineStore } from './support/engines.js';

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
