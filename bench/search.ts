import { existsSync } from 'node:fs';
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { Store } from '../src/store/index.js';
import { seedListings } from '../src/store/seed/seedDatabase.js';
import { buildMatchQueries } from '../src/store/sqlite/searchQuery.js';
import { priceStats } from '../src/store/priceStats.js';
import type { Category } from '../src/domain/listing.js';
import { report, summarize, ratio } from './lib/measure.js';

/**
 * searchSimilar at marketplace scale versus the naive query on the same data:
 * FTS5 MATCH over every match ranked by bm25, joined and filtered afterwards.
 * Databases are generated on demand by the seeded generator and cached in data/.
 */
const SIZES = (process.env.BENCH_SIZES ?? '10000,100000,1000000').split(',').map(Number);
const REPEAT = Number(process.env.BENCH_REPEAT ?? 5);
const QUERIES: Array<{ q: string; category?: Category }> = [
  { q: 'used' },
  { q: 'black' },
  { q: 'bike' },
  { q: 'iphone' },
  { q: 'sofa' },
  { q: 'used black bike', category: 'Sports' },
  { q: 'Trek Marlin 7', category: 'Sports' },
  { q: 'IKEA Kallax white', category: 'Furniture' },
  { q: 'Apple iPhone 12 128 GB', category: 'Electronics' },
  { q: 'Sony WH-1000XM4 headphones' },
  { q: 'Harry Potter box set', category: 'Books' },
  { q: 'VW Golf diesel', category: 'Vehicles' },
  { q: 'leather jacket size M', category: 'Clothing' },
  { q: 'Weber gas grill', category: 'Home & Garden' },
];

/**
 * The baseline runs on its own read-only connection to the same file: it is a measurement, not
 * something the app does, so it stays out of the store's API (the Store keeps its connection to
 * itself). The statement is compiled once, as the store's own are.
 */
function naiveQuery(path: string) {
  const db = new Database(path, { readonly: true });
  const statement = db.prepare<
    [string],
    { id: string; seller_id: string; price_cents: number; status: string; category: string }
  >(
    `SELECT l.id, l.seller_id, l.price_cents, l.status, l.category FROM listings_fts f JOIN listings l ON l.rowid = f.rowid
     WHERE listings_fts MATCH ? ORDER BY bm25(listings_fts)`,
  );
  return { db, all: (expr: string) => statement.all(expr) };
}

function naive(baseline: ReturnType<typeof naiveQuery>, text: string, category: Category | undefined, limit: number) {
  const match = buildMatchQueries(text);
  if (!match) return { ids: [] as string[], prices: [] as Array<{ sellerId: string; price: number }> };
  const rows = baseline.all(match.all);
  const kept = rows.filter((r) => r.status === 'active' && (!category || r.category === category));
  return {
    ids: kept.slice(0, limit).map((r) => r.id),
    prices: kept.slice(0, 50).map((r) => ({ sellerId: r.seller_id, price: r.price_cents / 100 })),
  };
}

const databasePath = (size: number) => join(process.cwd(), 'data', `bench-${size}.db`);

async function database(size: number): Promise<Store> {
  const path = databasePath(size);
  const fresh = !existsSync(path);
  const store = Store.open(path);
  const existing = await store.listings.count();
  if (fresh || existing < size) {
    const t = performance.now();
    await seedListings(store, size - existing, 42, existing + 1);
    console.log(`generated ${size} listings in ${((performance.now() - t) / 1000).toFixed(1)} s → ${path}`);
  }
  return store;
}

const results: Record<string, unknown> = {};
const lines: string[] = [
  'size       ours p50/p95/p99 (ms)        naive p50/p95/p99 (ms)      p95 ratio  top-5 overlap  same stats',
];
for (const size of SIZES) {
  const store = await database(size);
  const baseline = naiveQuery(databasePath(size));
  const ours: number[] = [];
  const base: number[] = [];
  const first: number[] = [];
  const perQuery: Array<{ q: string; category?: Category; top5Overlap: number; sameStats: boolean; firstMs: number }> =
    [];
  let overlap = 0;
  let sameStats = 0;
  for (const { q, category } of QUERIES) {
    // Quality: our top 5 against the naive all-words ranking, and whether the stats agree.
    // This first call is also timed on its own: it pays for the term statistics of the query plan.
    const t0 = performance.now();
    const mine = await store.listings.searchSimilar(q, { category, limit: 5 });
    first.push(performance.now() - t0);
    const theirs = naive(baseline, q, category, 5);
    const o =
      mine.matches.filter((m) => theirs.ids.includes(m.id)).length / Math.max(1, Math.min(5, theirs.ids.length || 5));
    overlap += o;
    const naiveStats = priceStats(theirs.prices);
    const same =
      JSON.stringify(naiveStats) === JSON.stringify(mine.stats) || (theirs.prices.length < 5 && !!mine.stats);
    if (same) sameStats++;
    perQuery.push({
      q,
      category,
      top5Overlap: o,
      sameStats: same,
      firstMs: Math.round(first[first.length - 1] * 100) / 100,
    });
    for (let i = 0; i < REPEAT; i++) {
      let t = performance.now();
      await store.listings.searchSimilar(q, { category, limit: 5 });
      ours.push(performance.now() - t);
      t = performance.now();
      naive(baseline, q, category, 5);
      base.push(performance.now() - t);
    }
  }
  const o = summarize(ours);
  const n = summarize(base);
  const f = summarize(first);
  results[String(size)] = {
    ours: o,
    naive: n,
    p95Ratio: ratio(o.p95, n.p95),
    oursFirstCall: f,
    top5Overlap: overlap / QUERIES.length,
    sameOrBetterStats: sameStats / QUERIES.length,
    perQuery,
  };
  lines.push(
    `${String(size).padEnd(9)} ${[o.p50, o.p95, o.p99]
      .map((x) => x.toFixed(2))
      .join(' / ')
      .padEnd(28)} ${[n.p50, n.p95, n.p99]
      .map((x) => x.toFixed(2))
      .join(' / ')
      .padEnd(
        28,
      )} ${String(ratio(o.p95, n.p95)).padEnd(10)} ${(overlap / QUERIES.length).toFixed(2).padEnd(14)} ${sameStats}/${QUERIES.length}`,
    `          first call of each query (term statistics not yet cached): p50 ${f.p50.toFixed(2)} / max ${Math.max(...first).toFixed(2)} ms`,
  );
  baseline.db.close();
  await store.close();
}
lines.push(
  'targets: p95 < 20 ms at 1M, never slower than naive; quality kept (overlap with the all-words ranking, stats where enough exact matches exist)',
);
report('search', { queries: QUERIES, repeat: REPEAT, sizes: results }, lines);
