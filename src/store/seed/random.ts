/**
 * A small seeded PRNG (mulberry32) for the seed generator. Not for anything
 * security-related: its only job is that the same seed gives the same catalogue
 * on every machine and every Node version, which Math.random cannot promise.
 */

/** Mixes two 32-bit integers into one well-spread 32-bit state (murmur3 finaliser). */
export function mixSeed(a: number, b: number): number {
  let h = Math.imul(a ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(b + 0x6d2b79f5, 0xc2b2ae35);
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Items with relative weights, with the running totals computed once so a draw is a short scan. */
export class WeightedTable<T> {
  readonly items: readonly T[];
  private readonly cumulative: Float64Array;
  readonly total: number;

  constructor(entries: ReadonlyArray<readonly [T, number]>) {
    if (entries.length === 0) throw new Error('WeightedTable needs at least one entry');
    this.items = entries.map(([item]) => item);
    this.cumulative = new Float64Array(entries.length);
    let sum = 0;
    entries.forEach(([, weight], i) => {
      if (!(weight > 0)) throw new Error(`weights must be positive, got ${weight}`);
      sum += weight;
      this.cumulative[i] = sum;
    });
    this.total = sum;
  }

  /** The item whose cumulative band contains `u` in [0, 1). */
  at(u: number): T {
    const target = u * this.total;
    const c = this.cumulative;
    const last = c.length - 1;
    for (let i = 0; i < last; i++) if (target < c[i]) return this.items[i];
    return this.items[last];
  }
}

export class SeededRandom {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** Restarts the stream, so one instance can serve many listings without allocating. */
  reseed(seed: number): void {
    this.state = seed >>> 0;
  }

  /** Uniform in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** Uniform integer in [min, max], both inclusive. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  /** Uniform float in [min, max). */
  between(min: number, max: number): number {
    return min + this.next() * (max - min);
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('cannot pick from an empty list');
    return items[Math.floor(this.next() * items.length)];
  }

  weighted<T>(table: WeightedTable<T>): T {
    return table.at(this.next());
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  /**
   * Bell-shaped in [0, 1) around 0.5 (mean of three uniforms): cheap, bounded, good enough for "most values near the
   * middle".
   */
  bell(): number {
    return (this.next() + this.next() + this.next()) / 3;
  }

  /** In [0, 1), bunched towards 0 for exponent > 1: for "a few sellers have most listings". */
  skewed(exponent: number): number {
    return this.next() ** exponent;
  }
}
