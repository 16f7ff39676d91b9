import type { ListingQuery, ListingRepository, SimilarListings } from '../listingRepository.js';
import type { Clock } from '../store.js';
import { fromCents, toCents, type Category, type Listing, type NewListing } from '../../domain/listing.js';
import { newId } from '../ids.js';
import { priceStats } from '../priceStats.js';
import { searchTerms, termsCovered } from '../searchTerms.js';
import type { PgDatabase, Row } from './database.js';

const COLUMNS =
  'l.id, l.seller_id, l.title, l.description, l.category, l.price_cents, l.condition, l.status, l.created_at, l.updated_at';

const toListing = (r: Row): Listing => ({
  id: r.id as string,
  sellerId: r.seller_id as string,
  title: r.title as string,
  description: r.description as string,
  category: r.category as Category,
  price: fromCents(r.price_cents as number),
  condition: r.condition as Listing['condition'],
  status: r.status as Listing['status'],
  createdAt: r.created_at as string,
  updatedAt: r.updated_at as string,
});

/**
 * A tsquery from search words, built as quoted lexemes (quotes and backslashes escaped), so the
 * text is words, never query syntax; to_tsquery still stems each one like the documents.
 */
const lexeme = (term: string) => `'${term.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;
const allOf = (terms: string[]) => terms.map(lexeme).join(' & ');
const anyOf = (terms: string[]) => terms.map(lexeme).join(' | ');

/** How many of the most relevant comparable listings back a price suggestion (as in SQLite). */
const COMPARABLES_CAP = 50;
/** How many matching active listings are ranked at most; ts_rank reads each one's tsvector. */
const CANDIDATE_CAP = 4000;
/** Below this many listings with every word, near matches are considered too. */
const MIN_EXACT_COMPARABLES = 5;
/** A near match contains at least this share of the query's words. */
const RELAXED_COVERAGE = 2 / 3;
/** How many near-match candidates are checked. */
const RELAXED_CANDIDATES = 300;

/**
 * Listing rows: read, write, browse, and the comparable-listings search over the `search`
 * tsvector (a generated column with a GIN index).
 */
export class PgListingRepository implements ListingRepository {
  constructor(
    private readonly db: PgDatabase,
    private readonly now: Clock,
  ) {}

  async get(id: string): Promise<Listing | undefined> {
    const row = await this.db.one(
      `SELECT ${COLUMNS}, coalesce((SELECT array_agg(p.image_id ORDER BY p.position) FROM listing_photos p
         WHERE p.listing_id = l.id), '{}') AS photo_ids
       FROM listings l WHERE l.id = $1`,
      [id],
    );
    return row && { ...toListing(row), photoIds: row.photo_ids as string[] };
  }

  async insert(l: NewListing): Promise<Listing> {
    // The row and its photos together.
    const row = await this.db.transaction(async () => {
      const inserted = await this.db.one(
        `INSERT INTO listings (id, seller_id, title, description, category, price_cents, condition, status, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $9) RETURNING ${COLUMNS.replace(/l\./g, '')}`,
        this.values(l),
      );
      if (l.photoIds?.length)
        await this.db.run(
          `INSERT INTO listing_photos (listing_id, position, image_id)
           SELECT $1, n - 1, image_id FROM unnest($2::text[]) WITH ORDINALITY AS t (image_id, n)`,
          [inserted!.id, l.photoIds],
        );
      return inserted!;
    });
    return { ...toListing(row), photoIds: l.photoIds ?? [] };
  }

  private values(l: NewListing): unknown[] {
    return [
      l.id ?? newId('lst', 12),
      l.sellerId,
      l.title,
      l.description,
      l.category,
      toCents(l.price),
      l.condition,
      l.status ?? 'active',
      l.createdAt ?? this.now().toISOString(),
    ];
  }

  /** Bulk insert, one multi-row INSERT per batch, each batch its own transaction. */
  async insertMany(listings: Iterable<NewListing>, batchSize = 5000): Promise<number> {
    let count = 0;
    let batch: NewListing[] = [];
    const flush = async () => {
      if (batch.length === 0) return;
      const columns: unknown[][] = Array.from({ length: 9 }, () => []);
      for (const l of batch) this.values(l).forEach((v, i) => columns[i].push(v));
      await this.db.transaction(() =>
        this.db.run(
          `INSERT INTO listings (id, seller_id, title, description, category, price_cents, condition, status, created_at, updated_at)
           SELECT id, seller_id, title, description, category, price_cents, condition, status, created_at, created_at
           FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::bigint[], $7::text[], $8::text[], $9::timestamptz[])
             WITH ORDINALITY AS t (id, seller_id, title, description, category, price_cents, condition, status, created_at, n)
           ORDER BY n`,
          columns,
        ),
      );
      count += batch.length;
      batch = [];
    };
    for (const l of listings) {
      batch.push(l);
      if (batch.length >= batchSize) await flush();
    }
    await flush();
    return count;
  }

  async replace(listing: NewListing & { id: string }): Promise<Listing> {
    const row = await this.db.one(
      `INSERT INTO listings (id, seller_id, title, description, category, price_cents, condition, status, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $9)
       ON CONFLICT (id) DO UPDATE SET seller_id = excluded.seller_id, title = excluded.title,
         description = excluded.description, category = excluded.category, price_cents = excluded.price_cents,
         condition = excluded.condition, status = excluded.status, updated_at = $10
       RETURNING ${COLUMNS.replace(/l\./g, '')}`,
      [...this.values(listing), this.now().toISOString()],
    );
    return toListing(row!);
  }

  async countGenerated(): Promise<number> {
    const row = await this.db.one<{ n: number }>(`SELECT count(*) AS n FROM listings WHERE id ~ '^lst_[0-9]{7}$'`);
    return row!.n;
  }

  async updatePrice(id: string, price: number): Promise<Listing> {
    await this.db.run('UPDATE listings SET price_cents = $1, updated_at = $2 WHERE id = $3', [
      toCents(price),
      this.now().toISOString(),
      id,
    ]);
    return (await this.get(id))!;
  }

  async count(): Promise<number> {
    return (await this.db.one<{ n: number }>('SELECT count(*) AS n FROM listings'))!.n;
  }

  /** Browse for the API: optional full-text filter (every word), category and seller; best match or newest first. */
  async list(query: ListingQuery): Promise<Listing[]> {
    const where: string[] = [];
    const params: unknown[] = [];
    const terms = query.q ? searchTerms(query.q) : [];
    if (query.q && terms.length === 0) return [];
    let order = 'l.created_at DESC, l.seq';
    if (terms.length > 0) {
      params.push(allOf(terms));
      where.push(`l.search @@ to_tsquery('english', $${params.length})`);
      order = `ts_rank(l.search, to_tsquery('english', $${params.length}), 1) DESC, l.seq`;
    }
    if (query.category) {
      params.push(query.category);
      where.push(`l.category = $${params.length}`);
    }
    if (query.sellerId) {
      params.push(query.sellerId);
      where.push(`l.seller_id = $${params.length}`);
    }
    params.push(query.limit ?? 20, query.offset ?? 0);
    const rows = await this.db.query(
      `SELECT ${COLUMNS} FROM listings l ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
       ORDER BY ${order} LIMIT $${params.length - 1} OFFSET $${params.length}`,
      params,
    );
    return rows.map(toListing);
  }

  /**
   * Active listings similar to free text, best first, with price statistics over the most relevant
   * comparables; the same plan as the SQLite search (sqlite/listingSearch.ts):
   * - active listings only, in the category when one is given;
   * - at most CANDIDATE_CAP matches are ranked (ts_rank, normalised by document length so short
   *   listings come first like bm25's), ties broken by the older listing;
   * - when fewer than five listings contain every word, listings with two words in three still
   *   count, never ones that merely share one common word.
   */
  async searchSimilar(text: string, options: { category?: Category; limit: number }): Promise<SimilarListings> {
    const terms = searchTerms(text);
    if (terms.length === 0) return { matches: [], stats: null };
    let rows = await this.ranked(allOf(terms), options.category, CANDIDATE_CAP, COMPARABLES_CAP);
    if (rows.length < MIN_EXACT_COMPARABLES && terms.length > 1) {
      const needed = Math.max(1, Math.ceil(terms.length * RELAXED_COVERAGE));
      const seen = new Set(rows.map((r) => r.id));
      const near = (await this.ranked(anyOf(terms), options.category, RELAXED_CANDIDATES, RELAXED_CANDIDATES))
        .filter((r) => !seen.has(r.id))
        .map((row, i) => ({ row, i, covered: termsCovered(terms, `${row.title} ${row.description}`) }))
        .filter((c) => c.covered >= needed)
        .sort((a, b) => b.covered - a.covered || a.i - b.i)
        .map((c) => c.row);
      rows = rows.concat(near).slice(0, COMPARABLES_CAP);
    }
    return { matches: rows.slice(0, options.limit), stats: priceStats(rows) };
  }

  /** Active matches of a tsquery: up to `candidates` of them, the best `limit` by rank. */
  private async ranked(
    tsquery: string,
    category: Category | undefined,
    candidates: number,
    limit: number,
  ): Promise<Listing[]> {
    const params: unknown[] = [tsquery, candidates, limit];
    if (category !== undefined) params.push(category);
    const rows = await this.db.query(
      `WITH q AS (SELECT to_tsquery('english', $1) AS query),
       candidates AS (
         SELECT l.seq, ts_rank(l.search, q.query, 1) AS rank FROM listings l, q
         WHERE l.search @@ q.query AND l.status = 'active' ${category === undefined ? '' : 'AND l.category = $4'}
         LIMIT $2
       )
       SELECT ${COLUMNS} FROM candidates c JOIN listings l ON l.seq = c.seq
       ORDER BY c.rank DESC, l.seq LIMIT $3`,
      params,
    );
    return rows.map(toListing);
  }
}
