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
 */
export const PolicyRulesSchema = z.object({
  version: z.string().min(1),
  /** Per-tool switches; a write waits for the seller's confirmation unless `requiresConfirmation` is false. */
  tools: z
    .record(
      z.string(),
      z.object({
        requiresConfirmation: z.boolean().optional(),
        disabled: z.boolean().optional(),
      }),
    )
    .default({}),
  /** The categories sellers may list in: every category when absent. */
  categories: z
    .array(KnownCategory)
    .min(1)
    .default(() => [...CATEGORIES]),
  price: z.object({
    min: z.number().positive(),
    max: z.number().positive(),
    maxByCategory: z.record(KnownCategory, z.number().positive()).default({}),
  }),
  prohibitedTerms: z.array(z.string().min(1)).default([]),
  rateLimit: z.object({ writesPerSellerPerHour: z.number().int().nonnegative() }),
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
