import type Database from 'better-sqlite3';
import { CATEGORIES } from '../../domain/listing.js';
import { SEARCH_KEY, searchKeySql } from './searchKey.js';

/**
 * The category numbers inside listings_search keys (4 bits: 1-15, 0 for none), derived from
 * CATEGORIES. Since migration 7 each database keeps its numbers in search_categories: a category
 * is numbered the first time the database sees it (next free number, so in list order when
 * appended) and never renumbered, so keys already written stay right whatever the list becomes.
 * Categories beyond 15 numbers keep 0 and still work: the search filters them by row after the walk.
 */
export const MAX_SEARCH_CATEGORY_NUMBER = 15;

const sqlText = (s: string) => `'${s.replaceAll("'", "''")}'`;

/** Migration 6's numbers (positions in CATEGORIES), as SQL over `row`; migration 7 replaced them. */
export const positionalCategoryNumberSql = (row: string) =>
  `(CASE ${row}.category ${CATEGORIES.slice(0, MAX_SEARCH_CATEGORY_NUMBER)
    .map((c, i) => `WHEN ${sqlText(c)} THEN ${i + 1}`)
    .join(' ')} ELSE 0 END)`;

/** The number this database gave `row`'s category, as SQL (0 when it has none). */
export const storedCategoryNumberSql = (row: string) =>
  `coalesce((SELECT number FROM search_categories WHERE category = ${row}.category), 0)`;

/** Migration 7's numbers: CATEGORIES in order. */
export const initialCategoryNumbersSql = () =>
  `INSERT INTO search_categories (category, number) VALUES ${CATEGORIES.slice(0, MAX_SEARCH_CATEGORY_NUMBER)
    .map((c, i) => `(${sqlText(c)}, ${i + 1})`)
    .join(', ')};`;

/**
 * Numbers the categories added to CATEGORIES since this database was made, moving their
 * listings' keys from 0 to the new number. Runs at every open (a read when nothing is new):
 * a category added in code must be searchable by category on a database made before.
 */
export function numberNewSearchCategories(db: Database.Database): void {
  const unnumbered = () => {
    const known = new Set(db.prepare('SELECT category FROM search_categories').pluck().all());
    return CATEGORIES.filter((c) => !known.has(c));
  };
  if (unnumbered().length === 0) return;
  db.transaction(() => {
    // Asked again under the write lock: another process may have numbered them meanwhile.
    let next = (db.prepare('SELECT coalesce(max(number), 0) FROM search_categories').pluck().get() as number) + 1;
    for (const category of unnumbered()) {
      if (next > MAX_SEARCH_CATEGORY_NUMBER) break;
      numberCategory(db, category, next++);
    }
  }).immediate();
}

/** Gives `category` its number; its listings were indexed under number 0 until now. */
function numberCategory(db: Database.Database, category: string, number: number): void {
  const listings = db
    .prepare(`SELECT ${searchKeySql('l', '0')} AS key, l.title, l.description FROM listings l WHERE l.category = ?`)
    .all(category) as Array<{ key: number; title: string; description: string }>;
  db.prepare('INSERT INTO search_categories (category, number) VALUES (?, ?)').run(category, number);
  const remove = db.prepare('DELETE FROM listings_search WHERE rowid = ?');
  const add = db.prepare('INSERT INTO listings_search (rowid, title, description) VALUES (?, ?, ?)');
  for (const l of listings) {
    remove.run(l.key);
    add.run(l.key + number * SEARCH_KEY.categoryUnit, l.title, l.description);
  }
}

/** The number this database gave a category (0: none, filtered by row instead). */
export function searchCategoryNumber(db: Database.Database, category: string): number {
  return (
    (db.prepare('SELECT number FROM search_categories WHERE category = ?').pluck().get(category) as
      number | undefined) ?? 0
  );
}
