import { fromCents, type Category, type Listing } from '../../domain/listing.js';

/** A listings row as SQLite returns it; the repository and the search both read listings this way. */
export interface ListingRow {
  id: string;
  seller_id: string;
  title: string;
  description: string;
  category: string;
  price_cents: number;
  condition: string;
  status: string;
  created_at: string;
  updated_at: string;
}

/** The columns of a ListingRow, over the alias `l`. */
export const LISTING_COLUMNS =
  'l.id, l.seller_id, l.title, l.description, l.category, l.price_cents, l.condition, l.status, l.created_at, l.updated_at';

export function toListing(row: ListingRow): Listing {
  return {
    id: row.id,
    sellerId: row.seller_id,
    title: row.title,
    description: row.description,
    category: row.category as Category,
    price: fromCents(row.price_cents),
    condition: row.condition as Listing['condition'],
    status: row.status as Listing['status'],
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
