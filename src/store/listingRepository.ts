import type { Db } from './database.js';
import { fromCents, toCents, type Category, type Listing, type NewListing } from '../domain/listing.js';
import { newId } from './ids.js';
import { buildMatchQueries, searchTerms } from './searchQuery.js';
import { priceStats, type PriceStatistics } from './priceStats.js';

interface ListingRow {
  id: string;
  seller_id: string;
  title: string;
  description: string;
  category: string;
  price_cents: number;
  condition: string;
  status: string;
  created_at: string;
  updated_at: string;
}

const COLUMNS = 'l.id, l.seller_id, l.title, l.description, l.category, l.price_cents, l.condition, l.status, l.created_at, l.updated_at';

function toListing(row: ListingRow): Listing {
  return {
    id: row.id,
    sellerId: row.seller_id,
    title: row.title,
    description: row.description,
    category: row.category as Category,
    price: fromCents(row.price_cents),
    condition: row.condition as Listing['condition'],
    status: row.status as Listing['status'],
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export interface SimilarListings {
  matches: Listing[];
  stats: PriceStatistics | null;
}

export interface ListingQuery {
  q?: string;
  category?: Category;
  sellerId?: string;
  limit?: number;
  offset?: number;
}

/** How many of the most relevant comparable listings back a price suggestion. */
export const COMPARABLES_CAP = 50;

export class ListingRepository {
  private readonly byId;
  private readonly insertStmt;
  private readonly updatePriceStmt;

  constructor(
    private readonly db: Db,
    private readonly now: () => Date,
  ) {
    this.byId = db.prepare<[string], ListingRow>(`SELECT ${COLUMNS} FROM listings l WHERE l.id = ?`);
    this.insertStmt = db.prepare(
      `INSERT INTO listings (id, seller_id, title, description, category, price_cents, condition, status, created_at, updated_at)
       VALUES (@id, @sellerId, @title, @description, @category, @priceCents, @condition, @status, @createdAt, @createdAt)`,
    );
    this.updatePriceStmt = db.prepare(`UPDATE listings SET price_cents = ?, updated_at = ? WHERE id = ?`);
  }

  get(id: string): Listing | undefined {
    const row = this.byId.get(id);
    return row ? toListing(row) : undefined;
  }

  insert(listing: NewListing): Listing {
    return this.get(this.write(listing))!;
  }

  private write(l: NewListing): string {
    const id = l.id ?? newId('lst', 12);
    this.insertStmt.run({
      id,
      sellerId: l.sellerId,
      title: l.title,
      description: l.description,
      category: l.category,
      priceCents: toCents(l.price),
      condition: l.condition,
      status: l.status ?? 'active',
      createdAt: l.createdAt ?? this.now().toISOString(),
    });
    return id;
  }

  /** Bulk insert in batched transactions: the seeding path for demo and benchmark databases. */
  insertMany(listings: Iterable<NewListing>, batchSize = 5000): number {
    let count = 0;
    let batch: NewListing[] = [];
    const flush = this.db.transaction((rows: NewListing[]) => {
      for (const l of rows) this.write(l);
    });
    for (const l of listings) {
      batch.push(l);
      if (batch.length >= batchSize) {
        flush(batch);
        count += batch.length;
        batch = [];
      }
    }
    if (batch.length) flush(batch);
    return count + batch.length;
  }

  /** Inserts a listing with its given id, or puts an existing one (e.g. a generated one) back into exactly this state. */
  replace(listing: NewListing & { id: string }): Listing {
    const existing = this.get(listing.id);
    if (!existing) return this.insert(listing);
    this.db
      .prepare('UPDATE listings SET seller_id = ?, title = ?, description = ?, category = ?, price_cents = ?, condition = ?, status = ?, updated_at = ? WHERE id = ?')
      .run(listing.sellerId, listing.title, listing.description, listing.category, toCents(listing.price), listing.condition, listing.status ?? 'active', this.now().toISOString(), listing.id);
    return this.get(listing.id)!;
  }

  updatePrice(id: string, price: number): Listing {
    this.updatePriceStmt.run(toCents(price), this.now().toISOString(), id);
    return this.get(id)!;
  }

  count(): number {
    return (this.db.prepare('SELECT count(*) AS n FROM listings').get() as { n: number }).n;
  }

  /** Browse for the API: optional full-text filter, category and seller, newest first. */
  list(query: ListingQuery): Listing[] {
    const where: string[] = [];
    const params: unknown[] = [];
    let from = 'listings l';
    const match = query.q ? buildMatchQueries(query.q) : undefined;
    if (query.q && !match) return [];
    if (match) {
      from = 'listings_fts f JOIN listings l ON l.rowid = f.rowid';
      where.push('listings_fts MATCH ?');
      params.push(match.all);
    }
    if (query.category) {
      where.push('l.category = ?');
      params.push(query.category);
    }
    if (query.sellerId) {
      where.push('l.seller_id = ?');
      params.push(query.sellerId);
    }
    const sql = `SELECT ${COLUMNS} FROM ${from} ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
      ORDER BY ${match ? 'f.rank' : 'l.created_at DESC'} LIMIT ? OFFSET ?`;
    params.push(query.limit ?? 20, query.offset ?? 0);
    return (this.db.prepare(sql).all(...params) as ListingRow[]).map(toListing);
  }

  /**
   * Active listings similar to free text, best first (FTS5 bm25), with price
   * statistics over the most relevant comparables. Listings that contain
   * every query word come first; when fewer than five do, listings missing
   * one word in three still count (a "Trek Marlin 7 bike" is comparable to a
   * "Trek Marlin 7 mountain bike"), but never ones that merely share one
   * common word, so the median is not diluted by unrelated items.
   */
  searchSimilar(text: string, options: { category?: Category; limit: number }): SimilarListings {
    const match = buildMatchQueries(text);
    if (!match) return { matches: [], stats: null };
    const categoryFilter = options.category ? 'AND l.category = ?' : '';
    const run = (expr: string, cap: number): Array<ListingRow & { rank: number }> => {
      const params: unknown[] = [expr];
      if (options.category) params.push(options.category);
      params.push(cap);
      // bm25 costs one evaluation per match, so a common word over a million
      // listings would rank every one of them. Rank only the newest
      // CANDIDATE_CAP matches (FTS5 walks rowids in descending order without
      // ranking), then filter and order those.
      return this.db
        .prepare<unknown[], ListingRow & { rank: number }>(
          `SELECT ${COLUMNS}, c.rank AS rank
           FROM (SELECT rowid, rank FROM listings_fts WHERE listings_fts MATCH ? ORDER BY rowid DESC LIMIT ${CANDIDATE_CAP}) c
           JOIN listings l ON l.rowid = c.rowid
           WHERE l.status = 'active' ${categoryFilter}
           ORDER BY c.rank LIMIT ?`,
        )
        .all(...params);
    };
    let rows: ListingRow[] = run(match.all, COMPARABLES_CAP);
    if (rows.length < MIN_EXACT_COMPARABLES && match.terms.length > 1) {
      const needed = Math.max(1, Math.ceil(match.terms.length * RELAXED_COVERAGE));
      const seen = new Set(rows.map((r) => r.id));
      const relaxed = run(match.any, RELAXED_CANDIDATES)
        .filter((r) => !seen.has(r.id))
        .map((r) => ({ row: r, covered: termsCovered(match.terms, `${r.title} ${r.description}`) }))
        .filter((c) => c.covered >= needed)
        .sort((a, b) => b.covered - a.covered || a.row.rank - b.row.rank)
        .map((c) => c.row);
      rows = rows.concat(relaxed).slice(0, COMPARABLES_CAP);
    }
    const listings = rows.map(toListing);
    return { matches: listings.slice(0, options.limit), stats: priceStats(listings.map((l) => l.price)) };
  }
}

/** How many of the newest matches are ranked; see searchSimilar. */
const CANDIDATE_CAP = 2000;
/** Below this many listings with every word, near matches are considered too. */
const MIN_EXACT_COMPARABLES = 5;
/** A near match contains at least this share of the query's words. */
const RELAXED_COVERAGE = 2 / 3;
/** How many any-word candidates are checked for near matches. */
const RELAXED_CANDIDATES = 300;

/** How many query terms occur in a text, allowing simple word endings (bike ~ bikes). */
function termsCovered(terms: string[], text: string): number {
  const words = searchTerms(text, Number.MAX_SAFE_INTEGER);
  return terms.filter((t) => words.some((w) => w === t || (t.length > 3 && (w.startsWith(t) || t.startsWith(w)) && Math.abs(w.length - t.length) <= 2))).length;
}
