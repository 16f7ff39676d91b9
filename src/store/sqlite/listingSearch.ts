import type { Db } from './database.js';
import type { Category } from '../../domain/listing.js';
import { atLeastQuery, buildMatchQueries } from './searchQuery.js';
import { termsCovered } from '../searchTerms.js';
import { listingRowidOfSearchKey, SEARCH_KEY } from './searchKey.js';
import { searchCategoryNumber } from './searchCategories.js';
import { priceStats } from '../priceStats.js';
import { COMPARABLES_CAP, type SimilarListings } from '../listingRepository.js';
import { LISTING_COLUMNS, toListing, type ListingRow } from './listingRow.js';

/**
 * The comparable-listings search behind price suggestions: a query planner over the
 * listings_search index (migration 6), with its own cache of which terms are very common.
 * Each ListingRepository holds one and delegates searchSimilar to it.
 */
export class ListingSearch {
  private readonly byRowid;
  private readonly termFrequencies = new Map<string, { df: number; at: number }>();

  constructor(private readonly db: Db) {
    // One statement for a whole page of keys (a point lookup each cost more than the search itself).
    this.byRowid = db.prepare<[string], ListingRow & { listing_rowid: number }>(
      `SELECT k.value AS listing_rowid, ${LISTING_COLUMNS} FROM json_each(?) k JOIN listings l ON l.rowid = k.value`,
    );
  }

  /**
   * Active listings similar to free text, best first (FTS5 bm25), with price
   * statistics over the most relevant comparables. Listings that contain
   * every query word come first; when fewer than five do, listings missing
   * one word in three still count (a "Trek Marlin 7 bike" is comparable to a
   * "Trek Marlin 7 mountain bike"), but never ones that merely share one
   * common word, so the median is not diluted by unrelated items.
   *
   * The query is planned over listings_search (migration 6), whose keys order
   * active listings shortest first and carry the category:
   * - status and category are filtered inside FTS5 (key range and key bits),
   *   so sold listings and other categories are never ranked or joined;
   * - at most CANDIDATE_CAP matches are visited, shortest first (bm25 favours
   *   short documents); below the cap the ranking is exactly the full bm25
   *   ranking, ties broken by the older listing first like `ORDER BY bm25`;
   * - bm25() first counts every document of every query term (its IDF), so a
   *   term in more than COMMON_TERM_DF listings ("used") is matched but left
   *   out of the ranking expression: its IDF is close to zero anyway.
   */
  similar(text: string, options: { category?: Category; limit: number }): SimilarListings {
    const match = buildMatchQueries(text);
    if (!match) return { matches: [], stats: null };
    const category = options.category === undefined ? undefined : searchCategoryNumber(this.db, options.category);
    const ranked = match.terms.filter((t) => this.documentFrequency(t) <= COMMON_TERM_DF);
    const candidates = this.rankedCandidates(match.all, ranked, ranked.length < match.terms.length, category);
    let rows = this.activeRows(
      candidates.slice(0, COMPARABLES_CAP).map((c) => c.key),
      options.category,
    );
    if (rows.length < MIN_EXACT_COMPARABLES && match.terms.length > 1) {
      const needed = Math.max(1, Math.ceil(match.terms.length * RELAXED_COVERAGE));
      const seen = new Set(candidates.map((c) => c.key));
      const near = this.nearMatches(match.terms, needed, category).filter((c) => !seen.has(c.key));
      // activeRows keeps the order of the keys: i is the rank among near matches.
      const relaxed = this.activeRows(
        near.map((c) => c.key),
        options.category,
      )
        .map((row, i) => ({ row, i, covered: termsCovered(match.terms, `${row.title} ${row.description}`) }))
        .filter((c) => c.covered >= needed)
        .sort((a, b) => b.covered - a.covered || a.i - b.i)
        .map((c) => c.row);
      rows = rows.concat(relaxed).slice(0, COMPARABLES_CAP);
    }
    const listings = rows.map(toListing);
    return { matches: listings.slice(0, options.limit), stats: priceStats(listings) };
  }

  /** Matching active keys, best first: bm25 over the ranked terms, then the older listing. */
  private rankedCandidates(
    all: string,
    ranked: string[],
    someUnranked: boolean,
    category: number | undefined,
  ): Array<{ key: number }> {
    const order = (a: { key: number; score: number }, b: { key: number; score: number }) =>
      a.score - b.score || listingRowidOfSearchKey(a.key) - listingRowidOfSearchKey(b.key);
    if (!someUnranked) return this.scoredWalk(all, category, CANDIDATE_CAP).sort(order);
    // Some terms are too common to rank by: find the matching keys without bm25, then rank them
    // by the other terms (over the same stretch of keys), unranked ones last in key order.
    const keys = this.walk(all, category, COMMON_TERM_CANDIDATE_CAP);
    if (keys.length === 0 || ranked.length === 0) return keys.map((key) => ({ key }));
    const wanted = new Set(keys);
    const scored = this.scoredWalk(
      ranked.map((t) => `"${t}"`).join(' AND '),
      category,
      CANDIDATE_CAP,
      keys[keys.length - 1] + 1,
    )
      .filter((c) => wanted.delete(c.key))
      .sort(order);
    return [...scored, ...[...wanted].map((key) => ({ key }))];
  }

  /**
   * Active listings with at least `needed` of the terms, best first by bm25 over the words (the
   * OR of every choice of `needed` terms scores each term the same number of times, so it orders
   * like bm25 over any of the words), or shortest first when that many phrases would make bm25's
   * document counting too costly.
   */
  private nearMatches(terms: string[], needed: number, category: number | undefined): Array<{ key: number }> {
    const expr = atLeastQuery(terms, needed);
    if (!expr)
      return this.walk(terms.map((t) => `"${t}"`).join(' OR '), category, RELAXED_CANDIDATES).map((key) => ({ key }));
    const phrasesPerTerm = (expr.match(/"/g) ?? []).length / 2 / terms.length;
    const counting = phrasesPerTerm * terms.reduce((sum, t) => sum + this.documentFrequency(t), 0);
    if (counting > RELAXED_COUNTING_BUDGET)
      return this.walk(expr, category, RELAXED_CANDIDATES).map((key) => ({ key }));
    return this.scoredWalk(expr, category, RELAXED_CANDIDATES).sort(
      (a, b) => a.score - b.score || listingRowidOfSearchKey(a.key) - listingRowidOfSearchKey(b.key),
    );
  }

  /** Keys of active matches, shortest listing first (no ranking: FTS5 stops at the limit). */
  private walk(
    expr: string,
    category: number | undefined,
    limit: number,
    below: number = SEARCH_KEY.inactive,
  ): number[] {
    const sql = `SELECT rowid AS key FROM listings_search WHERE listings_search MATCH ? AND rowid < ?
      ${category === undefined ? '' : 'AND (rowid >> 32) & 15 = ?'} ORDER BY rowid LIMIT ?`;
    const params = category === undefined ? [expr, below, limit] : [expr, below, category, limit];
    return this.db
      .prepare(sql)
      .pluck()
      .all(...params) as number[];
  }

  /** Like walk, with each match's bm25 (equal to bm25 over listings_fts: same documents). */
  private scoredWalk(
    expr: string,
    category: number | undefined,
    limit: number,
    below: number = SEARCH_KEY.inactive,
  ): Array<{ key: number; score: number }> {
    const sql = `SELECT rowid AS key, bm25(listings_search) AS score FROM listings_search WHERE listings_search MATCH ? AND rowid < ?
      ${category === undefined ? '' : 'AND (rowid >> 32) & 15 = ?'} ORDER BY rowid LIMIT ?`;
    const params = category === undefined ? [expr, below, limit] : [expr, below, category, limit];
    return this.db.prepare(sql).all(...params) as Array<{ key: number; score: number }>;
  }

  /** The listings behind search keys, in the same order, active and in the category only. */
  private activeRows(keys: number[], category: Category | undefined): ListingRow[] {
    if (keys.length === 0) return [];
    const byRowid = new Map<number, ListingRow>();
    for (const { listing_rowid: rowid, ...row } of this.byRowid.all(JSON.stringify(keys.map(listingRowidOfSearchKey))))
      byRowid.set(rowid, row);
    const rows: ListingRow[] = [];
    for (const key of keys) {
      const row = byRowid.get(listingRowidOfSearchKey(key));
      if (row && row.status === 'active' && (category === undefined || row.category === category)) rows.push(row);
    }
    return rows;
  }

  /**
   * How many listings contain a term, up to COMMON_TERM_DF + 1: the query plan only needs to
   * know which terms are very common. Remembered for a while per repository (it changes slowly).
   */
  private documentFrequency(term: string): number {
    const now = Date.now();
    const cached = this.termFrequencies.get(term);
    if (cached && now - cached.at < TERM_FREQUENCY_TTL_MS) return cached.df;
    const df = this.db
      .prepare(
        `SELECT count(*) FROM (SELECT 1 FROM listings_search WHERE listings_search MATCH ? LIMIT ${COMMON_TERM_DF + 1})`,
      )
      .pluck()
      .get(`"${term}"`) as number;
    if (this.termFrequencies.size >= TERM_FREQUENCY_ENTRIES) this.termFrequencies.clear();
    this.termFrequencies.set(term, { df, at: now });
    return df;
  }
}

/** How many of the shortest matches are ranked; below it the ranking is exact. See ListingSearch.similar. */
const CANDIDATE_CAP = 4000;
/** A term in more listings than this is matched but not ranked by (its bm25 IDF costs a full scan). */
const COMMON_TERM_DF = 100_000;
/**
 * With such a term, how many of the shortest full matches are ranked by the other terms (ranking
 * them means walking the other terms' matches over the same stretch of keys, a few times more).
 */
const COMMON_TERM_CANDIDATE_CAP = 1000;
const TERM_FREQUENCY_TTL_MS = 10 * 60_000;
const TERM_FREQUENCY_ENTRIES = 10_000;
/** Below this many listings with every word, near matches are considered too. */
const MIN_EXACT_COMPARABLES = 5;
/** A near match contains at least this share of the query's words. */
const RELAXED_COVERAGE = 2 / 3;
/** How many near-match candidates (listings with enough of the words) are checked. */
const RELAXED_CANDIDATES = 300;
/** Near matches are ranked by bm25 only while its document counting stays below this many entries. */
const RELAXED_COUNTING_BUDGET = 300_000;
