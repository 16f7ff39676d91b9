import type { Category, Condition } from '../../../domain/listing.js';

/** EUR. `min` is what a for-parts or very old example fetches, `max` a new or nearly new one. */
export type PriceRange = readonly [min: number, max: number];

/**
 * One product line a seller might list: a brand, the models it comes in, and
 * what it is worth second-hand. Phrases may use the slots the generator always
 * fills (see `STATIC_SLOTS`), the keys of `attrs`, and the category and shared pools.
 */
export interface ItemTemplate {
  /** '' for unbranded goods ("oak dining table"). */
  readonly brand: string;
  /** Model or edition names; [''] when the brand and type say it all. */
  readonly models: readonly string[];
  /** What the thing is, as a seller would write it: "mountain bike", "noise cancelling headphones". */
  readonly type: string;
  readonly price: PriceRange;
  /** Production years: a newer example sits higher in the price range. */
  readonly years?: readonly [from: number, to: number];
  /** Title pattern for this item, instead of the category's. */
  readonly title?: string;
  /** Item-specific slot choices (sizes, storage, dimensions, colours this model comes in). */
  readonly attrs?: Readonly<Record<string, readonly string[]>>;
  /** Sentences only this item can carry ("Battery health 89%", "Frame has Shimano Deore gears"). */
  readonly details?: readonly string[];
  /** Typical kilometres a year, for vehicles: with the age it sets `{km}`. */
  readonly yearlyKm?: number;
  /** How common the item is among listings in its category; 1 when absent. */
  readonly weight?: number;
}

export interface CategoryVocabulary {
  readonly category: Category;
  /** Relative share of all listings. */
  readonly share: number;
  readonly items: readonly ItemTemplate[];
  /** Default title patterns; they may only use slots every item in the category can fill. */
  readonly titles: readonly string[];
  /** First sentences specific to the category, mixed with the shared openers. */
  readonly openers: readonly string[];
  /** False where the shared openers read badly ("Offering my Persuasion by Jane Austen novel"). */
  readonly sharedOpeners?: boolean;
  /**
   * False where the shared wear phrases read badly (books have no dents); `conditionNotes` then covers every
   * condition.
   */
  readonly sharedConditionPhrases?: boolean;
  /** Pickup and payment sentences, instead of the shared ones (cars are not posted with DHL). */
  readonly logistics?: readonly string[];
  /** Usage, features, accessories: the middle of a description. */
  readonly sentences: readonly string[];
  /** Condition sentences that only make sense for this category (battery health, mileage, wobbly legs). */
  readonly conditionNotes: Readonly<Partial<Record<Condition, readonly string[]>>>;
  readonly pools: Readonly<Record<string, readonly string[]>>;
  /** How `{name}` reads: "Trek Marlin 7" or, for books, "Persuasion by Jane Austen". */
  readonly naming?: 'brand-model' | 'work-by-author';
}

/**
 * Slots the generator fills for every listing, whatever the item: its name
 * parts (`{item}` is how prose refers to it: the name for branded goods,
 * "walnut sideboard" for unbranded ones, whose name alone is only "walnut"), production or purchase year, the year
 * after the listing was posted
 * (for "inspection valid until"), mileage for vehicles, and the condition as a
 * title would say it ("like new", "well used").
 */
export const STATIC_SLOTS = [
  'name',
  'item',
  'brand',
  'model',
  'type',
  'year',
  'boughtYear',
  'nextYear',
  'km',
  'conditionWord',
] as const;

/** Shorthand for the vocabulary files, which list hundreds of these. */
export function item(
  brand: string,
  type: string,
  price: PriceRange,
  models: readonly string[],
  extra: Omit<ItemTemplate, 'brand' | 'type' | 'price' | 'models'> = {},
): ItemTemplate {
  return { brand, type, price, models, ...extra };
}
