import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { CategorySchema, type Category } from '../domain/listing.js';
import { generateListings, type GeneratedListing } from '../store/seed/listingGenerator.js';
import { catalogueCategory } from '../store/seed/catalogue.js';
import type { Store } from '../store/index.js';
import { engineName } from '../store/index.js';
import type { TrialEngine } from './trialDatabases.js';

/**
 * The comparables set: what `searchSimilar` is for, measured. Each query is a
 * listing of the deterministic seeded catalogue (seed and size as in the
 * scenarios) taken off the market for the query, the words a seller would
 * type for it, the ids of the other active listings a seller would accept as
 * comparable (the same catalogue item: brand and type, e.g. any Apple
 * smartphone for an iPhone 14), and the item's known price (its generated
 * asking price). The runner reports precision@5 of the search and the error
 * of the suggested price (the median of the comparables) against the known
 * price.
 */

export const ComparableQuery = z.strictObject({
  /** The catalogue listing the query is about; it is marked sold while its query runs. */
  listingId: z.string(),
  query: z.string().min(2),
  category: CategorySchema,
  knownPrice: z.number().positive(),
  /** The active listings a seller would accept as comparable. */
  accept: z.array(z.string()).min(1),
});
export type ComparableQuery = z.infer<typeof ComparableQuery>;

export const ComparablesSet = z.strictObject({
  $comment: z.string().optional(),
  seed: z.number().int(),
  count: z.number().int().positive(),
  queries: z.array(ComparableQuery).min(1),
});
export type ComparablesSet = z.infer<typeof ComparablesSet>;

export const DEFAULT_COMPARABLES_PATH = 'evals/comparables/seed42-400.json';

export function readComparablesSet(path: string = DEFAULT_COMPARABLES_PATH): ComparablesSet {
  const parsed = ComparablesSet.safeParse(JSON.parse(readFileSync(path, 'utf8')));
  if (!parsed.success) throw new Error(`Invalid comparables set ${path}:\n${z.prettifyError(parsed.error)}`);
  return parsed.data;
}

interface Identified {
  listing: GeneratedListing;
  /** brand|type: what a seller accepts as the same kind of thing. */
  item: string;
  /** The product name the listing is for (brand and model). */
  name: string;
  type: string;
}

/**
 * Which catalogue item a generated listing is: the longest product name of its
 * category found in its title or description, preferring items whose type
 * word is there too ("mid-century" is both a sofa and a chest of drawers).
 */
function identify(listing: GeneratedListing): Identified | undefined {
  const text = `${listing.title} ${listing.description}`.toLowerCase();
  const hits = catalogueCategory(listing.category)
    .items.items.flatMap((item) => item.names.map((name) => ({ item, name })))
    .filter((h) => text.includes(h.name.toLowerCase()));
  const hasType = (h: (typeof hits)[number]) => Number(text.includes(h.item.template.type.toLowerCase()));
  hits.sort((a, b) => hasType(b) - hasType(a) || b.name.length - a.name.length);
  const best = hits[0];
  if (!best) return undefined;
  const { brand, type } = best.item.template;
  return { listing, item: `${brand}|${type}`, name: best.name, type };
}

/**
 * Labels the catalogue: one query per catalogue item that has at least
 * `minComparables` other active listings (the lowest id is the query), at
 * most `max` queries. Deterministic: the same seed and size give the same set.
 */
export function buildComparablesSet(seed = 42, count = 400, minComparables = 2, max = 40): ComparablesSet {
  const identified = [...generateListings({ count, seed })]
    .filter((l) => l.status === 'active')
    .map(identify)
    .filter((x): x is Identified => x !== undefined);
  const byItem = new Map<string, Identified[]>();
  for (const x of identified)
    byItem.set(`${x.listing.category}|${x.item}`, [...(byItem.get(`${x.listing.category}|${x.item}`) ?? []), x]);
  const queries: ComparableQuery[] = [];
  for (const group of byItem.values()) {
    if (group.length < minComparables + 1) continue;
    const [first, ...others] = group;
    // What a seller types: the product name and what it is ("Samsung Galaxy S10e smartphone", "velvet armchair").
    const query = first.name.toLowerCase().includes(first.type.toLowerCase())
      ? first.name
      : `${first.name} ${first.type}`;
    queries.push({
      listingId: first.listing.id,
      query,
      category: first.listing.category,
      knownPrice: first.listing.price,
      accept: others.map((o) => o.listing.id),
    });
  }
  queries.sort((a, b) => a.listingId.localeCompare(b.listingId));
  return {
    $comment:
      'Built by `npm run evals:comparables -- --build` from the seeded catalogue: per catalogue item (brand and type) with enough active listings, the first listing is the query (taken off the market while it runs), the others are what a seller accepts as comparable, and its asking price is the known price.',
    seed,
    count,
    queries: queries.slice(0, max),
  };
}

export interface ComparableResult {
  listingId: string;
  query: string;
  category: Category;
  /** The ids searchSimilar returned first (up to 5). */
  top5: string[];
  hits: number;
  /** hits / min(5, accepted): 1 when the top five are all acceptable (or all the acceptable ones are there). */
  precisionAt5: number;
  knownPrice: number;
  /** The median of the comparables' prices as searchSimilar reports it; null without comparables. */
  suggestedPrice: number | null;
  /** |suggested - known| / known; null without a suggestion. */
  relativeError: number | null;
}

export interface ComparablesReport {
  kind: 'listing-assistant-comparables-report';
  createdAt: string;
  /** The store searchSimilar ran on (the figures should not depend on it); absent in reports made before. */
  engine?: TrialEngine;
  seed: number;
  count: number;
  queries: number;
  meanPrecisionAt5: number;
  /** Over the queries that got a suggestion. */
  medianRelativePriceError: number | null;
  meanRelativePriceError: number | null;
  /** Share of queries whose suggestion is within 25% of the known price. */
  within25Percent: number;
  noSuggestion: number;
  results: ComparableResult[];
}

/**
 * Runs every query against `store` (a copy of the set's catalogue); each query's own listing is sold meanwhile.
 * An aborted `signal` ends it early (its caller then drops the copy).
 */
export async function runComparables(
  set: ComparablesSet,
  store: Store,
  signal?: AbortSignal,
): Promise<ComparablesReport> {
  const results: ComparableResult[] = [];
  for (const q of set.queries) {
    // Stopped between queries, never with a query's listing left off the market.
    if (signal?.aborted) break;
    const own = await store.listings.get(q.listingId);
    if (!own)
      throw new Error(`comparables set: ${q.listingId} is not in the catalogue (seed ${set.seed}, ${set.count})`);
    await store.listings.replace({ ...own, status: 'sold' });
    try {
      const { matches, stats } = await store.listings.searchSimilar(q.query, { category: q.category, limit: 5 });
      const top5 = matches.slice(0, 5).map((m) => m.id);
      const accepted = new Set(q.accept);
      const hits = top5.filter((id) => accepted.has(id)).length;
      const suggestedPrice = stats?.median ?? null;
      results.push({
        listingId: q.listingId,
        query: q.query,
        category: q.category,
        top5,
        hits,
        precisionAt5: round(hits / Math.min(5, accepted.size)),
        knownPrice: q.knownPrice,
        suggestedPrice,
        relativeError: suggestedPrice === null ? null : round(Math.abs(suggestedPrice - q.knownPrice) / q.knownPrice),
      });
    } finally {
      await store.listings.replace(own);
    }
  }
  const errors = results.map((r) => r.relativeError).filter((e): e is number => e !== null);
  return {
    kind: 'listing-assistant-comparables-report',
    createdAt: new Date().toISOString(),
    seed: set.seed,
    count: set.count,
    queries: results.length,
    meanPrecisionAt5: round(mean(results.map((r) => r.precisionAt5))),
    medianRelativePriceError: errors.length ? round(median(errors)) : null,
    meanRelativePriceError: errors.length ? round(mean(errors)) : null,
    within25Percent: round(errors.filter((e) => e <= 0.25).length / results.length),
    noSuggestion: results.length - errors.length,
    results,
  };
}

export function comparablesMarkdown(report: ComparablesReport): string {
  const pct = (x: number | null) => (x === null ? 'n/a' : `${(x * 100).toFixed(1)}%`);
  return [
    `# Comparables report ${report.createdAt}`,
    '',
    `Catalogue seed ${report.seed}, ${report.count} listings${report.engine ? ` on ${engineName(report.engine)}` : ''}; ` +
      `${report.queries} labelled queries (\`evals/comparables/\`).`,
    '',
    '| metric | value |',
    '| --- | --- |',
    `| precision@5 of searchSimilar (mean) | ${pct(report.meanPrecisionAt5)} |`,
    `| suggested price (median of comparables) vs known price: median error | ${pct(report.medianRelativePriceError)} |`,
    `| mean error | ${pct(report.meanRelativePriceError)} |`,
    `| suggestions within 25% | ${pct(report.within25Percent)} |`,
    `| queries without a suggestion | ${report.noSuggestion} |`,
    '',
    '| query | category | precision@5 | known € | suggested € | error |',
    '| --- | --- | ---: | ---: | ---: | ---: |',
    ...report.results.map(
      (r) =>
        `| ${r.query} (${r.listingId}) | ${r.category} | ${pct(r.precisionAt5)} (${r.hits} of top ${r.top5.length}) | ${r.knownPrice} | ${r.suggestedPrice ?? 'none'} | ${pct(r.relativeError)} |`,
    ),
    '',
  ].join('\n');
}

const round = (x: number) => Math.round(x * 10_000) / 10_000;
const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0);
function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}
