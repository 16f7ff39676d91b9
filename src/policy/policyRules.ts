import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { CATEGORIES, isCategory } from '../domain/listing.js';

const KnownCategory = z.string().refine((name): boolean => isCategory(name), {
  error: (issue) => `"${String(issue.input)}" is not a category (they are defined in src/domain/categories.ts)`,
});

/**
 * The schema of `policies/*.json`: rules are data, validated once at start. What is not a
 * setting stays out: the tools and their effects come from their specs (src/tools), the
 * categories from src/domain/categories.ts, and owning a listing to change it is always checked.
 * Objects are strict: a misspelt key (`maxByCategroy`) would otherwise be dropped in silence and
 * the rule it meant to set would not hold.
 */
export const PolicyRulesSchema = z.strictObject({
  $comment: z.string().optional(),
  version: z.string().min(1),
  /** Per-tool switches; a write waits for the seller's confirmation unless `requiresConfirmation` is false. */
  tools: z
    .record(
      z.string(),
      z.strictObject({
        requiresConfirmation: z.boolean().optional(),
        disabled: z.boolean().optional(),
        /** Older files: a tool's effect comes from its spec now; accepted and ignored. */
        effect: z.enum(['read', 'write']).optional(),
      }),
    )
    .default({}),
  /** The categories sellers may list in: every category when absent. */
  categories: z
    .array(KnownCategory)
    .min(1)
    .default(() => [...CATEGORIES]),
  price: z.strictObject({
    min: z.number().positive(),
    max: z.number().positive(),
    maxByCategory: z.record(KnownCategory, z.number().positive()).default({}),
  }),
  prohibitedTerms: z.array(z.string().min(1)).default([]),
  rateLimit: z.strictObject({ writesPerSellerPerHour: z.number().int().nonnegative() }),
  /** Older files: ownership is always checked now, not a setting; accepted and ignored. */
  ownership: z.record(z.string(), z.string()).optional(),
});

export type PolicyRules = z.infer<typeof PolicyRulesSchema>;

export const DEFAULT_POLICY_PATH = new URL('../../policies/listing-policy.json', import.meta.url);

export function loadPolicyRules(path: string | URL = DEFAULT_POLICY_PATH): PolicyRules {
  const parsed = PolicyRulesSchema.safeParse(JSON.parse(readFileSync(path, 'utf8')));
  if (!parsed.success) {
    throw new Error(`Invalid policy file ${String(path)}: ${z.prettifyError(parsed.error)}`);
  }
  return parsed.data;
}
