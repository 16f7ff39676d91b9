import type { PriceStatistics as PriceStats } from '../store/priceStats.js';

export type { PriceStats };

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

export type ToolResult =
  | { ok: true; listing: ListingSummary & { description: string; yours: boolean }; note: string }
  /** `mine`: the seller's own listings found by title words (no statistics): not comparables for a price. */
  | { ok: true; matches: ListingSummary[]; stats: PriceStats | null; mine?: true; note: string }
  | { ok: true; created: ListingSummary; sellerEdit?: string }
  | { ok: true; updated: ListingSummary; previousPrice: number; sellerEdit?: string }
  | { ok: false; error: 'invalid_arguments'; issues: string[]; message: string }
  | { ok: false; error: 'policy_denied'; rule: string; message: string }
  | { ok: false; error: 'not_found' | 'not_confirmed' | 'failed'; message: string }
  /** A write answered past its time limit: it may still commit (at most once for its call id), so no retry. */
  | { ok: false; error: 'outcome_unknown'; message: string };

/** The codes a failed tool result carries. */
export type ToolErrorCode = Extract<ToolResult, { ok: false }>['error'];

// A record, so that a code added to ToolResult cannot be left out of the list.
const ERROR_CODES: Record<ToolErrorCode, true> = {
  invalid_arguments: true,
  policy_denied: true,
  not_found: true,
  not_confirmed: true,
  failed: true,
  outcome_unknown: true,
};
export const TOOL_ERROR_CODES = Object.keys(ERROR_CODES) as ToolErrorCode[];
