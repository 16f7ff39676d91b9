import type { Condition } from '../../domain/listing.js';
import type { SeededRandom } from './random.js';
import type { PriceRange } from './vocabulary.js';

/**
 * Where in an item's price range each condition asks, as a share of the
 * range on a log scale (prices of used goods spread multiplicatively: a
 * scratch costs a percentage, not a fixed number of euros).
 */
const CONDITION_BANDS: Readonly<Record<Condition, readonly [number, number]>> = {
  new: [0.85, 1],
  'like new': [0.65, 0.9],
  good: [0.4, 0.72],
  fair: [0.18, 0.48],
  'for parts': [0, 0.2],
};

/**
 * An asking price in EUR inside `range`, from the condition and, for items
 * with production years, how new this example is (`ageScore` 0 = oldest year,
 * 1 = newest). Rounded the way people price things.
 */
export function askingPrice(
  range: PriceRange,
  condition: Condition,
  ageScore: number | undefined,
  rng: SeededRandom,
): number {
  const [min, max] = range;
  const [lo, hi] = CONDITION_BANDS[condition];
  let position = rng.between(lo, hi);
  // Age scales the position down rather than adding to it, so a broken new car still sells cheap.
  if (ageScore !== undefined) position *= 0.45 + 0.55 * ageScore;
  const raw = min * (max / min) ** position;
  let price = roundLikeASeller(raw, rng);
  if (price > max) price = Math.floor(max);
  if (price < min) price = Math.ceil(min);
  return Math.max(1, Math.round(price * 100) / 100);
}

/** Whole euros mostly, some .50 and .99 on small amounts, round steps (and the odd 249 or 4,990) on large ones. */
function roundLikeASeller(raw: number, rng: SeededRandom): number {
  const r = rng.next();
  if (raw < 100) {
    const whole = Math.floor(raw);
    if (r < 0.72) return Math.max(1, Math.round(raw));
    if (r < 0.86 || whole === 0) return whole + 0.5;
    return whole + 0.99;
  }
  if (raw < 1000) {
    const step = r < 0.6 ? 5 : 10;
    const rounded = Math.round(raw / step) * step;
    return r > 0.9 ? rounded - 1 : rounded;
  }
  const step = raw < 10000 ? (r < 0.5 ? 50 : 100) : r < 0.5 ? 250 : 500;
  const rounded = Math.round(raw / step) * step;
  return r > 0.85 ? rounded - 10 : rounded;
}
