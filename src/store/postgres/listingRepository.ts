import {
  COMPARABLES_CAP,
  type BulkProgress,
  type ListingQuery,
  type ListingRepository,
  type SimilarListings,
} from '../listingRepository.js';
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

const COPY_LISTINGS =
  'COPY listings (id, seller_id, title, description, category, price_cents, condition, status, created_at, updated_at) FROM STDIN';

/** One row of COPY's text format (tab-separated, backslash escapes); created_at doubles as updated_at. */
function copyLine(values: unknown[]): string {
  const fields = values.map((v) =>
    String(v).replace(/[\\\t\n\r]/g, (c) => (c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\r')),
  );
  return `${[...fields, fields[fields.length - 1]].join('\t')}\n`;
}

/** From this many rows into an empty table, indexes are built after the load (see insertMany). */
const REBUILD_AFTER = 50_000;

/**
 * A tsquery from search words, built as quoted lexemes (quotes and backslashes escaped), so the
 * text is words, never query syntax; to_tsquery still stems each one like the documents.
 */
const lexeme = (term: string) => `'${term.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;
export const allOf = (terms: string[]) => terms.map(lexeme).join(' & ');
const anyOf = (terms: string[]) => terms.map(lexeme).join(' | ');

/**
 * How many matching active listings are ranked at most, the shortest first. A common word's
 * candidates are found by walking the length index and testing each row (about three rows per
 * candidate for a word in 40% of listings), so the cap bounds the work: 1,000 at about 8 ms of
 * database CPU at 1M listings, where 4,000 took 22 ms for the same top five.
 */
const CANDIDATE_CAP = 1000;
/** Above this many estimated matches, candidates are found length by length (see ranked). */
const WALK_ABOVE = 5000;
/** The share of listings assumed for a word the statistics do not list among the common ones. */
const RARE_WORD_SHARE = 0.001;
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

  /**
   * Bulk insert with COPY, one transaction for the whole load (one statement per batch). Into an
   * empty table, once the load passes REBUILD_AFTER rows, the secondary indexes (the GIN search
   * index above all) are dropped and built again after the rows: one sorted build instead of a
   * million index insertions. The table is locked meanwhile; it was empty, so nobody misses a row.
   */
  async insertMany(
    listings: Iterable<NewListing>,
    batchSize = 5000,
    onProgress?: (progress: BulkProgress) => void,
  ): Promise<number> {
    return this.db.transaction(async () => {
      const empty = !(await this.db.one<{ any: boolean }>('SELECT EXISTS (SELECT 1 FROM listings) AS any'))!.any;
      let rebuild: string[] | undefined;
      let count = 0;
      let batch: string[] = [];
      const flush = async () => {
        if (batch.length === 0) return;
        if (empty && !rebuild && count + batch.length >= REBUILD_AFTER) rebuild = await this.dropSecondaryIndexes();
        count += await this.db.copyIn(COPY_LISTINGS, [batch.join('')]);
        batch = [];
        onProgress?.({ rows: count, phase: 'loading' });
      };
      for (const l of listings) {
        batch.push(copyLine(this.values(l)));
        if (batch.length >= batchSize) await flush();
      }
      await flush();
      if (rebuild) {
        onProgress?.({ rows: count, phase: 'indexing' });
        await this.db.run(`SET LOCAL maintenance_work_mem = '256MB'`);
        for (const definition of rebuild) await this.db.run(definition);
        // Fresh statistics: the search's plan (walk by length, or GIN bitmap) depends on word frequencies.
        await this.db.run('ANALYZE listings');
      }
      return count;
    });
  }

  /** Drops the listings indexes no constraint needs; answers the statements that create them again. */
  private async dropSecondaryIndexes(): Promise<string[]> {
    const rows = await this.db.query<{ name: string; definition: string }>(
      `SELECT i.indexname AS name, i.indexdef AS definition FROM pg_indexes i
       WHERE i.schemaname = current_schema() AND i.tablename = 'listings'
         AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname)`,
    );
    for (const { name } of rows) await this.db.run(`DROP INDEX "${name.replace(/"/g, '""')}"`);
    return rows.map((r) => r.definition);
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
      { prepared: false },
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
    const estimate = await this.estimatedMatches(terms);
    let rows = await this.ranked(allOf(terms), options.category, CANDIDATE_CAP, COMPARABLES_CAP, estimate.all);
    if (rows.length < MIN_EXACT_COMPARABLES && terms.length > 1) {
      const needed = Math.max(1, Math.ceil(terms.length * RELAXED_COVERAGE));
      const seen = new Set(rows.map((r) => r.id));
      const near = (
        await this.ranked(anyOf(terms), options.category, RELAXED_CANDIDATES, RELAXED_CANDIDATES, estimate.any)
      )
        .filter((r) => !seen.has(r.id))
        .map((row, i) => ({ row, i, covered: termsCovered(terms, `${row.title} ${row.description}`) }))
        .filter((c) => c.covered >= needed)
        .sort((a, b) => b.covered - a.covered || a.i - b.i)
        .map((c) => c.row);
      rows = rows.concat(near).slice(0, COMPARABLES_CAP);
    }
    return { matches: rows.slice(0, options.limit), stats: priceStats(rows) };
  }

  /**
   * How many listings the words are in, all of them and any of them, estimated from the planner's
   * statistics (each word's share of listings, pg_stats' most common elements; a word not among
   * them is rare) assuming independent words. It picks the plan in `ranked`.
   */
  private async estimatedMatches(terms: string[]): Promise<{ all: number; any: number }> {
    const row = await this.db.one<{ all: number | null; any: number | null; listings: number }>(
      `WITH shares AS (
         SELECT coalesce(u.share, $2) AS share
         FROM unnest(tsvector_to_array(to_tsvector('english', $1))) AS t (lexeme)
         LEFT JOIN (
           SELECT u.lexeme, u.share FROM pg_stats s,
             unnest(s.most_common_elems::text::text[], s.most_common_elem_freqs) AS u (lexeme, share)
           WHERE s.schemaname = current_schema() AND s.tablename = 'listings' AND s.attname = 'search'
         ) u USING (lexeme)
       )
       SELECT exp(sum(ln(greatest(share, 1e-12)))) AS all, least(1, sum(share)) AS any,
         (SELECT greatest(reltuples, 0) FROM pg_class WHERE oid = 'listings'::regclass) AS listings
       FROM shares`,
      [terms.join(' '), RARE_WORD_SHARE],
    );
    const listings = Number(row?.listings ?? 0);
    return { all: Number(row?.all ?? 0) * listings, any: Number(row?.any ?? 0) * listings };
  }

  /**
   * Active matches of a tsquery: the `candidates` shortest of them (by distinct words), the best
   * `limit` of those by rank. ts_rank's length normalisation puts the best matches among the short
   * ones, so a common word is never ranked over every listing that has it. Two plans, by the
   * estimated number of matches:
   * - few (up to WALK_ABOVE): every match from the GIN index, the shortest `candidates` ranked;
   * - many: one length at a time, shortest first, each an exact lookup of the GIN index of
   *   migration 3 (length, category, words), stopping at the cap, so only candidates are read
   *   from the table however common the word. (Each lookup reads the words' posting lists again,
   *   which is why rare words take the first plan.)
   */
  private async ranked(
    tsquery: string,
    category: Category | undefined,
    candidates: number,
    limit: number,
    estimatedMatches: number,
  ): Promise<Listing[]> {
    const params: unknown[] = [tsquery, candidates, limit];
    if (category !== undefined) params.push(category);
    const matching = `l.search @@ to_tsquery('english', $1) AND l.status = 'active'
      ${category === undefined ? '' : 'AND l.category = $4'}`;
    // "+ 0": the few are sorted after the GIN lookup, never walked through the length btree.
    const few = `SELECT ${COLUMNS}, l.seq, l.search FROM listings l WHERE ${matching}
      ORDER BY length(l.search) + 0, l.seq LIMIT $2`;
    const many = `SELECT m.* FROM
        generate_series(1, (SELECT max(length(search)) FROM listings WHERE status = 'active')) AS k (words),
        LATERAL (
          SELECT ${COLUMNS}, l.seq, l.search FROM listings l WHERE length(l.search) = k.words AND ${matching} LIMIT $2
        ) m
      LIMIT $2`;
    const rows = await this.db.query(
      `SELECT ${COLUMNS.replace(/l\./g, 'c.')} FROM (${estimatedMatches > WALK_ABOVE ? many : few}) c
       ORDER BY ts_rank(c.search, to_tsquery('english', $1), 1) DESC, c.seq LIMIT $3`,
      params,
      { prepared: false },
    );
    return rows.map(toListing);
  }
}
