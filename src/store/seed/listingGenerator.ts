import type { Category, Condition, NewListing } from '../../domain/listing.js';
import {
  catalogueCategory,
  CATEGORY_TABLE,
  REASONS,
  findItem,
  type CatalogueCategory,
  type CatalogueItem,
} from './catalogue.js';
import { askingPrice } from './listingPrice.js';
import { fillPhrase, type PhraseTemplate, type SlotResolver } from './phraseTemplate.js';
import { SeededRandom, WeightedTable, mixSeed } from './random.js';
import { SHARED_POOLS } from './vocabulary.js';

export type GeneratedListing = Required<
  Pick<
    NewListing,
    'id' | 'sellerId' | 'title' | 'description' | 'category' | 'price' | 'condition' | 'status' | 'createdAt'
  >
>;

export interface GenerateOptions {
  count: number;
  seed?: number;
  /**
   * Fixed size of the seller pool. Default: it grows with the index, max(50, index / 20), so `count` listings from
   * index 1 have max(50, count / 20) sellers.
   */
  sellerCount?: number;
  /** Index of the first listing (ids are `lst_` + the zero-padded index). Default 1. */
  startIndex?: number;
}

export const DEFAULT_GENERATOR_SEED = 42;

const CONDITION_TABLE = new WeightedTable<Condition>([
  ['new', 10],
  ['like new', 20],
  ['good', 40],
  ['fair', 22],
  ['for parts', 8],
]);

/** The condition as a title says it. */
const CONDITION_WORDS: Readonly<Record<Condition, readonly string[]>> = {
  new: ['brand new', 'new', 'unused'],
  'like new': ['like new', 'as new', 'mint condition'],
  good: ['good condition', 'well kept', 'lightly used'],
  fair: ['well used', 'fair condition', 'used'],
  'for parts': ['for parts', 'defective', 'for repair'],
};

const SOLD_SHARE = 0.15;
const DAY_MS = 86_400_000;
const FIRST_DAY_MS = Date.UTC(2025, 0, 1);
const LISTING_DAYS = (Date.UTC(2026, 10, 1) - FIRST_DAY_MS) / DAY_MS;

/**
 * Listings the demo flows and tests rely on: seller-1 re-prices their own
 * bike (index 1) and owns an electronics item (index 2); index 3 is
 * seller-2's bike, for "re-price someone else's listing". Only the choices
 * below are fixed; price, text and date still come from the seed.
 */
interface DemoListing {
  sellerId: string;
  category: Category;
  item: CatalogueItem;
  model: number;
  condition: Condition;
}

function demoListing(
  sellerId: string,
  category: Category,
  brand: string,
  type: string,
  model: string,
  condition: Condition,
): DemoListing {
  const item = findItem(category, brand, type);
  const index = item.template.models.indexOf(model);
  if (index < 0) throw new Error(`seed vocabulary has no ${brand} ${model}`);
  return { sellerId, category, item, model: index, condition };
}

const DEMO_LISTINGS: ReadonlyMap<number, DemoListing> = new Map([
  [1, demoListing('seller-1', 'Sports', 'Trek', 'mountain bike', 'Marlin 7', 'good')],
  [2, demoListing('seller-1', 'Electronics', 'Sony', 'noise cancelling headphones', 'WH-1000XM4', 'like new')],
  [3, demoListing('seller-2', 'Sports', 'Cube', 'mountain bike', 'Aim Pro', 'good')],
]);

/**
 * Fills `{slot}`s for the listing being generated: fixed values set up front,
 * everything else drawn on first use from the item's attributes, the
 * category's pools, then the shared pools, and remembered, so a listing
 * mentions one city and one colour however many phrases ask for them.
 */
class ListingSlots implements SlotResolver {
  readonly values = new Map<string, string>();
  item!: CatalogueItem;
  category!: CatalogueCategory;

  constructor(private readonly rng: SeededRandom) {}

  value(slot: string): string {
    const known = this.values.get(slot);
    if (known !== undefined) return known;
    const drawn = this.draw(slot);
    this.values.set(slot, drawn);
    return drawn;
  }

  private draw(slot: string): string {
    const choices = this.choicesFor(slot);
    if (choices) return this.rng.pick(choices);
    // "{city2}": another value from the same pool as "{city}", never the same one.
    const last = slot.charCodeAt(slot.length - 1);
    if (last >= 48 && last <= 57) {
      const base = slot.slice(0, -1);
      const pool = this.choicesFor(base);
      if (pool) {
        const first = this.value(base);
        const i = Math.floor(this.rng.next() * pool.length);
        return pool[i] !== first || pool.length === 1 ? pool[i] : pool[(i + 1) % pool.length];
      }
    }
    throw new Error(`no values for slot {${slot}}`);
  }

  private choicesFor(slot: string): readonly string[] | undefined {
    return this.item.attrs[slot] ?? this.category.pools[slot] ?? SHARED_POOLS[slot];
  }
}

function formatThousands(n: number): string {
  const s = String(n);
  let out = '';
  for (let i = 0; i < s.length; i++) {
    if (i > 0 && (s.length - i) % 3 === 0) out += ',';
    out += s[i];
  }
  return out;
}

/** Index i's seller; the pool grows with the index so listing i's seller does not depend on how many are generated. */
function sellerFor(index: number, fixedPool: number | undefined, rng: SeededRandom): string {
  const pool = fixedPool ?? Math.max(50, Math.floor(index / 20));
  // A fifth of listings come from "power sellers" (about 2% of ids, most of all the first of them), so some sellers
  // have many listings. They start at seller-3: the demo accounts seller-1 and seller-2 stay ordinary sellers.
  if (pool > 2 && rng.chance(0.2)) {
    const powerSellers = Math.min(pool - 2, Math.max(5, Math.ceil(pool * 0.02)));
    return `seller-${3 + Math.floor(powerSellers * rng.skewed(2))}`;
  }
  return `seller-${rng.int(1, pool)}`;
}

/** Two different indices into a list of `length`, the second only meaningful when length > 1. */
function otherIndex(first: number, length: number, rng: SeededRandom): number {
  return (first + 1 + Math.floor(rng.next() * (length - 1))) % length;
}

function describe(
  cat: CatalogueCategory,
  item: CatalogueItem,
  condition: Condition,
  rng: SeededRandom,
  slots: ListingSlots,
): string {
  let text = fillPhrase(rng.pick(cat.openers), slots);
  text += ' ' + fillPhrase(rng.pick(cat.conditionPhrases[condition]), slots);
  const withReason = rng.chance(0.55);
  const withLogistics = rng.chance(0.85);
  // Opener and condition make two sentences; the middle is sized to keep the total at five or fewer.
  const middle = rng.int(0, withReason && withLogistics ? 1 : 2);
  if (middle > 0) {
    const details = item.details;
    const sentences = cat.sentences;
    const fromDetails = details.length > 0 && rng.chance(0.6);
    const first: readonly PhraseTemplate[] = fromDetails ? details : sentences;
    const a = Math.floor(rng.next() * first.length);
    text += ' ' + fillPhrase(first[a], slots);
    if (middle > 1) {
      const second = fromDetails ? sentences : details.length > 0 ? details : sentences;
      const b = second === first ? otherIndex(a, first.length, rng) : Math.floor(rng.next() * second.length);
      if (second !== first || first.length > 1) text += ' ' + fillPhrase(second[b], slots);
    }
  }
  if (withReason) text += ' ' + fillPhrase(rng.pick(REASONS), slots);
  if (withLogistics) text += ' ' + fillPhrase(rng.pick(cat.logistics), slots);
  return text;
}

/**
 * Deterministic, realistic listings: listing i depends only on the seed and i
 * (its random stream is seeded from both), never on how many are generated.
 */
export function* generateListings(options: GenerateOptions): Generator<GeneratedListing> {
  const { count, seed = DEFAULT_GENERATOR_SEED, sellerCount, startIndex = 1 } = options;
  if (!Number.isInteger(count) || count < 0) throw new RangeError(`count must be a non-negative integer, got ${count}`);
  if (!Number.isInteger(startIndex) || startIndex < 1)
    throw new RangeError(`startIndex must be a positive integer, got ${startIndex}`);
  if (sellerCount !== undefined && (!Number.isInteger(sellerCount) || sellerCount < 1))
    throw new RangeError(`sellerCount must be a positive integer, got ${sellerCount}`);

  const rng = new SeededRandom(0);
  const slots = new ListingSlots(rng);
  const values = slots.values;
  const streamSeed = seed | 0;

  for (let index = startIndex; index < startIndex + count; index++) {
    rng.reseed(mixSeed(streamSeed, index));
    const demo = DEMO_LISTINGS.get(index);

    const cat = demo ? catalogueCategory(demo.category) : rng.weighted(CATEGORY_TABLE);
    const item = demo ? demo.item : rng.weighted(cat.items);
    const template = item.template;
    const model = demo ? demo.model : Math.floor(rng.next() * template.models.length);
    const condition = demo ? demo.condition : rng.weighted(CONDITION_TABLE);
    const status = !demo && rng.chance(SOLD_SHARE) ? 'sold' : 'active';
    const sellerId = demo ? demo.sellerId : sellerFor(index, sellerCount, rng);

    // Daytime posting hours, any day in the window.
    const created = new Date(
      FIRST_DAY_MS + rng.int(0, LISTING_DAYS - 1) * DAY_MS + rng.int(7 * 3600, 23 * 3600 - 1) * 1000,
    );
    const createdYear = created.getUTCFullYear();

    // Production year (never after the listing was posted), purchase year, and mileage that fits both.
    let year: number;
    let boughtYear: number;
    let ageScore: number | undefined;
    if (template.years) {
      const [from, to] = template.years;
      const latest = Math.min(to, createdYear);
      year = rng.int(Math.min(from, latest), latest);
      ageScore = to > from ? (year - from) / (to - from) : 1;
      boughtYear = Math.min(createdYear, year + rng.int(0, 2));
    } else {
      boughtYear = condition === 'new' ? createdYear - rng.int(0, 1) : createdYear - rng.int(0, 6);
      year = boughtYear;
    }
    const age = Math.max(0, createdYear - year) + rng.next();
    const km =
      condition === 'new'
        ? rng.int(1, 9) * 10
        : Math.max(1, Math.round((age * (template.yearlyKm ?? 12000) * rng.between(0.5, 1.5)) / 100)) * 100;

    values.clear();
    slots.item = item;
    slots.category = cat;
    values.set('name', item.names[model]);
    values.set('item', item.prose[model]);
    values.set('brand', template.brand);
    values.set('model', template.models[model]);
    values.set('type', template.type);
    values.set('year', String(year));
    values.set('boughtYear', String(boughtYear));
    values.set('nextYear', String(createdYear + 1));
    values.set('km', formatThousands(km));
    values.set('conditionWord', rng.pick(CONDITION_WORDS[condition]));

    const title = fillPhrase(item.title ?? rng.pick(cat.titles), slots);
    const description = describe(cat, item, condition, rng, slots);
    const price = askingPrice(template.price, condition, ageScore, rng);

    yield {
      id: `lst_${String(index).padStart(7, '0')}`,
      sellerId,
      title,
      description,
      category: cat.category,
      price,
      condition,
      status,
      createdAt: created.toISOString(),
    };
  }
}
