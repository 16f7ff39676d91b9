export interface PriceStatistics {
  /** How many sellers' prices the statistics stand on (one value per seller). */
  count: number;
  min: number;
  p25: number;
  median: number;
  p75: number;
  max: number;
}

/** Share of the per-seller values dropped at each end before the statistics (outliers either way). */
const TRIM = 0.1;

/** Linear-interpolated quantile of sorted values (the same definition spreadsheets use). */
function quantile(sorted: number[], q: number): number {
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  const value = sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
  return Math.round(value * 100) / 100;
}

/**
 * Price statistics of comparable listings that one seller cannot steer: each seller counts once
 * (the median of their own listings among the comparables), so posting fifty copies at one price
 * weighs what posting one does; then the highest and lowest tenth of those values are dropped
 * (below ten sellers, nothing), so one odd price does not set the range either.
 */
export function priceStats(listings: ReadonlyArray<{ sellerId: string; price: number }>): PriceStatistics | null {
  if (listings.length === 0) return null;
  const bySeller = new Map<string, number[]>();
  for (const { sellerId, price } of listings) bySeller.set(sellerId, [...(bySeller.get(sellerId) ?? []), price]);
  const perSeller = [...bySeller.values()].map((prices) =>
    quantile(
      prices.sort((a, b) => a - b),
      0.5,
    ),
  );
  const sorted = perSeller.sort((a, b) => a - b);
  const cut = Math.floor(sorted.length * TRIM);
  const kept = sorted.slice(cut, sorted.length - cut);
  return {
    count: kept.length,
    min: kept[0],
    p25: quantile(kept, 0.25),
    median: quantile(kept, 0.5),
    p75: quantile(kept, 0.75),
    max: kept[kept.length - 1],
  };
}
