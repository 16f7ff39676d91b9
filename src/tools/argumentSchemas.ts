import { z } from 'zod';

/**
 * Argument shapes several tools share. Optional fields are `.nullable().optional()` in the
 * tools' parameters because strict function schemas send optional fields as
 * required-but-nullable, so a model may legitimately send `null`.
 */
export const ListingIdArgument = z
  .string()
  .trim()
  .regex(/^lst_[A-Za-z0-9]{4,32}$/, 'must look like lst_XXXX (the id shown with the listing)');

/**
 * EUR amount with at most two decimals. Bounds live in the policy, not here. Within the tolerance
 * for binary fractions (19.99 is not exact) the amount is rounded to whole cents, so that the
 * price judged, confirmed and shown is the one stored: 19.999999999 would otherwise pass as a
 * change from €20 and show as "€20" while the seller confirms it.
 */
export const PriceArgument = z
  .number()
  .finite()
  .refine((n) => Math.abs(Math.round(n * 100) - n * 100) < 1e-6, 'must have at most two decimals')
  .overwrite((n) => Math.round(n * 100) / 100);
