import type { Db } from './database.js';
import { fromCents, toCents, type Category, type Listing, type NewListing } from '../domain/listing.js';
import { newId } from './ids.js';
import { buildMatchQueries } from './searchQuery.js';
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
    const id = listing.id ?? newId('lst', 12);
    this.insertStmt.run({
      id,
      sellerId: listing.sellerId,
      title: listing.title,
      description: listing.description,
      category: listing.category,
      priceCents: toCents(listing.price),
      condition: listing.condition,
      status: listing.status ?? 'active',
      createdAt: listing.createdAt ?? this.now().toISOString(),
    });
    return this.get(id)!;
  }

  /** Bulk insert in batched transactions: the seeding path for demo and benchmark databases. */
  insertMany(listings: Iterable<NewListing>, batchSize = 5000): number {
    let count = 0;
    let batch: NewListing[] = [];
    const flush = this.db.transaction((rows: NewListing[]) => {
      for (const l of rows) {
        this.insertStmt.run({
          id: l.id ?? newId('lst', 12),
          sellerId: l.sellerId,
          title: l.title,
          description: l.description,
          category: l.category,
          priceCents: toCents(l.price),
          condition: l.condition,
          status: l.status ?? 'active',
          createdAt: l.createdAt ?? this.now().toISOString(),
        });
      }
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
   * statistics over the most relevant comparables. All query words must match
   * when enough listings do; otherwise any word may, so a very specific
   * description still finds comparables.
   */
  searchSimilar(text: string, options: { category?: Category; limit: number }): SimilarListings {
    const match = buildMatchQueries(text);
    if (!match) return { matches: [], stats: null };
    const categoryFilter = options.category ? 'AND l.category = ?' : '';
    const run = (expr: string): ListingRow[] => {
      const params: unknown[] = [expr];
      if (options.category) params.push(options.category);
      params.push(COMPARABLES_CAP);
      return this.db
        .prepare<unknown[], ListingRow>(
          `SELECT ${COLUMNS} FROM listings_fts f JOIN listings l ON l.rowid = f.rowid
           WHERE listings_fts MATCH ? AND l.status = 'active' ${categoryFilter}
           ORDER BY f.rank LIMIT ?`,
        )
        .all(...params);
    };
    let rows = run(match.all);
    if (rows.length < Math.min(5, options.limit) && match.any !== match.all) {
      const seen = new Set(rows.map((r) => r.id));
      rows = rows.concat(run(match.any).filter((r) => !seen.has(r.id))).slice(0, COMPARABLES_CAP);
    }
    const listings = rows.map(toListing);
    return { matches: listings.slice(0, options.limit), stats: priceStats(listings.map((l) => l.price)) };
  }
}
