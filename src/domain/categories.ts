/**
 * The marketplace's categories: the one list. Schemas and their texts for the model, the policy's
 * allowed categories and price caps, and the search index's category numbers all derive from it,
 * so adding a category is adding a line here. Append: the order is the one people and the model
 * read, and the search index numbers categories by it the first time it sees them.
 */
export const CATEGORIES = [
  'Electronics',
  'Furniture',
  'Clothing',
  'Vehicles',
  'Sports',
  'Home & Garden',
  'Books',
  'Other',
] as const;

export type Category = (typeof CATEGORIES)[number];
