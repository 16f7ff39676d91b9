import { z } from 'zod';
import { CATEGORIES, CategorySchema, ConditionSchema } from '../domain/listing.js';

/**
 * The four tools' parameter schemas: what the model may send. Optional fields
 * are `.nullable().optional()` because strict function schemas send optional
 * fields as required-but-nullable, so a model may legitimately send `null`.
 */
const ListingId = z
  .string()
  .trim()
  .regex(/^lst_[A-Za-z0-9]{4,32}$/, 'must look like lst_XXXX (the id shown with the listing)');

/** EUR amount with at most two decimals. Bounds live in the policy, not here. */
const Price = z
  .number()
  .finite()
  .refine((n) => Math.abs(Math.round(n * 100) - n * 100) < 1e-6, 'must have at most two decimals');

export const GetListingParams = z.object({
  listingId: ListingId,
});

export const SearchSimilarParams = z.object({
  query: z.string().trim().min(2, 'must describe the item in a few words').max(200),
  category: CategorySchema.nullable().optional(),
  limit: z.number().int().min(1).max(20).nullable().optional(),
});

export const CreateListingParams = z.object({
  title: z.string().trim().min(3).max(120),
  description: z.string().trim().min(10).max(4000),
  category: z
    .string()
    .trim()
    .min(1)
    .max(40)
    .describe(`One of: ${CATEGORIES.join(', ')}`),
  price: Price,
  condition: ConditionSchema,
});

export const UpdatePriceParams = z.object({
  listingId: ListingId,
  price: Price,
});

export type GetListingArgs = z.infer<typeof GetListingParams>;
export type SearchSimilarArgs = z.infer<typeof SearchSimilarParams>;
export type CreateListingArgs = z.infer<typeof CreateListingParams>;
export type UpdatePriceArgs = z.infer<typeof UpdatePriceParams>;

export const TOOL_NAMES = ['getListing', 'searchSimilar', 'createListing', 'updatePrice'] as const;
export type ToolName = (typeof TOOL_NAMES)[number];

/**
 * Tool results as the model receives them (JSON text). Every result carries
 * `ok`; listing text inside results is seller-written data, never instructions.
 */
export interface ListingSummary {
  id: string;
  title: string;
  category: string;
  condition: string;
  price: number;
  status: string;
  sellerId: string;
}

export type { PriceStatistics as PriceStats } from '../store/priceStats.js';
import type { PriceStatistics as PriceStats } from '../store/priceStats.js';

export type ToolResult =
  | { ok: true; listing: ListingSummary & { description: string; yours: boolean }; note: string }
  | { ok: true; matches: ListingSummary[]; stats: PriceStats | null; note: string }
  | { ok: true; created: ListingSummary }
  | { ok: true; updated: ListingSummary; previousPrice: number }
  | { ok: false; error: 'invalid_arguments'; issues: string[]; message: string }
  | { ok: false; error: 'policy_denied'; rule: string; message: string }
  | { ok: false; error: 'not_found' | 'not_confirmed' | 'failed'; message: string };
