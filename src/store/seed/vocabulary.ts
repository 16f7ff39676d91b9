import type { Category } from '../../domain/listing.js';
import type { CategoryVocabulary } from './vocabulary/types.js';
import { books } from './vocabulary/books.js';
import { clothing } from './vocabulary/clothing.js';
import { electronics } from './vocabulary/electronics.js';
import { furniture } from './vocabulary/furniture.js';
import { homeGarden } from './vocabulary/homeGarden.js';
import { other } from './vocabulary/other.js';
import { sports } from './vocabulary/sports.js';
import { vehicles } from './vocabulary/vehicles.js';

/**
 * The seed generator's word stock, one file per category under `vocabulary/`, keyed by the
 * marketplace's categories (a category without a file is not generated).
 */
export const VOCABULARY: Readonly<Partial<Record<Category, CategoryVocabulary>>> = {
  Electronics: electronics,
  Furniture: furniture,
  Clothing: clothing,
  Vehicles: vehicles,
  Sports: sports,
  'Home & Garden': homeGarden,
  Books: books,
  Other: other,
};

export type { CategoryVocabulary, ItemTemplate, PriceRange } from './vocabulary/types.js';
export { STATIC_SLOTS } from './vocabulary/types.js';
export * from './vocabulary/shared.js';
