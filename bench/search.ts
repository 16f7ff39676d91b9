import { existsSync } from 'node:fs';
import { loadavg } from 'node:os';
import Database from 'better-sqlite3';
import { join } from 'node:path';
import pg from 'pg';
import { openStore, Store } from '../src/store/index.js';
import { seedListings } from '../src/store/seed/seedDatabase.js';
import { buildMatchQueries } from '../src/store/sqlite/searchQuery.js';
import { allOf } from '../src/store/postgres/listingRepository.js';
import { searchTerms } from '../src/store/searchTerms.js';
import { priceStats } from '../src/store/priceStats.js';
import type { Category } from '../src/domain/listing.js';
import { report, summarize, ratio } from './lib/measure.js';
import { benchPostgres, databaseOn } from './lib/benchPostgres.js';
import { postgresCpu } from './lib/postgresCpu.js';

const round2 = (x: number) => Math.round(x * 100) / 100;

/**
 * searchSimilar at marketplace scale versus the naive query on the same data. SQLite (default):
 * FTS5 MATCH over every match ranked by bm25, joined and filtered afterwards; databases cached in
 * data/. PostgreSQL (BENCH_ENGINE=postgres): every active match of the all-words tsquery ranked by
 * ts_rank; databases `bench_<size>` on BENCH_DATABASE_URL's server, kept for the next run, or on a
 * throwaway cluster when it is unset. Both generated on demand by the seeded generator.
 */
const ENGINE = process.env.BENCH_ENGINE === 'postgres' ? 'postgres' : 'sqlite';
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

interface Naive {
  run(
    text: string,
    category: Category | undefined,
    limit: number,
  ): Promise<{ ids: string[]; prices: Array<{ sellerId: string; price: number }> }>;
  close(): Promise<void>;
}

function sqliteNaive(path: string): Naive {
  const baseline = naiveQuery(path);
  return {
    run(text, category, limit) {
      const match = buildMatchQueries(text);
      if (!match) return Promise.resolve({ ids: [], prices: [] });
      const rows = baseline.all(match.all);
      const kept = rows.filter((r) => r.status === 'active' && (!category || r.category === category));
      return Promise.resolve({
        ids: kept.slice(0, limit).map((r) => r.id),
        prices: kept.slice(0, 50).map((r) => ({ sellerId: r.seller_id, price: r.price_cents / 100 })),
      });
    },
    close: () => Promise.resolve(void baseline.db.close()),
  };
}

/** The plain ranked query: every active match (in the category) of all the words, by ts_rank. */
function postgresNaive(url: string): Naive {
  const pool = new pg.Pool({ connectionString: url, max: 1 });
  return {
    async run(text, category, limit) {
      const terms = searchTerms(text);
      if (terms.length === 0) return { ids: [], prices: [] };
      const { rows } = await pool.query<{ id: string; seller_id: string; price_cents: string }>(
        `SELECT id, seller_id, price_cents FROM listings
         WHERE search @@ to_tsquery('english', $1) AND status = 'active' AND ($2::text IS NULL OR category = $2)
         ORDER BY ts_rank(search, to_tsquery('english', $1), 1) DESC, seq LIMIT 50`,
        [allOf(terms), category ?? null],
      );
      return {
        ids: rows.slice(0, limit).map((r) => r.id),
        prices: rows.map((r) => ({ sellerId: r.seller_id, price: Number(r.price_cents) / 100 })),
      };
    },
    close: () => pool.end(),
  };
}

const databasePath = (size: number) => join(process.cwd(), 'data', `bench-${size}.db`);
const server = ENGINE === 'postgres' ? await benchPostgres() : undefined;

async function database(size: number): Promise<{ store: Store; naive: Naive; url?: string }> {
  let store: Store;
  let naive: () => Naive;
  let fresh = false;
  let url: string | undefined;
  if (server) {
    url = await databaseOn(server.url, `bench_${size}`);
    store = await openStore({ DATABASE_URL: url, DATABASE_PATH: '' });
    naive = () => postgresNaive(url!);
  } else {
    const path = databasePath(size);
    fresh = !existsSync(path);
    store = Store.open(path);
    naive = () => sqliteNaive(path);
  }
  const existing = await store.listings.count();
  if (fresh || existing < size) {
    const t = performance.now();
    await seedListings(store, size - existing, 42, existing + 1);
    console.log(`generated ${size} listings in ${((performance.now() - t) / 1000).toFixed(1)} s (${ENGINE})`);
  }
  return { store, naive: naive(), url };
}

const results: Record<string, unknown> = {};
const lines: string[] = [
  'size       ours p50/p95/p99 (ms)        naive p50/p95/p99 (ms)      p95 ratio  top-5 overlap  same stats',
];
for (const size of SIZES) {
  const { store, naive: baseline, url } = await database(size);
  const databaseCpu = url ? await postgresCpu(url) : undefined;
  const cpuNow = () => {
    const own = process.cpuUsage();
    return (own.user + own.system) / 1000 + (databaseCpu?.() ?? 0);
  };
  const load = [loadavg()[0]];
  const ours: number[] = [];
  const base: number[] = [];
  const first: number[] = [];
  const perQuery: Array<{
    q: string;
    category?: Category;
    top5Overlap: number;
    sameStats: boolean;
    firstMs: number;
    cpuMsPerCall?: { ours?: number; naive?: number };
  }> = [];
  // CPU per call (PostgreSQL: the server's processes plus this one), what a loaded machine cannot blur.
  const cpuOurs: number[] = [];
  const cpuNaive: number[] = [];
  let overlap = 0;
  let sameStats = 0;
  for (const { q, category } of QUERIES) {
    // Quality: our top 5 against the naive all-words ranking, and whether the stats agree.
    // This first call is also timed on its own: it pays for the term statistics of the query plan.
    const t0 = performance.now();
    const mine = await store.listings.searchSimilar(q, { category, limit: 5 });
    first.push(performance.now() - t0);
    const theirs = await baseline.run(q, category, 5);
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
    const cpu = { ours: 0, naive: 0 };
    for (let i = 0; i < REPEAT; i++) {
      let c = cpuNow();
      let t = performance.now();
      await store.listings.searchSimilar(q, { category, limit: 5 });
      ours.push(performance.now() - t);
      cpu.ours += cpuNow() - c;
      c = cpuNow();
      t = performance.now();
      await baseline.run(q, category, 5);
      base.push(performance.now() - t);
      cpu.naive += cpuNow() - c;
    }
    if (databaseCpu) {
      const each = { ours: round2(cpu.ours / REPEAT), naive: round2(cpu.naive / REPEAT) };
      perQuery[perQuery.length - 1].cpuMsPerCall = each;
      cpuOurs.push(each.ours);
      cpuNaive.push(each.naive);
    }
  }
  const o = summarize(ours);
  const n = summarize(base);
  const f = summarize(first);
  load.push(loadavg()[0]);
  const cpuSummary = databaseCpu
    ? {
        oursMean: round2(cpuOurs.reduce((a, b) => a + b, 0) / cpuOurs.length),
        oursMax: Math.max(...cpuOurs),
        naiveMean: round2(cpuNaive.reduce((a, b) => a + b, 0) / cpuNaive.length),
        naiveMax: Math.max(...cpuNaive),
      }
    : undefined;
  results[String(size)] = {
    loadAverage: load,
    cpuMsPerCall: cpuSummary,
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
    `          first call of each query (term statistics not yet cached): p50 ${f.p50.toFixed(2)} / max ${Math.max(...first).toFixed(2)} ms; load average ${load.map((x) => x.toFixed(1)).join(' → ')}`,
  );
  if (cpuSummary)
    lines.push(
      `          CPU per call (server + client), mean over queries / worst query: ours ${cpuSummary.oursMean} / ${cpuSummary.oursMax} ms, naive ${cpuSummary.naiveMean} / ${cpuSummary.naiveMax} ms`,
    );
  await baseline.close();
  await store.close();
}
await server?.stop();
lines.unshift(`engine: ${ENGINE}`);
lines.push(
  ENGINE === 'postgres'
    ? 'targets (PostgreSQL): p95 < 30 ms at 1M, top-5 overlap >= 0.9 with the plain ranked query'
    : 'targets: p95 < 20 ms at 1M, never slower than naive; quality kept (overlap with the all-words ranking, stats where enough exact matches exist)',
);
report(
  ENGINE === 'postgres' ? 'search-postgres' : 'search',
  { engine: ENGINE, queries: QUERIES, repeat: REPEAT, sizes: results },
  lines,
);
