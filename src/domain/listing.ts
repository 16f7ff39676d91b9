import { z } from 'zod';
import { CATEGORIES, type Category } from './categories.js';

export { CATEGORIES, type Category };
export const CategorySchema = z.enum(CATEGORIES);
export const isCategory = (value: string): value is Category => (CATEGORIES as readonly string[]).includes(value);

export const CONDITIONS = ['new', 'like new', 'good', 'fair', 'for parts'] as const;
export type Condition = (typeof CONDITIONS)[number];
export const ConditionSchema = z.enum(CONDITIONS);

export type ListingStatus = 'active' | 'sold';

export interface Listing {
  id: string;
  sellerId: string;
  title: string;
  description: string;
  category: Category;
  /** EUR, two decimals. */
  price: number;
  condition: Condition;
  status: ListingStatus;
  createdAt: string;
  updatedAt: string;
  /** The seller's photos (image ids), in order; read with the single listing, absent from lists. */
  photoIds?: string[];
}

/** What a seller (or the seed generator) supplies; the store assigns the rest. */
export type NewListing = Pick<Listing, 'sellerId' | 'title' | 'description' | 'category' | 'price' | 'condition'> &
  Partial<Pick<Listing, 'id' | 'status' | 'createdAt' | 'photoIds'>>;

/** Prices are stored in integer cents so that EUR amounts never drift. */
export const toCents = (eur: number): number => Math.round(eur * 100);
export const fromCents = (cents: number): number => cents / 100;

// Built once: toLocaleString builds a formatter per call, which showed in the run's profile (summaries, replies).
const WHOLE_EUR = new Intl.NumberFormat('en-IE', { minimumFractionDigits: 0, maximumFractionDigits: 2 });
const CENTS_EUR = new Intl.NumberFormat('en-IE', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

export const formatEur = (eur: number): string => `€${(eur % 1 === 0 ? WHOLE_EUR : CENTS_EUR).format(eur)}`;
