/**
 * The rowid layout of listings_search (migration 6): inactive bit, approximate length in words,
 * category number, listing rowid. FTS5 walks a doclist in rowid order, so a walk over keys below
 * SEARCH_KEY.inactive visits active listings only, shortest first.
 */
export const SEARCH_KEY = {
  inactive: 2 ** 48,
  lengthUnit: 2 ** 36,
  categoryUnit: 2 ** 32,
} as const;

/**
 * A listing's key as SQL over `row`'s columns, given the SQL of its category number (1-15, 0 for
 * none; see searchCategories.ts). Fixed once released: listingSearch.ts reads the same layout.
 */
export const searchKeySql = (row: string, categoryNumber: string) =>
  `((${row}.status <> 'active') * ${SEARCH_KEY.inactive}` +
  ` + min(4095, length(${row}.title || ' ' || ${row}.description) - length(replace(replace(${row}.title || ' ' || ${row}.description, ' ', ''), '-', '')) + 1) * ${SEARCH_KEY.lengthUnit}` +
  ` + ${categoryNumber} * ${SEARCH_KEY.categoryUnit}` +
  ` + ${row}.rowid)`;

/** The listing rowid a listings_search key stands for. */
export function listingRowidOfSearchKey(key: number): number {
  return key % SEARCH_KEY.categoryUnit;
}
