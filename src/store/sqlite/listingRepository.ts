import type { BulkProgress, ListingQuery, SimilarListings } from '../listingRepository.js';
import type { Db } from './database.js';
import { toCents, type Category, type Listing, type NewListing } from '../../domain/listing.js';
import { newId } from '../ids.js';
import { buildMatchQueries } from './searchQuery.js';
import { LISTING_COLUMNS, toListing, type ListingRow } from './listingRow.js';
import { ListingSearch } from './listingSearch.js';

/** Listing rows: read, write, browse. The comparable-listings search is ListingSearch's. */
export class SqliteListingRepository {
  private readonly byId;
  private readonly search: ListingSearch;
  private readonly insertStmt;
  private readonly updatePriceStmt;
  private readonly photosStmt;
  private readonly insertPhotoStmt;

  constructor(
    private readonly db: Db,
    private readonly now: () => Date,
  ) {
    this.byId = db.prepare<[string], ListingRow>(`SELECT ${LISTING_COLUMNS} FROM listings l WHERE l.id = ?`);
    this.insertStmt = db.prepare(
      `INSERT INTO listings (id, seller_id, title, description, category, price_cents, condition, status, created_at, updated_at)
       VALUES (@id, @sellerId, @title, @description, @category, @priceCents, @condition, @status, @createdAt, @createdAt)`,
    );
    this.updatePriceStmt = db.prepare(`UPDATE listings SET price_cents = ?, updated_at = ? WHERE id = ?`);
    this.photosStmt = db.prepare<[string], { image_id: string }>(
      'SELECT image_id FROM listing_photos WHERE listing_id = ? ORDER BY position',
    );
    this.insertPhotoStmt = db.prepare('INSERT INTO listing_photos (listing_id, position, image_id) VALUES (?, ?, ?)');
    this.search = new ListingSearch(db);
  }

  get(id: string): Listing | undefined {
    const row = this.byId.get(id);
    if (!row) return undefined;
    return { ...toListing(row), photoIds: this.photosStmt.all(id).map((p) => p.image_id) };
  }

  insert(listing: NewListing): Listing {
    // The row and its photos together.
    return this.get(this.db.inTransaction ? this.write(listing) : this.db.transaction(() => this.write(listing))())!;
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
    l.photoIds?.forEach((imageId, position) => this.insertPhotoStmt.run(id, position, imageId));
    return id;
  }

  /** Bulk insert in batched transactions: the seeding path for demo and benchmark databases. */
  insertMany(listings: Iterable<NewListing>, batchSize = 5000, onProgress?: (progress: BulkProgress) => void): number {
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
        onProgress?.({ rows: count, phase: 'loading' });
      }
    }
    if (batch.length) {
      flush(batch);
      count += batch.length;
      onProgress?.({ rows: count, phase: 'loading' });
    }
    return count;
  }

  /**
   * Inserts a listing with its given id, or puts an existing one (e.g. a generated one) back into exactly this state.
   */
  replace(listing: NewListing & { id: string }): Listing {
    const existing = this.get(listing.id);
    if (!existing) return this.insert(listing);
    this.db
      .prepare(
        'UPDATE listings SET seller_id = ?, title = ?, description = ?, category = ?, price_cents = ?, condition = ?, status = ?, updated_at = ? WHERE id = ?',
      )
      .run(
        listing.sellerId,
        listing.title,
        listing.description,
        listing.category,
        toCents(listing.price),
        listing.condition,
        listing.status ?? 'active',
        this.now().toISOString(),
        listing.id,
      );
    return this.get(listing.id)!;
  }

  /** Listings with the generator's ids (lst_ + 7 digits): the catalogue a database was seeded with. */
  countGenerated(): number {
    const { n } = this.db
      .prepare(`SELECT count(*) AS n FROM listings WHERE id GLOB 'lst_[0-9][0-9][0-9][0-9][0-9][0-9][0-9]'`)
      .get() as { n: number };
    return n;
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
    const sql = `SELECT ${LISTING_COLUMNS} FROM ${from} ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
      ORDER BY ${match ? 'f.rank' : 'l.created_at DESC'} LIMIT ? OFFSET ?`;
    params.push(query.limit ?? 20, query.offset ?? 0);
    return (this.db.prepare(sql).all(...params) as ListingRow[]).map(toListing);
  }

  /** Active listings similar to free text, with price statistics over the best matches: see ListingSearch.similar. */
  searchSimilar(text: string, options: { category?: Category; limit: number }): SimilarListings {
    return this.search.similar(text, options);
  }
}
